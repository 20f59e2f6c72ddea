import {
	DEFAULT_TEXT_LIMIT,
	MAX_TEXT_LIMIT,
	RATHER_NOT_SAY,
	type FormDefinition,
	type Question
} from './types';

/**
 * Checks a definition's shape once, at module load, and appends "I'd rather not say" to every
 * child-facing choice list (DOMAIN §5.4). Throws on a malformed definition so a bad edit fails
 * the build and the definition spec rather than a child's page.
 */
export function defineForm(form: FormDefinition): FormDefinition {
	const ids = new Set<string>();
	const questions: Question[] = form.questions.map((q) => {
		if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(q.id)) throw new Error(`${form.id}: bad id ${q.id}`);
		if (ids.has(q.id)) throw new Error(`${form.id}: duplicate id ${q.id}`);
		ids.add(q.id);
		if (q.kind === 'text') {
			const limit = q.maxLength ?? DEFAULT_TEXT_LIMIT;
			if (limit < 1 || limit > MAX_TEXT_LIMIT) throw new Error(`${form.id}: ${q.id} limit`);
			if (q.required) throw new Error(`${form.id}: ${q.id}: text is always optional`);
			return { ...q, maxLength: limit };
		}
		if (q.options.length === 0) throw new Error(`${form.id}: ${q.id} has no options`);
		if (new Set(q.options).size !== q.options.length) throw new Error(`${form.id}: ${q.id} repeats an option`);
		const childFacing = form.audience === 'young-person';
		const options =
			childFacing && !q.options.includes(RATHER_NOT_SAY) ? [...q.options, RATHER_NOT_SAY] : q.options;
		return { ...q, options };
	});
	return Object.freeze({ ...form, questions: Object.freeze(questions) });
}

/** The questions a respondent of this age is asked (pathway pages from 16, DOMAIN §5.5). */
export function questionsFor(form: FormDefinition, age: number | null): readonly Question[] {
	return form.questions.filter((q) => q.minAge === undefined || (age !== null && age >= q.minAge));
}
