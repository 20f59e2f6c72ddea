import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Issue 6, requests (DOMAIN §6): "I want an advocate", "talk to my IRO", "change my review" and a
 * parent's or carer's interpreter / different time / talk to the IRO. Each is one row with its
 * status and the times its clocks stop (§6.4), and an append-only history of events under the
 * states (§6.3), each with the actor and the time. `details_json` is checked by valibot on write
 * and on read. Consent to share a referral with the advocacy service, and its withdrawal, are kept
 * with their times: withdrawal is final and ends the service's access (§6.2, SEC-Z9).
 *
 * Also `answer.share_advocate`: the extra "my advocate" tick on an answer (DOMAIN §5.6), 0 for
 * every answer stored before; the visibility column and the form definitions are unchanged.
 * Frozen once shipped (STYLE §4.6). Instants epoch ms, booleans 0/1, SQLite tables STRICT.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	const instant = pg ? 'bigint' : 'integer';
	const strict = pg ? sql`` : sql`strict`;

	await db.schema
		.createTable('help_request')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('child_id', 'text', (c) => c.notNull().references('child.id'))
		.addColumn('requester_id', 'text', (c) => c.notNull().references('app_user.id'))
		.addColumn('requester_kind', 'text', (c) => c.notNull())
		.addColumn('review_id', 'text', (c) => c.references('review.id'))
		.addColumn('details_json', 'text', (c) => c.notNull())
		.addColumn('consent', 'integer', (c) => c.notNull())
		.addColumn('iro_can_see', 'integer', (c) => c.notNull())
		.addColumn('handler', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('seen_at', instant)
		.addColumn('seen_by', 'text', (c) => c.references('app_user.id'))
		.addColumn('advocate_id', 'text', (c) => c.references('app_user.id'))
		.addColumn('allocated_at', instant)
		.addColumn('answered_at', instant)
		.addColumn('closed_at', instant)
		.addColumn('consent_withdrawn_at', instant)
		.addColumn('updated_at', instant, (c) => c.notNull())
		.addCheckConstraint('help_request_kind', sql`kind in ('advocate','talk-to-iro','change-review','interpreter')`)
		.addCheckConstraint('help_request_requester_kind', sql`requester_kind in ('young-person','parent','carer')`)
		.addCheckConstraint('help_request_status', sql`status in ('sent','seen','in-progress','done','not-possible','withdrawn')`)
		.addCheckConstraint('help_request_handler', sql`handler in ('iro','advocacy')`)
		.addCheckConstraint('help_request_consent', sql`consent in (0,1) and iro_can_see in (0,1)`)
		// Only a referral with consent reaches the advocacy service (DOMAIN §6.5).
		.addCheckConstraint('help_request_handler_consent', sql`handler = 'iro' or (kind = 'advocate' and consent = 1)`)
		.modifyEnd(strict)
		.execute();
	await db.schema.createIndex('help_request_child').on('help_request').columns(['child_id', 'created_at']).execute();
	await db.schema.createIndex('help_request_requester').on('help_request').columns(['requester_id', 'created_at']).execute();
	await db.schema.createIndex('help_request_open').on('help_request').columns(['handler', 'status']).execute();

	await db.schema
		.createTable('help_request_event')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('request_id', 'text', (c) => c.notNull().references('help_request.id'))
		// 1, 2, 3… per request: the order of the history, even within one millisecond; two writers can't both add the same step.
		.addColumn('seq', 'integer', (c) => c.notNull())
		.addColumn('at', instant, (c) => c.notNull())
		.addColumn('actor_id', 'text', (c) => c.references('app_user.id'))
		.addColumn('actor_role', 'text')
		.addColumn('event', 'text', (c) => c.notNull())
		.addColumn('state', 'text', (c) => c.notNull())
		.addColumn('note', 'text')
		.addUniqueConstraint('help_request_event_seq', ['request_id', 'seq'])
		.modifyEnd(strict)
		.execute();

	await db.schema.alterTable('answer').addColumn('share_advocate', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
