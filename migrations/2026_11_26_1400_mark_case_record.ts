import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Issue 9, SECURITY §10, D20: the allocated IRO marks a held review's pack "saved to the case
 * record" (when and by whom). Only then may the retention job erase the answers' content, a set
 * number of days after the meeting; whether a response came is kept.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	await db.schema.alterTable('review').addColumn('case_record_saved_at', pg ? 'bigint' : 'integer').execute();
	await db.schema.alterTable('review').addColumn('case_record_saved_by', 'text').execute();
	/** Set when the retention job erased the content (counts are in the 'erased' audit row). */
	await db.schema.alterTable('review').addColumn('content_erased_at', pg ? 'bigint' : 'integer').execute();
}
