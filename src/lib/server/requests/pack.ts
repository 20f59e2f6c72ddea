import { currentClock, isOverdue } from '$lib/domain/request-sla';
import { isFinal } from '$lib/domain/request-state';
import type { ServiceSettings } from '$lib/domain/service-settings';
import type { Db } from '../db';
import * as requests from '../data/requests';
import * as reviews from '../data/reviews';
import type { Review } from '../data/reviews';
import { startOfLondonDay } from '../notifications';
import { requestClocks } from './service';

/**
 * Requests in the IRO's pack (DOMAIN §8.1 item 2 "open or overdue requests with clocks" and item 8
 * "requests since the last review, open and closed, with outcomes and whether each met its
 * service level"). The IRO sees everything except what a child wrote to the advocacy service
 * without ticking "my IRO can see" (DOMAIN §8.2): then type, status and clock only.
 */
export interface PackRequest {
	id: string;
	kind: requests.HelpRequest['kind'];
	consent: boolean;
	handler: requests.HelpRequest['handler'];
	requesterKind: requests.HelpRequest['requesterKind'];
	state: requests.HelpRequest['status'];
	sentAt: number;
	closedAt: number | null;
	open: boolean;
	overdue: boolean;
	clock: { name: string; state: string; due: number; marginMs: number } | null;
	/** Every clock met (true), one missed (false), or still running (null). */
	metServiceLevel: boolean | null;
	/** The outcome or the reason, when this viewer may read it. */
	outcome: string | null;
}

export async function packRequests(db: Db, review: Review, settings: ServiceSettings, now: number): Promise<PackRequest[]> {
	const before = await reviews.previous(db, review.childId, review.sequence);
	const since = before?.heldDate ? startOfLondonDay(before.heldDate) : 0;
	const list = (await requests.forChild(db, review.childId, now)).filter((r) => r.createdAt >= since || !isFinal(r.status));
	const history = await requests.events(db, list.map((r) => r.id));
	const out: PackRequest[] = [];
	for (const r of list) {
		const cl = await requestClocks(db, r, settings, now);
		const readable = r.handler === 'iro' || r.iroCanSee;
		const last = [...history].reverse().find((e) => e.requestId === r.id && (e.event === 'done' || e.event === 'declined'));
		const c = currentClock(cl);
		out.push({
			id: r.id, kind: r.kind, consent: r.consent, handler: r.handler, requesterKind: r.requesterKind, state: r.status, sentAt: r.createdAt, closedAt: r.closedAt,
			open: !isFinal(r.status), overdue: isOverdue(cl),
			clock: c && { name: c.name, state: c.state, due: c.due, marginMs: c.marginMs },
			metServiceLevel: cl.some((x) => x.state === 'late' || x.state === 'overdue') ? false : cl.every((x) => x.state === 'met' || x.state === 'stopped') ? true : null,
			outcome: readable ? (last?.note ?? null) : null
		});
	}
	// Open ones first (overdue at the top), then the closed ones, newest first.
	return out.sort((a, b) => Number(b.overdue) - Number(a.overdue) || Number(b.open) - Number(a.open) || b.sentAt - a.sentAt);
}
