import { PostgresAdapter, sql } from 'kysely';
import type { FormBand } from '$lib/domain/age-band';
import { londonDay as londonDate } from '$lib/domain/reports/london';
import type { ParticipationCode } from '$lib/domain/participation';
import type { AlertFact, AllocationFact, EscalationFact, FeedbackFacts, Period, RequestFact, ReturnCount, ReviewFact } from '$lib/domain/reports/types';
import { REQUEST_KINDS, type Handler, type RequestKind } from '$lib/domain/request-state';
import type { Db } from '../db';

/**
 * The facts behind the annual-report figures (DOMAIN §9): one plain object per review, escalation,
 * allocation and alert, for the pure definitions in `$lib/domain/reports`. Nothing personal leaves
 * here but ids, dates of birth (for the age on the held date) and IRO display names. One query per
 * kind of fact, each driven by an index on its date (migration 2026_11_26_1000); invitations and
 * returns are summed in SQL by audience and age, so a year of 100,000 reviews reads one narrow row
 * per review and a few dozen rows of returns.
 */

const codes = new Set(['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7']);
const bands = new Set(['4-7', '8-12', '13-plus']);
const day = (ms: number | null) => (ms === null || ms === undefined ? null : londonDate(Number(ms)));
const n = (v: unknown) => Number(v ?? 0);

/** The child's age on the held date, in whole years, as `ageOn` counts it ('MM-DD' strings compare as (month, day) pairs). */
const AGE = sql<number>`(cast(substr(r.held_date, 1, 4) as integer) - cast(substr(ch.date_of_birth, 1, 4) as integer) - case when substr(r.held_date, 6, 5) < substr(ch.date_of_birth, 6, 5) then 1 else 0 end)`;

/**
 * Reviews held in the period (by held date): one narrow row each (only what the definitions use:
 * no ids, no names), with the child's own form joined in.
 */
export async function reviews(db: Db, period: Period): Promise<ReviewFact[]> {
	const rows = await db
		.selectFrom('review as r')
		.innerJoin('child as ch', 'ch.id', 'r.child_id')
		.leftJoin('review_meeting as m', 'm.review_id', 'r.id')
		.leftJoin('review_report as rr', 'rr.review_id', 'r.id')
		.leftJoin('consultation as yc', (j) => j.onRef('yc.review_id', '=', 'r.id').on('yc.respondent_kind', '=', 'young-person'))
		.where('r.held_date', '>=', period.from)
		.where('r.held_date', '<=', period.to)
		.select([
			'r.sequence', 'r.held_date', 'r.scheduled_date', 'ch.date_of_birth', 'ch.band_override', 'm.confirmed_code', 'rr.decisions_sent_at', 'rr.record_sent_at',
			// A review brought earlier is judged against reg. 33's date (DOMAIN §3.3: it counts).
			sql<string>`coalesce(r.statutory_due_date, r.due_date)`.as('due'),
			// 0 no meeting facts; else 1 + 2·private talk + 4·advocacy explained.
			sql<number>`case when m.review_id is null then 0 else 1 + 2 * m.private_talk_held + 4 * m.advocacy_explained end`.as('facts'),
			sql<number>`case when yc.id is null then 0 else 1 end`.as('started'),
			// First sent: a reopened form keeps its earlier sends in consultation_version.
			sql<number | null>`coalesce((select min(v.submitted_at) from consultation_version v where v.consultation_id = yc.id), yc.submitted_at)`.as('first_sent')
		])
		.execute();
	return rows.map((r) => {
		const f = Number(r.facts);
		return {
			sequence: r.sequence,
			dueDate: r.due,
			heldDate: r.held_date!,
			reviewDate: r.scheduled_date ?? r.held_date!,
			dateOfBirth: r.date_of_birth,
			bandOverride: r.band_override && bands.has(r.band_override) ? (r.band_override as FormBand) : null,
			code: r.confirmed_code && codes.has(r.confirmed_code) ? (r.confirmed_code as ParticipationCode) : null,
			privateTalk: f === 0 ? null : (f & 2) !== 0,
			advocacyExplained: f === 0 ? null : (f & 4) !== 0,
			child: { started: Number(r.started) === 1, sentOn: day(r.first_sent) },
			decisionsSentOn: day(r.decisions_sent_at),
			recordSentOn: day(r.record_sent_at)
		};
	});
}

/** Invitations and forms sent for reviews held in the period, counted in SQL by audience, age and band override. */
export async function returns(db: Db, period: Period): Promise<ReturnCount[]> {
	const rows = await db
		.selectFrom('review as r')
		.innerJoin('child as ch', 'ch.id', 'r.child_id')
		.innerJoin('invitation as i', 'i.review_id', 'r.id')
		.leftJoin('consultation as c', (j) => j.onRef('c.review_id', '=', 'i.review_id').onRef('c.respondent_id', '=', 'i.respondent_id'))
		.where('r.held_date', '>=', period.from)
		.where('r.held_date', '<=', period.to)
		.select([
			'i.respondent_kind',
			'ch.band_override',
			AGE.as('age'),
			sql<number>`count(*)`.as('invited'),
			sql<number>`sum(case when c.submitted_at is not null then 1 else 0 end)`.as('sent')
		])
		.groupBy(['i.respondent_kind', 'ch.band_override', AGE])
		.execute();
	return rows
		.filter((r) => r.respondent_kind === 'young-person' || r.respondent_kind === 'parent' || r.respondent_kind === 'carer')
		.map((r) => ({
			kind: r.respondent_kind as ReturnCount['kind'],
			age: Number(r.age),
			bandOverride: r.band_override && bands.has(r.band_override) ? (r.band_override as FormBand) : null,
			invited: n(r.invited),
			sent: n(r.sent)
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

/**
 * Post-review feedback for reviews held in the period (DOMAIN §7, F15): responses per audience and
 * form version, and the choice answers of sent responses counted per option. Free text is not read.
 */
export async function feedback(db: Db, period: Period): Promise<FeedbackFacts> {
	const responses = await db
		.selectFrom('feedback_response as f')
		.innerJoin('review as r', 'r.id', 'f.review_id')
		.where('r.held_date', '>=', period.from)
		.where('r.held_date', '<=', period.to)
		.select(['f.respondent_kind', 'f.form_id', 'f.form_version', sql<number>`count(*)`.as('invited'), sql<number>`sum(case when f.status = 'sent' then 1 else 0 end)`.as('sent')])
		.groupBy(['f.respondent_kind', 'f.form_id', 'f.form_version'])
		.execute();
	const answers = await db
		.selectFrom('feedback_answer as a')
		.innerJoin('feedback_response as f', 'f.id', 'a.response_id')
		.innerJoin('review as r', 'r.id', 'f.review_id')
		.where('r.held_date', '>=', period.from)
		.where('r.held_date', '<=', period.to)
		.where('f.status', '=', 'sent')
		.where('a.value', 'like', '{"kind":"choice"%')
		.select(['f.form_id', 'f.form_version', 'a.question_id', 'a.value', sql<number>`count(*)`.as('n')])
		.groupBy(['f.form_id', 'f.form_version', 'a.question_id', 'a.value'])
		.execute();
	return {
		responses: responses
			.filter((r) => r.respondent_kind === 'young-person' || r.respondent_kind === 'parent' || r.respondent_kind === 'carer')
			.map((r) => ({ kind: r.respondent_kind as 'young-person' | 'parent' | 'carer', formId: r.form_id, formVersion: r.form_version, invited: n(r.invited), sent: n(r.sent) })),
		answers: answers.flatMap((a) => {
			let value: unknown;
			try {
				value = JSON.parse(a.value);
			} catch {
				return [];
			}
			const v = value as { kind?: string; value?: unknown };
			return v.kind === 'choice' && typeof v.value === 'string' ? [{ formId: a.form_id, formVersion: a.form_version, questionId: a.question_id, value: v.value, n: n(a.n) }] : [];
		})
	};
}

/**
 * A number that changes whenever the database does, for caching a computed report (SQLite only):
 * total_changes() counts every row this process's connection has written (the app's one writer,
 * D4), and PRAGMA data_version moves when another connection commits. Null on Postgres (no cache).
 */
export async function dataVersion(db: Db): Promise<string | null> {
	if (db.getExecutor().adapter instanceof PostgresAdapter) return null;
	const changes = await sql<{ c: number }>`select total_changes() as c`.execute(db);
	const version = await sql<{ data_version: number }>`pragma data_version`.execute(db);
	return `${changes.rows[0]?.c ?? 0}:${version.rows[0]?.data_version ?? 0}`;
}
