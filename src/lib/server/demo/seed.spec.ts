import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../db/test-db';
import { seedDemo } from './seed';

/** The demo seed runs on an empty database and gives the IRO some feedback to read (issue 6, DOMAIN §7). */
let t: TestDatabase;
beforeEach(async () => {
	t = await openTestDatabase();
});
afterEach(async () => {
	await t?.close();
});

describe('seedDemo', () => {
	it('asks everyone at each child’s last review how it went; Sam and their parent have answered', async () => {
		const now = Date.UTC(2026, 10, 26, 10, 0, 0);
		expect((await seedDemo(t.db, now)).length).toBeGreaterThan(0);
		const rows = await t.db.selectFrom('feedback_response').select(['respondent_kind', 'status']).execute();
		expect(rows).toHaveLength(9);
		expect(rows.filter((r) => r.status === 'sent').map((r) => r.respondent_kind).sort()).toEqual(['parent', 'young-person']);
		expect(await seedDemo(t.db, now)).toEqual([]);
	});
});
