import type { Kysely } from 'kysely';

/**
 * Issue 8, the annual-report figures (DOMAIN §9): reviews are counted by held date, alerts by when
 * they were raised, escalations by when they opened, requests by when they were made. Without these, a year's report scans every
 * review ever held (100,000 and more after a few years). Frozen once shipped (STYLE §4.6).
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.createIndex('review_held_date').on('review').columns(['held_date']).execute();
	await db.schema.createIndex('safety_alert_created').on('safety_alert').columns(['created_at']).execute();
	await db.schema.createIndex('review_escalation_opened').on('review_escalation').columns(['opened_on']).execute();
	await db.schema.createIndex('help_request_created').on('help_request').columns(['created_at']).execute();
}
