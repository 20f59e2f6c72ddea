import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrate';
import { openDatabase } from './open';
import type { Database } from './schema';

/**
 * REL-7, D3, SEC-K2: a SQLite FILE opened as the app opens it: WAL, synchronous=FULL, foreign
 * keys, secure_delete, busy_timeout; STRICT tables; SQLite ≥ 3.51.3 (the WAL-reset fix).
 * SQLite only: `:memory:` can't hold WAL, and Postgres has none of these pragmas.
 */
const APP_TABLES = [
	'activation_code', 'answer', 'app_user', 'audit_event', 'child', 'child_link', 'consultation', 'consultation_version', 'idempotency_key',
	'invitation', 'iro_allocation', 'outbox', 'rate_limit', 'review', 'safety_alert', 'session',
	// After the meeting (2026_11_26_0300_add_review_outcomes).
	'review_meeting', 'review_decision', 'review_report', 'decision_reaction', 'review_escalation',
	// Notifications (2026_11_26_0200_add_notifications).
	'review_reminder',
	// Service settings (0400), requests (0500), feedback (0600), the question bank (1100).
	'service_setting', 'help_request', 'help_request_event', 'feedback_response', 'feedback_answer', 'form_version',
	// The report summary (1300).
	'report_review', 'report_feedback', 'report_dirty'
].sort();

let dir: string;
let db: Kysely<Database>;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'my-review-db-'));
	db = openDatabase(join(dir, 'test.sqlite')).db;
});
afterEach(async () => {
	await db?.destroy();
	rmSync(dir, { recursive: true, force: true });
});

/** Fixed statements: no `sql.raw` anywhere (SEC-C6). */
const PRAGMAS = {
	journal_mode: sql<Record<string, unknown>>`pragma journal_mode`,
	synchronous: sql<Record<string, unknown>>`pragma synchronous`,
	foreign_keys: sql<Record<string, unknown>>`pragma foreign_keys`,
	secure_delete: sql<Record<string, unknown>>`pragma secure_delete`,
	busy_timeout: sql<Record<string, unknown>>`pragma busy_timeout`
};

async function pragma(name: keyof typeof PRAGMAS): Promise<unknown> {
	const { rows } = await PRAGMAS[name].execute(db);
	return Object.values(rows[0] ?? {})[0];
}

describe('REL-7, D3: the SQLite pragmas', () => {
	it('opens a file as SQLite', () => {
		expect(openDatabase(join(dir, 'other.sqlite')).dialect).toBe('sqlite');
	});

	it.each([
		['journal_mode', 'wal'],
		['synchronous', 2],
		['foreign_keys', 1],
		['secure_delete', 1],
		['busy_timeout', 5000]
	] as const)('REL-7: %s is %s', async (name, expected) => {
		expect(await pragma(name)).toBe(expected);
	});

	it('REL-7: the pragmas hold after migrating (nothing resets them)', async () => {
		await migrateToLatest(db);
		expect(await pragma('journal_mode')).toBe('wal');
		expect(await pragma('synchronous')).toBe(2);
		expect(await pragma('foreign_keys')).toBe(1);
	});

	it('REL-7: foreign keys are enforced', async () => {
		await migrateToLatest(db);
		await expect(
			db.insertInto('session').values({ id: 's', user_id: 'nobody', secret_hash: 'h', kind: 'full', activation_code_id: null, created_at: 1, last_verified_at: 1 }).execute()
		).rejects.toThrow(/FOREIGN KEY/);
	});
});

describe('SEC-K2: the SQLite version', () => {
	it('is at least 3.51.3 (the WAL-reset fix)', async () => {
		const { rows } = await sql<{ v: string }>`select sqlite_version() as v`.execute(db);
		const [major, minor, patch] = rows[0]!.v.split('.').map(Number) as [number, number, number];
		expect(major * 1_000_000 + minor * 1_000 + patch).toBeGreaterThanOrEqual(3_051_003);
	});
});

describe('REL-7: STRICT tables', () => {
	async function tables(): Promise<{ name: string; strict: number }[]> {
		const { rows } = await sql<{ name: string; strict: number; schema: string; type: string }>`select * from pragma_table_list()`.execute(db);
		return rows.filter((r) => r.schema === 'main' && r.type === 'table' && !r.name.startsWith('sqlite_'));
	}

	it('migrations create every table of the schema', async () => {
		await migrateToLatest(db);
		const names = (await tables()).map((t) => t.name);
		for (const name of APP_TABLES) expect(names).toContain(name);
	});

	it('REL-7: every application table is STRICT (kysely_migration* are Kysely\'s own)', async () => {
		await migrateToLatest(db);
		const app = (await tables()).filter((t) => !t.name.startsWith('kysely_'));
		expect(app.map((t) => t.name).sort()).toEqual(APP_TABLES);
		for (const t of app) expect(t.strict, t.name).toBe(1);
	});

	it('REL-7: a STRICT table refuses a value of the wrong type', async () => {
		await migrateToLatest(db);
		await expect(sql`insert into rate_limit (bucket, key, window_start, count) values ('b', 'k', ${'not a number'}, 1)`.execute(db)).rejects.toThrow(
			/cannot store TEXT value in INTEGER column/
		);
	});

	it('running the migrations again does nothing', async () => {
		expect((await migrateToLatest(db)).length).toBeGreaterThan(0);
		expect(await migrateToLatest(db)).toEqual([]);
	});
});
