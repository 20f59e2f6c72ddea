import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * After the meeting (issue 5; DOMAIN §3.2, §4, §7, §8.1 items 9 and 11, §9 DRP): the meeting facts
 * and participation code, decisions and actions, the My Review Report with its timeliness, the
 * child's reactions to each decision, and dispute-resolution escalations.
 * Frozen once shipped (STYLE §4.6). Instants epoch ms (bigint on Postgres), dates 'YYYY-MM-DD'
 * text, booleans 0/1 integers (STYLE §4.5); SQLite tables STRICT (REL-7).
 */
export async function up(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	const instant = pg ? 'bigint' : 'integer';
	const strict = pg ? sql`` : sql`strict`;

	// One row per review: the facts the IRO records after the meeting (DOMAIN §4.1) and the code.
	await db.schema
		.createTable('review_meeting')
		.addColumn('review_id', 'text', (c) => c.primaryKey().references('review.id'))
		.addColumn('held_date', 'text', (c) => c.notNull())
		.addColumn('attended', 'integer', (c) => c.notNull())
		.addColumn('spoke_for_self', 'integer', (c) => c.notNull())
		.addColumn('advocate_spoke', 'integer', (c) => c.notNull())
		.addColumn('conveyed_non_verbally', 'integer', (c) => c.notNull())
		.addColumn('briefed_advocate', 'integer', (c) => c.notNull())
		.addColumn('views_conveyed_otherwise', 'integer', (c) => c.notNull())
		.addColumn('consultation_submitted', 'integer', (c) => c.notNull())
		.addColumn('private_talk_held', 'integer', (c) => c.notNull())
		.addColumn('advocacy_explained', 'integer', (c) => c.notNull())
		.addColumn('suggested_code', 'text', (c) => c.notNull())
		.addColumn('confirmed_code', 'text')
		.addColumn('code_reason', 'text')
		.addColumn('confirmed_by', 'text', (c) => c.references('app_user.id'))
		.addColumn('confirmed_at', instant)
		.addColumn('recorded_by', 'text', (c) => c.notNull().references('app_user.id'))
		.addColumn('recorded_at', instant, (c) => c.notNull())
		.addCheckConstraint('review_meeting_suggested', sql`suggested_code in ('PN0','PN1','PN2','PN3','PN4','PN5','PN6','PN7')`)
		.addCheckConstraint('review_meeting_confirmed', sql`confirmed_code is null or confirmed_code in ('PN0','PN1','PN2','PN3','PN4','PN5','PN6','PN7')`)
		.modifyEnd(strict)
		.execute();

	// Decisions and actions ("you said, we decided"), each optionally linked to the child's answers.
	await db.schema
		.createTable('review_decision')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('review_id', 'text', (c) => c.notNull().references('review.id'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('owner', 'text', (c) => c.notNull())
		.addColumn('due_on', 'text', (c) => c.notNull())
		// JSON list of question ids of the child's consultation for this review.
		.addColumn('linked_questions', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('status_reason', 'text')
		.addColumn('created_by', 'text', (c) => c.notNull().references('app_user.id'))
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.addUniqueConstraint('review_decision_position', ['review_id', 'position'])
		.addCheckConstraint('review_decision_status', sql`status in ('open','done','partly','not-done')`)
		.modifyEnd(strict)
		.execute();

	// The My Review Report to the child, and when decisions and the record were sent (DOMAIN §3.2, F14).
	await db.schema
		.createTable('review_report')
		.addColumn('review_id', 'text', (c) => c.primaryKey().references('review.id'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('sent_at', instant)
		.addColumn('decisions_sent_at', instant)
		.addColumn('record_sent_at', instant)
		.addColumn('updated_by', 'text', (c) => c.notNull().references('app_user.id'))
		.addColumn('updated_at', instant, (c) => c.notNull())
		.addCheckConstraint('review_report_status', sql`status in ('draft','sent')`)
		.modifyEnd(strict)
		.execute();

	// The child's reaction to each decision (DOMAIN §7): one per decision per child, changeable.
	await db.schema
		.createTable('decision_reaction')
		.addColumn('decision_id', 'text', (c) => c.notNull().references('review_decision.id'))
		.addColumn('child_id', 'text', (c) => c.notNull().references('child.id'))
		.addColumn('reaction', 'text', (c) => c.notNull())
		.addColumn('words', 'text')
		.addColumn('reacted_by', 'text', (c) => c.notNull().references('app_user.id'))
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.addPrimaryKeyConstraint('decision_reaction_pk', ['decision_id', 'child_id'])
		.addCheckConstraint('decision_reaction_kind', sql`reaction in ('agree','disagree','question')`)
		.modifyEnd(strict)
		.execute();

	// Dispute resolution (DOMAIN §3.2 DRP, §9 F11): stage 1–4, ≤ 20 WD from opening.
	await db.schema
		.createTable('review_escalation')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('review_id', 'text', (c) => c.notNull().references('review.id'))
		.addColumn('stage', 'integer', (c) => c.notNull())
		.addColumn('raised_to', 'text', (c) => c.notNull())
		.addColumn('opened_on', 'text', (c) => c.notNull())
		.addColumn('due_on', 'text', (c) => c.notNull())
		.addColumn('closed_on', 'text')
		.addColumn('outcome', 'text')
		.addColumn('opened_by', 'text', (c) => c.notNull().references('app_user.id'))
		.addColumn('opened_at', instant, (c) => c.notNull())
		.addColumn('closed_by', 'text', (c) => c.references('app_user.id'))
		.addColumn('closed_at', instant)
		.addCheckConstraint('review_escalation_stage', sql`stage between 1 and 4`)
		.modifyEnd(strict)
		.execute();
	await db.schema.createIndex('review_escalation_review').on('review_escalation').columns(['review_id']).execute();
}
