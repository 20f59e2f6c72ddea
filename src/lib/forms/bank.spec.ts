import { describe, expect, it } from 'vitest';
import forms from '../i18n/locales/en-GB/forms.json';
import {
	addQuestion,
	applyFields,
	catalogueFragment,
	checkDraft,
	draftFrom,
	fieldsOf,
	moveQuestion,
	publishedDefinition,
	removeQuestion,
	wordingOf,
	type Draft,
	type FormWording,
	type QuestionFields
} from './bank';
import { latestForm } from './registry';
import { isChoiceQuestion, RATHER_NOT_SAY, type FormDefinition } from './types';

/** English from forms.json, and a second "shipped" language made by marking each English string. */
function lookup(locale: string, key: string): unknown {
	let node: unknown = forms;
	for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
	return typeof node === 'string' ? (locale === 'en-GB' ? node : `[${locale}] ${node}`) : undefined;
}
const LOCALES = ['en-GB', 'cy'] as const;
const names = (l: string) => ({ 'en-GB': 'English', cy: 'Cymraeg' })[l] ?? l;

function start(formId: string): { draft: Draft; base: { form: FormDefinition; wording: FormWording } } {
	const form = latestForm(formId);
	const wording = wordingOf(form, LOCALES, lookup);
	return { draft: draftFrom(form, wording, form.version + 1), base: { form, wording } };
}
const check = (d: Draft, base: { form: FormDefinition; wording: FormWording }, locales: readonly string[] = LOCALES) => checkDraft(d, base, locales, names);
const keys = (d: Draft, base: { form: FormDefinition; wording: FormWording }, locales?: readonly string[]) =>
	check(d, base, locales).problems.map((p) => `${p.question ?? 'form'}:${p.field}:${p.error.key}`);
const indexOf = (d: Draft, id: string) => d.questions.findIndex((q) => q.id === id);
function edit(d: Draft, id: string, change: (f: QuestionFields) => void): Draft {
	const i = indexOf(d, id);
	const f = fieldsOf(d, i)!;
	change(f);
	return applyFields(d, i, f);
}

describe('a draft started from the latest version', () => {
	it.each(['young-person-4-7', 'young-person-8-12', 'young-person-13-plus', 'parent', 'carer'])('%s: copies every question and word, and can be published as it is', (formId) => {
		const { draft, base } = start(formId);
		expect(draft.version).toBe(base.form.version + 1);
		expect(draft.questions.map((q) => q.id)).toEqual(base.form.questions.map((q) => q.id));
		expect(check(draft, base)).toEqual({ problems: [], warnings: [] });
		const published = publishedDefinition(draft);
		expect(published.questions.map(({ wording: _w, ...q }) => q)).toEqual(base.form.questions.map(({ wording: _w, ...q }) => q));
		expect(published.questions.every((q) => q.wording === `${formId}.@v${draft.version}.${q.id}`)).toBe(true);
		expect(published.title).toBe(`${formId}.@v${draft.version}.title`);
	});
});

describe('checkDraft: what stops publishing (table)', () => {
	type Row = { name: string; formId: string; change: (d: Draft) => Draft; expected: string[]; locales?: readonly string[] };
	const rows: Row[] = [
		{ name: 'no questions', formId: 'parent', change: (d) => ({ ...d, questions: [] }), expected: ['form:form:errors.bank-no-questions'] },
		{
			name: 'a duplicate question id',
			formId: 'parent',
			change: (d) => ({ ...d, questions: [...d.questions, { ...d.questions[0]! }] }),
			expected: [`${latestForm('parent').questions.length}:id:errors.bank-id-duplicate`]
		},
		{
			name: 'a malformed question id',
			formId: 'parent',
			change: (d) => edit(d, d.questions[0]!.id, (f) => (f.id = 'Not Kebab')),
			expected: ['0:id:errors.bank-id-format']
		},
		{
			name: 'a question without English words',
			formId: 'parent',
			change: (d) => edit(d, d.questions[1]!.id, (f) => (f.words['en-GB']!.label = '  ')),
			expected: ['1:label-en-GB:errors.bank-label-missing']
		},
		{
			name: 'a question without Welsh words when Welsh ships',
			formId: 'carer',
			change: (d) => edit(d, 'settling', (f) => (f.words.cy!.label = '')),
			expected: [`${latestForm('carer').questions.findIndex((q) => q.id === 'settling')}:label-cy:errors.bank-label-missing`]
		},
		{
			name: 'missing Welsh is fine when only English ships',
			formId: 'carer',
			change: (d) => edit(d, 'settling', (f) => (f.words.cy!.label = '')),
			expected: [],
			locales: ['en-GB']
		},
		{
			name: 'a new choice without words in each language',
			formId: 'parent',
			change: (d) => {
				const q = d.questions.findIndex((x) => x.kind === 'choice');
				const f = fieldsOf(d, q)!;
				f.options += '\nsomething-new';
				return applyFields(d, q, f);
			},
			expected: ['en-GB', 'cy'].map((l) => `${latestForm('parent').questions.findIndex((x) => x.kind === 'choice')}:option-${l}-something-new:errors.bank-option-missing`)
		},
		{
			name: 'a missing title',
			formId: 'carer',
			change: (d) => ({ ...d, wording: { ...d.wording, cy: { ...d.wording.cy!, title: '' } } }),
			expected: ['form:title-cy:errors.bank-title-missing']
		},
		{
			name: 'a choice question with no choices',
			formId: 'carer',
			change: (d) => edit(d, 'carer-role', (f) => (f.options = '')),
			expected: ['0:options:errors.bank-options-empty']
		},
		{
			name: 'choices that are not codes',
			formId: 'carer',
			change: (d) => edit(d, 'carer-role', (f) => (f.options = 'Foster carer!\nother')),
			expected: ['0:options:errors.bank-option-format', '0:option-en-GB-Foster carer!:errors.bank-option-missing', '0:option-cy-Foster carer!:errors.bank-option-missing']
		},
		{
			name: 'a drawing on a parent form',
			formId: 'parent',
			change: (d) => ({ ...d, questions: d.questions.map((q, i) => (i === 0 ? { id: q.id, wording: q.wording, topic: q.topic, kind: 'drawing' as const } : q)) }),
			expected: ['0:kind:errors.bank-kind-audience']
		},
		{
			name: 'required writing on a child form',
			formId: 'young-person-8-12',
			change: (d) => edit(d, 'since-good', (f) => (f.required = 'yes')),
			expected: ['0:required:errors.bank-required-text']
		},
		{
			name: 'a start age outside 4 to 25',
			formId: 'young-person-13-plus',
			change: (d) => edit(d, d.questions[0]!.id, (f) => (f.minAge = '40')),
			expected: ['0:minAge:errors.bank-min-age']
		}
	];
	it.each(rows)('$name', ({ formId, change, expected, locales }) => {
		const { draft, base } = start(formId);
		expect(keys(change(draft), base, locales).sort()).toEqual([...expected].sort());
	});
});

describe('safety questions and the fixed IRO-only answers (DOMAIN §5.6, §5.7)', () => {
	it('refuses a child form with its safety question removed, and says which was removed', () => {
		const { draft, base } = start('young-person-8-12');
		const without = removeQuestion(draft, indexOf(draft, 'home-safe'));
		const result = check(without, base);
		expect(result.problems.map((p) => p.error.key)).toEqual(['errors.bank-no-safety']);
		expect(result.warnings).toEqual([{ question: null, field: 'form', error: { key: 'errors.bank-safety-removed', params: { id: 'home-safe' } } }]);
	});

	it('refuses turning the safety question into writing, and dropping the choice that alerts', () => {
		const { draft, base } = start('young-person-8-12');
		const asText = edit(draft, 'home-safe', (f) => (f.kind = 'text'));
		expect(keys(asText, base)).toContain(`${indexOf(draft, 'home-safe')}:kind:errors.bank-safety-kind`);
		expect(keys(asText, base)).toContain('form:form:errors.bank-no-safety');
		const noNo = edit(draft, 'home-safe', (f) => (f.options = 'yes\nnot-sure'));
		expect(keys(noNo, base)).toEqual([`${indexOf(draft, 'home-safe')}:options:errors.bank-safety-option`]);
	});

	it('keeps the safety trigger through a rewording, and warns that it was reworded', () => {
		const { draft, base } = start('young-person-8-12');
		const reworded = edit(draft, 'home-safe', (f) => (f.words['en-GB']!.label = 'Is where you live a safe place for you?'));
		const q = reworded.questions[indexOf(draft, 'home-safe')]!;
		expect(isChoiceQuestion(q) && q.safetyTrigger).toEqual(['no']);
		const result = check(reworded, base);
		expect(result.problems).toEqual([]);
		expect(result.warnings.map((w) => `${w.question}:${w.field}:${w.error.key}`)).toEqual([
			`${indexOf(draft, 'home-safe')}:label-cy:errors.bank-translation-stale`,
			`${indexOf(draft, 'home-safe')}:label-en-GB:errors.bank-safety-reworded`
		]);
	});

	it('refuses a child form that loses a fixed IRO-only answer, or makes it a choice', () => {
		const { draft, base } = start('young-person-8-12');
		expect(keys(removeQuestion(draft, indexOf(draft, 'meeting-not-talk')), base)).toEqual(['form:form:errors.bank-fixed-removed']);
		const asChoice = edit(draft, 'meeting-not-who', (f) => {
			f.kind = 'choice';
			f.options = 'yes\nno';
			for (const l of LOCALES) f.words[l]!.options = { yes: 'Yes', no: 'No', [RATHER_NOT_SAY]: 'Rather not' };
		});
		expect(keys(asChoice, base)).toEqual([`${indexOf(draft, 'meeting-not-who')}:kind:errors.bank-fixed-kind`]);
		const kept = asChoice.questions[indexOf(draft, 'meeting-not-who')]!;
		// Turning it back keeps nothing stale: the fixed visibility belongs to the text question.
		expect(kept.kind).toBe('choice');
	});

	it('keeps a rewording of a fixed IRO-only question fixed', () => {
		const { draft, base } = start('young-person-8-12');
		const reworded = edit(draft, 'meeting-not-who', (f) => (f.words['en-GB']!.label = 'Is there anyone you don’t want at your meeting?'));
		const q = reworded.questions[indexOf(draft, 'meeting-not-who')]!;
		expect(q.kind === 'text' && q.fixedVisibility).toBe('iro-only');
		expect(check(reworded, base).problems).toEqual([]);
	});
});

describe('translations', () => {
	it('warns when the English words change and another language’s do not, until that language changes too', () => {
		const { draft, base } = start('carer');
		const i = indexOf(draft, 'settling');
		const english = edit(draft, 'settling', (f) => (f.words['en-GB']!.label = 'How is the child settling in with you?'));
		expect(check(english, base).warnings.map((w) => `${w.question}:${w.field}:${w.error.key}`)).toEqual([`${i}:label-cy:errors.bank-translation-stale`]);
		const both = edit(english, 'settling', (f) => (f.words.cy!.label = 'Sut mae’r plentyn yn setlo gyda chi?'));
		expect(check(both, base).warnings).toEqual([]);
	});
});

describe('questions the rest of My Review reads (the 4–7 helper pages)', () => {
	it('refuses removing how-helped, changing its kind, or dropping a choice that says the child took part', () => {
		const { draft, base } = start('young-person-4-7');
		expect(keys(removeQuestion(draft, indexOf(draft, 'how-helped')), base)).toEqual(['form:form:errors.bank-kept-removed']);
		const i = indexOf(draft, 'how-helped');
		expect(keys(edit(draft, 'how-helped', (f) => (f.kind = 'choice')), base)).toEqual([`${i}:kind:errors.bank-kept-kind`]);
		expect(keys(edit(draft, 'how-helped', (f) => (f.options = 'read-to-them\nthey-point\ni-write-it-down')), base)).toEqual([`${i}:options:errors.bank-kept-options`]);
		// Rewording them, or adding a choice, is fine.
		const added = edit(draft, 'how-helped', (f) => {
			f.options += '\nthey-draw';
			for (const l of LOCALES) f.words[l]!.options['they-draw'] = 'They draw';
		});
		expect(keys(added, base)).toEqual([]);
	});
});

describe('editing a draft', () => {
	it('adds, rewords, reorders and removes questions; the published version follows exactly', () => {
		const { draft, base } = start('young-person-8-12');
		let d = addQuestion(draft);
		const added = d.questions.length - 1;
		expect(d.questions[added]).toMatchObject({ id: 'new-question', kind: 'text' });
		expect(keys(d, base)).toEqual([`${added}:label-en-GB:errors.bank-label-missing`, `${added}:label-cy:errors.bank-label-missing`]);
		d = applyFields(d, added, {
			id: 'best-thing',
			kind: 'choice',
			topic: 'fun',
			required: 'no',
			minAge: '',
			options: 'sport\nmusic',
			words: {
				'en-GB': { label: 'What do you like best?', hint: '', options: { sport: 'Sport', music: 'Music' } },
				cy: { label: 'Beth wyt ti’n hoffi orau?', hint: '', options: { sport: 'Chwaraeon', music: 'Cerddoriaeth' } }
			}
		});
		// "I'd rather not say" is added to a child's choices, with the words other questions use.
		expect(d.questions[added]).toMatchObject({ id: 'best-thing', kind: 'choice', options: ['sport', 'music', RATHER_NOT_SAY] });
		expect(d.wording['en-GB']!.questions['best-thing']!.options![RATHER_NOT_SAY]).toBe('I\'d rather not say');
		d = edit(d, 'since-good', (f) => (f.words['en-GB']!.label = 'What has gone well since your last review?'));
		d = moveQuestion(d, added, -1);
		d = removeQuestion(d, indexOf(d, 'since-hard'));
		expect(check(d, base).problems).toEqual([]);
		const published = publishedDefinition(d);
		expect(published.questions.at(-2)!.id).toBe('best-thing');
		expect(published.questions.some((q) => q.id === 'since-hard')).toBe(false);
		expect(published.questions[indexOf(d, 'best-thing')]!.id).toBe('best-thing');
		const fragment = catalogueFragment(published, d.wording, 'en-GB') as Record<string, Record<string, Record<string, { label?: string }>>>;
		expect(fragment['young-person-8-12']![`@v${d.version}`]!['since-good']!.label).toBe('What has gone well since your last review?');
		expect(fragment['young-person-8-12']![`@v${d.version}`]!['best-thing']!.label).toBe('What do you like best?');
	});

	it('moving past either end changes nothing', () => {
		const { draft } = start('carer');
		expect(moveQuestion(draft, 0, -1)).toBe(draft);
		expect(moveQuestion(draft, draft.questions.length - 1, 1)).toBe(draft);
	});

	it('a renamed question keeps its words under its new id', () => {
		const { draft, base } = start('carer');
		const d = edit(draft, 'settling', (f) => (f.id = 'settling-in'));
		expect(d.wording['en-GB']!.questions['settling-in']!.label).toBe(base.wording['en-GB']!.questions.settling!.label);
		expect(d.wording['en-GB']!.questions.settling).toBeUndefined();
		expect(check(d, base).problems).toEqual([]);
	});

	it('faces keep their five faces whatever is typed', () => {
		const { draft } = start('young-person-8-12');
		const d = edit(draft, 'home-feel', (f) => (f.options = 'one\ntwo'));
		const q = d.questions[indexOf(draft, 'home-feel')]!;
		expect(isChoiceQuestion(q) && q.options).toEqual(['very-unhappy', 'unhappy', 'okay', 'happy', 'very-happy', RATHER_NOT_SAY]);
	});
});

describe('wording guidance on a child form (DOMAIN §5.8): warnings, not refusals', () => {
	const warningsFor = (formId: string, id: string, label: string) => {
		const { draft, base } = start(formId);
		const d = edit(draft, id, (f) => (f.words['en-GB']!.label = label));
		const result = check(d, base);
		expect(result.problems).toEqual([]);
		return result.warnings.filter((w) => w.error.key !== 'errors.bank-translation-stale').map((w) => `${w.field}:${w.error.key}`);
	};
	it.each([
		['young-person-8-12', 'since-good', 'What has been good since your last review?', []],
		['young-person-8-12', 'since-good', 'Since the last time we met, what has gone well for you at home and at school?', ['label-en-GB:errors.bank-words-long']],
		['young-person-8-12', 'since-good', 'Short one. Another short sentence here.', []],
		['young-person-4-7', 'who-helped', 'Who is helping you with these questions today, please?', ['label-en-GB:errors.bank-words-long']],
		['young-person-13-plus', 'since-good', 'How is your placement going?', ['label-en-GB:errors.bank-jargon-placement']],
		['young-person-13-plus', 'since-good', 'How is contact with your mum and your care plan?', ['label-en-GB:errors.bank-jargon-contact', 'label-en-GB:errors.bank-jargon-care-plan']],
		['parent', 'going-well', 'How is the placement going?', []]
	] as const)('%s %s: “%s”', (formId, id, label, expected) => {
		expect(warningsFor(formId, id, label)).toEqual(expected);
	});

	it('does not warn about words that did not change', () => {
		const { draft, base } = start('young-person-4-7');
		expect(check(draft, base).warnings).toEqual([]);
	});
});
