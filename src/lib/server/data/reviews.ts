import type { Db } from '../db';
import { newId } from '../ids';

export type ReviewStatus = 'planned' | 'scheduled' | 'held' | 'closed';

export interface Review {
	id: string;
	childId: string;
	sequence: number;
	dueDate: string;
	scheduledDate: string | null;
	scheduledTime: string | null;
	heldDate: string | null;
	status: ReviewStatus;
}

const COLUMNS = ['id', 'child_id', 'sequence', 'due_date', 'scheduled_date', 'scheduled_time', 'held_date', 'status'] as const;

function toReview(r: { id: string; child_id: string; sequence: number; due_date: string; scheduled_date: string | null; scheduled_time: string | null; held_date: string | null; status: string }): Review {
	return { id: r.id, childId: r.child_id, sequence: r.sequence, dueDate: r.due_date, scheduledDate: r.scheduled_date, scheduledTime: r.scheduled_time, heldDate: r.held_date, status: r.status as ReviewStatus };
}

export async function create(db: Db, input: { childId: string; sequence: number; dueDate: string }, now: number): Promise<string> {
	const id = newId();
	await db
		.insertInto('review')
		.values({ id, child_id: input.childId, sequence: input.sequence, due_date: input.dueDate, scheduled_date: null, scheduled_time: null, held_date: null, status: 'planned', created_at: now })
		.execute();
	return id;
}

export async function get(db: Db, id: string): Promise<Review | undefined> {
	const r = await db.selectFrom('review').select(COLUMNS).where('id', '=', id).executeTakeFirst();
	return r && toReview(r);
}

/** Sets the meeting date and time; the review becomes `scheduled`. */
export async function schedule(db: Db, id: string, date: string, time: string | null): Promise<void> {
	await db.updateTable('review').set({ scheduled_date: date, scheduled_time: time, status: 'scheduled' }).where('id', '=', id).execute();
}

/** The child's current review: the latest that is not closed. */
export async function currentForChild(db: Db, childId: string): Promise<Review | undefined> {
	const r = await db
		.selectFrom('review')
		.select(COLUMNS)
		.where('child_id', '=', childId)
		.where('status', '!=', 'closed')
		.orderBy('sequence', 'desc')
		.executeTakeFirst();
	return r && toReview(r);
}

/** Current reviews for many children at once (caseload), keyed by child id. */
export async function currentForChildren(db: Db, childIds: readonly string[]): Promise<Map<string, Review>> {
	const out = new Map<string, Review>();
	if (childIds.length === 0) return out;
	const rows = await db
		.selectFrom('review')
		.select(COLUMNS)
		.where('child_id', 'in', childIds)
		.where('status', '!=', 'closed')
		.orderBy('sequence', 'asc')
		.execute();
	for (const r of rows) out.set(r.child_id, toReview(r));
	return out;
}

/** The meeting facts are recorded: the review is `held` on that date (DOMAIN §8.4). A closed review stays closed. */
export async function markHeld(db: Db, id: string, heldDate: string): Promise<void> {
	await db.updateTable('review').set({ held_date: heldDate }).where('id', '=', id).execute();
	await db.updateTable('review').set({ status: 'held' }).where('id', '=', id).where('status', '!=', 'closed').execute();
}

/** The child's review before this one (sequence − 1), for "last review's decisions" (DOMAIN §8.1 item 9). */
export async function previous(db: Db, childId: string, sequence: number): Promise<Review | undefined> {
	const r = await db.selectFrom('review').select(COLUMNS).where('child_id', '=', childId).where('sequence', '<', sequence).orderBy('sequence', 'desc').executeTakeFirst();
	return r && toReview(r);
}
