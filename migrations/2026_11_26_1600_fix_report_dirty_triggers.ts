import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Mends migration 1300's SQLite triggers. They added a changed review with `insert or ignore`, but
 * SQLite lets the statement that fires a trigger override the trigger's conflict policy: an upsert
 * that updates (feedback answers, answers, reactions, settings …) made the trigger's insert fail with
 * "UNIQUE constraint failed: report_dirty.review_id" whenever the review was already marked, so a
 * second feedback answer to the same question could not be saved. The triggers now insert only the
 * ids not already there, which needs no conflict policy. Postgres's triggers (`on conflict do nothing`
 * in plpgsql) were not affected and are left as they are.
 *
 * Self-contained (migrations are frozen once shipped, STYLE §4.6): the sources are listed again here,
 * each id query naming its column `review_id`.
 */
const SOURCES: { table: string; ids: string; columns: string[] | null }[] = [
	{ table: 'review', ids: 'select ROW.id as review_id', columns: ['child_id', 'sequence', 'due_date', 'statutory_due_date', 'scheduled_date', 'held_date'] },
	{ table: 'child', ids: 'select r.id as review_id from review r where r.child_id = ROW.id', columns: ['date_of_birth', 'band_override'] },
	{ table: 'review_meeting', ids: 'select ROW.review_id as review_id', columns: ['review_id', 'confirmed_code', 'private_talk_held', 'advocacy_explained'] },
	{ table: 'review_report', ids: 'select ROW.review_id as review_id', columns: ['review_id', 'decisions_sent_at', 'record_sent_at'] },
	{ table: 'invitation', ids: 'select ROW.review_id as review_id', columns: ['review_id', 'respondent_id', 'respondent_kind'] },
	{ table: 'consultation', ids: 'select ROW.review_id as review_id', columns: ['review_id', 'respondent_id', 'respondent_kind', 'submitted_at'] },
	{ table: 'consultation_version', ids: 'select c.review_id as review_id from consultation c where c.id = ROW.consultation_id', columns: null },
	{ table: 'feedback_response', ids: 'select ROW.review_id as review_id', columns: ['review_id', 'respondent_kind', 'form_id', 'form_version', 'status'] },
	{ table: 'feedback_answer', ids: 'select f.review_id as review_id from feedback_response f where f.id = ROW.response_id', columns: ['response_id', 'question_id', 'value'] }
];

/** Marks the reviews `ids` names, skipping those already marked (no conflict, whatever the outer statement's policy). */
const mark = (ids: string) => `insert into report_dirty (review_id) select distinct s.review_id from (${ids}) s where s.review_id is not null and not exists (select 1 from report_dirty d where d.review_id = s.review_id);`;

export async function up(db: Kysely<any>): Promise<void> {
	if (db.getExecutor().adapter instanceof PostgresAdapter) return;
	for (const s of SOURCES) {
		const idsOf = (row: 'old' | 'new') => s.ids.replaceAll('ROW', row);
		const update = s.columns ? `update of ${s.columns.join(', ')}` : 'update';
		for (const when of ['insert', 'delete', 'update']) await sql.raw(`drop trigger if exists report_dirty_${s.table}_${when}`).execute(db);
		await sql.raw(`create trigger report_dirty_${s.table}_insert after insert on ${s.table} begin ${mark(idsOf('new'))} end`).execute(db);
		await sql.raw(`create trigger report_dirty_${s.table}_delete after delete on ${s.table} begin ${mark(idsOf('old'))} end`).execute(db);
		await sql.raw(`create trigger report_dirty_${s.table}_update after ${update} on ${s.table} begin ${mark(idsOf('old'))} ${mark(idsOf('new'))} end`).execute(db);
	}
}
