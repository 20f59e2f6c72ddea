import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Issue 9, SECURITY §3.2 (SEC-S5): when the person last typed their password in this session
 * (at sign-in or on the "confirm your password" step). Exports of a subject access request, the
 * audit log and the reports need it within the last 10 minutes. Null: never in this session.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	await db.schema.alterTable('session').addColumn('reauthenticated_at', pg ? 'bigint' : 'integer').execute();
}
