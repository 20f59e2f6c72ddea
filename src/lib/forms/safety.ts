import { isChoiceQuestion, NOT_SURE, type AnswerValue, type Question } from './types';

/** What an answer means for the child's safety; see {@link safetyConcern}. */
export type SafetyConcern = 'alert' | 'ask' | null;

/**
 * What a child's answer means for their safety (DOMAIN §5.7). Pure, so the page save can decide in
 * the same transaction as the answer and the tests can table it:
 * - `'alert'`: an option in the question's `safetyTrigger` (e.g. "No" on `home-safe`). The caller
 *   writes an alert for the allocated IRO and the duty contact, never held back by sharing, locks or
 *   the outbox, and shows the child 999, Childline and who will see it.
 * - `'ask'`: "Not sure" on a question that has a `safetyTrigger`. No alert: the page asks "Would you
 *   like to tell someone now?" and the pack flags the topic.
 * - `null`: nothing to do. There is no keyword scanning of free text: the IRO reads it.
 * A trigger wins over "not sure" when checkboxes tick both.
 */
export function safetyConcern(question: Question, answer: AnswerValue): SafetyConcern {
	if (!isChoiceQuestion(question)) return null;
	const triggers = question.safetyTrigger;
	if (!triggers || triggers.length === 0) return null;
	const values = answer.kind === 'choice' ? [answer.value] : answer.kind === 'choices' ? answer.values : [];
	if (values.some((v) => triggers.includes(v))) return 'alert';
	if (values.includes(NOT_SURE)) return 'ask';
	return null;
}
