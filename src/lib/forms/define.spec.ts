import { describe, expect, it } from 'vitest';
import { defineForm, questionsFor } from './define';
import { RATHER_NOT_SAY, type Audience, type FormDefinition, type Question } from './types';

/** A one-question form for the audience, with any form-level fields. */
function form(audience: Audience, question: Question, extra: Partial<FormDefinition> = {}): FormDefinition {
	return { id: 'define-spec', version: 1, audience, title: 'define-spec.title', questions: [question], ...extra };
}

const yesNo = (extra: Partial<Question> = {}) =>
	({ id: 'home-safe', wording: 'd.home-safe', topic: 'safety', kind: 'yes-no', options: ['yes', 'not-sure', 'no'], ...extra }) as Question;
const checkboxes = (extra: Partial<Question> = {}) =>
	({ id: 'skills', wording: 'd.skills', topic: 'growing-up', kind: 'choices', options: ['money', 'none'], ...extra }) as Question;
const text = (extra: Partial<Question> = {}) => ({ id: 'since-good', wording: 'd.since-good', topic: 'since-last-time', kind: 'text', ...extra }) as Question;
const drawing = (extra: Partial<Question> = {}) => ({ id: 'one-wish', wording: 'd.one-wish', topic: 'anything-else', kind: 'drawing', ...extra }) as Question;
const date = (extra: Partial<Question> = {}) => ({ id: 'dentist-date', wording: 'd.dentist-date', topic: 'health', kind: 'date', ...extra }) as Question;

describe('defineForm accepts', () => {
	it.each([
		['required text on a parent form', form('parent', text({ required: true }))],
		['required text on a carer form', form('carer', text({ required: true }))],
		['a drawing on a child form', form('young-person', drawing())],
		['a date on the carer form', form('carer', date())],
		['a required date on the carer form', form('carer', date({ required: true }))],
		['carryForward on the carer form', form('carer', text({ carryForward: true }))],
		['a safety trigger on a child form', form('young-person', yesNo({ safetyTrigger: ['no'] }))],
		['exclusive options on checkboxes', form('young-person', checkboxes({ exclusive: ['none', RATHER_NOT_SAY] }))],
		['an assisted child form', form('young-person', yesNo(), { assisted: true, readAloud: true })],
		['read-aloud on a parent form', form('parent', text(), { readAloud: true })]
	])('%s', (_name, definition) => {
		expect(() => defineForm(definition)).not.toThrow();
	});
});

describe('defineForm refuses', () => {
	it.each([
		['required text on a child form: R never means "disclose"', form('young-person', text({ required: true })), /always optional/],
		['required fixed IRO-only text', form('parent', text({ required: true, fixedVisibility: 'iro-only' })), /never required/],
		['a required drawing', form('young-person', drawing({ required: true })), /always optional/],
		['a drawing on an adult form', form('parent', drawing()), /child forms/],
		['a date on a child form', form('young-person', date()), /carer form/],
		['a date on the parent form', form('parent', date()), /carer form/],
		['carryForward on a parent form', form('parent', text({ carryForward: true })), /carryForward/],
		['carryForward on a child form', form('young-person', yesNo({ carryForward: true })), /carryForward/],
		['an assisted adult form', form('carer', text(), { assisted: true }), /assisted/],
		['a safety trigger on an adult form', form('parent', yesNo({ safetyTrigger: ['no'] })), /child forms/],
		['"not sure" as a safety trigger: it asks, never alerts', form('young-person', yesNo({ safetyTrigger: ['not-sure'] })), /can't raise/],
		["I'd rather not say as a safety trigger", form('young-person', yesNo({ safetyTrigger: [RATHER_NOT_SAY] })), /can't raise/],
		['a safety trigger that is not an option', form('young-person', yesNo({ safetyTrigger: ['never'] })), /not an option/],
		['an empty safety trigger', form('young-person', yesNo({ safetyTrigger: [] })), /empty/],
		['exclusive options on a single choice', form('young-person', yesNo({ exclusive: ['no'] })), /only checkboxes/],
		['an exclusive value that is not an option', form('young-person', checkboxes({ exclusive: ['nothing'] })), /not an option/],
		['an empty exclusive list', form('young-person', checkboxes({ exclusive: [] })), /bad exclusive/],
		['a repeated exclusive value', form('young-person', checkboxes({ exclusive: ['none', 'none'] })), /bad exclusive/],
		["I'd rather not say as exclusive on an adult form, where it isn't an option", form('parent', checkboxes({ exclusive: [RATHER_NOT_SAY] })), /not an option/]
	])('%s', (_name, definition, message) => {
		expect(() => defineForm(definition)).toThrow(message);
	});
});

describe('defineForm output', () => {
	it('appends "I\'d rather not say" to a child\'s choice list, and so allows it as exclusive', () => {
		const defined = defineForm(form('young-person', checkboxes({ exclusive: [RATHER_NOT_SAY] })));
		expect(defined.questions[0]).toMatchObject({ options: ['money', 'none', RATHER_NOT_SAY], exclusive: [RATHER_NOT_SAY] });
	});

	it('leaves an adult\'s choice list as written', () => {
		expect(defineForm(form('parent', checkboxes())).questions[0]).toMatchObject({ options: ['money', 'none'] });
	});

	it('adds nothing to a drawing or a date, so new fields never leak into a frozen fingerprint', () => {
		expect(defineForm(form('young-person', drawing())).questions[0]).toEqual(drawing());
		expect(defineForm(form('carer', date())).questions[0]).toEqual(date());
	});

	it('freezes the form and its question list', () => {
		const defined = defineForm(form('carer', date()));
		expect([Object.isFrozen(defined), Object.isFrozen(defined.questions)]).toEqual([true, true]);
	});

	it('questionsFor keeps a question with no minimum age for every age', () => {
		expect(questionsFor(defineForm(form('carer', date())), null).map((q) => q.id)).toEqual(['dentist-date']);
	});
});
