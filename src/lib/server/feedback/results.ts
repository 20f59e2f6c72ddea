import { isAnswered, SUPPRESS_BELOW } from '$lib/domain/feedback-summary';
import { feedbackFormById } from '$lib/forms/feedback/registry';
import type { FeedbackForm } from '$lib/forms/feedback/types';
import { isChoiceQuestion, type AnswerValue } from '$lib/forms/types';
import type { Access } from '../access/require';
import type { Db } from '../db';
import * as feedback from '../data/feedback';
import type { RespondentKind } from '../data/invitations';
import * as meetings from '../data/meetings';
import { auditReview, reviewAndChild, wordingNames } from '../review/context';
import { isOpen } from './invite';

/**
 * The IRO's feedback for one review (issue 6, DOMAIN §7 roll-up "per review: the IRO sees named
 * answers"). Anonymous answers (a parent or carer who hid their name, where the service allows it)
 * are never shown one by one, nor is who sent them: they appear only as totals once 5 or more were
 * sent without a name for this review. Their words are never shown. The child's answers on the
 * private talk and on advocacy sit beside what the IRO recorded (DOMAIN §7 cross-checks).
 */
export interface NamedFeedback {
	name: string;
	kind: RespondentKind;
	sentAt: number;
	form: FeedbackForm;
	answers: Record<string, AnswerValue>;
}

export interface AnonymousTotals {
	count: number;
	/** Per question id, how many picked each option (lists: each ticked option). */
	questions: { questionId: string; wording: string; options: { value: string; count: number }[] }[];
}

export async function loadResults(db: Db, access: Access<'review.read-feedback'>, now: number, requestId: string | null) {
	const { review, child } = await reviewAndChild(db, access);
	const responses = await feedback.forReview(db, review.id);
	const all = await feedback.answersFor(db, responses.filter((r) => r.status === 'sent').map((r) => r.id));
	const named: NamedFeedback[] = [];
	const hidden: { form: FeedbackForm; answers: Map<string, AnswerValue> }[] = [];
	for (const r of responses) {
		if (r.status !== 'sent' || r.sentAt === null) continue;
		const form = feedbackFormById(r.formId, r.formVersion);
		if (!form) continue;
		const answers = all.get(r.id) ?? new Map<string, AnswerValue>();
		if (r.anonymous) hidden.push({ form, answers });
		else named.push({ name: r.displayName, kind: r.respondentKind, sentAt: r.sentAt, form, answers: Object.fromEntries(answers) });
	}
	const people = responses.map((r) => ({
		name: r.displayName,
		kind: r.respondentKind,
		// A name-hidden sender reads exactly like someone who hasn't sent (DOMAIN §7).
		status: r.status === 'sent' && !r.anonymous ? ('sent' as const) : isOpen(r.closesOn, now) ? ('waiting' as const) : ('closed' as const),
		closesOn: r.closesOn
	}));
	const meeting = await meetings.get(db, review.id);
	// DOMAIN §7 cross-checks: what the child said beside what the IRO recorded (a child never hides their name).
	const childSent = named.find((n) => n.kind === 'young-person');
	const said = (id: string) => {
		const v = childSent?.answers[id];
		return childSent && v?.kind === 'choice' ? { wording: `${childSent.form.id}.${id}`, value: v.value } : null;
	};
	await auditReview(db, access, 'view', 'review-feedback', review.id, now, requestId);
	return {
		review: { id: review.id, sequence: review.sequence, heldDate: review.heldDate },
		childName: child.preferredName,
		names: await wordingNames(db, child, access.actor.displayName, now),
		invited: responses.length > 0,
		people,
		named,
		anonymous: hidden.length >= SUPPRESS_BELOW ? anonymousTotals(hidden) : null,
		checks: meeting ? { privateTalkHeld: meeting.privateTalkHeld, advocacyExplained: meeting.advocacyExplained } : null,
		childSaid: { iroAlone: said('fb-iro-alone'), advocate: said('fb-advocate') }
	};
}

/** Option counts over name-hidden answers; words and drawings are left out (only counts). */
export function anonymousTotals(list: readonly { form: FeedbackForm; answers: Map<string, AnswerValue> }[]): AnonymousTotals {
	const questions = new Map<string, { wording: string; counts: Map<string, number> }>();
	for (const { form, answers } of list) {
		for (const page of form.pages) {
			const q = page.question;
			if (!isChoiceQuestion(q)) continue;
			let entry = questions.get(q.id);
			if (!entry) questions.set(q.id, (entry = { wording: q.wording, counts: new Map(q.options.map((o) => [o, 0])) }));
			const v = answers.get(q.id);
			if (!isAnswered(v)) continue;
			const picked = v!.kind === 'choice' ? [v!.value] : v!.kind === 'choices' ? v!.values : [];
			for (const p of picked) entry.counts.set(p, (entry.counts.get(p) ?? 0) + 1);
		}
	}
	return {
		count: list.length,
		questions: [...questions].map(([questionId, e]) => ({ questionId, wording: e.wording, options: [...e.counts].map(([value, count]) => ({ value, count })) }))
	};
}
