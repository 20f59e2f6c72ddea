import type { FormBand } from '$lib/domain/age-band';
import { londonDate } from '$lib/domain/calendar';
import type { ConsultationSummary } from '$lib/domain/participation';
import { RATHER_NOT_SAY, type AnswerValue, type Question, type Topic } from '$lib/forms/types';
import type { Db } from '../db';
import * as answers from '../data/answers';
import * as consultations from '../data/consultations';
import { sentView } from '../consultation/sent';
import { syncBankForms } from '../forms/bank';
import { assemblePack } from '../pack/assemble';

/**
 * The child's own sent answers for one review: what decisions link to ("you said, we decided"), what
 * the child's report shows them back, and the facts behind the `consultationSubmitted` pre-fill
 * (DOMAIN §4.1). Drafts never count and are never shown, as in the pack (DOMAIN §8).
 */
export interface ChildAnswer {
	questionId: string;
	/** The wording key of the version answered. */
	wording: string;
	topic: Topic;
	kind: Question['kind'];
	value: AnswerValue;
}

/**
 * The 4–7 form's first two pages are the adult's: who helped and how (A11Y-C6, PRIV-11). They are
 * not the child's views, so they are neither linked to nor counted as the child's answers.
 */
const HELPER_PAGES = ['who-helped', 'how-helped'];
/** "How are you helping?" answers that show the child gave the answers themselves (DOMAIN §4.1, 4–7). */
const CHILD_TOOK_PART = ['they-point', 'they-tell-me', 'i-write-it-down'];

/** An answer that says something: not skipped and not "I'd rather not say" (DOMAIN §4.1). */
export function isRealAnswer(value: AnswerValue): boolean {
	if (value.kind === 'skipped') return false;
	if (value.kind === 'choice') return value.value !== RATHER_NOT_SAY;
	if (value.kind === 'choices') return value.values.length > 0 && !value.values.includes(RATHER_NOT_SAY);
	if (value.kind === 'text') return value.text.length > 0;
	if (value.kind === 'drawing') return value.strokes.length > 0;
	return true;
}

/** The child's consultation and what they last sent (a reopened form keeps its sent answers: issue 4). */
async function childConsultation(db: Db, reviewId: string) {
	await syncBankForms(db);
	const c = (await consultations.forReviews(db, [reviewId])).find((x) => x.respondentKind === 'young-person');
	if (!c) return null;
	const sent = await sentView(db, c);
	const consultation = sent ? { ...c, status: 'submitted' as const, submittedAt: sent.submittedAt } : c;
	return { consultation, answers: sent?.answers ?? (await answers.forConsultation(db, c.id)) };
}

/** The child's sent answers that say something, in the pack's topic order; empty while nothing is sent. */
export async function answeredByChild(db: Db, reviewId: string): Promise<ChildAnswer[]> {
	const found = await childConsultation(db, reviewId);
	if (!found || found.consultation.status !== 'submitted') return [];
	const c = found.consultation;
	const pack = assemblePack(
		[{
			respondentId: c.respondentId, kind: 'young-person', displayName: '', invitedAt: 0, answers: found.answers,
			consultation: { status: c.status, formId: c.formId, formVersion: c.formVersion, submittedAt: c.submittedAt }
		}],
		// The child's own words, for the child and their allocated IRO: nothing is withheld.
		'iro'
	);
	return (pack.sections[0]?.topics ?? []).flatMap((t) =>
		t.items
			.filter((i) => !HELPER_PAGES.includes(i.questionId) && isRealAnswer(i.value))
			.map((i) => ({ questionId: i.questionId, wording: i.wording, topic: t.topic, kind: i.kind, value: i.value }))
	);
}

/** What `consultationCounts` needs about the child's consultation for this review, or null if none was started. */
export async function consultationSummary(db: Db, reviewId: string): Promise<ConsultationSummary | null> {
	const found = await childConsultation(db, reviewId);
	if (!found) return null;
	const c = found.consultation;
	const band = c.formId.replace(/^young-person-/, '') as FormBand;
	const real = [...found.answers.values()].filter((a) => !HELPER_PAGES.includes(a.questionId) && isRealAnswer(a.value));
	const how = found.answers.get('how-helped')?.value;
	return {
		band,
		sentOn: c.status === 'submitted' && c.submittedAt !== null ? londonDate(c.submittedAt) : null,
		realAnswers: real.length,
		childTookPart: how?.kind === 'choices' && how.values.some((v) => CHILD_TOOK_PART.includes(v))
	};
}
