import { londonDate } from '$lib/domain/calendar';
import { reviewMilestones } from '$lib/domain/review-schedule';
import { timeliness } from '$lib/domain/timeliness';
import { ID_PATTERN } from '../ids';
import type { Access } from '../access/require';
import * as decisions from '../data/decisions';
import * as reports from '../data/review-reports';
import { answeredByChild } from './child-answers';
import { auditReview, reviewAndChild, wordingNames, write, type AppDb } from './context';
import { addDecisionSchema, parseFields, updateDecisionSchema } from './forms';
import { rejected, type Outcome } from './outcome';
import { inviteFeedback } from '../feedback/invite';
import { loadSettings } from '../settings';

/**
 * After the meeting, step 2: "you said, we decided" (issue 5). The IRO adds decisions and actions
 * (who does what by when), each linked to the child's answers it responds to, and marks them sent:
 * due 5 WD after the meeting (DOMAIN §3.2, F14).
 */
type IroAccess = Access<'review.record-outcome'>;

const page = (reviewId: string) => `/iro/review/${reviewId}/decisions`;

/** The decisions page: `editId` (from `?edit=`) opens one decision's form. */
export async function loadDecisions(db: AppDb, access: IroAccess, editId: string | null, now: number, requestId: string | null) {
	const { review, child } = await reviewAndChild(db, access);
	const list = await decisions.forReview(db, review.id);
	const report = await reports.get(db, review.id);
	const today = londonDate(now);
	await auditReview(db, access, 'view', 'review-decisions', review.id, now, requestId);
	const editing = editId && ID_PATTERN.test(editId) ? (list.find((d) => d.id === editId) ?? null) : null;
	return {
		review: { id: review.id, sequence: review.sequence, heldDate: review.heldDate },
		childName: child.preferredName,
		names: await wordingNames(db, child, access.actor.displayName, now),
		answers: await answeredByChild(db, review.id),
		decisions: list,
		editing,
		sent: review.heldDate
			? timeliness(reviewMilestones(review.heldDate, (await loadSettings(db)).schedule).decisionsDue, report?.decisionsSentAt ? londonDate(report.decisionsSentAt) : null, today)
			: null
	};
}

async function heldAndLinkable(db: AppDb, access: IroAccess) {
	const { review } = await reviewAndChild(db, access);
	const linkable = (await answeredByChild(db, review.id)).map((a) => a.questionId);
	return { review, linkable };
}

export async function addDecision(db: AppDb, access: IroAccess, form: FormData, now: number, requestId: string | null): Promise<Outcome> {
	const { review, linkable } = await heldAndLinkable(db, access);
	const parsed = parseFields(addDecisionSchema(linkable), form, ['text', 'owner', 'dueOn'], { links: linkable });
	if (!parsed.ok) return rejected(parsed);
	// Decisions come out of a meeting that has been held (DOMAIN §1: facts, then decisions).
	if (!review.heldDate) return { kind: 'conflict' };
	const v = parsed.value;
	if (v.dueOn < review.heldDate) return { kind: 'invalid', raw: { text: v.text, owner: v.owner, dueOn: v.dueOn, links: v.links }, errors: { dueOn: { key: 'errors.due-before-meeting' } } };
	const ok = await write(db, requestId, async (trx) => {
		// REL-4: a double tap (or a retry) of the same decision adds it once.
		const same = (await decisions.forReview(trx, review.id)).some((d) => d.text === v.text && d.owner === v.owner && d.dueOn === v.dueOn && d.linkedQuestions.join() === v.links.join());
		if (same) return;
		const id = await decisions.add(trx, review.id, { text: v.text, owner: v.owner, dueOn: v.dueOn, linkedQuestions: v.links }, access.actor.id, now);
		await auditReview(trx, access, 'decision_saved', 'review-decision', id, now, requestId);
	});
	if (!ok) return { kind: 'failed', raw: { text: v.text, owner: v.owner, dueOn: v.dueOn, links: v.links }, field: 'text' };
	return { kind: 'done', location: `${page(review.id)}#decisions` };
}

export async function updateDecision(db: AppDb, access: IroAccess, form: FormData, now: number, requestId: string | null): Promise<Outcome> {
	const { review, linkable } = await heldAndLinkable(db, access);
	const fields = ['decisionId', 'text', 'owner', 'dueOn', 'status', 'statusReason'];
	const parsed = parseFields(updateDecisionSchema(linkable), form, fields, { links: linkable });
	if (!parsed.ok) return rejected(parsed, 'decisionId');
	const v = parsed.value;
	const raw = { decisionId: v.decisionId, text: v.text, owner: v.owner, dueOn: v.dueOn, links: v.links, status: v.status, statusReason: v.statusReason };
	if (review.heldDate && v.dueOn < review.heldDate) return { kind: 'invalid', raw, errors: { dueOn: { key: 'errors.due-before-meeting' } } };
	const known = (await decisions.forReview(db, review.id)).some((d) => d.id === v.decisionId);
	if (!known) return { kind: 'missing' };
	const statusReason = v.status === 'partly' || v.status === 'not-done' ? v.statusReason : null;
	const ok = await write(db, requestId, async (trx) => {
		await decisions.update(trx, review.id, v.decisionId, { text: v.text, owner: v.owner, dueOn: v.dueOn, linkedQuestions: v.links, status: v.status, statusReason }, now);
		await auditReview(trx, access, 'decision_saved', 'review-decision', v.decisionId, now, requestId);
	});
	if (!ok) return { kind: 'failed', raw, field: 'text' };
	return { kind: 'done', location: `${page(review.id)}#decision-${v.decisionId}` };
}

/**
 * Marks the decisions sent (DOMAIN §3.2: due 5 WD after the meeting). The first time stands, so a
 * repeat changes nothing. The form says what it wants: an empty or forged post changes nothing.
 */
export async function sendDecisions(db: AppDb, access: IroAccess, form: FormData, now: number, requestId: string | null): Promise<Outcome> {
	if ([...form.keys()].join() !== 'confirm' || form.get('confirm') !== 'yes') return { kind: 'malformed' };
	const { review } = await reviewAndChild(db, access);
	if (!review.heldDate) return { kind: 'conflict' };
	if ((await decisions.forReview(db, review.id)).length === 0) return { kind: 'invalid', raw: {}, errors: { send: { key: 'errors.decisions-none' } } };
	const ok = await write(db, requestId, async (trx) => {
		if (await reports.markDecisionsSent(trx, review.id, access.actor.id, now)) {
			await auditReview(trx, access, 'decisions_sent', 'review-decisions', review.id, now, requestId);
			// Issue 6, DOMAIN §7: the child, parents and carers are asked how the review went.
			await inviteFeedback(trx, review.id, now);
		}
	});
	if (!ok) return { kind: 'failed', raw: {}, field: 'send' };
	return { kind: 'done', location: page(review.id) };
}
