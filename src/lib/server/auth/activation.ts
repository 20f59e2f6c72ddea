import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

/**
 * One-time activation codes (SECURITY §3.1, SEC-A3): 10 characters from a 30-symbol alphabet
 * without I, L, O, U, 0 or 1 (≈49 bits), shown `XXXXX-XXXXX`; case and separators are ignored.
 * Only SHA-256 of the normalised code is stored. Valid 28 days (letters go by post); entering
 * it claims it for 15 minutes; it is consumed in the transaction that sets the passphrase.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
export const CODE_VALID_MS = 28 * 24 * 60 * 60_000;
export const CODE_CLAIM_MS = 15 * 60_000;

/** A new random code, formatted for a letter. Rejection sampling keeps symbols uniform. */
export function generateCode(): string {
	const out: string[] = [];
	const buf = new Uint8Array(1);
	while (out.length < 10) {
		crypto.getRandomValues(buf);
		const b = buf[0]!;
		if (b < 240) out.push(CODE_ALPHABET[b % 30]!);
	}
	return `${out.slice(0, 5).join('')}-${out.slice(5).join('')}`;
}

/** Uppercases and drops spaces, dashes and anything else that is not a letter or digit. */
export function normaliseCode(input: string): string {
	return input.normalize('NFKC').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Plausible shape before any lookup: 4–20 letters or digits once normalised. */
export function looksLikeCode(input: string): boolean {
	const n = normaliseCode(input);
	return n.length >= 4 && n.length <= 20;
}

export function hashCode(input: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(normaliseCode(input))));
}
