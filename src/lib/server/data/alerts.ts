import type { Db } from '../db';
import { newId } from '../ids';

/**
 * Safety alerts (DOMAIN §5.7, PRIV-17): raised by a "not safe" answer or "I need help now", shown
 * to the allocated IRO until acknowledged. PRIV-G6: who it was shared with, why, by whom, when.
 */
export interface Alert {
	id: string;
	childId: string;
	reviewId: string | null;
	source: 'answer' | 'help-now';
	questionId: string | null;
	createdAt: number;
	acknowledgedAt: number | null;
}

export async function raise(
	db: Db,
	input: { childId: string; reviewId: string | null; raisedBy: string; source: Alert['source']; questionId: string | null; sharedWith: string[] },
	now: number
): Promise<string> {
	const id = newId();
	await db
		.insertInto('safety_alert')
		.values({
			id, child_id: input.childId, review_id: input.reviewId, raised_by: input.raisedBy, source: input.source, question_id: input.questionId,
			shared_with: JSON.stringify(input.sharedWith), purpose: 'safeguarding', created_at: now, acknowledged_at: null, acknowledged_by: null
		})
		.execute();
	return id;
}

/**
 * An open "I need help now" alert from this child in the last 10 minutes: repeats join it
 * (SECURITY §3.3). Only earlier presses count, so a press after a "not safe" answer still shows.
 */
export async function recentOpen(db: Db, childId: string, since: number): Promise<string | undefined> {
	const r = await db
		.selectFrom('safety_alert')
		.select('id')
		.where('child_id', '=', childId)
		.where('source', '=', 'help-now')
		.where('acknowledged_at', 'is', null)
		.where('created_at', '>=', since)
		.executeTakeFirst();
	return r?.id;
}

function toAlert(r: { id: string; child_id: string; review_id: string | null; source: string; question_id: string | null; created_at: number; acknowledged_at: number | null }): Alert {
	return { id: r.id, childId: r.child_id, reviewId: r.review_id, source: r.source as Alert['source'], questionId: r.question_id, createdAt: r.created_at, acknowledgedAt: r.acknowledged_at };
}

const COLUMNS = ['id', 'child_id', 'review_id', 'source', 'question_id', 'created_at', 'acknowledged_at'] as const;

/** Unacknowledged alerts for these children, oldest first. */
export async function openFor(db: Db, childIds: readonly string[]): Promise<Alert[]> {
	if (childIds.length === 0) return [];
	const rows = await db.selectFrom('safety_alert').select(COLUMNS).where('child_id', 'in', childIds).where('acknowledged_at', 'is', null).orderBy('created_at').execute();
	return rows.map(toAlert);
}

/** Every alert for one review or child, newest first (the pack). */
export async function forChild(db: Db, childId: string): Promise<Alert[]> {
	const rows = await db.selectFrom('safety_alert').select(COLUMNS).where('child_id', '=', childId).orderBy('created_at', 'desc').execute();
	return rows.map(toAlert);
}

export async function get(db: Db, id: string): Promise<Alert | undefined> {
	const r = await db.selectFrom('safety_alert').select(COLUMNS).where('id', '=', id).executeTakeFirst();
	return r && toAlert(r);
}

/** Acknowledges once; false if it was already acknowledged. */
export async function acknowledge(db: Db, id: string, by: string, now: number): Promise<boolean> {
	const res = await db
		.updateTable('safety_alert')
		.set({ acknowledged_at: now, acknowledged_by: by })
		.where('id', '=', id)
		.where('acknowledged_at', 'is', null)
		.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}
