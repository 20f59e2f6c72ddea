import { londonDate } from '$lib/domain/calendar';
import { ageOn } from '$lib/domain/calendar';
import { formIdFor, reviewDateFor, type FormBand } from '$lib/domain/age-band';
import { questionsFor } from '$lib/forms/define';
import { formById, hasForm, latestForm } from '$lib/forms/registry';
import type { Answer, FormDefinition, Question } from '$lib/forms/types';
import type { Access } from '../access/require';
import type { Db } from '../db';
import * as allocations from '../data/allocations';
import * as answers from '../data/answers';
import * as children from '../data/children';
import * as consultations from '../data/consultations';
import type { Consultation } from '../data/consultations';
import type { RespondentKind } from '../data/invitations';
import * as reviews from '../data/reviews';
import { syncBankForms } from '../forms/bank';
import type { Review } from '../data/reviews';

/**
 * Everything one respondent's consultation pages need: the review, the form (pinned to the
 * version the consultation started with, DOMAIN §5.1), the questions for the child's age on
 * the review date, and the answers so far.
 */
export interface ConsultationContext {
	review: Review;
	reviewDate: string;
	childName: string;
	childId: string;
	iroName: string | null;
	/** The carer of the active placement, for the child's own wording ("why you live with …"). */
	carerName: string | null;
	kind: RespondentKind;
	form: FormDefinition | null;
	questions: readonly Question[];
	consultation: Consultation | undefined;
	answers: Map<string, Answer>;
}

export async function loadContext(db: Db, access: Access<'review.answer'>, kind: RespondentKind): Promise<ConsultationContext> {
	// Issue 8: a version published in the question bank counts from the moment it is published.
	await syncBankForms(db);
	const review = (await reviews.get(db, access.reviewId!))!;
	const child = (await children.get(db, review.childId))!;
	const reviewDate = reviewDateFor({ scheduled: review.scheduledDate, due: review.dueDate });
	const consultation = await consultations.find(db, review.id, access.actor.id);
	let form: FormDefinition | null = null;
	if (consultation) {
		form = formById(consultation.formId, consultation.formVersion) ?? null;
	} else {
		const id = formIdFor(kind, child.dateOfBirth, reviewDate, (child.bandOverride as FormBand | null) ?? null);
		form = id && hasForm(id) ? latestForm(id) : null;
	}
	const age = kind === 'young-person' ? ageOn(child.dateOfBirth, reviewDate) : null;
	const today = londonDate(Date.now());
	const iro = await allocations.currentIro(db, child.id, today);
	const carer = kind === 'young-person'
		? (await children.people(db, child.id)).find((p) => p.relation === 'carer' && p.startsOn <= today && (p.endsOn === null || p.endsOn > today))
		: undefined;
	return {
		review, reviewDate, childName: child.preferredName, childId: child.id, iroName: iro?.displayName ?? null, carerName: carer?.displayName ?? null, kind, form,
		questions: form ? questionsFor(form, age) : [],
		consultation,
		answers: consultation ? await answers.forConsultation(db, consultation.id) : new Map()
	};
}

/** The first question without an answer: where a returning person resumes (REL-1). */
export function firstUnanswered(ctx: ConsultationContext): Question | undefined {
	return ctx.questions.find((q) => !ctx.answers.has(q.id));
}
