import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Issue 5, per-service settings (local rules, service levels, hours): one row per setting group,
 * the value a JSON document checked by `src/lib/domain/service-settings.ts` when read. Every change
 * is also an audit row (who, when, which group), so the history of a local rule is kept.
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
}
