import { londonDate } from '$lib/domain/calendar';
import type { Access } from '../access/require';
import * as allocations from '../data/allocations';
import * as decisions from '../data/decisions';
import * as outbox from '../data/outbox';
import * as reactions from '../data/reactions';
import * as reports from '../data/review-reports';
import { answeredByChild } from './child-answers';
import { auditReview, reviewAndChild, wordingNames, write, type AppDb } from './context';
import { parseFields, ReactionSchema } from './forms';
import { rejected, type Outcome } from './outcome';

/**
 * The child's own My Review Report (issue 5; SECURITY §2: a young person reads their own review
 * record): what they said, what was decided, who will do what by when, and a reaction to each
 * decision that reaches the IRO (DOMAIN §7). Nothing shows until the IRO sends it. The child's own
 * reads are not audited (SECURITY §8: reads by anyone but the child).
 */
export async function loadChildReport(db: AppDb, access: Access<'review.read-record'>, now: number) {
	const { review, child } = await reviewAndChild(db, access);
	const iro = await allocations.currentIro(db, child.id, londonDate(now));
	const report = await reports.get(db, review.id);
	const names = await wordingNames(db, child, iro?.displayName ?? '', now);
	if (!report || report.status !== 'sent') return { sent: false as const, reviewId: review.id, iroName: iro?.displayName ?? null };
	const list = await decisions.forReview(db, review.id);
	const mine = await reactions.forDecisions(db, list.map((d) => d.id));
	const answers = await answeredByChild(db, review.id);
	return {
		sent: true as const,
		reviewId: review.id,
		iroName: iro?.displayName ?? null,
		names,
		childLocale: child.preferredLocale,
		body: report.body,
		sentAt: report.sentAt,
		answers,
		decisions: list.map((d) => ({
			id: d.id,
			text: d.text,
			owner: d.owner,
			dueOn: d.dueOn,
			/** The wording keys of what the child said that this decision answers. */
			about: d.linkedQuestions.flatMap((q) => answers.filter((a) => a.questionId === q).map((a) => ({ questionId: a.questionId, wording: a.wording }))),
			reaction: mine.find((r) => r.decisionId === d.id && r.childId === child.id) ?? null
		}))
	};
}

/**
 * Saves the child's reaction to one decision: one per decision, changeable; a replay changes
 * nothing. "I have a question" tells the IRO through the outbox in the same transaction (REL-16):
 * a neutral "something new", never the words (PRIV-14).
 */
export async function react(db: AppDb, access: Access<'review.react'>, form: FormData, now: number, requestId: string | null): Promise<Outcome> {
	const parsed = parseFields(ReactionSchema, form, ['decisionId', 'reaction', 'words']);
	if (!parsed.ok) return rejected(parsed, 'decisionId');
	const { review, child } = await reviewAndChild(db, access);
	const v = parsed.value;
	const report = await reports.get(db, review.id);
	if (report?.status !== 'sent') return { kind: 'conflict' };
	if (!(await decisions.forReview(db, review.id)).some((d) => d.id === v.decisionId)) return { kind: 'missing' };
	const words = v.words === '' ? null : v.words;
	const before = await reactions.get(db, v.decisionId, child.id);
	const location = `/me/review/${review.id}/report#decision-${v.decisionId}`;
	if (before && before.reaction === v.reaction && before.words === words) return { kind: 'done', location };
	const iro = v.reaction === 'question' ? await allocations.currentIro(db, child.id, londonDate(now)) : undefined;
	const ok = await write(db, requestId, async (trx) => {
		await reactions.save(trx, { decisionId: v.decisionId, childId: child.id, reaction: v.reaction, words, by: access.actor.id }, now);
		await auditReview(trx, access, 'reaction_saved', 'review-decision', v.decisionId, now, requestId);
		if (iro) await outbox.enqueue(trx, iro.iroId, 'something-new', now);
	});
	if (!ok) return { kind: 'failed', raw: { ...v }, field: 'reaction' };
	return { kind: 'done', location };
}
