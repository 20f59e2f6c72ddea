import type { Db } from '../db';
import { newId } from '../ids';

/**
 * Dispute-resolution escalations (DOMAIN §3.2 DRP, §9 F11): the IRO's formal challenge at a stage
 * of seniority, raised to someone on a date, due 20 working days later, closed with its outcome.
 */
export interface Escalation {
	id: string;
	reviewId: string;
	/** 1 team manager … 4 director of children's services (DOMAIN §9 "DRP stages"). */
	stage: number;
	raisedTo: string;
	openedOn: string;
	dueOn: string;
	closedOn: string | null;
	outcome: string | null;
}

type Row = { id: string; review_id: string; stage: number; raised_to: string; opened_on: string; due_on: string; closed_on: string | null; outcome: string | null };
const COLUMNS = ['id', 'review_id', 'stage', 'raised_to', 'opened_on', 'due_on', 'closed_on', 'outcome'] as const;

function toEscalation(r: Row): Escalation {
	return { id: r.id, reviewId: r.review_id, stage: r.stage, raisedTo: r.raised_to, openedOn: r.opened_on, dueOn: r.due_on, closedOn: r.closed_on, outcome: r.outcome };
}

export async function open(
	db: Db,
	input: { reviewId: string; stage: number; raisedTo: string; openedOn: string; dueOn: string; by: string },
	now: number
): Promise<string> {
	const id = newId();
	await db
		.insertInto('review_escalation')
		.values({
			id, review_id: input.reviewId, stage: input.stage, raised_to: input.raisedTo, opened_on: input.openedOn, due_on: input.dueOn,
			closed_on: null, outcome: null, opened_by: input.by, opened_at: now, closed_by: null, closed_at: null
		})
		.execute();
	return id;
}

/** Closes an open escalation of this review; false if it isn't one, or is already closed. */
export async function close(db: Db, reviewId: string, id: string, input: { closedOn: string; outcome: string; by: string }, now: number): Promise<boolean> {
	const res = await db
		.updateTable('review_escalation')
		.set({ closed_on: input.closedOn, outcome: input.outcome, closed_by: input.by, closed_at: now })
		.where('id', '=', id)
		.where('review_id', '=', reviewId)
		.where('closed_on', 'is', null)
		.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}

export async function get(db: Db, reviewId: string, id: string): Promise<Escalation | undefined> {
	const r = await db.selectFrom('review_escalation').select(COLUMNS).where('id', '=', id).where('review_id', '=', reviewId).executeTakeFirst();
	return r && toEscalation(r);
}

/** A review's escalations, oldest first. */
export async function forReview(db: Db, reviewId: string): Promise<Escalation[]> {
	const rows = await db.selectFrom('review_escalation').select(COLUMNS).where('review_id', '=', reviewId).orderBy('opened_at').execute();
	return rows.map(toEscalation);
}
