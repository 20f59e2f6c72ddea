import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Foundation schema: people, children, allocations, reviews, invitations, consultations,
 * answers, sessions, activation codes, idempotency keys, rate limits, outbox, audit.
 * Frozen once shipped (STYLE §4.6): a change is a new migration.
 * Ids are random text; instants are epoch ms (bigint on Postgres); dates are 'YYYY-MM-DD' text;
 * booleans are 0/1 integers (STYLE §4.5). SQLite tables are STRICT (REL-7).
 */
export async function up(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	const instant = pg ? 'bigint' : 'integer';
	const strict = pg ? sql`` : sql`strict`;

	await db.schema
		.createTable('child')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('preferred_name', 'text', (c) => c.notNull())
		.addColumn('date_of_birth', 'text', (c) => c.notNull())
		.addColumn('preferred_locale', 'text', (c) => c.notNull())
		.addColumn('looked_after_since', 'text', (c) => c.notNull())
		.addColumn('band_override', 'text')
		.addColumn('band_override_reason', 'text')
		.addColumn('created_at', instant, (c) => c.notNull())
		.modifyEnd(strict)
		.execute();

	await db.schema
		.createTable('app_user')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('display_name', 'text', (c) => c.notNull())
		.addColumn('email', 'text', (c) => c.unique())
		.addColumn('username', 'text', (c) => c.unique())
		.addColumn('password_hash', 'text')
		.addColumn('child_id', 'text', (c) => c.references('child.id').unique())
		.addColumn('preferred_locale', 'text')
		.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('activated_at', instant)
		.modifyEnd(strict)
		.execute();

	await db.schema
		.createTable('child_link')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('child_id', 'text', (c) => c.notNull().references('child.id'))
		.addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
		.addColumn('relation', 'text', (c) => c.notNull())
		.addColumn('has_pr', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('starts_on', 'text', (c) => c.notNull())
		.addColumn('ends_on', 'text')
		.modifyEnd(strict)
		.execute();
	await db.schema.createIndex('child_link_user').on('child_link').columns(['user_id', 'child_id']).execute();
	await db.schema.createIndex('child_link_child').on('child_link').columns(['child_id']).execute();

	await db.schema
		.createTable('iro_allocation')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('child_id', 'text', (c) => c.notNull().references('child.id'))
		.addColumn('iro_id', 'text', (c) => c.notNull().references('app_user.id'))
		.addColumn('starts_on', 'text', (c) => c.notNull())
		.addColumn('ends_on', 'text')
		.addColumn('created_at', instant, (c) => c.notNull())
		.modifyEnd(strict)
		.execute();
	await db.schema.createIndex('iro_allocation_iro').on('iro_allocation').columns(['iro_id', 'ends_on']).execute();
	await db.schema.createIndex('iro_allocation_child').on('iro_allocation').columns(['child_id']).execute();

	await db.schema
		.createTable('review')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('child_id', 'text', (c) => c.notNull().references('child.id'))
		.addColumn('sequence', 'integer', (c) => c.notNull())
		.addColumn('due_date', 'text', (c) => c.notNull())
		.addColumn('scheduled_date', 'text')
		.addColumn('scheduled_time', 'text')
		.addColumn('held_date', 'text')
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('created_at', instant, (c) => c.notNull())
		.addUniqueConstraint('review_child_sequence', ['child_id', 'sequence'])
		.modifyEnd(strict)
		.execute();

	await db.schema
		.createTable('invitation')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('review_id', 'text', (c) => c.notNull().references('review.id'))
		.addColumn('respondent_id', 'text', (c) => c.notNull().references('app_user.id'))
		.addColumn('respondent_kind', 'text', (c) => c.notNull())
		.addColumn('invited_at', instant, (c) => c.notNull())
		.addUniqueConstraint('invitation_review_respondent', ['review_id', 'respondent_id'])
		.modifyEnd(strict)
		.execute();
	await db.schema.createIndex('invitation_respondent').on('invitation').columns(['respondent_id']).execute();

	await db.schema
		.createTable('consultation')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('review_id', 'text', (c) => c.notNull().references('review.id'))
		.addColumn('respondent_id', 'text', (c) => c.notNull().references('app_user.id'))
		.addColumn('respondent_kind', 'text', (c) => c.notNull())
		.addColumn('form_id', 'text', (c) => c.notNull())
		.addColumn('form_version', 'integer', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('started_at', instant, (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.addColumn('submitted_at', instant)
		.addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
		.addUniqueConstraint('consultation_review_respondent', ['review_id', 'respondent_id'])
		.modifyEnd(strict)
		.execute();

	// Earlier sent versions, kept when a consultation is reopened (issue 4 "change after sending").
	await db.schema
		.createTable('consultation_version')
		.addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id'))
		.addColumn('revision', 'integer', (c) => c.notNull())
		.addColumn('answers', 'text', (c) => c.notNull())
		.addColumn('submitted_at', instant, (c) => c.notNull())
		.addColumn('reopened_at', instant, (c) => c.notNull())
		.addPrimaryKeyConstraint('consultation_version_pk', ['consultation_id', 'revision'])
		.modifyEnd(strict)
		.execute();

	// Safety alerts (DOMAIN §5.7, PRIV-17, PRIV-G6): never held back by sharing, locks or the outbox.
	await db.schema
		.createTable('safety_alert')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('child_id', 'text', (c) => c.notNull().references('child.id'))
		.addColumn('review_id', 'text', (c) => c.references('review.id'))
		.addColumn('raised_by', 'text', (c) => c.notNull().references('app_user.id'))
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('question_id', 'text')
		.addColumn('shared_with', 'text', (c) => c.notNull())
		.addColumn('purpose', 'text', (c) => c.notNull())
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('acknowledged_at', instant)
		.addColumn('acknowledged_by', 'text', (c) => c.references('app_user.id'))
		.modifyEnd(strict)
		.execute();
	await db.schema.createIndex('safety_alert_child').on('safety_alert').columns(['child_id', 'acknowledged_at']).execute();

	await db.schema
		.createTable('answer')
		.addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id'))
		.addColumn('question_id', 'text', (c) => c.notNull())
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('visibility', 'text', (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.addPrimaryKeyConstraint('answer_pk', ['consultation_id', 'question_id'])
		.modifyEnd(strict)
		.execute();

	await db.schema
		.createTable('session')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
		.addColumn('secret_hash', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('activation_code_id', 'text')
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('last_verified_at', instant, (c) => c.notNull())
		.modifyEnd(strict)
		.execute();
	await db.schema.createIndex('session_user').on('session').columns(['user_id']).execute();

	await db.schema
		.createTable('activation_code')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('code_hash', 'text', (c) => c.notNull().unique())
		.addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
		.addColumn('review_id', 'text', (c) => c.references('review.id'))
		.addColumn('issued_by', 'text', (c) => c.notNull().references('app_user.id'))
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('expires_at', instant, (c) => c.notNull())
		.addColumn('claimed_until', instant)
		.addColumn('used_at', instant)
		.addColumn('revoked_at', instant)
		.modifyEnd(strict)
		.execute();
	await db.schema.createIndex('activation_code_user').on('activation_code').columns(['user_id']).execute();

	await db.schema
		.createTable('idempotency_key')
		.addColumn('actor_id', 'text', (c) => c.notNull())
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('fields_hash', 'text', (c) => c.notNull())
		.addColumn('location', 'text', (c) => c.notNull())
		.addColumn('created_at', instant, (c) => c.notNull())
		.addPrimaryKeyConstraint('idempotency_key_pk', ['actor_id', 'key'])
		.modifyEnd(strict)
		.execute();

	await db.schema
		.createTable('rate_limit')
		.addColumn('bucket', 'text', (c) => c.notNull())
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('window_start', instant, (c) => c.notNull())
		.addColumn('count', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('rate_limit_pk', ['bucket', 'key'])
		.modifyEnd(strict)
		.execute();

	await db.schema
		.createTable('outbox')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('recipient_id', 'text', (c) => c.references('app_user.id'))
		.addColumn('recipient_address', 'text')
		.addColumn('template', 'text', (c) => c.notNull())
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('next_attempt_at', instant, (c) => c.notNull())
		.addColumn('sent_at', instant)
		.addColumn('last_error', 'text')
		.modifyEnd(strict)
		.execute();
	await db.schema.createIndex('outbox_pending').on('outbox').columns(['sent_at', 'next_attempt_at']).execute();

	await db.schema
		.createTable('audit_event')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('at', instant, (c) => c.notNull())
		.addColumn('actor_id', 'text')
		.addColumn('actor_role', 'text')
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('child_id', 'text')
		.addColumn('resource_type', 'text')
		.addColumn('resource_id', 'text')
		.addColumn('outcome', 'text', (c) => c.notNull())
		.addColumn('request_id', 'text')
		.modifyEnd(strict)
		.execute();
	await db.schema.createIndex('audit_event_child').on('audit_event').columns(['child_id', 'at']).execute();

	// SEC-L5 / D26: the audit log is append-only in the database itself. UPDATE is refused, and
	// DELETE of rows younger than 365 days (by the database clock); only the retention job deletes.
	if (pg) {
		await sql`create function audit_event_guard() returns trigger language plpgsql as $$
			begin
				if tg_op = 'UPDATE' then raise exception 'audit_event is append-only'; end if;
				if old.at > (extract(epoch from now()) * 1000 - 365::bigint * 86400000) then
					raise exception 'audit_event rows younger than 365 days cannot be deleted';
				end if;
				return old;
			end $$`.execute(db);
		await sql`create trigger audit_event_no_update before update or delete on audit_event
			for each row execute function audit_event_guard()`.execute(db);
	} else {
		await sql`create trigger audit_event_no_update before update on audit_event
			begin select raise(abort, 'audit_event is append-only'); end`.execute(db);
		await sql`create trigger audit_event_no_recent_delete before delete on audit_event
			when old.at > (unixepoch('subsec') * 1000 - 365 * 86400000)
			begin select raise(abort, 'audit_event rows younger than 365 days cannot be deleted'); end`.execute(db);
	}
}
