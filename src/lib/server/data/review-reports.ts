import type { Db } from '../db';

/**
 * The My Review Report, written to the child in plain words (DOMAIN §2), and when the decisions
 * and the record went out (DOMAIN §3.2; F14). One row per review, made on first use.
 */
export interface ReviewReport {
	reviewId: string;
	body: string;
	status: 'draft' | 'sent';
	sentAt: number | null;
	decisionsSentAt: number | null;
	recordSentAt: number | null;
	updatedAt: number;
}

const COLUMNS = ['review_id', 'body', 'status', 'sent_at', 'decisions_sent_at', 'record_sent_at', 'updated_at'] as const;

type Row = { review_id: string; body: string; status: string; sent_at: number | null; decisions_sent_at: number | null; record_sent_at: number | null; updated_at: number };

function toReport(r: Row): ReviewReport {
	return {
		reviewId: r.review_id, body: r.body, status: r.status as ReviewReport['status'], sentAt: r.sent_at,
		decisionsSentAt: r.decisions_sent_at, recordSentAt: r.record_sent_at, updatedAt: r.updated_at
	};
}

export async function get(db: Db, reviewId: string): Promise<ReviewReport | undefined> {
	const r = await db.selectFrom('review_report').select(COLUMNS).where('review_id', '=', reviewId).executeTakeFirst();
	return r && toReport(r);
}

async function ensure(db: Db, reviewId: string, by: string, now: number): Promise<void> {
	await db
		.insertInto('review_report')
		.values({ review_id: reviewId, body: '', status: 'draft', sent_at: null, decisions_sent_at: null, record_sent_at: null, updated_by: by, updated_at: now })
		.onConflict((oc) => oc.column('review_id').doNothing())
		.execute();
}

/** Saves the report's words; a sent report stays sent (the child sees the latest words). */
export async function saveBody(db: Db, reviewId: string, body: string, by: string, now: number): Promise<void> {
	await ensure(db, reviewId, by, now);
	await db.updateTable('review_report').set({ body, updated_by: by, updated_at: now }).where('review_id', '=', reviewId).execute();
}

/**
 * Sends the report to the child, which is also when the record went (DOMAIN §3.2: "Record / My
 * Review Report"). The first send's time stands; true only for that first send.
 */
export async function markSent(db: Db, reviewId: string, body: string, by: string, now: number): Promise<boolean> {
	await saveBody(db, reviewId, body, by, now);
	const res = await db
		.updateTable('review_report')
		.set({ status: 'sent', sent_at: now, record_sent_at: now })
		.where('review_id', '=', reviewId)
		.where('sent_at', 'is', null)
		.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}

/** Records when the decisions were sent; the first time stands. True only for that first time. */
export async function markDecisionsSent(db: Db, reviewId: string, by: string, now: number): Promise<boolean> {
	await ensure(db, reviewId, by, now);
	const res = await db
		.updateTable('review_report')
		.set({ decisions_sent_at: now, updated_by: by, updated_at: now })
		.where('review_id', '=', reviewId)
		.where('decisions_sent_at', 'is', null)
		.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}
