import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_CLAIM_MS, CODE_VALID_MS, generateCode, hashCode, looksLikeCode, normaliseCode } from './activation';

/** SEC-A3, SECURITY §3.1: 10 characters from 30 symbols (no I, L, O, U, 0, 1), shown XXXXX-XXXXX. */
describe('SEC-A3: the activation code alphabet', () => {
	it('has exactly 30 distinct symbols', () => {
		expect(CODE_ALPHABET).toHaveLength(30);
		expect(new Set(CODE_ALPHABET).size).toBe(30);
	});

	it.each(['I', 'L', 'O', 'U', '0', '1'])('leaves out the easily confused symbol %s', (symbol) => {
		expect(CODE_ALPHABET).not.toContain(symbol);
	});

	it('holds only upper-case letters and digits', () => {
		expect(CODE_ALPHABET).toMatch(/^[A-Z2-9]+$/);
	});
});

describe('SEC-A3: generateCode', () => {
	const SHAPE = new RegExp(`^[${CODE_ALPHABET}]{5}-[${CODE_ALPHABET}]{5}$`);

	it('is shaped XXXXX-XXXXX from the alphabet', () => {
		for (let i = 0; i < 200; i++) expect(generateCode()).toMatch(SHAPE);
	});

	it('makes 1000 different codes in 1000 tries', () => {
		const codes = new Set(Array.from({ length: 1000 }, () => generateCode()));
		expect(codes.size).toBe(1000);
	});

	it('uses every symbol of the alphabet over many codes (no symbol is unreachable)', () => {
		const seen = new Set(Array.from({ length: 500 }, () => generateCode().replace('-', '')).join(''));
		expect([...seen].sort().join('')).toBe([...CODE_ALPHABET].sort().join(''));
	});

	it('is valid 28 days and claimed for 15 minutes (our defaults)', () => {
		expect(CODE_VALID_MS).toBe(28 * 24 * 60 * 60_000);
		expect(CODE_CLAIM_MS).toBe(15 * 60_000);
	});
});

describe('SEC-A3: normalising what was typed', () => {
	it.each([
		['the printed form', 'ABCDE-FGHJK'],
		['lower case', 'abcde-fghjk'],
		['mixed case', 'AbCdE-fGhJk'],
		['no dash', 'ABCDEFGHJK'],
		['spaces instead of the dash', 'ABCDE FGHJK'],
		['spaces everywhere', ' a b c d e f g h j k '],
		['several dashes', 'AB-CDE--FG-HJK'],
		['a leading and trailing new line', '\nABCDE-FGHJK\n'],
		['full-width characters (NFKC)', 'ＡＢＣＤＥ－ＦＧＨＪＫ'],
		['an en dash from a word processor', 'ABCDE–FGHJK']
	])('%s normalises to the same code', (_name, typed) => {
		expect(normaliseCode(typed)).toBe('ABCDEFGHJK');
		expect(hashCode(typed)).toBe(hashCode('ABCDE-FGHJK'));
	});

	it('a different code hashes differently', () => {
		expect(hashCode('ABCDE-FGHJM')).not.toBe(hashCode('ABCDE-FGHJK'));
	});
});

describe('SEC-A3: hashCode', () => {
	it('is the hex SHA-256 of the normalised code, so it is stable across releases', () => {
		const expected = createHash('sha256').update('ABCDEFGHJK').digest('hex');
		expect(hashCode('abcde-fghjk')).toBe(expected);
		expect(hashCode('abcde-fghjk')).toMatch(/^[0-9a-f]{64}$/);
	});

	it('gives the same answer every time', () => {
		const code = generateCode();
		expect(hashCode(code)).toBe(hashCode(code));
	});

	it('never contains the code itself', () => {
		const code = generateCode();
		expect(hashCode(code)).not.toContain(normaliseCode(code).toLowerCase());
	});
});

describe('looksLikeCode (unknown and malformed codes get one answer)', () => {
	it.each([
		['a generated code', generateCode(), true],
		['a code typed without a dash', 'ABCDEFGHJK', true],
		['four characters (the shortest plausible)', 'ABCD', true],
		['twenty characters (the longest plausible)', 'A'.repeat(20), true],
		['three characters', 'ABC', false],
		['twenty-one characters', 'A'.repeat(21), false],
		['nothing', '', false],
		['only dashes and spaces', ' - - ', false]
	])('%s → %s', (_name, input, ok) => {
		expect(looksLikeCode(input)).toBe(ok);
	});
});
