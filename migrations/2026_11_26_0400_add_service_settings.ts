import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Issue 5, per-service settings (local rules, service levels, hours): one row per setting group,
 * the value a JSON document checked by `src/lib/domain/service-settings.ts` when read. Every change
 * is also an audit row (who, when, which group), so the history of a local rule is kept.
 *
 * Also on `review`: a review brought earlier than reg. 33 requires (on request or a significant
 * change, DOMAIN §3.1) keeps the reason, who and when; the held review's next one is created when
 * the meeting is recorded, so the statutory due date is kept beside the earlier one.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	const instant = pg ? 'bigint' : 'integer';
	const strict = pg ? sql`` : sql`strict`;
	await db.schema
		.createTable('service_setting')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('value_json', 'text', (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.addColumn('updated_by', 'text', (c) => c.references('app_user.id'))
		.modifyEnd(strict)
		.execute();

	await db.schema.alterTable('review').addColumn('statutory_due_date', 'text').execute();
	await db.schema.alterTable('review').addColumn('earlier_reason', 'text').execute();
	await db.schema.alterTable('review').addColumn('earlier_set_at', instant).execute();
	await db.schema.alterTable('review').addColumn('earlier_set_by', 'text', (c) => c.references('app_user.id')).execute();
}
