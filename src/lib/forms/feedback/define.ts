import { defineForm } from '../define';
import { isChoiceQuestion, RATHER_NOT_SAY, type Question, type TextQuestion } from '../types';
import { WORDS_SUFFIX, type Duty, type FeedbackForm, type FeedbackFormId, type FeedbackPage, type FeedbackQuestion } from './types';

/** `Omit` over each member of a union, so a choice keeps its options. */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface FeedbackPageSpec {
	question: OmitEach<FeedbackQuestion, 'wording'>;
	/** Adds the optional words box on the same page. */
	words?: true;
	positive?: readonly string[];
	checks?: Duty;
}

export interface FeedbackFormSpec extends Omit<FeedbackForm, 'pages' | 'questions'> {
	pages: readonly FeedbackPageSpec[];
}

/**
 * Builds a feedback form: wording keys are `<formId>.<questionId>`, the words box is `<id>-words`,
 * and `defineForm` checks every question (ids, options, "I'd rather not say" appended on a child's
 * lists). On top of that, feedback rules (DOMAIN §7): every question is skippable, the positive
 * options are real options and never "rather not say", and there is no sharing choice (feedback goes
 * to the IRO and, as counts only, to the service). Throws on a bad definition, at module load.
 */
export function defineFeedbackForm(spec: FeedbackFormSpec): FeedbackForm {
	const fail = (message: string): never => {
		throw new Error(`${spec.id}: ${message}`);
	};
	const flat: Question[] = [];
	for (const p of spec.pages) {
		const q = { ...p.question, wording: `${spec.id}.${p.question.id}` } as FeedbackQuestion;
		if (q.required) fail(`${q.id}: every feedback question can be skipped`);
		if (q.kind === 'text' && q.fixedVisibility) fail(`${q.id}: feedback has no sharing choice`);
		flat.push(q);
		if (p.words) {
			if (q.kind === 'text') fail(`${q.id}: a words question has no extra words`);
			const id = q.id + WORDS_SUFFIX;
			flat.push({ id, wording: `${spec.id}.${id}`, topic: q.topic, kind: 'text' } satisfies TextQuestion);
		}
	}
	const checked = defineForm({ id: spec.id, version: spec.version, audience: spec.audience, title: spec.title, assisted: spec.assisted, readAloud: spec.readAloud, questions: flat });
	const byId = new Map(checked.questions.map((q) => [q.id, q]));
	const pages: FeedbackPage[] = spec.pages.map((p) => {
		const question = byId.get(p.question.id) as FeedbackQuestion;
		const positive = p.positive ?? [];
		if (positive.length > 0) {
			if (!isChoiceQuestion(question)) fail(`${question.id}: only choices have a positive rate`);
			const options = isChoiceQuestion(question) ? question.options : [];
			for (const v of positive) {
				if (!options.includes(v)) fail(`${question.id}: positive ${v} is not an option`);
				if (v === RATHER_NOT_SAY) fail(`${question.id}: "rather not say" is never positive`);
			}
		}
		const words = p.words ? (byId.get(question.id + WORDS_SUFFIX) as TextQuestion) : null;
		return Object.freeze({ id: question.id, question, words, positive: Object.freeze([...positive]), checks: p.checks ?? null });
	});
	const out: FeedbackForm = { id: spec.id as FeedbackFormId, version: spec.version, audience: spec.audience, title: spec.title, pages: Object.freeze(pages), questions: checked.questions };
	if (spec.assisted) out.assisted = true;
	if (spec.readAloud) out.readAloud = true;
	return Object.freeze(out);
}
