import { ageOn, calendarDaysBetween, londonDate } from '$lib/domain/calendar';
import { reviewDateFor } from '$lib/domain/age-band';
import type { Access } from './access/require';
import { database } from './db';
import * as audit from './data/audit';
import * as alerts from './data/alerts';
import * as consultations from './data/consultations';
import * as invitations from './data/invitations';
import * as requests from './data/requests';
import * as reviews from './data/reviews';
import { reviewMilestones } from '$lib/domain/review-schedule';
import { loadSettings } from './settings';

const KIND_ORDER = { 'young-person': 0, parent: 1, carer: 2 } as const;

export interface OpenAlert {
	id: string;
	childId: string;
	childName: string;
	reviewId: string | null;
	source: 'answer' | 'help-now';
	createdAt: number;
}

export interface CaseloadRow {
	childId: string;
	name: string;
	age: number;
	reviewId: string | null;
	/** The meeting date, or the due date until one is set. */
	nextDate: string | null;
	scheduled: boolean;
	daysLeft: number | null;
	respondents: { kind: 'young-person' | 'parent' | 'carer'; displayName: string; status: 'invited' | 'started' | 'sent' }[];
	openAlerts: number;
	/** Issue 6: requests about this child not yet done, not possible or withdrawn (DOMAIN §6.3). */
	openRequests: number;
	/**
	 * A held review still owing its decisions or its record (DOMAIN §3.2): the next review is already
	 * the current one (chaining), but the IRO's nearest deadline may be this.
	 */
	followUp: { reviewId: string; kind: 'decisions' | 'record'; due: string; daysLeft: number } | null;
	/** The nearest of the review date and the follow-up's due date: the caseload sorts by it (issue 5). */
	deadline: string | null;
}

/**
 * "My children" (issue 3 §4): the IRO's allocated children only (SEC-Z2), soonest deadline first.
 * Four queries whatever the caseload size, so 70 children cost the same as 7.
 */
export async function loadCaseload(access: Access<'caseload.view'>, now: number, db: ReturnType<typeof database> = database()): Promise<{ rows: CaseloadRow[]; alerts: OpenAlert[] }> {
	const today = londonDate(now);
	const kids = await db
		.selectFrom('iro_allocation')
		.innerJoin('child', 'child.id', 'iro_allocation.child_id')
		.select(['child.id', 'child.preferred_name', 'child.date_of_birth'])
		.where('iro_allocation.iro_id', '=', access.actor.id)
		.where('iro_allocation.starts_on', '<=', today)
		.where('iro_allocation.ends_on', 'is', null)
		.execute();
	const current = await reviews.currentForChildren(db, kids.map((k) => k.id));
	const reviewIds = [...current.values()].map((r) => r.id);
	const invited = await invitations.forReviews(db, reviewIds);
	const started = await consultations.forReviews(db, reviewIds);
	const open = await alerts.openFor(db, kids.map((k) => k.id));
	const followUps = await owing(db, kids.map((k) => k.id), today);
	const withRequests = await requests.openCounts(db, kids.map((k) => k.id));
	const rows: CaseloadRow[] = kids.map((k) => {
		const r = current.get(k.id);
		const nextDate = r ? reviewDateFor({ scheduled: r.scheduledDate, due: r.dueDate }) : null;
		const followUp = followUps.get(k.id) ?? null;
		const deadline = [nextDate, followUp?.due].filter((d): d is string => !!d).sort()[0] ?? null;
		return {
			childId: k.id, name: k.preferred_name, age: ageOn(k.date_of_birth, today), reviewId: r?.id ?? null, nextDate,
			scheduled: !!r?.scheduledDate, daysLeft: deadline ? calendarDaysBetween(today, deadline) : null, followUp, deadline,
			respondents: invited
				.filter((i) => i.reviewId === r?.id)
				.map((i) => {
					const c = started.find((s) => s.reviewId === i.reviewId && s.respondentId === i.respondentId);
					return { kind: i.respondentKind, displayName: i.displayName, status: !c ? 'invited' : c.status === 'submitted' ? 'sent' : 'started' } as const;
				})
				// The same order on every row: the child first, then parents, then carers.
				.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.displayName.localeCompare(b.displayName)),
			openAlerts: open.filter((a) => a.childId === k.id).length,
			openRequests: withRequests.get(k.id) ?? 0
		};
	});
	rows.sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.name.localeCompare(b.name));
	// DOMAIN §5.7: open alerts stay at the top of the IRO's page, oldest first, until acknowledged.
	const names = new Map(kids.map((k) => [k.id, k.preferred_name]));
	return { rows, alerts: open.map((a) => ({ id: a.id, childId: a.childId, childName: names.get(a.childId) ?? '', reviewId: a.reviewId, source: a.source, createdAt: a.createdAt })) };
}

/**
 * For each child, the latest held review whose decisions or record have not gone out yet, with the
 * first thing owed and its due date from the service's settings (DOMAIN §3.2). Two queries.
 */
async function owing(db: ReturnType<typeof database>, childIds: readonly string[], today: string): Promise<Map<string, NonNullable<CaseloadRow['followUp']>>> {
	const out = new Map<string, NonNullable<CaseloadRow['followUp']>>();
	const held = await reviews.latestHeldForChildren(db, childIds);
	if (held.size === 0) return out;
	const ids = [...held.values()].map((r) => r.id);
	const sent = await db.selectFrom('review_report').select(['review_id', 'decisions_sent_at', 'status']).where('review_id', 'in', ids).execute();
	const byReview = new Map(sent.map((r) => [r.review_id, r]));
	const { schedule } = await loadSettings(db);
	for (const [childId, r] of held) {
		const report = byReview.get(r.id);
		const m = reviewMilestones(r.heldDate!, schedule);
		const kind = !report?.decisions_sent_at ? 'decisions' : report.status !== 'sent' ? 'record' : null;
		if (!kind) continue;
		const due = kind === 'decisions' ? m.decisionsDue : m.recordDue;
		out.set(childId, { reviewId: r.id, kind, due, daysLeft: calendarDaysBetween(today, due) });
	}
	return out;
}

/** Acknowledges a safety alert for one of the IRO's children (its own guard: the allocated IRO). */
export async function acknowledgeAlert(access: Access<'alert.acknowledge'>, alertId: string, now: number): Promise<void> {
	const db = database();
	await db.transaction().execute(async (trx) => {
		if (await alerts.acknowledge(trx, alertId, access.actor.id, now)) {
			await audit.record(trx, { at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'alert_acknowledged', childId: access.childId, resourceType: 'safety_alert', resourceId: alertId });
		}
	});
}

/** Caseload filters (issue 5): an allowlist, so an unknown value shows everyone (SECURITY §7). */
export const FILTERS = ['all', 'overdue', 'this-week', 'no-response', 'alerts', 'requests'] as const;
export type Filter = (typeof FILTERS)[number];

export function parseFilter(value: string | null): Filter {
	return (FILTERS as readonly string[]).includes(value ?? '') ? (value as Filter) : 'all';
}

/** Does a row match a filter? "This week" is the next 7 days; "no response" is anyone invited who hasn't sent; "requests" a request still open. */
export function matches(row: CaseloadRow, filter: Filter): boolean {
	switch (filter) {
		case 'overdue':
			return row.daysLeft !== null && row.daysLeft < 0;
		case 'this-week':
			return row.daysLeft !== null && row.daysLeft >= 0 && row.daysLeft <= 7;
		case 'no-response':
			return row.respondents.some((r) => r.status !== 'sent');
		case 'alerts':
			return row.openAlerts > 0;
		case 'requests':
			// Issue 6: "request open".
			return row.openRequests > 0;
		default:
			return true;
	}
}

/** The counts shown at the top of the caseload, one per filter. */
export function countRows(rows: readonly CaseloadRow[]): Record<Filter, number> {
	return Object.fromEntries(FILTERS.map((f) => [f, rows.filter((r) => matches(r, f)).length])) as Record<Filter, number>;
}
