import type { FieldError } from '$lib/forms/types';
import { COMMON_PASSPHRASES } from './common-passphrases';

/**
 * Passphrase rules (SECURITY §3.1, SEC-A5): 8–128 characters after NFKC, not a common one,
 * not containing the username or first name; no composition rules (they push people to
 * predictable patterns). Staff passwords use the same rules with a minimum of 12.
 */
export function checkPassphrase(
	input: string,
	context: { username?: string | null; firstName?: string | null; minLength?: number }
): FieldError | null {
	const p = input.normalize('NFKC');
	const min = context.minLength ?? 8;
	const length = [...p].length;
	if (length === 0) return { key: 'errors.passphrase-empty' };
	if (length < min) return { key: 'errors.passphrase-too-short', params: { min } };
	if (length > 128) return { key: 'errors.passphrase-too-long', params: { max: 128 } };
	const lower = p.toLowerCase();
	if (COMMON_PASSPHRASES.has(lower.replace(/\s+/g, ' ').trim())) return { key: 'errors.passphrase-common' };
	for (const word of [context.username, context.firstName]) {
		if (word && word.length >= 3 && lower.includes(word.toLowerCase())) return { key: 'errors.passphrase-personal' };
	}
	return null;
}
