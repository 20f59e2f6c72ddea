import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

describe('SEC-C7: preference forms return only to a path on this site', () => {
	it.each(['/', '/me', '/me/review/abc-123/home-feel', '/sign-in'])('keeps %s', (p) => expect(safeReturnPath(p)).toBe(p));
	it.each(['', '//evil.example', '/\\evil', 'https://evil.example/', 'me', '/me?x=1', '/me#x', '/me/%2F%2Fevil', 'javascript:alert(1)', '/' + 'a'.repeat(300)])(
		'refuses %s',
		(p) => expect(safeReturnPath(p)).toBe('/')
	);
});
