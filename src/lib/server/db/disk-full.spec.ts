import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { can } from '../access/policy';
import { loadFacts } from '../access/relationships';
import type { Access } from '../access/require';
import type { Actor } from '../auth/actor';
import { create } from '../requests/service';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from './test-db';

/**
 * REL-14, REL-5, REL-18 (SECURITY §9): when the database can't write (a full disk, an I/O error;
 * made here with `query_only`, which fails every write the way SQLITE_FULL or SQLITE_IOERR does),
 * sending a request fails whole: a retryable `failed` outcome (the route answers 503 and keeps what
 * was typed), never a thrown error (a 500), and no request, audit, outbox, idempotency or
 * rate-limit row left behind; once writes work again the same key sends it exactly once.
 */
const NOW = Date.parse('2026-11-24T10:00:00Z');
let t: TestDatabase;
let f: Family;

beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, NOW);
});
afterEach(async () => t.close());

async function access(): Promise<Access<'request.create'>> {
	const actor: Actor = { id: f.youngPersonId, role: 'young-person', displayName: 'yp', childId: f.childId, locale: null };
	const facts = await loadFacts(t.db, actor, { childId: f.childId }, f.today);
	expect(can(actor, 'request.create', facts)).toBe(true);
	return { actor, action: 'request.create', childId: facts.childId, reviewId: null, requestId: null } as unknown as Access<'request.create'>;
}

const input = {
	kind: 'talk-to-iro' as const,
	childId: '',
	details: { kind: 'talk-to-iro' as const, when: 'before-review' as const, how: 'phone' as const, safeTime: '', topic: 'I want to talk about my visits' },
	consent: false,
	iroCanSee: false,
	key: '22222222-2222-4222-8222-222222222222'
};

async function counts() {
	const n = async (table: 'help_request' | 'audit_event' | 'outbox' | 'idempotency_key' | 'rate_limit') =>
		Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
	return { help_request: await n('help_request'), audit_event: await n('audit_event'), outbox: await n('outbox'), idempotency_key: await n('idempotency_key'), rate_limit: await n('rate_limit') };
}

describe('REL-14: the database refusing writes', () => {
	it.skipIf(!!process.env.TEST_DATABASE_URL)('fails the send whole and retryably; once it writes again the same key sends once', async () => {
		const a = await access();
		const body = { ...input, childId: f.childId };
		const before = await counts();
		await sql`pragma query_only = 1`.execute(t.db);
		const full = await create(t.db, a, body, '/me/requests', NOW, null);
		expect(full).toEqual({ kind: 'failed', raw: {}, field: 'send' });
		await sql`pragma query_only = 0`.execute(t.db);
		expect(await counts(), 'nothing half-written').toEqual(before);

		const again = await create(t.db, a, body, '/me/requests', NOW + 1000, null);
		expect(again.kind).toBe('done');
		const replay = await create(t.db, a, body, '/me/requests', NOW + 2000, null);
		expect(replay.kind).toBe('done');
		const after = await counts();
		expect(after.help_request - before.help_request).toBe(1);
		expect(after.idempotency_key - before.idempotency_key).toBe(1);
	});
});
