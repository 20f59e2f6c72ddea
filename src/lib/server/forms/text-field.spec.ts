import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { textField } from './text-field';

const field = textField({ max: 5, tooLong: 'k.long', badCharacters: 'k.bad', empty: 'k.empty' });
const issue = (input: unknown) => {
	const r = v.safeParse(field, input);
	return r.success ? null : r.issues[0].message;
};

describe('textField', () => {
	it('normalises and accepts text within the limit', () => {
		expect(v.parse(field, '  hi  ')).toBe('hi');
	});
	it('counts code points, not UTF-16 units', () => {
		expect(issue('😀😀😀😀😀')).toBeNull();
		expect(issue('😀😀😀😀😀😀')).toBe('k.long');
	});
	it('gives each failure its own key', () => {
		expect(issue('')).toBe('k.empty');
		expect(issue('a\u0000b')).toBe('k.bad');
		expect(issue('a\nb')).toBe('k.bad');
		expect(issue(42)).not.toBeNull();
	});
	it('allows line breaks only when multiline, and empty only without `empty`', () => {
		const area = textField({ max: 10, tooLong: 'k.long', badCharacters: 'k.bad', multiline: true });
		expect(v.parse(area, 'a\nb')).toBe('a\nb');
		expect(v.parse(area, '')).toBe('');
	});
});
