import { describe, expect, it } from 'vitest';
import { checkPassphrase } from './passphrase';

/**
 * SEC-A5, SECURITY §3.1: 8–128 characters after NFKC (staff 12), not on the common list, not
 * containing the username or first name; no composition rules.
 */
type Context = Parameters<typeof checkPassphrase>[1];
const CHILD: Context = { username: 'sunny-otter-42', firstName: 'Sam' };
const STAFF: Context = { username: null, firstName: 'Rowan', minLength: 12 };

describe('SEC-A5: checkPassphrase', () => {
	it.each([
		// [name, input, context, expected error key or null, params]
		['an empty passphrase', '', CHILD, 'errors.passphrase-empty', undefined],
		['seven characters is too short', 'tealcup', CHILD, 'errors.passphrase-too-short', { min: 8 }],
		['eight characters is enough', 'tealcups', CHILD, null, undefined],
		['eight emoji (code points, not UTF-16 units) are enough', '🐢🐢🐢🐢🐯🐯🐯🐯', CHILD, null, undefined],
		['four emoji (eight UTF-16 units) are too short', '🐢🐢🐯🐯', CHILD, 'errors.passphrase-too-short', { min: 8 }],
		['128 characters is the most', 'a'.repeat(64) + 'b'.repeat(64), CHILD, null, undefined],
		['129 characters is too long', 'a'.repeat(65) + 'b'.repeat(64), CHILD, 'errors.passphrase-too-long', { max: 128 }],
		['a common passphrase is refused', 'password', CHILD, 'errors.passphrase-common', undefined],
		['a common passphrase in capitals is refused', 'PASSWORD', CHILD, 'errors.passphrase-common', undefined],
		['a common passphrase with extra spaces is refused', '  correct   horse battery staple ', CHILD, 'errors.passphrase-common', undefined],
		['a common passphrase in full-width letters is refused after NFKC', 'ｐａｓｓｗｏｒｄ', CHILD, 'errors.passphrase-common', undefined],
		['the username inside the passphrase is refused', 'my sunny-otter-42 rocks', CHILD, 'errors.passphrase-personal', undefined],
		['the username in capitals is refused', 'SUNNY-OTTER-42 forever', CHILD, 'errors.passphrase-personal', undefined],
		['the first name inside the passphrase is refused', 'sam likes blue bikes', CHILD, 'errors.passphrase-personal', undefined],
		['the first name in capitals is refused', 'blue bikes for SAM', CHILD, 'errors.passphrase-personal', undefined],
		['a name shorter than three letters is not matched', 'al likes blue bikes', { username: null, firstName: 'Al' }, null, undefined],
		['no composition rules: all lower-case words are fine', 'purple giraffes dance', CHILD, null, undefined],
		['no composition rules: digits only are fine if not common', '90417362', CHILD, null, undefined],
		['staff need 12: eleven characters is too short', 'tealcupsand', STAFF, 'errors.passphrase-too-short', { min: 12 }],
		['staff need 12: twelve characters is enough', 'tealcupsandy', STAFF, null, undefined],
		['a staff password holding the first name is refused', 'rowan-the-great-one', STAFF, 'errors.passphrase-personal', undefined]
	] as const)('%s', (_name, input, context, key, params) => {
		const result = checkPassphrase(input, context);
		if (key === null) expect(result).toBeNull();
		else expect(result).toEqual(params ? { key, params } : { key });
	});

	it('measures the length after NFKC: four ligatures "ﬁ" are eight characters', () => {
		expect('ﬁﬁﬁﬁ'.length).toBe(4);
		expect(checkPassphrase('ﬁﬁﬁﬁ', CHILD)).toBeNull();
	});

	it('compares personal words after NFKC: a full-width first name is refused', () => {
		expect(checkPassphrase('ＳＡＭ likes blue bikes', CHILD)).toEqual({ key: 'errors.passphrase-personal' });
	});

	it('without a minimum in the context, respondents need 8', () => {
		expect(checkPassphrase('tealcup', {})).toEqual({ key: 'errors.passphrase-too-short', params: { min: 8 } });
		expect(checkPassphrase('tealcups', {})).toBeNull();
	});

	it('errors are i18n keys, never English (STYLE §4.1)', () => {
		for (const input of ['', 'short', 'password', 'x'.repeat(200), 'sam sam sam sam']) {
			const error = checkPassphrase(input, CHILD);
			expect(error?.key).toMatch(/^errors\.[a-z-]+$/);
		}
	});
});
