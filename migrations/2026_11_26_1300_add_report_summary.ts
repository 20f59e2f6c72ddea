import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Issue 8, the report at 100,000 reviews (DOMAIN §9, "Performance"): a summary kept beside the
 * facts, so a year's report reads one narrow row per review held (no joins) and a few rows of
 * feedback per day, instead of joining six tables and a million answers on every read.
 *
 * - `report_review`: one row per held review, the columns the definitions use (the child's age on
 *   the held date, not the date of birth), and its invitations and forms sent per audience.
 * - `report_feedback`: post-review feedback for the reviews held on a day, counted per audience,
 *   form version, question and choice (free text is never copied).
 * - `report_dirty`: the reviews whose facts changed since the summary was brought up to date.
 *   Triggers on every table the summary reads add the review here in the same transaction as the
 *   write, so no change can be missed; the report's read recomputes those reviews (and their days'
 *   feedback) from the source tables before it counts (src/lib/server/data/report-summary.ts).
 *
 * Existing held reviews start dirty: the first report read after this migration builds the summary.
 * Frozen once shipped (STYLE §4.6). SQLite tables STRICT (REL-7).
 */

/** A table the summary reads, the review ids a changed row touches (`ROW` is OLD or NEW), and the columns whose update matters. */
export const SUMMARY_SOURCES: { table: string; ids: string; columns: string[] | null }[] = [
	{ table: 'review', ids: 'select ROW.id', columns: ['child_id', 'sequence', 'due_date', 'statutory_due_date', 'scheduled_date', 'held_date'] },
	{ table: 'child', ids: 'select r.id from review r where r.child_id = ROW.id', columns: ['date_of_birth', 'band_override'] },
	{ table: 'review_meeting', ids: 'select ROW.review_id', columns: ['review_id', 'confirmed_code', 'private_talk_held', 'advocacy_explained'] },
	{ table: 'review_report', ids: 'select ROW.review_id', columns: ['review_id', 'decisions_sent_at', 'record_sent_at'] },
	{ table: 'invitation', ids: 'select ROW.review_id', columns: ['review_id', 'respondent_id', 'respondent_kind'] },
	{ table: 'consultation', ids: 'select ROW.review_id', columns: ['review_id', 'respondent_id', 'respondent_kind', 'submitted_at'] },
	{ table: 'consultation_version', ids: 'select c.review_id from consultation c where c.id = ROW.consultation_id', columns: null },
	{ table: 'feedback_response', ids: 'select ROW.review_id', columns: ['review_id', 'respondent_kind', 'form_id', 'form_version', 'status'] },
	{ table: 'feedback_answer', ids: 'select f.review_id from feedback_response f where f.id = ROW.response_id', columns: ['response_id', 'question_id', 'value'] }
];

export async function up(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	const instant = pg ? 'bigint' : 'integer';

	await db.schema
		.createTable('report_review')
		.addColumn('held_date', 'text', (c) => c.notNull())
		.addColumn('review_id', 'text', (c) => c.notNull())
		.addColumn('sequence', 'integer', (c) => c.notNull())
		// reg. 33's due date (the statutory one when the review was brought earlier).
		.addColumn('due_date', 'text', (c) => c.notNull())
		// The scheduled date, else the held date: the pack lock counts back from it.
		.addColumn('review_date', 'text', (c) => c.notNull())
		.addColumn('age', 'integer', (c) => c.notNull())
		.addColumn('band_override', 'text')
		.addColumn('confirmed_code', 'text')
		// 0 no meeting facts; else 1 + 2·private talk + 4·advocacy explained.
		.addColumn('meeting', 'integer', (c) => c.notNull())
		.addColumn('child_started', 'integer', (c) => c.notNull())
		.addColumn('child_first_sent_at', instant)
		.addColumn('decisions_sent_at', instant)
		.addColumn('record_sent_at', instant)
		.addColumn('yp_invited', 'integer', (c) => c.notNull())
		.addColumn('yp_sent', 'integer', (c) => c.notNull())
		.addColumn('parent_invited', 'integer', (c) => c.notNull())
		.addColumn('parent_sent', 'integer', (c) => c.notNull())
		.addColumn('carer_invited', 'integer', (c) => c.notNull())
		.addColumn('carer_sent', 'integer', (c) => c.notNull())
		// Held date first: a period is one range of the table, read in order.
		.addPrimaryKeyConstraint('report_review_pk', ['held_date', 'review_id'])
		.modifyEnd(pg ? sql`` : sql`strict, without rowid`)
		.execute();
	await db.schema.createIndex('report_review_review').on('report_review').columns(['review_id']).unique().execute();

	await db.schema
		.createTable('report_feedback')
		.addColumn('held_date', 'text', (c) => c.notNull())
		// A response row: kind, form, version, question '' and value ''; an answer row: kind '', the question and the choice's JSON.
		.addColumn('respondent_kind', 'text', (c) => c.notNull())
		.addColumn('form_id', 'text', (c) => c.notNull())
		.addColumn('form_version', 'integer', (c) => c.notNull())
		.addColumn('question_id', 'text', (c) => c.notNull())
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('invited', 'integer', (c) => c.notNull())
		.addColumn('sent', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('report_feedback_pk', ['held_date', 'respondent_kind', 'form_id', 'form_version', 'question_id', 'value'])
		.modifyEnd(pg ? sql`` : sql`strict, without rowid`)
		.execute();

	await db.schema
		.createTable('report_dirty')
		.addColumn('review_id', 'text', (c) => c.primaryKey())
		.modifyEnd(pg ? sql`` : sql`strict`)
		.execute();

	for (const s of SUMMARY_SOURCES) {
		const idsOf = (row: 'old' | 'new') => s.ids.replaceAll('ROW', row);
		const update = s.columns ? `update of ${s.columns.join(', ')}` : 'update';
		if (pg) {
			await sql
				.raw(
					`create function report_dirty_${s.table}() returns trigger language plpgsql as $$
begin
	if tg_op <> 'INSERT' then insert into report_dirty (review_id) ${idsOf('old')} on conflict do nothing; end if;
	if tg_op <> 'DELETE' then insert into report_dirty (review_id) ${idsOf('new')} on conflict do nothing; end if;
	return null;
end $$`
				)
				.execute(db);
			await sql.raw(`create trigger report_dirty_${s.table} after insert or delete or ${update} on ${s.table} for each row execute function report_dirty_${s.table}()`).execute(db);
		} else {
			await sql.raw(`create trigger report_dirty_${s.table}_insert after insert on ${s.table} begin insert or ignore into report_dirty (review_id) ${idsOf('new')}; end`).execute(db);
			await sql.raw(`create trigger report_dirty_${s.table}_delete after delete on ${s.table} begin insert or ignore into report_dirty (review_id) ${idsOf('old')}; end`).execute(db);
			await sql
				.raw(`create trigger report_dirty_${s.table}_update after ${update} on ${s.table} begin insert or ignore into report_dirty (review_id) ${idsOf('old')}; insert or ignore into report_dirty (review_id) ${idsOf('new')}; end`)
				.execute(db);
		}
	}

	await sql`insert into report_dirty (review_id) select id from review where held_date is not null`.execute(db);
}
