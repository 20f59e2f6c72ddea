import type { Db } from '../db';
import { newId } from '../ids';

export type RespondentKind = 'young-person' | 'parent' | 'carer';

export interface Invitation {
	reviewId: string;
	respondentId: string;
	respondentKind: RespondentKind;
	displayName: string;
	invitedAt: number;
}

/** Invites a respondent to a review once; repeating it is harmless. */
export async function ensure(db: Db, reviewId: string, respondentId: string, kind: RespondentKind, now: number): Promise<void> {
	await db
		.insertInto('invitation')
		.values({ id: newId(), review_id: reviewId, respondent_id: respondentId, respondent_kind: kind, invited_at: now })
		.onConflict((oc) => oc.columns(['review_id', 'respondent_id']).doNothing())
		.execute();
}

export async function exists(db: Db, reviewId: string, respondentId: string): Promise<boolean> {
	const r = await db.selectFrom('invitation').select('id').where('review_id', '=', reviewId).where('respondent_id', '=', respondentId).executeTakeFirst();
	return r !== undefined;
}

/** Everyone invited to these reviews, with their display names. */
export async function forReviews(db: Db, reviewIds: readonly string[]): Promise<Invitation[]> {
	if (reviewIds.length === 0) return [];
	const rows = await db
		.selectFrom('invitation')
		.innerJoin('app_user', 'app_user.id', 'invitation.respondent_id')
		.select(['invitation.review_id', 'invitation.respondent_id', 'invitation.respondent_kind', 'invitation.invited_at', 'app_user.display_name'])
		.where('invitation.review_id', 'in', reviewIds)
		.orderBy('invitation.invited_at')
		.execute();
	return rows.map((r) => ({ reviewId: r.review_id, respondentId: r.respondent_id, respondentKind: r.respondent_kind as RespondentKind, displayName: r.display_name, invitedAt: r.invited_at }));
}

/** The reviews a respondent is invited to, newest first. */
export async function forRespondent(db: Db, respondentId: string): Promise<{ reviewId: string; kind: RespondentKind }[]> {
	const rows = await db
		.selectFrom('invitation')
		.select(['review_id', 'respondent_kind'])
		.where('respondent_id', '=', respondentId)
		.orderBy('invited_at', 'desc')
		.execute();
	return rows.map((r) => ({ reviewId: r.review_id, kind: r.respondent_kind as RespondentKind }));
}
