import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Issue 8, service administration: a child's record can be closed when they leave care (the date
 * and why, from a fixed list); care leavers stay open to 25. The audit viewer filters by person and
 * by time, so those get indexes beside the existing (child_id, at).
 */
export async function up(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	const instant = pg ? 'bigint' : 'integer';
	await db.schema.alterTable('child').addColumn('closed_on', 'text').execute();
	await db.schema.alterTable('child').addColumn('closed_reason', 'text').execute();
	await db.schema.alterTable('child').addColumn('closed_at', instant).execute();
	await db.schema.createIndex('audit_event_actor').on('audit_event').columns(['actor_id', 'at']).execute();
	await db.schema.createIndex('audit_event_at').on('audit_event').columns(['at']).execute();
}
