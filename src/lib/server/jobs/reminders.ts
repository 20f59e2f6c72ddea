import { londonDate } from '$lib/domain/calendar';
import { reviewMilestones } from '$lib/domain/review-schedule';
import type { Db } from '../db';
import * as outbox from '../data/outbox';
import * as reminders from '../data/reminders';
import { loadSettings } from '../settings';

/** PRIV-5 (*our default*): no nagging, at most two reminders per review for each person. */
export const MAX_REMINDERS = 2;

/**
 * Reminders before the pack locks (DOMAIN §3.2: 10 and 5 WD before the review), only to people
 * invited who haven't sent and can be reached by an address of their own. Daily granularity and
 * idempotent: each reminder day is recorded once per person (`review_reminder`), so running this
 * every hour, after a restart, or on two instances sends each reminder once. A missed day is not
 * made up with two messages at once: only the latest reminder day that has come is sent, and
 * nothing once the pack has locked. A person invited on or after a reminder day was just told;
 * that day's reminder is skipped.
 *
 * Returns how many reminders were queued.
 */
export async function sendReminders(db: Db, now: number): Promise<number> {
	const today = londonDate(now);
	const waiting = await reminders.awaiting(db, today);
	const sent = await reminders.sentFor(db, waiting.map((w) => w.reviewId));
	let queued = 0;
	const { schedule } = await loadSettings(db);
	for (const w of waiting) {
		const { reminders: days, packLocks } = reviewMilestones(w.reviewDate, schedule);
		const day = days.filter((d) => d <= today).at(-1);
		if (!day || today > packLocks || londonDate(w.invitedAt) >= day) continue;
		const already = sent.get(`${w.reviewId} ${w.respondentId}`) ?? [];
		if (already.includes(day) || already.length >= MAX_REMINDERS) continue;
		// One short transaction: the record and the message commit together (REL-16). If another run
		// recorded the day first, nothing is queued.
		const done = await db.transaction().execute(async (trx) => {
			if (!(await reminders.record(trx, { reviewId: w.reviewId, respondentId: w.respondentId, date: day }, now))) return false;
			await outbox.enqueue(trx, w.respondentId, 'reminder', now);
			return true;
		});
		if (done) queued++;
	}
	return queued;
}
