import type { Db } from '../db';
import { newId } from '../ids';

/**
 * Decisions and actions from a review ("you said, we decided"): who does what by when, each
 * optionally linked to the child's answers it responds to, and later whether it was done
 * (DOMAIN §8.1 items 9 and 11).
 */
export const DECISION_STATUSES = ['open', 'done', 'partly', 'not-done'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export interface Decision {
	id: string;
	reviewId: string;
	position: number;
	text: string;
	owner: string;
	dueOn: string;
	/** Question ids of the child's consultation for this review. */
	linkedQuestions: string[];
	status: DecisionStatus;
	/** Why it was only partly done, or not done. */
	statusReason: string | null;
	updatedAt: number;
}

export interface DecisionInput {
	text: string;
	owner: string;
	dueOn: string;
	linkedQuestions: readonly string[];
}

type Row = { id: string; review_id: string; position: number; text: string; owner: string; due_on: string; linked_questions: string; status: string; status_reason: string | null; updated_at: number };
const COLUMNS = ['id', 'review_id', 'position', 'text', 'owner', 'due_on', 'linked_questions', 'status', 'status_reason', 'updated_at'] as const;

function toDecision(r: Row): Decision {
	return {
		id: r.id, reviewId: r.review_id, position: r.position, text: r.text, owner: r.owner, dueOn: r.due_on,
		linkedQuestions: JSON.parse(r.linked_questions) as string[], status: r.status as DecisionStatus, statusReason: r.status_reason, updatedAt: r.updated_at
	};
}

/** Adds a decision after the review's others; returns its id. */
export async function add(db: Db, reviewId: string, input: DecisionInput, by: string, now: number): Promise<string> {
	const last = await db
		.selectFrom('review_decision')
		.select((eb) => eb.fn.max('position').as('p'))
		.where('review_id', '=', reviewId)
		.executeTakeFirst();
	const id = newId();
	await db
		.insertInto('review_decision')
		.values({
			id, review_id: reviewId, position: Number(last?.p ?? 0) + 1, text: input.text, owner: input.owner, due_on: input.dueOn,
			linked_questions: JSON.stringify(input.linkedQuestions), status: 'open', status_reason: null, created_by: by, created_at: now, updated_at: now
		})
		.execute();
	return id;
}

/** Changes one of this review's decisions; false if it isn't one of them. */
export async function update(
	db: Db,
	reviewId: string,
	id: string,
	input: DecisionInput & { status: DecisionStatus; statusReason: string | null },
	now: number
): Promise<boolean> {
	const res = await db
		.updateTable('review_decision')
		.set({
			text: input.text, owner: input.owner, due_on: input.dueOn, linked_questions: JSON.stringify(input.linkedQuestions),
			status: input.status, status_reason: input.statusReason, updated_at: now
		})
		.where('id', '=', id)
		.where('review_id', '=', reviewId)
		.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}

/** A review's decisions in the order they were added. */
export async function forReview(db: Db, reviewId: string): Promise<Decision[]> {
	const rows = await db.selectFrom('review_decision').select(COLUMNS).where('review_id', '=', reviewId).orderBy('position').execute();
	return rows.map(toDecision);
}
