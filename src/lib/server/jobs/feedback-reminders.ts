import { londonDate } from '$lib/domain/calendar';
import type { Db } from '../db';
import * as feedback from '../data/feedback';
import * as outbox from '../data/outbox';
import { feedbackDates } from '../feedback/invite';

/**
 * DOMAIN §3.2 "Feedback": one reminder, 5 WD after the invitation, to people who haven't sent their
 * feedback, while it is still open, and only to those with an address of their own (PRIV-H8). The
 * reminder is recorded on the response in the same transaction as the neutral message, so running
 * this every hour, after a restart or on two instances sends it once. Returns how many were queued.
 */
export async function sendFeedbackReminders(db: Db, now: number): Promise<number> {
	const today = londonDate(now);
	let queued = 0;
	for (const r of await feedback.awaitingReminder(db, now, today)) {
		if (feedbackDates(londonDate(r.invitedAt)).remindOn > today) continue;
		const done = await db.transaction().execute(async (trx) => {
			if (!(await feedback.markReminded(trx, r.id, now))) return false;
			await outbox.enqueue(trx, r.respondentId, 'reminder', now);
			return true;
		});
		if (done) queued++;
	}
	return queued;
}
