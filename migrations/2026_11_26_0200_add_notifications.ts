import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Issue 5, notifications: where a respondent may be told "You have something new in My Review"
 * (an optional address of their own, PRIV-H8), when the outbox gave up on a message (REL-16:
 * still unsent, listed for the admin), and the reminders already sent for each review, so the
 * reminder job is idempotent and capped (PRIV-5) and the pack can show "reminded on".
 * Instants are epoch ms (bigint on Postgres); dates are 'YYYY-MM-DD' text; SQLite tables STRICT.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	const instant = pg ? 'bigint' : 'integer';
	const strict = pg ? sql`` : sql`strict`;

	// A respondent's own address for content-free notifications; null means "no messages" (PRIV-H8).
	await db.schema.alterTable('app_user').addColumn('notify_email', 'text').execute();

	// Set after the last retry: the row stays unsent (nothing is lost) until an admin tries again.
	await db.schema.alterTable('outbox').addColumn('failed_at', instant).execute();

	await db.schema
		.createTable('review_reminder')
		.addColumn('review_id', 'text', (c) => c.notNull().references('review.id'))
		.addColumn('respondent_id', 'text', (c) => c.notNull().references('app_user.id'))
		.addColumn('reminder_date', 'text', (c) => c.notNull())
		.addColumn('sent_at', instant, (c) => c.notNull())
		.addPrimaryKeyConstraint('review_reminder_pk', ['review_id', 'respondent_id', 'reminder_date'])
		.modifyEnd(strict)
		.execute();
}
