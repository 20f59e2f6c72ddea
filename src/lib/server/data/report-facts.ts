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
 * here but ids, ages and IRO display names. Reviews, returns and feedback come from the report
 * summary (migration 2026_11_26_1300, `report-summary.ts`; call `summary.refresh` first), read as
 * one range of a narrow table by held date; the rest from their own tables, each driven by an
 * index on its date (migration 2026_11_26_1000).
 */

const codes = new Set(['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7']);
const bands = new Set(['4-7', '8-12', '13-plus']);
const day = (ms: number | null) => (ms === null || ms === undefined ? null : londonDate(Number(ms)));
const n = (v: unknown) => Number(v ?? 0);

/**
 * Reviews held in the period (by held date): one narrow row each from the summary (only what the
 * definitions use: no ids, no names), brought up to date by `summary.refresh` first.
 */
export async function reviews(db: Db, period: Period): Promise<ReviewFact[]> {
	const rows = await db
		.selectFrom('report_review')
		.where('held_date', '>=', period.from)
		.where('held_date', '<=', period.to)
		.select(['sequence', 'held_date', 'due_date', 'review_date', 'age', 'band_override', 'confirmed_code', 'meeting', 'child_started', 'child_first_sent_at', 'decisions_sent_at', 'record_sent_at'])
		.execute();
	return rows.map((r) => {
		const f = Number(r.meeting);
		return {
			sequence: r.sequence,
			dueDate: r.due_date,
			heldDate: r.held_date,
			reviewDate: r.review_date,
			age: r.age,
			bandOverride: r.band_override && bands.has(r.band_override) ? (r.band_override as FormBand) : null,
			code: r.confirmed_code && codes.has(r.confirmed_code) ? (r.confirmed_code as ParticipationCode) : null,
			privateTalk: f === 0 ? null : (f & 2) !== 0,
			advocacyExplained: f === 0 ? null : (f & 4) !== 0,
			child: { started: Number(r.child_started) === 1, sentOn: day(r.child_first_sent_at) },
			decisionsSentOn: day(r.decisions_sent_at),
			recordSentOn: day(r.record_sent_at)
		};
	});
}

/** Invitations and forms sent for reviews held in the period, counted in SQL by audience, age and band override. */
export async function returns(db: Db, period: Period): Promise<ReturnCount[]> {
	const rows = await db
		.selectFrom('report_review')
		.where('held_date', '>=', period.from)
		.where('held_date', '<=', period.to)
		.groupBy(['age', 'band_override'])
		.select([
			'age',
			'band_override',
			sql<number>`sum(yp_invited)`.as('yp_invited'),
			sql<number>`sum(yp_sent)`.as('yp_sent'),
			sql<number>`sum(parent_invited)`.as('parent_invited'),
			sql<number>`sum(parent_sent)`.as('parent_sent'),
			sql<number>`sum(carer_invited)`.as('carer_invited'),
			sql<number>`sum(carer_sent)`.as('carer_sent')
		])
		.execute();
	const out: ReturnCount[] = [];
	for (const r of rows) {
		const bandOverride = r.band_override && bands.has(r.band_override) ? (r.band_override as FormBand) : null;
		const each: [ReturnCount['kind'], unknown, unknown][] = [
			['young-person', r.yp_invited, r.yp_sent],
			['parent', r.parent_invited, r.parent_sent],
			['carer', r.carer_invited, r.carer_sent]
		];
		for (const [kind, invited, sent] of each) if (n(invited) > 0) out.push({ kind, age: Number(r.age), bandOverride, invited: n(invited), sent: n(sent) });
	}
	return out;
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
	const rows = await db
		.selectFrom('report_feedback')
		.where('held_date', '>=', period.from)
		.where('held_date', '<=', period.to)
		.groupBy(['respondent_kind', 'form_id', 'form_version', 'question_id', 'value'])
		.select(['respondent_kind', 'form_id', 'form_version', 'question_id', 'value', sql<number>`sum(invited)`.as('invited'), sql<number>`sum(sent)`.as('sent')])
		.execute();
	const responses = rows.filter((r) => r.question_id === '');
	const answers = rows.filter((r) => r.question_id !== '');
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
			return v.kind === 'choice' && typeof v.value === 'string' ? [{ formId: a.form_id, formVersion: a.form_version, questionId: a.question_id, value: v.value, n: n(a.sent) }] : [];
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
