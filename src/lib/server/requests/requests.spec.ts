import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_SETTINGS } from '$lib/domain/service-settings';
import { can, type Action } from '../access/policy';
import { loadFacts } from '../access/relationships';
import type { Access } from '../access/require';
import type { Actor, Role } from '../auth/actor';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import * as requests from '../data/requests';
import * as users from '../data/users';
import { act, create, markSeen, withdraw } from './service';
import { iroList, mine, overdueForAdmin, serviceQueue, staffDetail } from './views';
import { packRequests } from './pack';
import * as reviews from '../data/reviews';

/**
 * Issue 6 requests against a real database (SQLite here, Postgres with TEST_DATABASE_URL): one
 * transaction per send with its notification and idempotency key, the state machine through the
 * use-cases, the read receipt, the clocks, and the consent gate through the real policy facts.
 */
const NOW = Date.parse('2026-11-24T10:00:00Z'); // Tuesday, in service hours
const KEY = '11111111-1111-4111-8111-111111111111';

let t: TestDatabase;
let f: Family;
let secondAdvocateId: string;

beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, NOW);
	secondAdvocateId = await users.createStaff(t.db, { role: 'advocate', email: 'advocate2@example.org', displayName: 'Bea Moss', passwordHash: null }, NOW);
});
afterEach(async () => t.close());

function actorOf(id: string, role: Role, childId: string | null = null): Actor {
	return { id, role, displayName: role, childId, locale: null };
}

/** What the guard would return, but decided by the real facts and `can()`; null when refused. */
async function guard<A extends Action>(action: A, actor: Actor, ref: { childId?: string; requestId?: string }): Promise<Access<A> | null> {
	const facts = await loadFacts(t.db, actor, ref, f.today);
	if (!can(actor, action, facts)) return null;
	return { actor, action, childId: facts.childId, reviewId: null, requestId: ref.requestId ?? null } as unknown as Access<A>;
}

const child = () => actorOf(f.youngPersonId, 'young-person', f.childId);
const iro = () => actorOf(f.iroId, 'iro');
const advocate = () => actorOf(f.advocateId, 'advocate');

const referral = (consent: boolean, key = KEY) => ({
	kind: 'advocate' as const,
	childId: f.childId,
	details: { kind: 'advocate' as const, about: ['where-i-live' as const], words: 'CANARY-REFERRAL', contact: 'text' as const, safeTime: 'after school', needs: '', interpreter: false, language: '', urgency: 'soon' as const },
	consent,
	iroCanSee: false,
	key
});

async function send(input: ReturnType<typeof referral> | Parameters<typeof create>[2], now = NOW) {
	const access = (await guard('request.create', child(), { childId: f.childId }))!;
	return create(t.db, access, input, '/me/requests', now, null);
}

async function outboxFor(id: string) {
	return t.db.selectFrom('outbox').select('id').where('recipient_id', '=', id).execute();
}

describe('sending a request (DOMAIN §6.2, §6.5; REL-4, REL-16)', () => {
	it('a referral with consent goes to the advocacy service: one row, a sent event, content-free messages to the service, not the IRO', async () => {
		const out = await send(referral(true));
		expect(out).toMatchObject({ kind: 'done', location: '/me/requests?sent=1' });
		const list = await requests.forRequester(t.db, f.youngPersonId);
		expect(list).toHaveLength(1);
		expect(list[0]).toMatchObject({ kind: 'advocate', handler: 'advocacy', status: 'sent', consent: true, reviewId: f.reviewId });
		expect((await requests.events(t.db, [list[0]!.id])).map((e) => e.event)).toEqual(['sent']);
		expect(await outboxFor(f.advocateId)).toHaveLength(1);
		expect(await outboxFor(secondAdvocateId)).toHaveLength(1);
		expect(await outboxFor(f.iroId)).toHaveLength(0);
		const templates = await t.db.selectFrom('outbox').select('template').execute();
		expect(templates.every((r) => r.template === 'something-new')).toBe(true);
	});

	it('a double tap (same key, same fields) makes one request; the same key with other words is a conflict', async () => {
		await send(referral(true));
		expect(await send(referral(true))).toMatchObject({ kind: 'done', location: '/me/requests?sent=1' });
		expect(await requests.forRequester(t.db, f.youngPersonId)).toHaveLength(1);
		const other = referral(true);
		other.details.words = 'something else';
		expect(await send(other)).toEqual({ kind: 'conflict' });
		expect(await requests.forRequester(t.db, f.youngPersonId)).toHaveLength(1);
	});

	it('without consent it goes to the IRO ("I’d like to know more about advocates"), never to the service', async () => {
		await send(referral(false));
		const [r] = await requests.forRequester(t.db, f.youngPersonId);
		expect(r).toMatchObject({ handler: 'iro', consent: false });
		expect(await outboxFor(f.iroId)).toHaveLength(1);
		expect(await outboxFor(f.advocateId)).toHaveLength(0);
		expect(await serviceQueue(t.db, DEFAULT_SERVICE_SETTINGS, NOW)).toEqual([]);
	});

	it('the details are checked on write: a shape from another kind is refused and nothing is written', async () => {
		const bad = { ...referral(true), details: { kind: 'interpreter', language: '', meeting: '' } } as unknown as Parameters<typeof create>[2];
		await expect(send(bad)).resolves.toMatchObject({ kind: 'failed' });
		expect(await requests.forRequester(t.db, f.youngPersonId)).toEqual([]);
	});

	it('a child may only ask for themselves', async () => {
		expect(await guard('request.create', child(), { childId: f.otherChildId })).toBeNull();
		expect(await guard('request.create', actorOf(f.parentId, 'parent'), { childId: f.childId })).not.toBeNull();
		expect(await guard('request.create', actorOf(f.parentId, 'parent'), { childId: f.otherChildId })).toBeNull();
	});
});

describe('consent gating (SECURITY §2 advocate, SEC-Z9)', () => {
	it('the service reads and acts on a shared referral; never on one without consent; never after withdrawal', async () => {
		await send(referral(true));
		await send(referral(false, '22222222-2222-4222-8222-222222222222'));
		const all = await requests.forRequester(t.db, f.youngPersonId);
		const withoutConsent = all.find((r) => !r.consent)!;
		const shared = all.find((r) => r.consent)!;
		for (const action of ['referral.read', 'referral.act'] as const) {
			expect(await guard(action, advocate(), { requestId: shared.id }), action).not.toBeNull();
			expect(await guard(action, advocate(), { requestId: withoutConsent.id }), action).toBeNull();
		}
		expect(await guard('referral.read-answers', advocate(), { requestId: shared.id })).toBeNull();

		const access = (await guard('referral.act', advocate(), { requestId: shared.id }))!;
		await act(t.db, access, 'advocacy', { event: 'allocated', note: null, advocateId: f.advocateId }, '/advocate', NOW, null);
		expect(await guard('referral.read-answers', advocate(), { requestId: shared.id })).not.toBeNull();
		expect(await guard('referral.read-answers', actorOf(secondAdvocateId, 'advocate'), { requestId: shared.id })).toBeNull();

		const w = (await guard('request.withdraw', child(), { requestId: shared.id }))!;
		expect(await withdraw(t.db, w, '/me/requests', NOW + 1000, null)).toMatchObject({ kind: 'done' });
		for (const action of ['referral.read', 'referral.act', 'referral.read-answers'] as const) {
			expect(await guard(action, advocate(), { requestId: shared.id }), action).toBeNull();
			expect(await guard(action, actorOf(secondAdvocateId, 'advocate'), { requestId: shared.id }), action).toBeNull();
		}
		expect(await serviceQueue(t.db, DEFAULT_SERVICE_SETTINGS, NOW)).toEqual([]);
		const after = (await requests.get(t.db, shared.id))!;
		expect(after).toMatchObject({ status: 'withdrawn' });
		expect(after.consentWithdrawnAt).toBe(NOW + 1000);
		expect((await requests.events(t.db, [shared.id])).map((e) => e.event)).toEqual(['sent', 'seen', 'allocated', 'consent-withdrawn']);
	});

	it('only the requester withdraws; other roles and other children are refused', async () => {
		await send(referral(true));
		const [r] = await requests.forRequester(t.db, f.youngPersonId);
		expect(await guard('request.withdraw', actorOf(f.otherYoungPersonId, 'young-person', f.otherChildId), { requestId: r!.id })).toBeNull();
		expect(await guard('request.withdraw', actorOf(f.parentId, 'parent'), { requestId: r!.id })).toBeNull();
		expect(await guard('request.withdraw', advocate(), { requestId: r!.id })).toBeNull();
		expect(await guard('request.iro-act', iro(), { requestId: r!.id })).toBeNull();
		expect(await guard('request.iro-read', iro(), { requestId: r!.id })).not.toBeNull();
		expect(await guard('request.iro-read', actorOf(f.otherIroId, 'iro'), { requestId: r!.id })).toBeNull();
	});

	it('withdrawn is final: the service cannot act on it again, and a second withdraw changes nothing', async () => {
		await send(referral(true));
		const [r] = await requests.forRequester(t.db, f.youngPersonId);
		const w = (await guard('request.withdraw', child(), { requestId: r!.id }))!;
		await withdraw(t.db, w, '/me/requests', NOW, null);
		expect(await withdraw(t.db, w, '/me/requests', NOW + 5, null)).toMatchObject({ kind: 'done' });
		expect((await requests.events(t.db, [r!.id])).map((e) => e.event)).toEqual(['sent', 'consent-withdrawn']);
	});
});

describe('the advocacy service: accept, allocate, contact, close; the child follows it', () => {
	it('accepting a sent referral records seen first; the child reads "seen by the advocacy service", then their advocate’s first name', async () => {
		await send(referral(true));
		const [r] = await requests.forRequester(t.db, f.youngPersonId);
		const access = (await guard('referral.act', advocate(), { requestId: r!.id }))!;
		expect(await act(t.db, access, 'advocacy', { event: 'accepted', note: null }, '/advocate', NOW + 60_000, null)).toMatchObject({ kind: 'done' });
		let [view] = await mine(t.db, f.youngPersonId);
		expect(view).toMatchObject({ state: 'in-progress', seen: { at: NOW + 60_000, by: null }, onIt: { by: 'finding', name: null } });
		await act(t.db, access, 'advocacy', { event: 'allocated', note: null, advocateId: secondAdvocateId }, '/advocate', NOW + 120_000, null);
		[view] = await mine(t.db, f.youngPersonId);
		expect(view!.onIt).toEqual({ by: 'advocate', name: 'Bea' });
		await act(t.db, access, 'advocacy', { event: 'contacted', note: 'Phoned at the safe time', advocateId: undefined }, '/advocate', NOW + 180_000, null);
		await act(t.db, access, 'advocacy', { event: 'done', note: 'Bea went with you to the meeting' }, '/advocate', NOW + 240_000, null);
		[view] = await mine(t.db, f.youngPersonId);
		expect(view).toMatchObject({ state: 'done', words: { event: 'done', note: 'Bea went with you to the meeting', by: null }, canWithdraw: false });
		// The internal contact note is the service's, not shown to the child.
		expect(JSON.stringify(view)).not.toContain('Phoned at the safe time');
		expect(view!.history.map((h) => h.event)).toEqual(['sent', 'seen', 'accepted', 'allocated', 'contacted', 'done']);
		// The requester heard of each change, with no content.
		expect(await outboxFor(f.youngPersonId)).toHaveLength(0); // no address of their own (PRIV-H8)
	});

	it('allocating to someone who is not an advocate is a field error; after done, more actions are 409 and a repeat is a no-op', async () => {
		await send(referral(true));
		const [r] = await requests.forRequester(t.db, f.youngPersonId);
		const access = (await guard('referral.act', advocate(), { requestId: r!.id }))!;
		expect(await act(t.db, access, 'advocacy', { event: 'allocated', note: null, advocateId: f.iroId }, '/advocate', NOW, null)).toMatchObject({ kind: 'invalid' });
		await act(t.db, access, 'advocacy', { event: 'done', note: 'Closed' }, '/advocate', NOW, null);
		expect(await act(t.db, access, 'advocacy', { event: 'done', note: 'Closed' }, '/advocate', NOW, null)).toMatchObject({ kind: 'done' });
		expect(await act(t.db, access, 'advocacy', { event: 'accepted', note: null }, '/advocate', NOW, null)).toEqual({ kind: 'conflict' });
		expect((await requests.events(t.db, [r!.id])).map((e) => e.event)).toEqual(['sent', 'seen', 'done']);
	});
});

describe('the IRO: one list, the read receipt, an answer the child reads', () => {
	const talk = { kind: 'talk-to-iro' as const, details: { kind: 'talk-to-iro' as const, when: 'on-my-own' as const, how: 'visit' as const, safeTime: '', topic: 'school' }, consent: false, iroCanSee: false };

	it('lists requests of allocated children only, and opening one records seen once, with the IRO’s name', async () => {
		await send({ ...talk, childId: f.childId, key: KEY });
		expect((await iroList(t.db, f.iroId, DEFAULT_SERVICE_SETTINGS, NOW)).map((i) => i.kind)).toEqual(['talk-to-iro']);
		expect(await iroList(t.db, f.otherIroId, DEFAULT_SERVICE_SETTINGS, NOW)).toEqual([]);
		const [r] = await requests.forRequester(t.db, f.youngPersonId);
		const access = (await guard('request.iro-act', iro(), { requestId: r!.id }))!;
		await markSeen(t.db, access, 'iro', NOW + 1000, null);
		await markSeen(t.db, access, 'iro', NOW + 2000, null);
		const [view] = await mine(t.db, f.youngPersonId);
		expect(view).toMatchObject({ state: 'seen', seen: { at: NOW + 1000, by: 'Rowan Patel' } });
		expect((await requests.events(t.db, [r!.id])).map((e) => e.event)).toEqual(['sent', 'seen']);
	});

	it('an answer stops the clock; the child reads the words and who is on it', async () => {
		await send({ ...talk, childId: f.childId, key: KEY });
		const [r] = await requests.forRequester(t.db, f.youngPersonId);
		const access = (await guard('request.iro-act', iro(), { requestId: r!.id }))!;
		await act(t.db, access, 'iro', { event: 'answered', note: 'I will visit on Thursday after school' }, '/iro/requests', NOW + 3600_000, null);
		const [view] = await mine(t.db, f.youngPersonId);
		expect(view).toMatchObject({ state: 'in-progress', onIt: { by: 'iro', name: 'Rowan Patel' }, words: { event: 'answered', note: 'I will visit on Thursday after school', by: 'Rowan Patel' } });
		const detail = await staffDetail(t.db, (await requests.get(t.db, r!.id))!, 'iro', DEFAULT_SERVICE_SETTINGS, NOW + 10 * 86_400_000);
		expect(detail.clocks[0]).toMatchObject({ name: 'answer', state: 'met' });
		expect(detail.item.overdue).toBe(false);
	});

	it('an unanswered request is overdue after 2 working days and reaches the admin’s list without content', async () => {
		await send({ ...talk, childId: f.childId, key: KEY });
		const later = Date.parse('2026-11-26T10:01:00Z');
		const list = await iroList(t.db, f.iroId, DEFAULT_SERVICE_SETTINGS, later);
		expect(list[0]).toMatchObject({ overdue: true, clock: { name: 'answer', state: 'overdue' } });
		const admin = await overdueForAdmin(t.db, DEFAULT_SERVICE_SETTINGS, later);
		expect(admin).toHaveLength(1);
		expect(JSON.stringify(admin)).not.toContain('school');
		expect(await overdueForAdmin(t.db, DEFAULT_SERVICE_SETTINGS, NOW)).toEqual([]);
	});

	it('the IRO sees a referral with the service as type, status and clock only, unless the child ticked "my IRO can see"', async () => {
		await send(referral(true));
		const [r] = await requests.forRequester(t.db, f.youngPersonId);
		const detail = await staffDetail(t.db, r!, 'iro', DEFAULT_SERVICE_SETTINGS, NOW);
		expect(detail.details).toBeNull();
		expect(JSON.stringify(detail)).not.toContain('CANARY-REFERRAL');
		await send({ ...referral(true, '33333333-3333-4333-8333-333333333333'), iroCanSee: true });
		const ticked = (await requests.forRequester(t.db, f.youngPersonId)).find((x) => x.iroCanSee)!;
		expect((await staffDetail(t.db, ticked, 'iro', DEFAULT_SERVICE_SETTINGS, NOW)).details).toMatchObject({ words: 'CANARY-REFERRAL' });
	});
});

describe('requests in the pack and on the caseload (DOMAIN §8.1 items 2 and 8)', () => {
	it('lists open ones with clocks, closed ones with outcome and service level; hides a referral’s words unless ticked', async () => {
		await send({ kind: 'talk-to-iro', childId: f.childId, details: { kind: 'talk-to-iro', when: 'on-my-own', how: 'visit', safeTime: '', topic: '' }, consent: false, iroCanSee: false, key: KEY });
		await send(referral(true, '44444444-4444-4444-8444-444444444444'));
		const talk = (await requests.forRequester(t.db, f.youngPersonId)).find((r) => r.kind === 'talk-to-iro')!;
		const ref = (await requests.forRequester(t.db, f.youngPersonId)).find((r) => r.kind === 'advocate')!;
		const iroAccess = (await guard('request.iro-act', iro(), { requestId: talk.id }))!;
		await act(t.db, iroAccess, 'iro', { event: 'done', note: 'We talked on Tuesday.' }, '/iro/requests', NOW + 3600_000, null);
		const svc = (await guard('referral.act', advocate(), { requestId: ref.id }))!;
		await act(t.db, svc, 'advocacy', { event: 'declined', note: 'SECRET-REASON' }, '/advocate', NOW + 3600_000, null);
		expect(await requests.openCounts(t.db, [f.childId, f.otherChildId])).toEqual(new Map());
		const review = (await reviews.get(t.db, f.reviewId))!;
		const list = await packRequests(t.db, review, DEFAULT_SERVICE_SETTINGS, NOW + 7200_000);
		expect(list.map((r) => [r.kind, r.state, r.metServiceLevel, r.outcome])).toEqual(
			expect.arrayContaining([
				['talk-to-iro', 'done', true, 'We talked on Tuesday.'],
				['advocate', 'not-possible', true, null]
			])
		);
		await send(referral(false, '55555555-5555-4555-8555-555555555555'));
		expect(await requests.openCounts(t.db, [f.childId, f.otherChildId])).toEqual(new Map([[f.childId, 1]]));
		const open = await packRequests(t.db, review, DEFAULT_SERVICE_SETTINGS, Date.parse('2026-12-10T10:00:00Z'));
		expect(open[0]).toMatchObject({ kind: 'advocate', open: true, overdue: true, metServiceLevel: false });
	});
});

describe('overdue requests reach whoever has them, once per clock (DOMAIN §6.5)', () => {
	it('tells the IRO once when "talk to my IRO" runs past 2 working days; the history says so, the child’s view does not', async () => {
		const { notifyOverdueRequests } = await import('../jobs/request-overdue');
		await send({ kind: 'talk-to-iro', childId: f.childId, details: { kind: 'talk-to-iro', when: 'on-my-own', how: 'visit', safeTime: '', topic: '' }, consent: false, iroCanSee: false, key: KEY });
		const before = (await outboxFor(f.iroId)).length;
		expect(await notifyOverdueRequests(t.db, NOW + 3600_000)).toBe(0);
		const late = Date.parse('2026-11-26T10:30:00Z');
		expect(await notifyOverdueRequests(t.db, late)).toBe(1);
		expect(await notifyOverdueRequests(t.db, late + 3600_000)).toBe(0);
		expect((await outboxFor(f.iroId)).length).toBe(before + 1);
		const [r] = await requests.forRequester(t.db, f.youngPersonId);
		expect((await requests.events(t.db, [r!.id])).map((e) => e.event)).toEqual(['sent', 'overdue-answer']);
		expect(r!.status).toBe('sent');
		const [view] = await mine(t.db, f.youngPersonId);
		expect(view!.history.map((h) => h.event)).toEqual(['sent']);
	});

	it('tells the advocacy service for a referral, per clock: acknowledge, then allocate', async () => {
		const { notifyOverdueRequests } = await import('../jobs/request-overdue');
		await send(referral(true));
		const [r] = await requests.forRequester(t.db, f.youngPersonId);
		const before = (await outboxFor(f.advocateId)).length;
		expect(await notifyOverdueRequests(t.db, Date.parse('2026-11-25T11:00:00Z'))).toBe(1);
		expect(await notifyOverdueRequests(t.db, Date.parse('2026-11-26T11:00:00Z'))).toBe(1);
		expect((await outboxFor(f.advocateId)).length).toBe(before + 2);
		expect((await outboxFor(secondAdvocateId)).length).toBeGreaterThan(0);
		expect((await requests.events(t.db, [r!.id])).map((e) => e.event)).toEqual(['sent', 'overdue-acknowledge', 'overdue-allocate']);
	});
});
