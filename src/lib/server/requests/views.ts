import { londonDate } from '$lib/domain/calendar';
import { currentClock, isOverdue, type Clock } from '$lib/domain/request-sla';
import { isFinal, type HistoryEvent } from '$lib/domain/request-state';
import type { ServiceSettings } from '$lib/domain/service-settings';
import type { Db } from '../db';
import * as children from '../data/children';
import * as requests from '../data/requests';
import type { HelpRequest, RequestEventRow } from '../data/requests';
import { firstName, requestClocks } from './service';

/**
 * What each viewer of a request gets (SEC-Z5: per-viewer field allowlists). No English is built
 * here: the pages turn kinds, states and events into words (rule 5).
 */

/** Events the requester sees in their history, and the ones whose words are for them. */
const REQUESTER_EVENTS: readonly HistoryEvent[] = ['sent', 'seen', 'accepted', 'allocated', 'contacted', 'contact-arranged', 'answered', 'done', 'declined', 'withdrawn', 'consent-withdrawn'];
const WORDS_FOR_REQUESTER: readonly HistoryEvent[] = ['answered', 'contact-arranged', 'done', 'declined'];

export interface ClockView {
	name: Clock['name'];
	state: Clock['state'];
	due: number;
	marginMs: number;
}

function clockView(c: Clock | null): ClockView | null {
	return c && { name: c.name, state: c.state, due: c.due, marginMs: c.marginMs };
}

/** The requester's own view (DOMAIN §6.3): status in plain words, the read receipt, who is on it. */
export interface MyRequest {
	id: string;
	kind: HelpRequest['kind'];
	handler: HelpRequest['handler'];
	consent: boolean;
	state: HelpRequest['status'];
	sentAt: number;
	childName: string;
	seen: { at: number; by: string | null } | null;
	/** In progress: the IRO's name, or for advocacy "finding you an advocate" (null) then the advocate's first name. */
	onIt: { by: 'iro' | 'finding' | 'advocate'; name: string | null } | null;
	/** The latest words for the requester: an answer, an arranged contact, the outcome or the reason. */
	words: { event: HistoryEvent; note: string; at: number; by: string | null } | null;
	history: { event: HistoryEvent; at: number }[];
	canWithdraw: boolean;
}

export async function mine(db: Db, requesterId: string): Promise<MyRequest[]> {
	const list = await requests.forRequester(db, requesterId);
	const history = await requests.events(db, list.map((r) => r.id));
	const names = await requests.displayNames(db, list.flatMap((r) => [r.seenBy, r.advocateId]));
	const childNames = new Map<string, string>();
	for (const id of new Set(list.map((r) => r.childId))) childNames.set(id, (await children.get(db, id))?.preferredName ?? '');
	return list.map((r) => {
		const own = history.filter((e) => e.requestId === r.id);
		const spoken = [...own].reverse().find((e) => WORDS_FOR_REQUESTER.includes(e.event) && e.note);
		let onIt: MyRequest['onIt'] = null;
		if (r.status === 'in-progress' || (r.status === 'done' && r.advocateId)) {
			if (r.handler === 'advocacy') onIt = r.advocateId ? { by: 'advocate', name: firstName(names.get(r.advocateId) ?? '') } : { by: 'finding', name: null };
			else {
				const who = [...own].reverse().find((e) => e.state === 'in-progress');
				onIt = { by: 'iro', name: who?.actorName ?? null };
			}
		}
		return {
			id: r.id,
			kind: r.kind,
			handler: r.handler,
			consent: r.consent,
			state: r.status,
			sentAt: r.createdAt,
			childName: childNames.get(r.childId) ?? '',
			// "Seen by {name / the advocacy service}": the service, not the person, for a referral.
			seen: r.seenAt === null ? null : { at: r.seenAt, by: r.handler === 'advocacy' ? null : (names.get(r.seenBy ?? '') ?? null) },
			onIt,
			words: spoken ? { event: spoken.event, note: spoken.note!, at: spoken.at, by: r.handler === 'advocacy' ? null : spoken.actorName } : null,
			history: own.filter((e) => REQUESTER_EVENTS.includes(e.event)).map((e) => ({ event: e.event, at: e.at })),
			canWithdraw: !isFinal(r.status)
		};
	});
}

/** The IRO's list (SEC-Z2: allocated children only), overdue first, then by due time. */
export interface StaffListItem {
	id: string;
	childName: string;
	kind: HelpRequest['kind'];
	handler: HelpRequest['handler'];
	consent: boolean;
	requesterKind: HelpRequest['requesterKind'];
	state: HelpRequest['status'];
	sentAt: number;
	clock: ClockView | null;
	overdue: boolean;
	advocateName: string | null;
	urgency: string | null;
}

async function listItems(db: Db, list: HelpRequest[], settings: ServiceSettings, now: number): Promise<StaffListItem[]> {
	const names = await requests.displayNames(db, list.map((r) => r.advocateId));
	const childNames = new Map<string, string>();
	for (const id of new Set(list.map((r) => r.childId))) childNames.set(id, (await children.get(db, id))?.preferredName ?? '');
	const out: StaffListItem[] = [];
	for (const r of list) {
		const cl = await requestClocks(db, r, settings, now);
		out.push({
			id: r.id, childName: childNames.get(r.childId) ?? '', kind: r.kind, handler: r.handler, consent: r.consent, requesterKind: r.requesterKind,
			state: r.status, sentAt: r.createdAt, clock: clockView(currentClock(cl)), overdue: isOverdue(cl),
			advocateName: r.advocateId ? (names.get(r.advocateId) ?? null) : null,
			urgency: r.details.kind === 'advocate' ? r.details.urgency : null
		});
	}
	const rank = (i: StaffListItem) => (i.overdue ? 0 : isFinal(i.state) ? 2 : 1);
	return out.sort((a, b) => rank(a) - rank(b) || (a.clock?.due ?? 0) - (b.clock?.due ?? 0) || a.sentAt - b.sentAt);
}

export async function iroList(db: Db, iroId: string, settings: ServiceSettings, now: number): Promise<StaffListItem[]> {
	return listItems(db, await requests.forIro(db, iroId, londonDate(now)), settings, now);
}

export async function serviceQueue(db: Db, settings: ServiceSettings, now: number): Promise<StaffListItem[]> {
	return listItems(db, await requests.sharedWithAdvocacy(db), settings, now);
}

/** One request for staff: details (when this viewer may read them), history, clocks. */
export interface StaffDetail {
	item: StaffListItem;
	/** Null when the viewer may not read what was written (the IRO, for a referral the child didn't let them see). */
	details: requests.Details | null;
	requesterName: string;
	clocks: ClockView[];
	history: { event: HistoryEvent; at: number; actorName: string | null; note: string | null }[];
	final: boolean;
}

export async function staffDetail(db: Db, r: HelpRequest, viewer: 'iro' | 'advocacy', settings: ServiceSettings, now: number): Promise<StaffDetail> {
	const [item] = await listItems(db, [r], settings, now);
	const cl = await requestClocks(db, r, settings, now);
	const readable = viewer === 'advocacy' || r.handler === 'iro' || r.iroCanSee;
	const history: RequestEventRow[] = await requests.events(db, [r.id]);
	const requester = await requests.displayNames(db, [r.requesterId]);
	return {
		item: item!,
		details: readable ? r.details : null,
		requesterName: requester.get(r.requesterId) ?? '',
		clocks: cl.map((c) => clockView(c)!),
		history: history.map((e) => ({ event: e.event, at: e.at, actorName: e.actorName, note: readable ? e.note : null })),
		final: isFinal(r.status)
	};
}

/** The admin's list (DOMAIN §6.4): overdue requests, no content (SECURITY §2 admin "R overdue list, no content"). */
export async function overdueForAdmin(db: Db, settings: ServiceSettings, now: number): Promise<{ id: string; kind: HelpRequest['kind']; handler: HelpRequest['handler']; state: HelpRequest['status']; sentAt: number; clock: ClockView }[]> {
	const out = [];
	for (const r of await requests.open(db)) {
		const cl = await requestClocks(db, r, settings, now);
		const c = cl.find((x) => x.state === 'overdue');
		if (c) out.push({ id: r.id, kind: r.kind, handler: r.handler, state: r.status, sentAt: r.createdAt, clock: clockView(c)! });
	}
	return out.sort((a, b) => a.clock.due - b.clock.due);
}
