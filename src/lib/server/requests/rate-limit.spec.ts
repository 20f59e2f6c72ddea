import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { can } from '../access/policy';
import { loadFacts } from '../access/relationships';
import type { Access } from '../access/require';
import type { Actor } from '../auth/actor';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import { create, NEW_REQUEST_LIMIT } from './service';

/**
 * SEC-R1 (SECURITY §3.3, *our default*): 20 new requests an hour per account, then refused with a
 * retry time; a replay of a key already sent is not a new request and is never refused.
 */
const NOW = Date.parse('2026-11-24T10:00:00Z');
const MIN = 60_000;

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

const talk = (n: number) => ({
	kind: 'talk-to-iro' as const,
	childId: f.childId,
	details: { kind: 'talk-to-iro' as const, when: 'before-review' as const, how: 'phone' as const, safeTime: '', topic: `topic ${n}` },
	consent: false,
	iroCanSee: false,
	key: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
});

const count = async () => Number((await t.db.selectFrom('help_request').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('SEC-R1: new requests per account', () => {
	it('the 21st new request in an hour is refused with the time left; a replay of the 1st still answers; an hour later it goes', async () => {
		const a = await access();
		expect(NEW_REQUEST_LIMIT.max).toBe(20);
		for (let i = 1; i <= 20; i++) expect((await create(t.db, a, talk(i), '/me/requests', NOW, null)).kind).toBe('done');
		expect(await create(t.db, a, talk(21), '/me/requests', NOW + 10 * MIN, null)).toEqual({ kind: 'limited', retryAfterSeconds: 50 * 60 });
		expect(await count()).toBe(20);
		expect((await create(t.db, a, talk(1), '/me/requests', NOW + 10 * MIN, null)).kind).toBe('done');
		expect(await count()).toBe(20);
		expect((await create(t.db, a, talk(21), '/me/requests', NOW + 60 * MIN, null)).kind).toBe('done');
		expect(await count()).toBe(21);
	});

	it('a burst sent at once is counted without gaps', async () => {
		const a = await access();
		const out = await Promise.all(Array.from({ length: 24 }, (_, i) => create(t.db, a, talk(i + 1), '/me/requests', NOW, null)));
		expect(out.filter((o) => o.kind === 'limited')).toHaveLength(4);
		expect(await count()).toBe(20);
	});
});
