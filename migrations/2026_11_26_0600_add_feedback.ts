import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Issue 6, feedback after the review (DOMAIN §7, §3.2): one row per invited respondent of a review
 * (the child, invited parents and carers), made when the IRO sends the decisions, with the form
 * version pinned at that moment, the reminder (5 WD later) and the closing day (20 WD later); and
 * the answers, one row per question, saved on each page move.
 * Frozen once shipped (STYLE §4.6). Instants epoch ms (bigint on Postgres), dates 'YYYY-MM-DD'
 * text, booleans 0/1 integers (STYLE §4.5); SQLite tables STRICT (REL-7).
 */
export async function up(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	const instant = pg ? 'bigint' : 'integer';
	const strict = pg ? sql`` : sql`strict`;

	await db.schema
		.createTable('feedback_response')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('review_id', 'text', (c) => c.notNull().references('review.id'))
		.addColumn('respondent_id', 'text', (c) => c.notNull().references('app_user.id'))
		.addColumn('respondent_kind', 'text', (c) => c.notNull())
		.addColumn('form_id', 'text', (c) => c.notNull())
		.addColumn('form_version', 'integer', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		// A parent or carer chose not to show their name to the IRO (only where the service allows it).
		.addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('invited_at', instant, (c) => c.notNull())
		// The last day answers are taken (20 WD after the invitation), London date.
		.addColumn('closes_on', 'text', (c) => c.notNull())
		.addColumn('reminded_at', instant)
		.addColumn('updated_at', instant, (c) => c.notNull())
		.addColumn('sent_at', instant)
		.addUniqueConstraint('feedback_response_once', ['review_id', 'respondent_id'])
		.addCheckConstraint('feedback_response_status', sql`status in ('invited','draft','sent')`)
		.addCheckConstraint('feedback_response_kind', sql`respondent_kind in ('young-person','parent','carer')`)
		.addCheckConstraint('feedback_response_anonymous', sql`anonymous in (0,1) and (anonymous = 0 or respondent_kind <> 'young-person')`)
		.modifyEnd(strict)
		.execute();
	await db.schema.createIndex('feedback_response_respondent').on('feedback_response').columns(['respondent_id']).execute();

	await db.schema
		.createTable('feedback_answer')
		.addColumn('response_id', 'text', (c) => c.notNull().references('feedback_response.id'))
		.addColumn('question_id', 'text', (c) => c.notNull())
		// JSON of an AnswerValue
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.addPrimaryKeyConstraint('feedback_answer_pk', ['response_id', 'question_id'])
		.modifyEnd(strict)
		.execute();
}
