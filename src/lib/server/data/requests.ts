import * as v from 'valibot';
import {
	OVERDUE_EVENTS,
	REQUEST_EVENTS,
	type HistoryEvent,
	REQUEST_KINDS,
	REQUEST_STATES,
	type Handler,
	type RequestEvent,
	type RequestKind,
	type RequestState
} from '$lib/domain/request-state';
import type { Db } from '../db';
import { newId } from '../ids';

/**
 * The one place request rows exist (issue 6, DOMAIN §6). Use-cases in `server/requests/*` decide
 * (policy, state machine, clocks) and call these inside their transaction. Row types stay here.
 */

// ── Details, per kind (DOMAIN §6.2), checked on write and on read ─────────────────────────────

export const ADVOCATE_ABOUT = ['my-review', 'where-i-live', 'family', 'school', 'leaving-care', 'unhappy', 'other'] as const;
export const CONTACT_HOW = ['phone', 'text', 'video', 'in-person', 'through-iro'] as const;
export const URGENCY = ['no-rush', 'soon', 'urgent'] as const;
export const TALK_WHEN = ['before-review', 'on-my-own', 'review-sooner', 'something-else'] as const;
export const TALK_HOW = ['visit', 'phone', 'video', 'message'] as const;
export const CHANGES = ['date', 'time', 'place', 'someone-not-there'] as const;

const line = v.pipe(v.string(), v.maxLength(2000));

export const DetailsSchema = v.variant('kind', [
	v.strictObject({
		kind: v.literal('advocate'),
		about: v.array(v.picklist(ADVOCATE_ABOUT)),
		words: line,
		contact: v.picklist(CONTACT_HOW),
		safeTime: line,
		needs: line,
		interpreter: v.boolean(),
		language: line,
		urgency: v.picklist(URGENCY)
	}),
	v.strictObject({ kind: v.literal('talk-to-iro'), when: v.picklist(TALK_WHEN), how: v.picklist(TALK_HOW), safeTime: line, topic: line }),
	v.strictObject({ kind: v.literal('change-review'), changes: v.pipe(v.array(v.picklist(CHANGES)), v.minLength(1)), suits: line, reason: line }),
	v.strictObject({ kind: v.literal('interpreter'), language: v.pipe(line, v.minLength(1)), meeting: line })
]);
export type Details = v.InferOutput<typeof DetailsSchema>;

export interface HelpRequest {
	id: string;
	kind: RequestKind;
	childId: string;
	requesterId: string;
	requesterKind: 'young-person' | 'parent' | 'carer';
	reviewId: string | null;
	details: Details;
	consent: boolean;
	iroCanSee: boolean;
	handler: Handler;
	status: RequestState;
	createdAt: number;
	seenAt: number | null;
	seenBy: string | null;
	advocateId: string | null;
	allocatedAt: number | null;
	answeredAt: number | null;
	closedAt: number | null;
	consentWithdrawnAt: number | null;
	updatedAt: number;
}

const COLUMNS = [
	'id', 'kind', 'child_id', 'requester_id', 'requester_kind', 'review_id', 'details_json', 'consent', 'iro_can_see', 'handler', 'status',
	'created_at', 'seen_at', 'seen_by', 'advocate_id', 'allocated_at', 'answered_at', 'closed_at', 'consent_withdrawn_at', 'updated_at'
] as const;

type Row = {
	id: string; kind: string; child_id: string; requester_id: string; requester_kind: string; review_id: string | null; details_json: string;
	consent: 0 | 1; iro_can_see: 0 | 1; handler: string; status: string; created_at: number; seen_at: number | null; seen_by: string | null;
	advocate_id: string | null; allocated_at: number | null; answered_at: number | null; closed_at: number | null; consent_withdrawn_at: number | null;
	updated_at: number;
};

function num(n: number | string | null): number | null {
	return n === null ? null : Number(n);
}

function toRequest(r: Row): HelpRequest {
	if (!(REQUEST_KINDS as readonly string[]).includes(r.kind) || !(REQUEST_STATES as readonly string[]).includes(r.status)) throw new Error('request row out of range');
	return {
		id: r.id,
		kind: r.kind as RequestKind,
		childId: r.child_id,
		requesterId: r.requester_id,
		requesterKind: r.requester_kind as HelpRequest['requesterKind'],
		reviewId: r.review_id,
		details: v.parse(DetailsSchema, JSON.parse(r.details_json)),
		consent: r.consent === 1,
		iroCanSee: r.iro_can_see === 1,
		handler: r.handler as Handler,
		status: r.status as RequestState,
		createdAt: Number(r.created_at),
		seenAt: num(r.seen_at),
		seenBy: r.seen_by,
		advocateId: r.advocate_id,
		allocatedAt: num(r.allocated_at),
		answeredAt: num(r.answered_at),
		closedAt: num(r.closed_at),
		consentWithdrawnAt: num(r.consent_withdrawn_at),
		updatedAt: Number(r.updated_at)
	};
}

export interface NewRequest {
	kind: RequestKind;
	childId: string;
	requesterId: string;
	requesterKind: HelpRequest['requesterKind'];
	reviewId: string | null;
	details: Details;
	consent: boolean;
	iroCanSee: boolean;
	handler: Handler;
}

/** Writes the request and its first event, `sent` (DOMAIN §6.3: "created; queued in the same transaction"). */
export async function insert(db: Db, input: NewRequest, now: number): Promise<string> {
	const details = v.parse(DetailsSchema, input.details);
	if (details.kind !== input.kind) throw new Error('details of another kind');
	const id = newId();
	await db
		.insertInto('help_request')
		.values({
			id, kind: input.kind, child_id: input.childId, requester_id: input.requesterId, requester_kind: input.requesterKind, review_id: input.reviewId,
			details_json: JSON.stringify(details), consent: input.consent ? 1 : 0, iro_can_see: input.iroCanSee ? 1 : 0, handler: input.handler,
			status: 'sent', created_at: now, seen_at: null, seen_by: null, advocate_id: null, allocated_at: null, answered_at: null, closed_at: null,
			consent_withdrawn_at: null, updated_at: now
		})
		.execute();
	await addEvent(db, { requestId: id, at: now, actorId: input.requesterId, actorRole: input.requesterKind, event: 'sent', state: 'sent', note: null });
	return id;
}

export async function get(db: Db, id: string): Promise<HelpRequest | undefined> {
	const r = await db.selectFrom('help_request').select(COLUMNS).where('id', '=', id).executeTakeFirst();
	return r && toRequest(r as Row);
}

/** A requester's own requests, newest first. */
export async function forRequester(db: Db, requesterId: string): Promise<HelpRequest[]> {
	const rows = await db.selectFrom('help_request').select(COLUMNS).where('requester_id', '=', requesterId).orderBy('created_at', 'desc').orderBy('id').execute();
	return rows.map((r) => toRequest(r as Row));
}

/** Requests about the children this IRO is allocated to today (SEC-Z2), newest first. */
export async function forIro(db: Db, iroId: string, today: string): Promise<HelpRequest[]> {
	const rows = await db
		.selectFrom('help_request')
		.innerJoin('iro_allocation', 'iro_allocation.child_id', 'help_request.child_id')
		.select(COLUMNS.map((c) => `help_request.${c}` as const))
		.where('iro_allocation.iro_id', '=', iroId)
		.where('iro_allocation.starts_on', '<=', today)
		.where('iro_allocation.ends_on', 'is', null)
		.orderBy('help_request.created_at', 'desc')
		.orderBy('help_request.id')
		.execute();
	return rows.map((r) => toRequest(r as Row));
}

/**
 * The advocacy service's queue: referrals shared with consent that stands (DOMAIN §6.2, SEC-Z9).
 * A withdrawn referral is gone from it at once, whatever state it reached.
 */
export async function sharedWithAdvocacy(db: Db): Promise<HelpRequest[]> {
	const rows = await db
		.selectFrom('help_request')
		.select(COLUMNS)
		.where('handler', '=', 'advocacy')
		.where('kind', '=', 'advocate')
		.where('consent', '=', 1)
		.where('consent_withdrawn_at', 'is', null)
		.where('status', '!=', 'withdrawn')
		.orderBy('created_at')
		.orderBy('id')
		.execute();
	return rows.map((r) => toRequest(r as Row));
}

/** Has this child asked for an advocate, shared with consent that still stands? ("my advocate" tick, DOMAIN §5.6) */
export async function hasSharedReferral(db: Db, childId: string): Promise<boolean> {
	const r = await db
		.selectFrom('help_request')
		.select('id')
		.where('child_id', '=', childId)
		.where('kind', '=', 'advocate')
		.where('handler', '=', 'advocacy')
		.where('consent', '=', 1)
		.where('consent_withdrawn_at', 'is', null)
		.where('status', '!=', 'withdrawn')
		.executeTakeFirst();
	return r !== undefined;
}

/** Requests still open (not final), for the overdue list; the caller works out the clocks. */
export async function open(db: Db): Promise<HelpRequest[]> {
	const rows = await db.selectFrom('help_request').select(COLUMNS).where('status', 'in', ['sent', 'seen', 'in-progress']).orderBy('created_at').execute();
	return rows.map((r) => toRequest(r as Row));
}

/** How many requests are still open per child (the caseload's "request open" filter): one query. */
export async function openCounts(db: Db, childIds: readonly string[]): Promise<Map<string, number>> {
	if (childIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('help_request')
		.select(['child_id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('child_id', 'in', [...childIds])
		.where('status', 'in', ['sent', 'seen', 'in-progress'])
		.groupBy('child_id')
		.execute();
	return new Map(rows.map((r) => [r.child_id, Number(r.n)]));
}

/** A child's requests made before a date (the pack), oldest first. */
export async function forChild(db: Db, childId: string, until: number): Promise<HelpRequest[]> {
	const rows = await db.selectFrom('help_request').select(COLUMNS).where('child_id', '=', childId).where('created_at', '<=', until).orderBy('created_at').orderBy('id').execute();
	return rows.map((r) => toRequest(r as Row));
}

export interface RequestEventRow {
	id: string;
	requestId: string;
	at: number;
	actorId: string | null;
	actorRole: string | null;
	actorName: string | null;
	event: HistoryEvent;
	state: RequestState;
	note: string | null;
}

export async function addEvent(
	db: Db,
	e: { requestId: string; at: number; actorId: string | null; actorRole: string | null; event: HistoryEvent; state: RequestState; note: string | null }
): Promise<void> {
	const last = await db
		.selectFrom('help_request_event')
		.select((eb) => eb.fn.max('seq').as('seq'))
		.where('request_id', '=', e.requestId)
		.executeTakeFirst();
	const seq = Number(last?.seq ?? 0) + 1;
	await db
		.insertInto('help_request_event')
		.values({ id: newId(), request_id: e.requestId, seq, at: e.at, actor_id: e.actorId, actor_role: e.actorRole, event: e.event, state: e.state, note: e.note })
		.execute();
}

/** The history of some requests, oldest first, with the actor's display name. */
export async function events(db: Db, requestIds: readonly string[]): Promise<RequestEventRow[]> {
	if (requestIds.length === 0) return [];
	const rows = await db
		.selectFrom('help_request_event')
		.leftJoin('app_user', 'app_user.id', 'help_request_event.actor_id')
		.select([
			'help_request_event.id', 'help_request_event.request_id', 'help_request_event.at', 'help_request_event.actor_id', 'help_request_event.actor_role',
			'help_request_event.event', 'help_request_event.state', 'help_request_event.note', 'app_user.display_name'
		])
		.where('help_request_event.request_id', 'in', [...requestIds])
		.orderBy('help_request_event.request_id')
		.orderBy('help_request_event.seq')
		.execute();
	return rows
		.filter((r) => (REQUEST_EVENTS as readonly string[]).includes(r.event) || (OVERDUE_EVENTS as readonly string[]).includes(r.event))
		.map((r) => ({
			id: r.id, requestId: r.request_id, at: Number(r.at), actorId: r.actor_id, actorRole: r.actor_role, actorName: r.display_name ?? null,
			event: r.event as HistoryEvent, state: r.state as RequestState, note: r.note
		}));
}

/** The columns an event sets on the request row. Only where they are still empty: the first time counts. */
export async function applyEvent(
	db: Db,
	id: string,
	e: { event: RequestEvent; state: RequestState; at: number; actorId: string; advocateId?: string | null }
): Promise<void> {
	const current = await get(db, id);
	if (!current) throw new Error('request missing');
	const set: Partial<Row> = { status: e.state, updated_at: e.at };
	if (e.event === 'seen' && current.seenAt === null) Object.assign(set, { seen_at: e.at, seen_by: e.actorId });
	if (e.event === 'allocated') Object.assign(set, { advocate_id: e.advocateId ?? null, allocated_at: current.allocatedAt ?? e.at });
	if (current.handler === 'iro' && ['answered', 'contact-arranged', 'done', 'declined'].includes(e.event) && current.answeredAt === null) set.answered_at = e.at;
	if (e.state === 'done' || e.state === 'not-possible' || e.state === 'withdrawn') set.closed_at = e.at;
	if (e.event === 'consent-withdrawn') set.consent_withdrawn_at = e.at;
	await db.updateTable('help_request').set(set).where('id', '=', id).execute();
}

/** Active advocate accounts (the advocacy service's people). */
export async function advocates(db: Db): Promise<{ id: string; displayName: string }[]> {
	const rows = await db.selectFrom('app_user').select(['id', 'display_name']).where('role', '=', 'advocate').where('active', '=', 1).orderBy('display_name').execute();
	return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}

export async function displayNames(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
	const list = [...new Set(ids.filter((x): x is string => x !== null))];
	if (list.length === 0) return new Map();
	const rows = await db.selectFrom('app_user').select(['id', 'display_name']).where('id', 'in', list).execute();
	return new Map(rows.map((r) => [r.id, r.display_name]));
}
