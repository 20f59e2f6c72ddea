import type { AnswerValue } from '$lib/forms/types';
import type { Db } from '../db';
import { newId } from '../ids';
import type { RespondentKind } from './invitations';

/**
 * Post-review feedback (issue 6, DOMAIN §7): one response per invited respondent per review, made
 * when the IRO sends the decisions, pinned to a form version; answers saved on every page move.
 */
export type FeedbackStatus = 'invited' | 'draft' | 'sent';

export interface FeedbackResponse {
	id: string;
	reviewId: string;
	respondentId: string;
	respondentKind: RespondentKind;
	formId: string;
	formVersion: number;
	status: FeedbackStatus;
	anonymous: boolean;
	invitedAt: number;
	closesOn: string;
	remindedAt: number | null;
	updatedAt: number;
	sentAt: number | null;
}

const COLUMNS = [
	'feedback_response.id', 'feedback_response.review_id', 'feedback_response.respondent_id', 'feedback_response.respondent_kind', 'feedback_response.form_id',
	'feedback_response.form_version', 'feedback_response.status', 'feedback_response.anonymous', 'feedback_response.invited_at', 'feedback_response.closes_on',
	'feedback_response.reminded_at', 'feedback_response.updated_at', 'feedback_response.sent_at'
] as const;

type Row = {
	id: string; review_id: string; respondent_id: string; respondent_kind: string; form_id: string; form_version: number; status: string; anonymous: 0 | 1;
	invited_at: number; closes_on: string; reminded_at: number | null; updated_at: number; sent_at: number | null;
};

function toResponse(r: Row): FeedbackResponse {
	return {
		id: r.id, reviewId: r.review_id, respondentId: r.respondent_id, respondentKind: r.respondent_kind as RespondentKind, formId: r.form_id,
		formVersion: Number(r.form_version), status: r.status as FeedbackStatus, anonymous: Number(r.anonymous) === 1, invitedAt: Number(r.invited_at),
		closesOn: r.closes_on, remindedAt: r.reminded_at === null ? null : Number(r.reminded_at), updatedAt: Number(r.updated_at),
		sentAt: r.sent_at === null ? null : Number(r.sent_at)
	};
}

/** Invites once: false when this person was already invited to feedback on this review. */
export async function invite(
	db: Db,
	input: { reviewId: string; respondentId: string; kind: RespondentKind; formId: string; formVersion: number; closesOn: string },
	now: number
): Promise<boolean> {
	const r = await db
		.insertInto('feedback_response')
		.values({
			id: newId(), review_id: input.reviewId, respondent_id: input.respondentId, respondent_kind: input.kind, form_id: input.formId, form_version: input.formVersion,
			status: 'invited', anonymous: 0, invited_at: now, closes_on: input.closesOn, reminded_at: null, updated_at: now, sent_at: null
		})
		.onConflict((oc) => oc.columns(['review_id', 'respondent_id']).doNothing())
		.executeTakeFirst();
	return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function find(db: Db, reviewId: string, respondentId: string): Promise<FeedbackResponse | undefined> {
	const r = await db.selectFrom('feedback_response').select(COLUMNS).where('review_id', '=', reviewId).where('respondent_id', '=', respondentId).executeTakeFirst();
	return r && toResponse(r);
}

/** A respondent's feedback invitations, newest first. */
export async function forRespondent(db: Db, respondentId: string): Promise<FeedbackResponse[]> {
	const rows = await db.selectFrom('feedback_response').select(COLUMNS).where('respondent_id', '=', respondentId).orderBy('invited_at', 'desc').execute();
	return rows.map(toResponse);
}

/** Everyone invited to feedback on one review, with their display names, in invitation order. */
export async function forReview(db: Db, reviewId: string): Promise<(FeedbackResponse & { displayName: string })[]> {
	const rows = await db
		.selectFrom('feedback_response')
		.innerJoin('app_user', 'app_user.id', 'feedback_response.respondent_id')
		.select([...COLUMNS, 'app_user.display_name'])
		.where('feedback_response.review_id', '=', reviewId)
		.orderBy('feedback_response.invited_at')
		.orderBy('feedback_response.id')
		.execute();
	return rows.map((r) => ({ ...toResponse(r), displayName: r.display_name }));
}

export async function answersFor(db: Db, responseIds: readonly string[]): Promise<Map<string, Map<string, AnswerValue>>> {
	const out = new Map<string, Map<string, AnswerValue>>();
	if (responseIds.length === 0) return out;
	const rows = await db.selectFrom('feedback_answer').select(['response_id', 'question_id', 'value']).where('response_id', 'in', [...responseIds]).execute();
	for (const r of rows) {
		let m = out.get(r.response_id);
		if (!m) out.set(r.response_id, (m = new Map()));
		m.set(r.question_id, JSON.parse(r.value) as AnswerValue);
	}
	return out;
}

export async function answers(db: Db, responseId: string): Promise<Map<string, AnswerValue>> {
	return (await answersFor(db, [responseId])).get(responseId) ?? new Map();
}

/**
 * Saves a page's answers (an upsert per question, so a replayed Continue lands on the same rows,
 * REL-4) and marks the response a draft. False, saving nothing, once it has been sent.
 */
export async function saveAnswers(db: Db, responseId: string, values: readonly { questionId: string; value: AnswerValue }[], now: number): Promise<boolean> {
	const res = await db.updateTable('feedback_response').set({ status: 'draft', updated_at: now }).where('id', '=', responseId).where('status', '!=', 'sent').executeTakeFirst();
	if (Number(res.numUpdatedRows) === 0) return false;
	for (const { questionId, value } of values) {
		const json = JSON.stringify(value);
		await db
			.insertInto('feedback_answer')
			.values({ response_id: responseId, question_id: questionId, value: json, updated_at: now })
			.onConflict((oc) => oc.columns(['response_id', 'question_id']).doUpdateSet({ value: json, updated_at: now }))
			.execute();
	}
	return true;
}

/** Sends it; false when it was already sent (another tab or a replay won). */
export async function markSent(db: Db, responseId: string, anonymous: boolean, now: number): Promise<boolean> {
	const res = await db
		.updateTable('feedback_response')
		.set({ status: 'sent', anonymous: anonymous ? 1 : 0, sent_at: now, updated_at: now })
		.where('id', '=', responseId)
		.where('status', '!=', 'sent')
		.executeTakeFirst();
	return Number(res.numUpdatedRows) > 0;
}

/** Not sent, not reminded, still open on `today`, invited on or before `invitedBy`, and reachable. */
export async function awaitingReminder(db: Db, invitedBy: number, today: string): Promise<{ id: string; respondentId: string; invitedAt: number; closesOn: string }[]> {
	const rows = await db
		.selectFrom('feedback_response')
		.innerJoin('app_user', 'app_user.id', 'feedback_response.respondent_id')
		.select(['feedback_response.id', 'feedback_response.respondent_id', 'feedback_response.invited_at', 'feedback_response.closes_on'])
		.where('feedback_response.status', '!=', 'sent')
		.where('feedback_response.reminded_at', 'is', null)
		.where('feedback_response.closes_on', '>=', today)
		.where('feedback_response.invited_at', '<=', invitedBy)
		.where('app_user.active', '=', 1)
		.where('app_user.notify_email', 'is not', null)
		.orderBy('feedback_response.invited_at')
		.execute();
	return rows.map((r) => ({ id: r.id, respondentId: r.respondent_id, invitedAt: Number(r.invited_at), closesOn: r.closes_on }));
}

/** Records the one reminder; false if another run got there first. */
export async function markReminded(db: Db, responseId: string, now: number): Promise<boolean> {
	const res = await db.updateTable('feedback_response').set({ reminded_at: now }).where('id', '=', responseId).where('reminded_at', 'is', null).where('status', '!=', 'sent').executeTakeFirst();
	return Number(res.numUpdatedRows) > 0;
}

/**
 * Rows for the service's figures (`feedbackSummary`): every response for reviews held between
 * `from` and `to` (inclusive), with answers only for sent ones. No names: counts leave the service.
 */
export async function summaryRows(db: Db, from: string, to: string) {
	const rows = await db
		.selectFrom('feedback_response')
		.innerJoin('review', 'review.id', 'feedback_response.review_id')
		.select(['feedback_response.id', 'feedback_response.review_id', 'review.held_date', 'feedback_response.respondent_kind', 'feedback_response.form_id', 'feedback_response.form_version', 'feedback_response.status'])
		.where('review.held_date', '>=', from)
		.where('review.held_date', '<=', to)
		.execute();
	const sent = rows.filter((r) => r.status === 'sent').map((r) => r.id);
	const all = await answersFor(db, sent);
	return rows.map((r) => ({
		reviewId: r.review_id,
		heldDate: r.held_date,
		audience: r.respondent_kind as RespondentKind,
		formId: r.form_id,
		formVersion: Number(r.form_version),
		sent: r.status === 'sent',
		answers: Object.fromEntries(all.get(r.id) ?? new Map()) as Record<string, AnswerValue>
	}));
}
