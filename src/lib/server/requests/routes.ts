import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { londonDate } from '$lib/domain/calendar';
import type { RequestKind } from '$lib/domain/request-state';
import { ID_PATTERN } from '../ids';
import { requireAccess, type Access } from '../access/require';
import { database, type Db } from '../db';
import * as allocations from '../data/allocations';
import * as children from '../data/children';
import * as requests from '../data/requests';
import type { Details } from '../data/requests';
import { loadSettings } from '../settings';
import { parseFields } from '../review/forms';
import { respond } from '../review/outcome';
import {
	ADULT_FIELDS, ADVOCATE_FIELDS, AdultSchema, AdvocateSchema, ALLOCATE_FIELDS, AllocateSchema, CHANGE_FIELDS, ChangeSchema, IRO_ACT_FIELDS,
	IroActSchema, SERVICE_ACT_FIELDS, ServiceActSchema, TALK_FIELDS, TalkSchema, WITHDRAW_FIELDS, WithdrawSchema
} from './forms';
import { act, create, markSeen, withdraw } from './service';
import { iroList, mine, serviceQueue, staffDetail } from './views';
import { sharedWithAdvocate } from './shared-answers';

/**
 * The thin glue between the request pages and the use-cases. Every route's load and action calls
 * `requireAccess` itself (SEC-Z3, checked by route-guards.spec.ts) and passes the `Access` here.
 * The few further guards below (the read receipt needs `…-act`) only narrow it.
 */
export type RequesterKind = 'young-person' | 'parent' | 'carer';

const BASE: Record<RequesterKind, string> = { 'young-person': '/me', parent: '/parent', carer: '/carer' };
export const listPath = (kind: RequesterKind) => `${BASE[kind]}/requests`;

// ── Requester: list and withdraw ─────────────────────────────────────────────────────────────

export async function loadMine(access: Access<'request.list-own'>, url: URL) {
	return { requests: await mine(database(), access.actor.id), justSent: url.searchParams.get('sent') === '1' };
}

/** The request a "Stop this request" post names, or null when the post is malformed (400 after the list guard). */
export function withdrawTarget(form: FormData): string | null {
	const parsed = parseFields(WithdrawSchema, form, WITHDRAW_FIELDS);
	return parsed.ok ? parsed.value.requestId : null;
}

export function badRequest(event: RequestEvent): never {
	error(400, { message: 'Bad request', code: 'bad-request', id: event.locals.requestId });
}

export async function withdrawAction(access: Access<'request.withdraw'>, event: RequestEvent, kind: RequesterKind) {
	return respond(await withdraw(database(), access, listPath(kind), Date.now(), event.locals.requestId), 'withdraw', event.locals.requestId);
}

// ── The child's forms ───────────────────────────────────────────────────────────────────────

export async function loadChildForm(access: Access<'request.create'>) {
	const db = database();
	const iro = await allocations.currentIro(db, access.childId!, londonDate(Date.now()));
	// REL-4: the key is made here and sent back with the form, so a double tap or a retry makes one request.
	return { idempotencyKey: crypto.randomUUID(), iroName: iro?.displayName ?? null };
}

function detailsFor(kind: 'advocate' | 'talk-to-iro' | 'change-review', form: FormData) {
	if (kind === 'advocate') {
		const p = parseFields(AdvocateSchema, form, ADVOCATE_FIELDS.single, ADVOCATE_FIELDS.multi);
		if (!p.ok) return p;
		const o = p.value;
		const details: Details = {
			kind: 'advocate', about: o.about, words: o.words, contact: o.contact, safeTime: o.safeTime, needs: o.needs,
			interpreter: o.interpreter === 'yes', language: o.interpreter === 'yes' ? o.language : '', urgency: o.urgency
		};
		return { ok: true as const, value: { details, consent: o.consent === 'yes', iroCanSee: o.iroCanSee.includes('yes'), key: o.idempotency_key } };
	}
	if (kind === 'talk-to-iro') {
		const p = parseFields(TalkSchema, form, TALK_FIELDS.single);
		if (!p.ok) return p;
		const o = p.value;
		return { ok: true as const, value: { details: { kind, when: o.when, how: o.how, safeTime: o.safeTime, topic: o.topic } as Details, consent: false, iroCanSee: false, key: o.idempotency_key } };
	}
	const p = parseFields(ChangeSchema, form, CHANGE_FIELDS.single, CHANGE_FIELDS.multi);
	if (!p.ok) return p;
	const o = p.value;
	return { ok: true as const, value: { details: { kind, changes: o.changes, suits: '', reason: o.reason } as Details, consent: false, iroCanSee: false, key: o.idempotency_key } };
}

/** SEC-R1: over the hour's limit, 429 with Retry-After; everything typed stays, and the message says when (and gives Childline). */
function tooMany(retryAfterSeconds: number, form: FormData, event: RequestEvent) {
	event.setHeaders({ 'retry-after': String(retryAfterSeconds) });
	const raw = Object.fromEntries([...form.entries()].map(([k, x]) => [k, String(x)]));
	return fail(429, { form: 'send', raw, errors: { send: { key: 'requests.errors.too-many', params: { minutes: Math.ceil(retryAfterSeconds / 60) } } } });
}

export async function sendChild(access: Access<'request.create'>, event: RequestEvent, kind: 'advocate' | 'talk-to-iro' | 'change-review') {
	const form = await event.request.formData();
	const parsed = detailsFor(kind, form);
	if (!parsed.ok) {
		if ('malformed' in parsed) error(400, { message: 'Bad request', code: 'bad-request', id: event.locals.requestId });
		return fail(400, { form: 'send', raw: parsed.raw, errors: parsed.errors });
	}
	const v = parsed.value;
	const out = await create(database(), access, { kind, childId: access.childId!, ...v }, listPath('young-person'), Date.now(), event.locals.requestId);
	if (out.kind === 'limited') return tooMany(out.retryAfterSeconds, form, event);
	if (out.kind === 'failed') return fail(503, { form: 'send', raw: Object.fromEntries([...form.entries()].map(([k, x]) => [k, String(x)])), errors: { send: { key: 'requests.errors.save-failed' } } });
	return respond(out, 'send', event.locals.requestId);
}

// ── Parents and carers ──────────────────────────────────────────────────────────────────────

/** The children this parent or carer is linked to today (a carer: the active placement). */
async function linkedChildren(db: Db, userId: string, relation: 'parent' | 'carer', today: string) {
	const rows = await db
		.selectFrom('child_link')
		.innerJoin('child', 'child.id', 'child_link.child_id')
		.select(['child.id', 'child.preferred_name'])
		.where('child_link.user_id', '=', userId)
		.where('child_link.relation', '=', relation)
		.where('child_link.starts_on', '<=', today)
		.where((eb) => eb.or([eb('child_link.ends_on', 'is', null), eb('child_link.ends_on', '>', today)]))
		.orderBy('child.preferred_name')
		.execute();
	return rows.map((r) => ({ id: r.id, name: r.preferred_name }));
}

export async function loadAdultForm(access: Access<'request.list-own'>, kind: 'parent' | 'carer') {
	const db = database();
	const linked = await linkedChildren(db, access.actor.id, kind, londonDate(Date.now()));
	return { idempotencyKey: crypto.randomUUID(), children: linked };
}

/** The child a parent's or carer's post is about: the guard decides from the link, so another family's id is a 404 (T2). */
export function adultChildId(form: FormData): string | null {
	const all = form.getAll('childId');
	return all.length === 1 && typeof all[0] === 'string' && ID_PATTERN.test(all[0]) ? all[0] : null;
}

/** A post with no child (or a forged one): the form's errors, 400. Called after the list guard. */
export function adultInvalid(form: FormData, event: RequestEvent) {
	const parsed = parseFields(AdultSchema, form, ADULT_FIELDS.single);
	if (!parsed.ok && !('malformed' in parsed)) return fail(400, { form: 'send', raw: parsed.raw, errors: parsed.errors });
	error(400, { message: 'Bad request', code: 'bad-request', id: event.locals.requestId });
}

export async function sendAdult(access: Access<'request.create'>, form: FormData, event: RequestEvent, kind: 'parent' | 'carer') {
	const childId = access.childId!;
	const parsed = parseFields(AdultSchema, form, ADULT_FIELDS.single);
	if (!parsed.ok && 'malformed' in parsed) error(400, { message: 'Bad request', code: 'bad-request', id: event.locals.requestId });
	if (!parsed.ok) return fail(400, { form: 'send', raw: parsed.raw, errors: parsed.errors });
	const o = parsed.value;
	const requestKind: RequestKind = o.kind;
	const details: Details =
		o.kind === 'interpreter'
			? { kind: 'interpreter', language: o.language, meeting: o.words }
			: o.kind === 'change-review'
				? { kind: 'change-review', changes: ['time'], suits: o.suits, reason: o.words }
				: { kind: 'talk-to-iro', when: 'something-else', how: o.how === '' ? 'phone' : o.how, safeTime: o.suits, topic: o.words };
	const out = await create(database(), access, { kind: requestKind, childId, details, consent: false, iroCanSee: false, key: o.idempotency_key }, listPath(kind), Date.now(), event.locals.requestId);
	if (out.kind === 'limited') return tooMany(out.retryAfterSeconds, form, event);
	if (out.kind === 'failed') return fail(503, { form: 'send', raw: Object.fromEntries([...form.entries()].map(([k, x]) => [k, String(x)])), errors: { send: { key: 'requests.errors.save-failed' } } });
	return respond(out, 'send', event.locals.requestId);
}

// ── The IRO ─────────────────────────────────────────────────────────────────────────────────

export async function loadIroList(access: Access<'request.iro-list'>) {
	const db = database();
	return { requests: await iroList(db, access.actor.id, await loadSettings(db), Date.now()), now: Date.now() };
}

export async function loadIroRequest(access: Access<'request.iro-read'>, event: RequestEvent) {
	const requestId = access.requestId!;
	const db = database();
	const now = Date.now();
	let r = (await requests.get(db, requestId))!;
	if (r.handler === 'iro') {
		// Opening it is the read receipt (DOMAIN §6.3).
		await markSeen(db, await requireAccess('request.iro-act', { requestId }), 'iro', now, event.locals.requestId);
		r = (await requests.get(db, requestId))!;
	}
	const detail = await staffDetail(db, r, 'iro', await loadSettings(db), now);
	const child = await children.get(db, r.childId);
	return { detail, childName: child?.preferredName ?? '', canAct: r.handler === 'iro' && !detail.final, now, viewer: access.actor.role };
}

export async function iroUpdate(access: Access<'request.iro-act'>, event: RequestEvent) {
	const requestId = access.requestId!;
	const parsed = parseFields(IroActSchema, await event.request.formData(), IRO_ACT_FIELDS);
	if (!parsed.ok) {
		if ('malformed' in parsed) error(400, { message: 'Bad request', code: 'bad-request', id: event.locals.requestId });
		return fail(400, { form: 'update', raw: parsed.raw, errors: parsed.errors });
	}
	const out = await act(database(), access, 'iro', { event: parsed.value.event, note: parsed.value.note }, `/iro/requests/${requestId}`, Date.now(), event.locals.requestId);
	return respond(out, 'update', event.locals.requestId);
}

// ── The advocacy service ────────────────────────────────────────────────────────────────────

export async function loadQueue(_access: Access<'advocate.home'>) {
	const db = database();
	return { referrals: await serviceQueue(db, await loadSettings(db), Date.now()), now: Date.now() };
}

export async function loadReferral(access: Access<'referral.read'>, event: RequestEvent) {
	const requestId = access.requestId!;
	const db = database();
	const now = Date.now();
	await markSeen(db, await requireAccess('referral.act', { requestId }), 'advocacy', now, event.locals.requestId);
	const r = (await requests.get(db, requestId))!;
	const detail = await staffDetail(db, r, 'advocacy', await loadSettings(db), now);
	const child = await children.get(db, r.childId);
	const mineToRead = r.advocateId === access.actor.id;
	return {
		detail,
		childName: child?.preferredName ?? '',
		childLocale: child?.preferredLocale ?? 'en-GB',
		advocates: await requests.advocates(db),
		allocatedTo: r.advocateId,
		canAct: !detail.final,
		now,
		// DOMAIN §5.6: only the allocated advocate, while consent stands, reads answers ticked "my advocate".
		shared: mineToRead ? await sharedWithAdvocate(db, await requireAccess('referral.read-answers', { requestId }), r.childId) : null
	};
}

export async function serviceUpdate(access: Access<'referral.act'>, event: RequestEvent) {
	const requestId = access.requestId!;
	const parsed = parseFields(ServiceActSchema, await event.request.formData(), SERVICE_ACT_FIELDS);
	if (!parsed.ok) {
		if ('malformed' in parsed) error(400, { message: 'Bad request', code: 'bad-request', id: event.locals.requestId });
		return fail(400, { form: 'update', raw: parsed.raw, errors: parsed.errors });
	}
	const note = parsed.value.note === '' ? null : parsed.value.note;
	const out = await act(database(), access, 'advocacy', { event: parsed.value.event, note }, `/advocate/referrals/${requestId}`, Date.now(), event.locals.requestId);
	return respond(out, 'update', event.locals.requestId);
}

export async function serviceAllocate(access: Access<'referral.act'>, event: RequestEvent) {
	const requestId = access.requestId!;
	const parsed = parseFields(AllocateSchema, await event.request.formData(), ALLOCATE_FIELDS);
	if (!parsed.ok) {
		if ('malformed' in parsed) error(400, { message: 'Bad request', code: 'bad-request', id: event.locals.requestId });
		return fail(400, { form: 'allocate', raw: parsed.raw, errors: parsed.errors });
	}
	const out = await act(database(), access, 'advocacy', { event: 'allocated', note: null, advocateId: parsed.value.advocateId }, `/advocate/referrals/${requestId}`, Date.now(), event.locals.requestId);
	if (out.kind === 'invalid') return fail(400, { form: 'allocate', raw: out.raw, errors: out.errors });
	return respond(out, 'allocate', event.locals.requestId);
}

/** Admin home: overdue requests, no content. */
export { overdueForAdmin } from './views';
