import type { Db } from '../db';

/**
 * Reminders sent per review and respondent (DOMAIN §3.2: 10 and 5 WD before; PRIV-5: at most 2
 * per review). One row per reminder day, so running the job twice sends nothing twice.
 */

/** An invited respondent of a scheduled review who hasn't sent, can be reached, and is still linked. */
export interface Awaiting {
	reviewId: string;
	respondentId: string;
	reviewDate: string;
	invitedAt: number;
}

/**
 * Respondents of scheduled reviews on or after `today` who have not sent (no consultation, or
 * one never sent), whose account is active with a notify address of their own (PRIV-H8), and, for
 * parents and carers, whose link to the child is current today (a former carer is not reminded).
 */
export async function awaiting(db: Db, today: string): Promise<Awaiting[]> {
	const rows = await db
		.selectFrom('invitation')
		.innerJoin('review', 'review.id', 'invitation.review_id')
		.innerJoin('app_user', 'app_user.id', 'invitation.respondent_id')
		.leftJoin('consultation', (j) => j.onRef('consultation.review_id', '=', 'invitation.review_id').onRef('consultation.respondent_id', '=', 'invitation.respondent_id'))
		.select(['invitation.review_id', 'invitation.respondent_id', 'invitation.invited_at', 'review.scheduled_date'])
		.where('review.status', '=', 'scheduled')
		.where('review.scheduled_date', '>=', today)
		.where('consultation.submitted_at', 'is', null)
		.where('app_user.active', '=', 1)
		.where('app_user.notify_email', 'is not', null)
		.where((eb) =>
			eb.or([
				eb('invitation.respondent_kind', '=', 'young-person'),
				eb.exists(
					eb
						.selectFrom('child_link')
						.select('child_link.id')
						.whereRef('child_link.child_id', '=', 'review.child_id')
						.whereRef('child_link.user_id', '=', 'invitation.respondent_id')
						.where('child_link.starts_on', '<=', today)
						.where((l) => l.or([l('child_link.ends_on', 'is', null), l('child_link.ends_on', '>', today)]))
				)
			])
		)
		.orderBy('invitation.review_id')
		.orderBy('invitation.respondent_id')
		.execute();
	return rows.map((r) => ({ reviewId: r.review_id, respondentId: r.respondent_id, reviewDate: r.scheduled_date!, invitedAt: r.invited_at }));
}

/** The reminder days already used, per `${reviewId} ${respondentId}`. */
export async function sentFor(db: Db, reviewIds: readonly string[]): Promise<Map<string, string[]>> {
	const out = new Map<string, string[]>();
	if (reviewIds.length === 0) return out;
	const rows = await db
		.selectFrom('review_reminder')
		.select(['review_id', 'respondent_id', 'reminder_date'])
		.where('review_id', 'in', [...new Set(reviewIds)])
		.orderBy('reminder_date')
		.execute();
	for (const r of rows) {
		const key = `${r.review_id} ${r.respondent_id}`;
		out.set(key, [...(out.get(key) ?? []), r.reminder_date]);
	}
	return out;
}

/** Records one reminder; false when it was already recorded (another run or instance got there first). */
export async function record(db: Db, input: { reviewId: string; respondentId: string; date: string }, now: number): Promise<boolean> {
	const r = await db
		.insertInto('review_reminder')
		.values({ review_id: input.reviewId, respondent_id: input.respondentId, reminder_date: input.date, sent_at: now })
		.onConflict((oc) => oc.columns(['review_id', 'respondent_id', 'reminder_date']).doNothing())
		.executeTakeFirst();
	return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** When each respondent of one review was reminded (for "invited on / reminded on"). */
export async function forReview(db: Db, reviewId: string): Promise<Map<string, number[]>> {
	const rows = await db
		.selectFrom('review_reminder')
		.select(['respondent_id', 'sent_at'])
		.where('review_id', '=', reviewId)
		.orderBy('sent_at')
		.execute();
	const out = new Map<string, number[]>();
	for (const r of rows) out.set(r.respondent_id, [...(out.get(r.respondent_id) ?? []), r.sent_at]);
	return out;
}
