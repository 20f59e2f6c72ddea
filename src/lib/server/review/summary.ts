import { londonDate } from '$lib/domain/calendar';
import { reviewMilestones } from '$lib/domain/review-schedule';
import { timeliness } from '$lib/domain/timeliness';
import type { Access } from '../access/require';
import type { Db } from '../db';
import * as decisions from '../data/decisions';
import * as escalations from '../data/escalations';
import * as meetings from '../data/meetings';
import * as reactions from '../data/reactions';
import * as reports from '../data/review-reports';
import * as reviews from '../data/reviews';
import { loadSettings } from '../settings';

/**
 * The pack's "After the meeting" section (DOMAIN §8.1 item 11) and "Last review's decisions and
 * actions" (item 9), for the allocated IRO: is the review held, is the PN code confirmed, were the
 * decisions and the record sent on time, and what became of last time's decisions, with the
 * child's reaction to each. Reads only: the pack's own load writes the audit row.
 */
export async function afterMeeting(db: Db, access: Access<'review.read-pack'>, now: number) {
	const today = londonDate(now);
	const review = (await reviews.get(db, access.reviewId!))!;
	const meeting = await meetings.get(db, review.id);
	const report = await reports.get(db, review.id);
	const due = review.heldDate ? reviewMilestones(review.heldDate, (await loadSettings(db)).schedule) : null;
	const sentOn = (ms: number | null | undefined) => (ms ? londonDate(ms) : null);
	const previous = await reviews.previous(db, review.childId, review.sequence);
	const previousDecisions = previous ? await decisions.forReview(db, previous.id) : [];
	const previousReactions = await reactions.forDecisions(db, previousDecisions.map((d) => d.id));
	const open = (await escalations.forReview(db, review.id)).filter((e) => e.closedOn === null);
	return {
		base: `/iro/review/${review.id}`,
		heldDate: review.heldDate,
		code: meeting ? { suggested: meeting.suggestedCode, confirmed: meeting.confirmedCode } : null,
		checks: meeting ? { privateTalkHeld: meeting.privateTalkHeld, advocacyExplained: meeting.advocacyExplained } : null,
		decisionsCount: (await decisions.forReview(db, review.id)).length,
		decisions: due && timeliness(due.decisionsDue, sentOn(report?.decisionsSentAt), today),
		record: due && timeliness(due.recordDue, sentOn(report?.recordSentAt), today),
		openEscalations: open.map((e) => ({ id: e.id, stage: e.stage, dueOn: e.dueOn, overdue: today > e.dueOn })),
		previous: previous ? {
			sequence: previous.sequence,
			heldDate: previous.heldDate,
			href: `/iro/review/${previous.id}/decisions`,
			decisions: previousDecisions.map((d) => ({
				id: d.id, text: d.text, owner: d.owner, dueOn: d.dueOn, status: d.status, statusReason: d.statusReason,
				reaction: previousReactions.find((r) => r.decisionId === d.id) ?? null
			}))
		} : null
	};
}
