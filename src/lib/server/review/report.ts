import { londonDate } from '$lib/domain/calendar';
import { reviewMilestones } from '$lib/domain/review-schedule';
import { timeliness } from '$lib/domain/timeliness';
import type { Access } from '../access/require';
import * as children from '../data/children';
import * as decisions from '../data/decisions';
import * as outbox from '../data/outbox';
import * as reactions from '../data/reactions';
import * as reports from '../data/review-reports';
import { answeredByChild } from './child-answers';
import { auditReview, reviewAndChild, wordingNames, write, type AppDb } from './context';
import { parseFields, ReportSchema } from './forms';
import { rejected, type Outcome } from './outcome';
import { loadSettings } from '../settings';

/**
 * After the meeting, step 3: the My Review Report, the record written to the child in plain words
 * (DOMAIN §2). Sending it is also when the record went: due 15 WD after the meeting (DOMAIN §3.2,
 * F14). The child then reacts to each decision, and the IRO reads the reactions here (DOMAIN §7).
 */
type IroAccess = Access<'review.record-outcome'>;

const page = (reviewId: string) => `/iro/review/${reviewId}/report`;

export async function loadReport(db: AppDb, access: IroAccess, now: number, requestId: string | null) {
	const { review, child } = await reviewAndChild(db, access);
	const today = londonDate(now);
	const report = await reports.get(db, review.id);
	const list = await decisions.forReview(db, review.id);
	const given = await reactions.forDecisions(db, list.map((d) => d.id));
	const due = review.heldDate ? reviewMilestones(review.heldDate, (await loadSettings(db)).schedule) : null;
	const sentOn = (ms: number | null | undefined) => (ms ? londonDate(ms) : null);
	await auditReview(db, access, 'view', 'review-report', review.id, now, requestId);
	return {
		review: { id: review.id, sequence: review.sequence, heldDate: review.heldDate },
		childName: child.preferredName,
		childLocale: child.preferredLocale,
		names: await wordingNames(db, child, access.actor.displayName, now),
		answers: await answeredByChild(db, review.id),
		decisions: list.map((d) => ({ ...d, reaction: given.find((r) => r.decisionId === d.id && r.childId === child.id) ?? null })),
		report: { body: report?.body ?? '', status: report?.status ?? 'draft', sentAt: report?.sentAt ?? null },
		timeliness: due && {
			decisions: timeliness(due.decisionsDue, sentOn(report?.decisionsSentAt), today),
			record: timeliness(due.recordDue, sentOn(report?.recordSentAt), today)
		}
	};
}

/** Saves the words; a report already sent shows the child the new words at once. */
export async function saveReport(db: AppDb, access: IroAccess, form: FormData, now: number, requestId: string | null): Promise<Outcome> {
	const parsed = parseFields(ReportSchema, form, ['body']);
	if (!parsed.ok) return rejected(parsed);
	const { body } = parsed.value;
	// An empty report is nothing to keep: the page asks for words (and an empty post changes nothing).
	if (body === '') return { kind: 'invalid', raw: { body }, errors: { body: { key: 'errors.report-empty' } } };
	const { review } = await reviewAndChild(db, access);
	if (!review.heldDate) return { kind: 'conflict' };
	const ok = await write(db, requestId, async (trx) => {
		await reports.saveBody(trx, review.id, body, access.actor.id, now);
		await auditReview(trx, access, 'report_saved', 'review-report', review.id, now, requestId);
	});
	if (!ok) return { kind: 'failed', raw: { body }, field: 'body' };
	return { kind: 'done', location: page(review.id) };
}

/**
 * Sends the report to the child: the words, the status and a content-free "something new" for the
 * child's account, in ONE transaction (REL-5, REL-16, PRIV-14). A repeat keeps the first send's time.
 */
export async function sendReport(db: AppDb, access: IroAccess, form: FormData, now: number, requestId: string | null): Promise<Outcome> {
	const parsed = parseFields(ReportSchema, form, ['body']);
	if (!parsed.ok) return rejected(parsed);
	const { body } = parsed.value;
	if (body === '') return { kind: 'invalid', raw: { body }, errors: { body: { key: 'errors.report-empty' } } };
	const { review, child } = await reviewAndChild(db, access);
	if (!review.heldDate) return { kind: 'conflict' };
	const account = await children.accountFor(db, child.id);
	const ok = await write(db, requestId, async (trx) => {
		const first = await reports.markSent(trx, review.id, body, access.actor.id, now);
		await auditReview(trx, access, first ? 'report_sent' : 'report_saved', 'review-report', review.id, now, requestId);
		// Only someone with an address gets a message; otherwise the row would only fail (REL-16).
		if (first && account && (await outbox.reachable(trx, [account.userId])).has(account.userId)) await outbox.enqueue(trx, account.userId, 'something-new', now);
	});
	if (!ok) return { kind: 'failed', raw: { body }, field: 'body' };
	return { kind: 'done', location: `${page(review.id)}#reactions` };
}
