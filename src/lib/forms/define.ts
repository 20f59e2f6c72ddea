import {
	ADULT_AUDIENCES,
	DEFAULT_TEXT_LIMIT,
	MAX_TEXT_LIMIT,
	NOT_SURE,
	RATHER_NOT_SAY,
	type ChoiceQuestion,
	type FormDefinition,
	type Question
} from './types';

/**
 * Checks a definition's shape once, at module load, and appends "I'd rather not say" to every
 * child-facing choice list (DOMAIN §5.4). Throws on a malformed definition so a bad edit fails
 * the build and the definition spec rather than a child's page.
 *
 * The output for a question that uses none of the newer fields is exactly what it always was, so a
 * frozen version keeps its fingerprint (frozen-versions.json).
 */
export function defineForm(form: FormDefinition): FormDefinition {
	const fail = (message: string): never => {
		throw new Error(`${form.id}: ${message}`);
	};
	const child = form.audience === 'young-person';
	const adult = ADULT_AUDIENCES.includes(form.audience);
	// A11Y-C6: only a child's form is done with a trusted adult.
	if (form.assisted && !child) fail('only a child form is assisted');
	const ids = new Set<string>();
	const questions: Question[] = form.questions.map((q) => {
		if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(q.id)) fail(`bad id ${q.id}`);
		if (ids.has(q.id)) fail(`duplicate id ${q.id}`);
		ids.add(q.id);
		// The server pre-fills from the carer's last report for this child (DOMAIN §5.5 carer).
		if (q.carryForward && form.audience !== 'carer') fail(`${q.id}: carryForward is for the carer form`);
		switch (q.kind) {
			case 'text': {
				const limit = q.maxLength ?? DEFAULT_TEXT_LIMIT;
				if (limit < 1 || limit > MAX_TEXT_LIMIT) fail(`${q.id} limit`);
				// DOMAIN §5.4: a child is never made to write; R means "choose something", never "disclose".
				if (q.required && !adult) fail(`${q.id}: text is always optional on a child's form`);
				if (q.required && q.fixedVisibility) fail(`${q.id}: fixed IRO-only text is never required`);
				return { ...q, maxLength: limit };
			}
			case 'drawing':
				// DOMAIN §5.4: optional, with a sharing choice: a child's answer kind.
				if (!child) fail(`${q.id}: drawings are for child forms`);
				if (q.required) fail(`${q.id}: a drawing is always optional`);
				return { ...q };
			case 'date':
				if (form.audience !== 'carer') fail(`${q.id}: dates are for the carer form`);
				return { ...q };
			default:
				return defineChoice(q, child, fail);
		}
	});
	return Object.freeze({ ...form, questions: Object.freeze(questions) });
}

function defineChoice(q: ChoiceQuestion, child: boolean, fail: (message: string) => never): ChoiceQuestion {
	if (q.options.length === 0) fail(`${q.id} has no options`);
	if (new Set(q.options).size !== q.options.length) fail(`${q.id} repeats an option`);
	const options = child && !q.options.includes(RATHER_NOT_SAY) ? [...q.options, RATHER_NOT_SAY] : q.options;
	if (q.exclusive) {
		if (q.kind !== 'choices') fail(`${q.id}: only checkboxes have exclusive options`);
		if (q.exclusive.length === 0 || new Set(q.exclusive).size !== q.exclusive.length) fail(`${q.id}: bad exclusive list`);
		for (const v of q.exclusive) if (!options.includes(v)) fail(`${q.id}: exclusive ${v} is not an option`);
	}
	if (q.safetyTrigger) {
		// DOMAIN §5.7: parent and carer pages raise no alert; "not sure" asks, it never alerts.
		if (!child) fail(`${q.id}: safety triggers are for child forms`);
		if (q.safetyTrigger.length === 0) fail(`${q.id}: empty safetyTrigger`);
		for (const v of q.safetyTrigger) {
			if (!options.includes(v)) fail(`${q.id}: safetyTrigger ${v} is not an option`);
			if (v === NOT_SURE || v === RATHER_NOT_SAY) fail(`${q.id}: ${v} can't raise an alert`);
		}
	}
	return { ...q, options };
}

/** The questions a respondent of this age is asked (pathway pages from 16, DOMAIN §5.5). */
export function questionsFor(form: FormDefinition, age: number | null): readonly Question[] {
	return form.questions.filter((q) => q.minAge === undefined || (age !== null && age >= q.minAge));
}
