import { childBand, reviewDateFor, type FormBand } from '$lib/domain/age-band';
import { addWorkingDays, londonDate, type IsoDate } from '$lib/domain/calendar';
import { feedbackFormIdFor, latestFeedbackForm } from '$lib/forms/feedback/registry';
import type { Db } from '../db';
import * as children from '../data/children';
import * as feedback from '../data/feedback';
import * as invitations from '../data/invitations';
import type { RespondentKind } from '../data/invitations';
import * as outbox from '../data/outbox';
import * as reviews from '../data/reviews';

/** DOMAIN §3.2 "Feedback": a reminder 5 WD after the invitation; closes 20 WD after it (our defaults). */
export const FEEDBACK_REMINDER_WD = 5;
export const FEEDBACK_OPEN_WD = 20;

/** The reminder day and the last day answers are taken, counted from the invitation day (day 0). */
export function feedbackDates(invitedOn: IsoDate): { remindOn: IsoDate; closesOn: IsoDate } {
	return { remindOn: addWorkingDays(invitedOn, FEEDBACK_REMINDER_WD), closesOn: addWorkingDays(invitedOn, FEEDBACK_OPEN_WD) };
}

/** Feedback is taken until the end of its closing day (London). */
export function isOpen(closesOn: IsoDate, now: number): boolean {
	return londonDate(now) <= closesOn;
}

/**
 * Issue 6, DOMAIN §7: when the IRO sends the decisions, the child (4 and over, with the form for
 * their band on the meeting day), every invited parent still linked today and every invited carer of
 * the active placement are invited to say how the review went. Runs in the caller's transaction with
 * the decisions (REL-5, REL-16); each newly invited person with an address of their own gets the
 * neutral message (PRIV-H8, PRIV-14). Once only: a second call invites nobody twice.
 * Returns how many people were newly invited.
 */
export async function inviteFeedback(trx: Db, reviewId: string, now: number): Promise<number> {
	const review = await reviews.get(trx, reviewId);
	if (!review) return 0;
	const child = await children.get(trx, review.childId);
	if (!child) return 0;
	const today = londonDate(now);
	const { closesOn } = feedbackDates(today);
	const meetingDay = review.heldDate ?? reviewDateFor({ scheduled: review.scheduledDate, due: review.dueDate });
	const band = childBand(child.dateOfBirth, meetingDay, (child.bandOverride as FormBand | null) ?? null);

	const people: { id: string; kind: RespondentKind }[] = [];
	const account = await children.accountFor(trx, child.id);
	if (account) people.push({ id: account.userId, kind: 'young-person' });
	// Invited to the review AND linked today (a former carer or a parent whose link ended is not asked).
	const linked = (await children.people(trx, child.id)).filter((p) => p.startsOn <= today && (p.endsOn === null || p.endsOn > today));
	for (const inv of await invitations.forReviews(trx, [review.id])) {
		if (inv.respondentKind === 'young-person') continue;
		if (linked.some((p) => p.userId === inv.respondentId && p.relation === inv.respondentKind)) people.push({ id: inv.respondentId, kind: inv.respondentKind });
	}

	const invited: string[] = [];
	for (const p of people) {
		const formId = feedbackFormIdFor(p.kind, band);
		if (!formId) continue; // a child under 4 has no form (DOMAIN §5.1)
		const form = latestFeedbackForm(formId);
		if (await feedback.invite(trx, { reviewId: review.id, respondentId: p.id, kind: p.kind, formId: form.id, formVersion: form.version, closesOn }, now)) invited.push(p.id);
	}
	const reach = await outbox.reachable(trx, invited);
	for (const id of invited) if (reach.has(id)) await outbox.enqueue(trx, id, 'invitation', now);
	return invited.length;
}
