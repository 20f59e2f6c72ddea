import { hasShareChoice, SHARE_ADVOCATE_SUFFIX, SHARE_SUFFIX } from './validate';
import type { Answer, Question } from './types';

/** Field values as a page posts them, so a saved answer and a failed post render the same way. */
export type RawFields = Record<string, string | string[]>;

/**
 * A stored answer turned back into the fields its page shows: a drawing as the JSON its canvas
 * posts, a date as `YYYY-MM-DD`, and the sharing choice of text and drawings.
 */
export function answerToRaw(question: Question, answer: Answer | null | undefined): RawFields {
	if (!answer) return {};
	const v = answer.value;
	const raw: RawFields = {};
	if (v.kind === 'choice') raw[question.id] = v.value;
	else if (v.kind === 'choices') raw[question.id] = v.values;
	else if (v.kind === 'text') raw[question.id] = v.text;
	else if (v.kind === 'drawing') raw[question.id] = JSON.stringify(v.strokes);
	else if (v.kind === 'date') raw[question.id] = v.date;
	if (hasShareChoice(question)) raw[question.id + SHARE_SUFFIX] = answer.visibility;
	if (hasShareChoice(question) && answer.advocate) raw[question.id + SHARE_ADVOCATE_SUFFIX] = 'yes';
	return raw;
}
