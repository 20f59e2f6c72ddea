import { sql } from 'kysely';
import type { Db } from '../db';

/**
 * The report summary (migration 2026_11_26_1300): `report_review` (one row per held review) and
 * `report_feedback` (feedback per held day), brought up to date from `report_dirty`, which
 * triggers fill in the same transaction as every write to the facts behind them. `refresh` runs
 * before each report read: usually nothing or a handful of reviews changed since the last one;
 * after a bulk import or the migration, it rebuilds everything once.
 */

/** Reviews per statement: well under SQLite's 32,766 bound values and Postgres's 65,535. */
const CHUNK = 2_000;

/** The child's age on the held date, in whole years, as `ageOn` counts it ('MM-DD' strings compare as (month, day) pairs). */
const AGE = sql<number>`(cast(substr(r.held_date, 1, 4) as integer) - cast(substr(ch.date_of_birth, 1, 4) as integer) - case when substr(r.held_date, 6, 5) < substr(ch.date_of_birth, 6, 5) then 1 else 0 end)`;

function kindCount(kind: string, sent: boolean) {
	return sent
		? sql<number>`sum(case when i.respondent_kind = ${kind} and c.submitted_at is not null then 1 else 0 end)`
		: sql<number>`sum(case when i.respondent_kind = ${kind} then 1 else 0 end)`;
}

/** The summary rows of these reviews (those held), computed from the source tables. */
function reviewRows(db: Db, ids: readonly string[]) {
	const returns = db
		.selectFrom('invitation as i')
		.leftJoin('consultation as c', (j) => j.onRef('c.review_id', '=', 'i.review_id').onRef('c.respondent_id', '=', 'i.respondent_id'))
		.where('i.review_id', 'in', ids)
		.groupBy('i.review_id')
		.select([
			'i.review_id',
			kindCount('young-person', false).as('yp_invited'),
			kindCount('young-person', true).as('yp_sent'),
			kindCount('parent', false).as('parent_invited'),
			kindCount('parent', true).as('parent_sent'),
			kindCount('carer', false).as('carer_invited'),
			kindCount('carer', true).as('carer_sent')
		]);
	return db
		.selectFrom('review as r')
		.innerJoin('child as ch', 'ch.id', 'r.child_id')
		.leftJoin('review_meeting as m', 'm.review_id', 'r.id')
		.leftJoin('review_report as rr', 'rr.review_id', 'r.id')
		.leftJoin('consultation as yc', (j) => j.onRef('yc.review_id', '=', 'r.id').on('yc.respondent_kind', '=', 'young-person'))
		.leftJoin(returns.as('ic'), 'ic.review_id', 'r.id')
		.where('r.id', 'in', ids)
		.where('r.held_date', 'is not', null)
		.select([
			sql<string>`r.held_date`.as('held_date'),
			'r.id as review_id',
			'r.sequence',
			// A review brought earlier is judged against reg. 33's date (DOMAIN §3.3: it counts).
			sql<string>`coalesce(r.statutory_due_date, r.due_date)`.as('due_date'),
			sql<string>`coalesce(r.scheduled_date, r.held_date)`.as('review_date'),
			AGE.as('age'),
			'ch.band_override',
			'm.confirmed_code',
			sql<number>`case when m.review_id is null then 0 else 1 + 2 * m.private_talk_held + 4 * m.advocacy_explained end`.as('meeting'),
			sql<number>`case when yc.id is null then 0 else 1 end`.as('child_started'),
			// First sent: a reopened form keeps its earlier sends in consultation_version.
			sql<number | null>`coalesce((select min(v.submitted_at) from consultation_version v where v.consultation_id = yc.id), yc.submitted_at)`.as('child_first_sent_at'),
			'rr.decisions_sent_at',
			'rr.record_sent_at',
			sql<number>`coalesce(ic.yp_invited, 0)`.as('yp_invited'),
			sql<number>`coalesce(ic.yp_sent, 0)`.as('yp_sent'),
			sql<number>`coalesce(ic.parent_invited, 0)`.as('parent_invited'),
			sql<number>`coalesce(ic.parent_sent, 0)`.as('parent_sent'),
			sql<number>`coalesce(ic.carer_invited, 0)`.as('carer_invited'),
			sql<number>`coalesce(ic.carer_sent, 0)`.as('carer_sent')
		]);
}

const REVIEW_COLUMNS = [
	'held_date', 'review_id', 'sequence', 'due_date', 'review_date', 'age', 'band_override', 'confirmed_code', 'meeting', 'child_started', 'child_first_sent_at',
	'decisions_sent_at', 'record_sent_at', 'yp_invited', 'yp_sent', 'parent_invited', 'parent_sent', 'carer_invited', 'carer_sent'
] as const;

/** Recounts the feedback of reviews held on these days. */
async function refreshDays(db: Db, days: readonly string[]): Promise<void> {
	await db.deleteFrom('report_feedback').where('held_date', 'in', days).execute();
	await db
		.insertInto('report_feedback')
		.columns(['held_date', 'respondent_kind', 'form_id', 'form_version', 'question_id', 'value', 'invited', 'sent'])
		.expression(
			db
				.selectFrom('feedback_response as f')
				.innerJoin('review as r', 'r.id', 'f.review_id')
				.where('r.held_date', 'in', days)
				.groupBy(['r.held_date', 'f.respondent_kind', 'f.form_id', 'f.form_version'])
				.select([
					sql<string>`r.held_date`.as('held_date'), 'f.respondent_kind', 'f.form_id', 'f.form_version', sql<string>`''`.as('question_id'), sql<string>`''`.as('value'),
					sql<number>`count(*)`.as('invited'), sql<number>`sum(case when f.status = 'sent' then 1 else 0 end)`.as('sent')
				])
		)
		.execute();
	// Only choice answers of sent responses (the only ones with a positive rate); free text is never copied.
	await db
		.insertInto('report_feedback')
		.columns(['held_date', 'respondent_kind', 'form_id', 'form_version', 'question_id', 'value', 'invited', 'sent'])
		.expression(
			db
				.selectFrom('feedback_answer as a')
				.innerJoin('feedback_response as f', 'f.id', 'a.response_id')
				.innerJoin('review as r', 'r.id', 'f.review_id')
				.where('r.held_date', 'in', days)
				.where('f.status', '=', 'sent')
				.where('a.value', 'like', '{"kind":"choice"%')
				.groupBy(['r.held_date', 'f.form_id', 'f.form_version', 'a.question_id', 'a.value'])
				.select([
					sql<string>`r.held_date`.as('held_date'), sql<string>`''`.as('respondent_kind'), 'f.form_id', 'f.form_version', 'a.question_id', 'a.value',
					sql<number>`0`.as('invited'), sql<number>`count(*)`.as('sent')
				])
		)
		.execute();
}

/** Brings the summary up to date; returns how many reviews were recomputed. */
export async function refresh(db: Db): Promise<number> {
	const run = async (trx: Db): Promise<number> => {
		// Taken out first: a write committed after this point marks its review again (Postgres waits on the row).
		const dirty = await trx.deleteFrom('report_dirty').returning('review_id').execute();
		if (dirty.length === 0) return 0;
		const ids = dirty.map((d) => d.review_id);
		const days = new Set<string>();
		for (let k = 0; k < ids.length; k += CHUNK) {
			const part = ids.slice(k, k + CHUNK);
			const before = await trx.deleteFrom('report_review').where('review_id', 'in', part).returning('held_date').execute();
			for (const b of before) days.add(b.held_date);
			const after = await trx.insertInto('report_review').columns([...REVIEW_COLUMNS]).expression(reviewRows(trx, part)).returning('held_date').execute();
			for (const a of after) days.add(a.held_date);
		}
		const list = [...days].sort();
		for (let k = 0; k < list.length; k += CHUNK) await refreshDays(trx, list.slice(k, k + CHUNK));
		return ids.length;
	};
	if (db.isTransaction) return run(db);
	// Nothing to do (the usual case): no write transaction at all.
	const any = await db.selectFrom('report_dirty').select('review_id').limit(1).executeTakeFirst();
	if (!any) return 0;
	return db.transaction().execute(run);
}
