import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../db/test-db';
import * as audit from './audit';

/**
 * SEC-L5, D26 (SECURITY §8): the audit log is append-only in the database itself. Triggers refuse
 * UPDATE, and DELETE of rows younger than 365 days by the database clock; only the retention job
 * deletes, above that floor. Runs on SQLite and, with TEST_DATABASE_URL, Postgres.
 */
const DAY = 24 * 60 * 60_000;

let t: TestDatabase;

beforeEach(async () => {
	t = await openTestDatabase();
});
afterEach(async () => {
	await t?.close();
});

async function insert(at: number, resourceId = 'r1'): Promise<void> {
	await audit.record(t.db, { at, actorId: 'u1', actorRole: 'iro', action: 'view', childId: 'c1', resourceType: 'pack', resourceId, requestId: 'req-1' });
}

async function count(): Promise<number> {
	const rows = await t.db.selectFrom('audit_event').select('id').execute();
	return rows.length;
}

describe('SEC-L5: audit_event is append-only', () => {
	it('record inserts a row that forResource reads back, with outcome ok by default', async () => {
		const now = Date.now();
		await insert(now);
		expect(await audit.forResource(t.db, 'pack', 'r1')).toEqual([
			{ at: now, actorId: 'u1', action: 'view', childId: 'c1', resourceType: 'pack', resourceId: 'r1', outcome: 'ok' }
		]);
	});

	it('forResource returns the events about one resource, oldest first', async () => {
		const now = Date.now();
		await insert(now, 'r2');
		await insert(now - 2000, 'r1');
		await insert(now - 1000, 'r1');
		expect((await audit.forResource(t.db, 'pack', 'r1')).map((r) => r.at)).toEqual([now - 2000, now - 1000]);
	});

	it('SEC-L5: an UPDATE of an audit row fails and changes nothing', async () => {
		const now = Date.now();
		await insert(now);
		await expect(t.db.updateTable('audit_event').set({ outcome: 'denied' }).execute()).rejects.toThrow(/append-only/);
		expect((await audit.forResource(t.db, 'pack', 'r1'))[0]?.outcome).toBe('ok');
	});

	it('SEC-L5: an UPDATE of an old audit row fails too', async () => {
		await insert(Date.now() - 800 * DAY);
		await expect(t.db.updateTable('audit_event').set({ actor_id: null }).execute()).rejects.toThrow(/append-only/);
	});

	it('SEC-L5: a DELETE of a recent row fails and deletes nothing', async () => {
		await insert(Date.now());
		await expect(t.db.deleteFrom('audit_event').execute()).rejects.toThrow(/365 days/);
		expect(await count()).toBe(1);
	});

	it('SEC-L5: a DELETE of a row 364 days old fails (the one-year floor)', async () => {
		await insert(Date.now() - 364 * DAY);
		await expect(t.db.deleteFrom('audit_event').execute()).rejects.toThrow(/365 days/);
		expect(await count()).toBe(1);
	});

	it('SEC-L5: a DELETE that would take a recent row along with old ones deletes nothing', async () => {
		await insert(Date.now() - 800 * DAY);
		await insert(Date.now());
		await expect(t.db.deleteFrom('audit_event').execute()).rejects.toThrow();
		expect(await count()).toBe(2);
	});

	it('the retention job can delete rows older than the floor (D26: 2 years kept, 1 year enforced)', async () => {
		await insert(Date.now() - 366 * DAY, 'old');
		await insert(Date.now(), 'new');
		await t.db.deleteFrom('audit_event').where('at', '<', Date.now() - 365 * DAY).execute();
		expect((await t.db.selectFrom('audit_event').select('resource_id').execute()).map((r) => r.resource_id)).toEqual(['new']);
	});

	it('the floor is judged by the database clock, not by a value the caller supplies', async () => {
		// A row stamped in the future (clock skew) stays: the trigger compares with the database's own now.
		await insert(Date.now() + 30 * DAY);
		await expect(t.db.deleteFrom('audit_event').execute()).rejects.toThrow();
		expect(await count()).toBe(1);
	});

	it('raw SQL cannot update it either (the guard is in the database, not in the data module)', async () => {
		await insert(Date.now());
		await expect(sql`update audit_event set outcome = ${'tampered'}`.execute(t.db)).rejects.toThrow(/append-only/);
	});
});
