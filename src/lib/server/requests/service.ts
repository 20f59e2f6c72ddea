import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { londonDate } from '$lib/domain/calendar';
import { handlerFor, plan, EVENT_STATE, type Handler, type RequestEvent, type RequestKind } from '$lib/domain/request-state';
import { reviewMilestones } from '$lib/domain/review-schedule';
import { reviewDateFor } from '$lib/domain/age-band';
import { clocks, type Clock } from '$lib/domain/request-sla';
import type { ServiceSettings } from '$lib/domain/service-settings';
import type { Access } from '../access/require';
import type { Db } from '../db';
import * as allocations from '../data/allocations';
import * as audit from '../data/audit';
import * as idempotency from '../data/idempotency';
import * as outbox from '../data/outbox';
import { consume, release, type Limit } from '../data/rate-limits';
import * as requests from '../data/requests';
import type { Details, HelpRequest } from '../data/requests';
import * as reviews from '../data/reviews';
import { log } from '../log';
import type { AppDb } from '../review/context';
import type { Outcome } from '../review/outcome';

/**
 * Issue 6 request use-cases (DOMAIN §6). Each takes the `Access` the guard returned, so the policy
 * ran first (STYLE §4.2). Writes are one short transaction each: the request or its event, the
 * audit row, the content-free notifications (REL-16, PRIV-14) and the idempotency key (REL-4).
 */

function hash(parts: unknown): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(JSON.stringify(parts))));
}

async function tx(db: AppDb, requestId: string | null, what: string, fn: (trx: Db) => Promise<void>): Promise<boolean> {
	try {
		await db.transaction().execute(fn);
		return true;
	} catch (e) {
		// The error's class only: a validation error would carry what the person typed (SEC-L1, no content in logs).
		log.error({ errorClass: e instanceof Error ? e.constructor.name : typeof e, requestId }, what);
		return false;
	}
}

/** Respondents are told only through an address of their own (PRIV-H8); staff through their sign-in email. */
async function notify(trx: Db, ids: readonly (string | null | undefined)[], now: number): Promise<void> {
	const list = [...new Set(ids.filter((x): x is string => !!x))];
	const reach = await outbox.reachable(trx, list);
	for (const id of list) if (reach.has(id)) await outbox.enqueue(trx, id, 'something-new', now);
}

export interface NewRequestInput {
	kind: RequestKind;
	childId: string;
	details: Details;
	consent: boolean;
	iroCanSee: boolean;
	key: string;
}

/** SECURITY §3.3 (*our default*): 20 new requests an hour per account; a replay of a key is not a new one. */
export const NEW_REQUEST_LIMIT: Limit = { bucket: 'new-request', max: 20, windowMs: 60 * 60_000 };

/**
 * Sends a request. "Sent" is shown only after this commits (rule 2). A replay of the same key and
 * fields answers as the first did; the same key with other fields is a conflict (REL-4). More than
 * 20 new requests in an hour are refused with a retry time (SEC-R1).
 */
export async function create(
	db: AppDb,
	access: Access<'request.create'>,
	input: NewRequestInput,
	listPath: string,
	now: number,
	requestId: string | null
): Promise<(Outcome & { createdId?: string }) | { kind: 'limited'; retryAfterSeconds: number }> {
	const actor = access.actor;
	if (access.childId !== input.childId) return { kind: 'missing' };
	const action = `request:${input.kind}`;
	const fields = hash({ childId: input.childId, details: input.details, consent: input.consent, iroCanSee: input.iroCanSee });
	const earlier = await idempotency.lookup(db, actor.id, input.key, action, fields);
	if (earlier.kind === 'replay') return { kind: 'done', location: earlier.location };
	if (earlier.kind === 'conflict') return { kind: 'conflict' };
	// REL-18: a database that can't take the count (full disk, I/O error) is a retryable failure, never a 500.
	const limit = await consume(db, NEW_REQUEST_LIMIT, actor.id, now).catch((e: unknown) => {
		log.error({ errorClass: e instanceof Error ? e.constructor.name : typeof e, requestId }, 'request limit count failed');
		return null;
	});
	if (!limit) return { kind: 'failed', raw: {}, field: 'send' };
	if (limit.blocked) return { kind: 'limited', retryAfterSeconds: limit.retryAfterSeconds };
	const consent = input.kind === 'advocate' && input.consent;
	const handler = handlerFor(input.kind, consent);
	const review = await reviews.currentForChild(db, input.childId);
	const iro = await allocations.currentIro(db, input.childId, londonDate(now));
	const service = handler === 'advocacy' ? await requests.advocates(db) : [];
	const location = `${listPath}?sent=1`;
	let id = '';
	const ok = await tx(db, requestId, 'request send failed', async (trx) => {
		id = await requests.insert(
			trx,
			{
				kind: input.kind, childId: input.childId, requesterId: actor.id, requesterKind: actor.role as HelpRequest['requesterKind'],
				reviewId: review?.id ?? null, details: input.details, consent, iroCanSee: consent && input.iroCanSee, handler
			},
			now
		);
		await audit.record(trx, { at: now, actorId: actor.id, actorRole: actor.role, action: 'request_sent', childId: input.childId, resourceType: 'request', resourceId: id, requestId });
		// DOMAIN §6.5: a referral with consent reaches the advocacy service; everything else the allocated IRO.
		await notify(trx, handler === 'advocacy' ? service.map((s) => s.id) : [iro?.iroId], now);
		await idempotency.store(trx, { actorId: actor.id, key: input.key, action, fieldsHash: fields, location }, now);
	});
	if (!ok) {
		const again = await idempotency.lookup(db, actor.id, input.key, action, fields).catch(() => null);
		if (again?.kind === 'replay') return { kind: 'done', location: again.location };
		// Nothing was sent, so it does not count towards the hour's limit.
		await release(db, NEW_REQUEST_LIMIT, actor.id).catch(() => undefined);
		return { kind: 'failed', raw: {}, field: 'send' };
	}
	return { kind: 'done', location, createdId: id };
}

/**
 * The requester stops a request (DOMAIN §6.2): recorded and final. A referral shared with the
 * advocacy service records `consent-withdrawn`, and the service loses access at once (SEC-Z9).
 */
export async function withdraw(db: AppDb, access: Access<'request.withdraw'>, listPath: string, now: number, requestId: string | null): Promise<Outcome> {
	const r = (await requests.get(db, access.requestId!))!;
	const location = `${listPath}#request-${r.id}`;
	if (r.status === 'withdrawn') return { kind: 'done', location };
	const event: RequestEvent = r.handler === 'advocacy' ? 'consent-withdrawn' : 'withdrawn';
	const steps = plan(r.status, event, { kind: 'requester' });
	if (!steps) return { kind: 'conflict' };
	const iro = await allocations.currentIro(db, r.childId, londonDate(now));
	const service = r.handler === 'advocacy' ? await requests.advocates(db) : [];
	const ok = await tx(db, requestId, 'request withdraw failed', async (trx) => {
		await record(trx, r.id, steps, access.actor, null, now);
		await audit.record(trx, { at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'request_withdrawn', childId: r.childId, resourceType: 'request', resourceId: r.id, requestId });
		// DOMAIN §6.5: consent withdrawn → the advocacy service (access ends) and the IRO.
		await notify(trx, [...service.map((s) => s.id), iro?.iroId], now);
	});
	return ok ? { kind: 'done', location } : { kind: 'failed', raw: {}, field: 'withdraw' };
}

async function record(trx: Db, id: string, steps: readonly RequestEvent[], actor: { id: string; role: string }, note: string | null, now: number, advocateId?: string | null) {
	for (const [i, event] of steps.entries()) {
		const state = EVENT_STATE[event];
		const last = i === steps.length - 1;
		await requests.applyEvent(trx, id, { event, state, at: now, actorId: actor.id, advocateId });
		await requests.addEvent(trx, { requestId: id, at: now, actorId: actor.id, actorRole: actor.role, event, state, note: last ? note : null });
	}
}

/**
 * The read receipt (DOMAIN §6.3): the first time the person responsible opens a `sent` request it
 * becomes `seen`, and the requester is told (no content). Later opens change nothing.
 */
export async function markSeen(db: AppDb, access: Access<'request.iro-act' | 'referral.act'>, handler: Handler, now: number, requestId: string | null): Promise<void> {
	const r = (await requests.get(db, access.requestId!))!;
	if (r.status !== 'sent' || r.handler !== handler) return;
	await tx(db, requestId, 'request seen failed', async (trx) => {
		// Read again inside the transaction: two tabs opening at once record one `seen`.
		const fresh = await requests.get(trx, r.id);
		if (fresh?.status !== 'sent') return;
		await record(trx, r.id, ['seen'], access.actor, null, now);
		await audit.record(trx, { at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'request_changed', childId: r.childId, resourceType: 'request', resourceId: r.id, requestId });
		await notify(trx, [r.requesterId], now);
	});
}

/**
 * A staff action (the IRO's answer, arranged contact, done, declined; the service's accept,
 * contact, allocate, close). A `sent` request records `seen` first. A repeat of the action that
 * already happened (a double tap) answers as it did; anything else out of order is 409 (SEC-Z7).
 */
export async function act(
	db: AppDb,
	access: Access<'request.iro-act' | 'referral.act'>,
	handler: Handler,
	input: { event: RequestEvent; note: string | null; advocateId?: string },
	location: string,
	now: number,
	requestId: string | null
): Promise<Outcome> {
	const r = (await requests.get(db, access.requestId!))!;
	if (r.handler !== handler) return { kind: 'missing' };
	let steps = plan(r.status, input.event, { kind: 'staff', handler });
	if (input.event === 'allocated') {
		if (!(await requests.advocates(db)).some((a) => a.id === input.advocateId)) return { kind: 'invalid', raw: { advocateId: input.advocateId ?? '' }, errors: { advocateId: { key: 'requests.errors.advocate-choose' } } };
		if (r.advocateId === input.advocateId) return { kind: 'done', location };
	}
	if (!steps) {
		const history = await requests.events(db, [r.id]);
		const last = history[history.length - 1];
		if (last && last.event === input.event && last.note === input.note) return { kind: 'done', location };
		return { kind: 'conflict' };
	}
	const ok = await tx(db, requestId, 'request update failed', async (trx) => {
		await record(trx, r.id, steps, access.actor, input.note, now, input.advocateId);
		await audit.record(trx, { at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'request_changed', childId: r.childId, resourceType: 'request', resourceId: r.id, requestId });
		await notify(trx, [r.requesterId, input.event === 'allocated' ? input.advocateId : null], now);
	});
	return ok ? { kind: 'done', location } : { kind: 'failed', raw: { event: input.event, note: input.note ?? '' }, field: 'note' };
}

// ── Views ──────────────────────────────────────────────────────────────────────────────────

/** The clocks of a request (DOMAIN §6.4) with the service's settings. */
export async function requestClocks(db: Db, r: HelpRequest, settings: ServiceSettings, now: number): Promise<Clock[]> {
	let lockDate: string | null = null;
	if (r.reviewId && (r.kind === 'change-review' || r.kind === 'interpreter')) {
		const review = await reviews.get(db, r.reviewId);
		if (review) lockDate = reviewMilestones(reviewDateFor({ scheduled: review.scheduledDate, due: review.dueDate }), settings.schedule).packLocks;
	}
	return clocks({
		kind: r.kind, handler: r.handler, sentAt: r.createdAt, closedAt: r.closedAt, lockDate, now, sla: settings.sla, hours: settings.hours,
		stops: r.handler === 'advocacy' ? { acknowledge: r.seenAt, allocate: r.allocatedAt } : { answer: r.answeredAt }
	});
}

export function firstName(displayName: string): string {
	return displayName.trim().split(/\s+/)[0] ?? displayName;
}
