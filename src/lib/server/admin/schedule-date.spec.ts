import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import * as children from '../data/children';
import { scheduleDateError } from './children';

/**
 * Found by the HTTP fuzz (tests/e2e/fuzz.e2e.ts, SEC-V1): an admin could schedule a review on
 * 1900-01-01, before the child was born, and every page of the child's journey then failed with a
 * 500 (their age on the review date can't be worked out). A review date before the child became
 * looked after is refused by the date field.
 */
const NOW = Date.UTC(2026, 10, 5, 9);
let t: TestDatabase;
let f: Family;
beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, NOW);
});
afterEach(async () => {
	await t?.close();
});

describe('SEC-V1: a review date is on or after the date the child became looked after', () => {
	it.each([
		['1900-01-01', { key: 'errors.review-before-care' }],
		['0001-01-01', { key: 'errors.review-before-care' }]
	])('refuses %s', async (date, want) => {
		expect(await scheduleDateError(f.childId, date, t.db)).toEqual(want);
	});

	it('refuses the day before they became looked after, accepts that day and later', async () => {
		const since = (await children.get(t.db, f.childId))!.lookedAfterSince;
		const dayBefore = new Date(Date.parse(`${since}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
		expect(await scheduleDateError(f.childId, dayBefore, t.db)).toEqual({ key: 'errors.review-before-care' });
		expect(await scheduleDateError(f.childId, since, t.db)).toBeNull();
		expect(await scheduleDateError(f.childId, '2026-12-01', t.db)).toBeNull();
	});
});
