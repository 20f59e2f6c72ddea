import { SHARE_SUFFIX } from './validate';
import type { Answer, Question } from './types';

/** Field values as a page posts them, so a saved answer and a failed post render the same way. */
export type RawFields = Record<string, string | string[]>;

/** A stored answer turned back into the fields its page shows. */
export function answerToRaw(question: Question, answer: Answer | null | undefined): RawFields {
	if (!answer) return {};
	const v = answer.value;
	const raw: RawFields = {};
	if (v.kind === 'choice') raw[question.id] = v.value;
	else if (v.kind === 'choices') raw[question.id] = v.values;
	else if (v.kind === 'text') raw[question.id] = v.text;
	if (question.kind === 'text' && !question.fixedVisibility) raw[question.id + SHARE_SUFFIX] = answer.visibility;
	return raw;
}
