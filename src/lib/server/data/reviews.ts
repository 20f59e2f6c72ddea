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
	/** Set when the review was brought earlier than reg. 33 requires: the statutory date and why (DOMAIN §3.1). */
	earlier: { statutoryDueDate: string; reason: string } | null;
}

const COLUMNS = ['id', 'child_id', 'sequence', 'due_date', 'scheduled_date', 'scheduled_time', 'held_date', 'status', 'statutory_due_date', 'earlier_reason'] as const;

type Row = { id: string; child_id: string; sequence: number; due_date: string; scheduled_date: string | null; scheduled_time: string | null; held_date: string | null; status: string; statutory_due_date: string | null; earlier_reason: string | null };

function toReview(r: Row): Review {
	return {
		id: r.id, childId: r.child_id, sequence: r.sequence, dueDate: r.due_date, scheduledDate: r.scheduled_date, scheduledTime: r.scheduled_time, heldDate: r.held_date, status: r.status as ReviewStatus,
		earlier: r.statutory_due_date && r.earlier_reason !== null ? { statutoryDueDate: r.statutory_due_date, reason: r.earlier_reason } : null
	};
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

/** The review after this one (sequence + 1), if it exists. */
export async function next(db: Db, childId: string, sequence: number): Promise<Review | undefined> {
	const r = await db.selectFrom('review').select(COLUMNS).where('child_id', '=', childId).where('sequence', '=', sequence + 1).executeTakeFirst();
	return r && toReview(r);
}

/**
 * After a review is held, the next one exists with reg. 33's due date (DOMAIN §3.1 "Chaining": it
 * runs from the held date). Creates it, or, when the held date was corrected, moves its due date;
 * a review already brought earlier keeps its earlier date unless the new statutory date is sooner.
 * Returns the next review's id.
 */
export async function ensureNext(db: Db, held: { childId: string; sequence: number }, statutoryDue: string, now: number): Promise<string> {
	const existing = await next(db, held.childId, held.sequence);
	if (!existing) return create(db, { childId: held.childId, sequence: held.sequence + 1, dueDate: statutoryDue }, now);
	if (existing.earlier) {
		if (statutoryDue <= existing.dueDate) {
			await db.updateTable('review').set({ due_date: statutoryDue, statutory_due_date: null, earlier_reason: null, earlier_set_at: null, earlier_set_by: null }).where('id', '=', existing.id).execute();
		} else {
			await db.updateTable('review').set({ statutory_due_date: statutoryDue }).where('id', '=', existing.id).execute();
		}
	} else if (existing.dueDate !== statutoryDue) {
		await db.updateTable('review').set({ due_date: statutoryDue }).where('id', '=', existing.id).execute();
	}
	return existing.id;
}

/**
 * Brings a review earlier than reg. 33 requires, on request or a significant change (DOMAIN §3.1,
 * reg. 33(3)(a)), keeping the statutory date and the reason. Only an upcoming review can move, and
 * only earlier than its statutory date; the caller checks both.
 */
export async function bringForward(db: Db, id: string, input: { dueDate: string; reason: string; statutoryDueDate: string }, actorId: string, now: number): Promise<void> {
	await db
		.updateTable('review')
		.set({ due_date: input.dueDate, statutory_due_date: input.statutoryDueDate, earlier_reason: input.reason, earlier_set_at: now, earlier_set_by: actorId })
		.where('id', '=', id)
		.execute();
}

/** The child's held reviews, newest first (the child's home lists their reports; DOMAIN §7). */
export async function heldForChild(db: Db, childId: string): Promise<Review[]> {
	const rows = await db.selectFrom('review').select(COLUMNS).where('child_id', '=', childId).where('held_date', 'is not', null).orderBy('sequence', 'desc').execute();
	return rows.map(toReview);
}

/** The latest held review of each child that is still open for follow-up (decisions, record), keyed by child. */
export async function latestHeldForChildren(db: Db, childIds: readonly string[]): Promise<Map<string, Review>> {
	const out = new Map<string, Review>();
	if (childIds.length === 0) return out;
	const rows = await db.selectFrom('review').select(COLUMNS).where('child_id', 'in', childIds).where('status', '=', 'held').orderBy('sequence', 'asc').execute();
	for (const r of rows) out.set(r.child_id, toReview(r));
	return out;
}
