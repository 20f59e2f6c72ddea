import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import { newId } from '../ids';
import { AUDIT_FLOOR_DAYS, DEFAULT_RETENTION, runRetention } from './retention';

/**
 * SECURITY §10 retention and SEC-L5: expired operational rows go, fresh ones stay, the job's own
 * audit rows hold counts only, and audit rows younger than 365 days are never deleted, whatever
 * the job's clock says. Runs on SQLite and, with TEST_DATABASE_URL, Postgres.
 */
const DAY = 86_400_000;
/** The job's fixed clock; the real clock (the database's) is passed separately. */
const NOW = Date.UTC(2026, 10, 26, 3, 0, 0);

let t: TestDatabase;
let f: Family;

beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, NOW - 800 * DAY);
});
afterEach(async () => {
	await t?.close();
});

const daysAgo = (d: number, from = NOW) => from - d * DAY;

async function plant(db: TestDatabase['db'], user: string, issuer: string) {
	const ids = { oldSession: newId(), newSession: newId(), oldCode: newId(), newCode: newId(), heldCode: newId(), heldSession: newId() };
	const session = (id: string, used: number, code: string | null = null) => ({ id, user_id: user, secret_hash: id, kind: code ? 'activation' : 'full', activation_code_id: code, created_at: used, last_verified_at: used });
	await db.insertInto('session').values([session(ids.oldSession, daysAgo(31)), session(ids.newSession, daysAgo(29)), session(ids.heldSession, daysAgo(1), ids.heldCode)]).execute();
	const code = (id: string, expires: number) => ({ id, code_hash: id, user_id: user, review_id: null, issued_by: issuer, created_at: expires - 7 * DAY, expires_at: expires, claimed_until: null, used_at: null, revoked_at: null });
	await db.insertInto('activation_code').values([code(ids.oldCode, daysAgo(31)), code(ids.newCode, daysAgo(29)), code(ids.heldCode, daysAgo(40))]).execute();
	const key = (k: string, at: number) => ({ actor_id: user, key: k, action: 'test', fields_hash: 'h', location: '/x', created_at: at });
	await db.insertInto('idempotency_key').values([key('old', daysAgo(8)), key('new', daysAgo(6))]).execute();
	await db
		.insertInto('rate_limit')
		.values([
			{ bucket: 'sign-in', key: 'old', window_start: NOW - 25 * 3_600_000, count: 3 },
			{ bucket: 'sign-in', key: 'new', window_start: NOW - 23 * 3_600_000, count: 3 }
		])
		.execute();
	const out = (id: string, sent: number | null, failed: number | null = null) => ({ id, recipient_id: user, recipient_address: null, template: 'neutral', created_at: daysAgo(100), next_attempt_at: daysAgo(100), sent_at: sent, last_error: null, failed_at: failed });
	await db.insertInto('outbox').values([out('sent-old', daysAgo(31)), out('sent-new', daysAgo(29)), out('unsent', null), out('failed', null, daysAgo(90))]).execute();
	return ids;
}

const audit = (id: string, at: number, child: string | null = null) => ({ id, at, actor_id: null, actor_role: 'iro', action: 'view', child_id: child, resource_type: 'consultation', resource_id: 'c1', outcome: 'ok', request_id: null });

describe('runRetention', () => {
	it('erases expired sessions, codes, keys, counters and sent outbox rows; keeps fresh, unsent, failed and in-use ones', async () => {
		const ids = await plant(t.db, f.parentId, f.adminId);
		const counts = await runRetention(t.db, NOW, DEFAULT_RETENTION, () => NOW);
		expect(counts).toMatchObject({ session: 1, activation_code: 1, idempotency_key: 1, rate_limit: 1, outbox: 1 });

		const sessions = (await t.db.selectFrom('session').select('id').execute()).map((r) => r.id);
		expect(sessions).not.toContain(ids.oldSession);
		expect(sessions).toEqual(expect.arrayContaining([ids.newSession, ids.heldSession]));
		const codes = (await t.db.selectFrom('activation_code').select('id').execute()).map((r) => r.id);
		expect(codes).not.toContain(ids.oldCode);
		// Still named by a live session: kept until the session goes.
		expect(codes).toEqual(expect.arrayContaining([ids.newCode, ids.heldCode]));
		expect((await t.db.selectFrom('idempotency_key').select('key').execute()).map((r) => r.key)).toEqual(['new']);
		expect((await t.db.selectFrom('rate_limit').select('key').execute()).map((r) => r.key)).toEqual(['new']);
		expect((await t.db.selectFrom('outbox').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual(['failed', 'sent-new', 'unsent']);

		// A second pass finds nothing more and writes no audit row.
		const before = await t.db.selectFrom('audit_event').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		expect(Object.values(await runRetention(t.db, NOW, DEFAULT_RETENTION, () => NOW)).every((n) => n === 0)).toBe(true);
		const after = await t.db.selectFrom('audit_event').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		expect(Number(after.n)).toBe(Number(before.n));
	});

	it('records what it erased as erased audit rows holding a kind and a count only', async () => {
		await plant(t.db, f.parentId, f.adminId);
		await runRetention(t.db, NOW, DEFAULT_RETENTION, () => NOW);
		const rows = await t.db.selectFrom('audit_event').selectAll().where('action', '=', 'erased').orderBy('resource_type').execute();
		expect(rows.map((r) => [r.resource_type, r.resource_id])).toEqual([
			['activation_code', '1'],
			['idempotency_key', '1'],
			['outbox', '1'],
			['rate_limit', '1'],
			['session', '1']
		]);
		for (const r of rows) {
			expect(r).toMatchObject({ at: NOW, actor_id: null, actor_role: 'system', child_id: null, outcome: 'ok', request_id: null });
			expect(r.resource_id).toMatch(/^\d+$/);
		}
	});

	it('the policy is configurable per kind', async () => {
		await plant(t.db, f.parentId, f.adminId);
		const counts = await runRetention(t.db, NOW, { ...DEFAULT_RETENTION, idempotencyKeyDays: 1, sentOutboxDays: 365 }, () => NOW);
		expect(counts.idempotency_key).toBe(2);
		expect(counts.outbox).toBe(0);
	});

	it('SEC-L5: deletes audit rows past 2 years, keeps younger ones, and never asks for one under 365 days by the real clock', async () => {
		const real = Date.now();
		await t.db
			.insertInto('audit_event')
			.values([audit('a-3y', daysAgo(3 * 365, real), f.childId), audit('a-400d', daysAgo(400, real), f.childId), audit('a-100d', daysAgo(100, real), f.childId), audit('a-1d', daysAgo(1, real))])
			.execute();

		// Default policy, true clock: only the row past 2 years goes.
		expect((await runRetention(t.db, real, DEFAULT_RETENTION)).audit_event).toBe(1);
		let left = (await t.db.selectFrom('audit_event').select('id').where('id', 'like', 'a-%').orderBy('id').execute()).map((r) => r.id);
		expect(left).toEqual(['a-100d', 'a-1d', 'a-400d']);

		// A policy shorter than the floor is held at 365 days.
		expect((await runRetention(t.db, real, { ...DEFAULT_RETENTION, auditDays: 30 })).audit_event).toBe(1);
		left = (await t.db.selectFrom('audit_event').select('id').where('id', 'like', 'a-%').orderBy('id').execute()).map((r) => r.id);
		expect(left).toEqual(['a-100d', 'a-1d']);

		// A job clock ten years ahead cannot reach rows the database still protects: no error, nothing lost.
		await expect(runRetention(t.db, real + 10 * 365 * DAY, { ...DEFAULT_RETENTION, auditDays: 1 })).resolves.toMatchObject({ audit_event: 0 });
		left = (await t.db.selectFrom('audit_event').select('id').where('id', 'like', 'a-%').orderBy('id').execute()).map((r) => r.id);
		expect(left).toEqual(['a-100d', 'a-1d']);
		expect(AUDIT_FLOOR_DAYS).toBe(365);
	});

	it('the database itself still refuses a delete of a recent audit row (the job relies on it, not only on its own cutoff)', async () => {
		await t.db.insertInto('audit_event').values(audit('a-now', Date.now())).execute();
		await expect(t.db.deleteFrom('audit_event').where('id', '=', 'a-now').execute()).rejects.toThrow(/365 days/);
	});
});
