import { sql } from 'kysely';
import type { FormBand } from '$lib/domain/age-band';
import { londonDate } from '$lib/domain/calendar';
import type { ParticipationCode } from '$lib/domain/participation';
import type { AlertFact, AllocationFact, EscalationFact, Period, RequestFact, ReviewFact } from '$lib/domain/reports/types';
import { REQUEST_KINDS, type Handler, type RequestKind } from '$lib/domain/request-state';
import type { Db } from '../db';

/**
 * The facts behind the annual-report figures (DOMAIN §9): one plain object per review, escalation,
 * allocation and alert, for the pure definitions in `$lib/domain/reports`. Nothing personal leaves
 * here but ids, dates of birth (for the age on the held date) and IRO display names. One query per
 * kind of fact; the reviews' invitations and returns are summed per review in SQL, so a year of
 * 100,000 reviews is one pass over the review_held_date index (migration 2026_11_26_1000).
 */

const codes = new Set(['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7']);
const bands = new Set(['4-7', '8-12', '13-plus']);
const day = (ms: number | null) => (ms === null || ms === undefined ? null : londonDate(Number(ms)));
const n = (v: unknown) => Number(v ?? 0);

/** Reviews held in the period (by held date). */
export async function reviews(db: Db, period: Period): Promise<ReviewFact[]> {
	const inPeriod = db.selectFrom('review').select('id').where('held_date', '>=', period.from).where('held_date', '<=', period.to);
	const returns = db
		.selectFrom('invitation as i')
		.leftJoin('consultation as c', (j) => j.onRef('c.review_id', '=', 'i.review_id').onRef('c.respondent_id', '=', 'i.respondent_id'))
		.where('i.review_id', 'in', inPeriod)
		.select('i.review_id')
		.select([
			sql<number>`sum(case when i.respondent_kind = 'young-person' then 1 else 0 end)`.as('yp_invited'),
			sql<number>`sum(case when i.respondent_kind = 'young-person' and c.id is not null then 1 else 0 end)`.as('yp_started'),
			sql<number>`sum(case when i.respondent_kind = 'young-person' and c.submitted_at is not null then 1 else 0 end)`.as('yp_sent'),
			// First sent: a reopened form keeps its earlier sends in consultation_version.
			sql<number | null>`min(case when i.respondent_kind = 'young-person' then coalesce((select min(v.submitted_at) from consultation_version v where v.consultation_id = c.id), c.submitted_at) end)`.as('yp_sent_at'),
			sql<number>`sum(case when i.respondent_kind = 'parent' then 1 else 0 end)`.as('parents_invited'),
			sql<number>`sum(case when i.respondent_kind = 'parent' and c.submitted_at is not null then 1 else 0 end)`.as('parents_sent'),
			sql<number>`sum(case when i.respondent_kind = 'carer' then 1 else 0 end)`.as('carers_invited'),
			sql<number>`sum(case when i.respondent_kind = 'carer' and c.submitted_at is not null then 1 else 0 end)`.as('carers_sent')
		])
		.groupBy('i.review_id')
		.as('ret');
	const rows = await db
		.selectFrom('review as r')
		.innerJoin('child as ch', 'ch.id', 'r.child_id')
		.leftJoin('review_meeting as m', 'm.review_id', 'r.id')
		.leftJoin('review_report as rr', 'rr.review_id', 'r.id')
		.leftJoin(returns, 'ret.review_id', 'r.id')
		.where('r.held_date', '>=', period.from)
		.where('r.held_date', '<=', period.to)
		.select([
			'r.id', 'r.child_id', 'r.sequence', 'r.due_date', 'r.statutory_due_date', 'r.held_date', 'r.scheduled_date', 'ch.date_of_birth', 'ch.band_override',
			'm.review_id as meeting', 'm.confirmed_code', 'm.private_talk_held', 'm.advocacy_explained', 'rr.decisions_sent_at', 'rr.record_sent_at',
			'ret.yp_invited', 'ret.yp_started', 'ret.yp_sent', 'ret.yp_sent_at', 'ret.parents_invited', 'ret.parents_sent', 'ret.carers_invited', 'ret.carers_sent'
		])
		.execute();
	return rows.map((r) => ({
		id: r.id,
		childId: r.child_id,
		sequence: r.sequence,
		// A review brought earlier is judged against reg. 33's date (DOMAIN §3.3: it counts).
		dueDate: r.statutory_due_date ?? r.due_date,
		heldDate: r.held_date!,
		reviewDate: r.scheduled_date ?? r.held_date!,
		dateOfBirth: r.date_of_birth,
		bandOverride: r.band_override && bands.has(r.band_override) ? (r.band_override as FormBand) : null,
		code: r.confirmed_code && codes.has(r.confirmed_code) ? (r.confirmed_code as ParticipationCode) : null,
		privateTalk: r.meeting === null ? null : Boolean(r.private_talk_held),
		advocacyExplained: r.meeting === null ? null : Boolean(r.advocacy_explained),
		child: { invited: n(r.yp_invited) > 0, started: n(r.yp_started) > 0, sent: n(r.yp_sent) > 0, sentOn: day(r.yp_sent_at) },
		parents: { invited: n(r.parents_invited), sent: n(r.parents_sent) },
		carers: { invited: n(r.carers_invited), sent: n(r.carers_sent) },
		decisionsSentOn: day(r.decisions_sent_at),
		recordSentOn: day(r.record_sent_at)
	}));
}

/** Escalations open at any time in the period (opened by its end, not closed before its start). */
export async function escalations(db: Db, period: Period): Promise<EscalationFact[]> {
	const rows = await db
		.selectFrom('review_escalation as e')
		.innerJoin('review as r', 'r.id', 'e.review_id')
		.where('e.opened_on', '<=', period.to)
		.where((eb) => eb.or([eb('e.closed_on', 'is', null), eb('e.closed_on', '>=', period.from)]))
		.select(['r.child_id', 'e.stage', 'e.opened_on', 'e.closed_on'])
		.execute();
	return rows.map((r) => ({ childId: r.child_id, stage: r.stage, openedOn: r.opened_on, closedOn: r.closed_on }));
}

/** Allocations in force on `snapshot` (an allocation ending that day has passed to the next IRO). */
export async function allocations(db: Db, snapshot: string): Promise<AllocationFact[]> {
	const rows = await db
		.selectFrom('iro_allocation as a')
		.innerJoin('app_user as u', 'u.id', 'a.iro_id')
		.where('a.starts_on', '<=', snapshot)
		.where((eb) => eb.or([eb('a.ends_on', 'is', null), eb('a.ends_on', '>', snapshot)]))
		.select(['a.iro_id', 'u.display_name', 'a.child_id', 'a.starts_on', 'a.ends_on'])
		.execute();
	return rows.map((r) => ({ iroId: r.iro_id, iroName: r.display_name, childId: r.child_id, startsOn: r.starts_on, endsOn: r.ends_on }));
}

/** Alerts raised around the period (a day either side; the definition keeps those on London dates inside it). */
export async function alerts(db: Db, period: Period): Promise<AlertFact[]> {
	const from = Date.parse(`${period.from}T00:00:00Z`) - 86_400_000;
	const to = Date.parse(`${period.to}T00:00:00Z`) + 2 * 86_400_000;
	const rows = await db.selectFrom('safety_alert').where('created_at', '>=', from).where('created_at', '<', to).select(['created_at', 'acknowledged_at']).execute();
	return rows.map((r) => ({ createdAt: Number(r.created_at), acknowledgedAt: r.acknowledged_at === null ? null : Number(r.acknowledged_at) }));
}

/** Requests made around the period (a day either side; the definitions keep those made on London dates inside it). */
export async function requests(db: Db, period: Period): Promise<RequestFact[]> {
	const from = Date.parse(`${period.from}T00:00:00Z`) - 86_400_000;
	const to = Date.parse(`${period.to}T00:00:00Z`) + 2 * 86_400_000;
	const rows = await db
		.selectFrom('help_request as q')
		.leftJoin('review as r', 'r.id', 'q.review_id')
		.where('q.created_at', '>=', from)
		.where('q.created_at', '<', to)
		.select(['q.kind', 'q.handler', 'q.consent', 'q.created_at', 'q.seen_at', 'q.allocated_at', 'q.answered_at', 'q.closed_at', 'r.scheduled_date', 'r.due_date'])
		.execute();
	const num = (v: number | null) => (v === null ? null : Number(v));
	return rows
		.filter((r) => (REQUEST_KINDS as readonly string[]).includes(r.kind) && (r.handler === 'iro' || r.handler === 'advocacy'))
		.map((r) => ({
			kind: r.kind as RequestKind,
			handler: r.handler as Handler,
			consent: r.consent === 1,
			createdAt: Number(r.created_at),
			seenAt: num(r.seen_at),
			allocatedAt: num(r.allocated_at),
			answeredAt: num(r.answered_at),
			closedAt: num(r.closed_at),
			reviewDate: r.scheduled_date ?? r.due_date ?? null
		}));
}
