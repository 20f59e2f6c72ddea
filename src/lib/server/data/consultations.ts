import type { Db } from '../db';
import { newId } from '../ids';
import type { RespondentKind } from './invitations';

export type ConsultationStatus = 'draft' | 'submitted';

export interface Consultation {
	id: string;
	reviewId: string;
	respondentId: string;
	respondentKind: RespondentKind;
	formId: string;
	formVersion: number;
	status: ConsultationStatus;
	startedAt: number;
	updatedAt: number;
	submittedAt: number | null;
}

const COLUMNS = ['id', 'review_id', 'respondent_id', 'respondent_kind', 'form_id', 'form_version', 'status', 'started_at', 'updated_at', 'submitted_at'] as const;

type Row = { id: string; review_id: string; respondent_id: string; respondent_kind: string; form_id: string; form_version: number; status: string; started_at: number; updated_at: number; submitted_at: number | null };

function toConsultation(r: Row): Consultation {
	return {
		id: r.id, reviewId: r.review_id, respondentId: r.respondent_id, respondentKind: r.respondent_kind as RespondentKind,
		formId: r.form_id, formVersion: r.form_version, status: r.status as ConsultationStatus, startedAt: r.started_at,
		updatedAt: r.updated_at, submittedAt: r.submitted_at
	};
}

/** This respondent's consultation for a review, if started. */
export async function find(db: Db, reviewId: string, respondentId: string): Promise<Consultation | undefined> {
	const r = await db.selectFrom('consultation').select(COLUMNS).where('review_id', '=', reviewId).where('respondent_id', '=', respondentId).executeTakeFirst();
	return r && toConsultation(r);
}

/** Starts a consultation pinned to a form version (DOMAIN §5.1 "pinning"); returns the existing one if raced. */
export async function start(
	db: Db,
	input: { reviewId: string; respondentId: string; respondentKind: RespondentKind; formId: string; formVersion: number },
	now: number
): Promise<Consultation> {
	await db
		.insertInto('consultation')
		.values({ id: newId(), review_id: input.reviewId, respondent_id: input.respondentId, respondent_kind: input.respondentKind, form_id: input.formId, form_version: input.formVersion, status: 'draft', started_at: now, updated_at: now, submitted_at: null })
		.onConflict((oc) => oc.columns(['review_id', 'respondent_id']).doNothing())
		.execute();
	const c = await find(db, input.reviewId, input.respondentId);
	if (!c) throw new Error('consultation not created');
	return c;
}

export async function touch(db: Db, id: string, now: number): Promise<void> {
	await db.updateTable('consultation').set({ updated_at: now }).where('id', '=', id).execute();
}

/** Marks a draft as just changed; false if it is no longer a draft (it was sent meanwhile). */
export async function touchDraft(db: Db, id: string, now: number): Promise<boolean> {
	const res = await db.updateTable('consultation').set({ updated_at: now }).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}

/** Marks a draft submitted. Returns false if it was already submitted (a replay). */
export async function markSubmitted(db: Db, id: string, now: number): Promise<boolean> {
	const res = await db
		.updateTable('consultation')
		.set({ status: 'submitted', submitted_at: now, updated_at: now })
		.where('id', '=', id)
		.where('status', '=', 'draft')
		.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}

/**
 * Reopens a sent consultation (issue 4 "change after sending"): its answers as sent are kept as
 * a numbered version for audit, and it becomes a draft again. False if it wasn't sent.
 */
export async function reopen(db: Db, id: string, answersAsSent: string, now: number): Promise<boolean> {
	const c = await db.selectFrom('consultation').select(['status', 'submitted_at', 'revision']).where('id', '=', id).executeTakeFirst();
	if (!c || c.status !== 'submitted' || c.submitted_at === null) return false;
	await db.insertInto('consultation_version').values({ consultation_id: id, revision: c.revision, answers: answersAsSent, submitted_at: c.submitted_at, reopened_at: now }).execute();
	await db.updateTable('consultation').set({ status: 'draft', revision: c.revision + 1, updated_at: now }).where('id', '=', id).execute();
	return true;
}

/** The newest kept sent version of a consultation (while it is reopened), if any. */
export async function latestVersion(db: Db, id: string): Promise<{ answers: string; submittedAt: number } | undefined> {
	const r = await db
		.selectFrom('consultation_version')
		.select(['answers', 'submitted_at'])
		.where('consultation_id', '=', id)
		.orderBy('revision', 'desc')
		.executeTakeFirst();
	return r && { answers: r.answers, submittedAt: r.submitted_at };
}

/** How many earlier sent versions a consultation has (the pack says so). */
export async function earlierVersions(db: Db, ids: readonly string[]): Promise<Map<string, number>> {
	const out = new Map<string, number>();
	if (ids.length === 0) return out;
	const rows = await db
		.selectFrom('consultation_version')
		.select(['consultation_id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('consultation_id', 'in', ids)
		.groupBy('consultation_id')
		.execute();
	for (const r of rows) out.set(r.consultation_id, Number(r.n));
	return out;
}

/** The respondent's most recent sent consultation for this child before this review (carer pre-fill, SEC-Z8). */
export async function previousSent(db: Db, respondentId: string, childId: string, exceptReviewId: string): Promise<Consultation | undefined> {
	const r = await db
		.selectFrom('consultation')
		.innerJoin('review', 'review.id', 'consultation.review_id')
		.select(COLUMNS.map((c) => `consultation.${c}` as const))
		.where('consultation.respondent_id', '=', respondentId)
		.where('review.child_id', '=', childId)
		.where('consultation.review_id', '!=', exceptReviewId)
		.where('consultation.status', '=', 'submitted')
		.orderBy('consultation.submitted_at', 'desc')
		.executeTakeFirst();
	return r && toConsultation(r);
}

/** Every consultation of these reviews (caseload and pack). */
export async function forReviews(db: Db, reviewIds: readonly string[]): Promise<Consultation[]> {
	if (reviewIds.length === 0) return [];
	const rows = await db.selectFrom('consultation').select(COLUMNS).where('review_id', 'in', reviewIds).execute();
	return rows.map(toConsultation);
}
