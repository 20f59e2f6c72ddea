import { describe, expect, it } from 'vitest';
import { MAX_AGE_MS, scopeOf } from './queue';

describe('the offline queue (REL-2, D2)', () => {
	it('keeps an answer no longer than the young person’s absolute session (4 h)', () => {
		expect(MAX_AGE_MS).toBe(4 * 60 * 60 * 1000);
	});
	it('scopes an entry to the consultation in its action path, and only respondents’ pages', () => {
		expect(scopeOf('/me/review/abc123/home-feel')).toBe('abc123');
		expect(scopeOf('/parent/review/r9/plan-agree?return=check')).toBe('r9');
		expect(scopeOf('/iro/review/r9/pack')).toBe('');
		expect(scopeOf('/sign-in')).toBe('');
	});
});
