import { describe, expect, it } from 'vitest';
import { defineForm } from './define';
import { answerToRaw } from './raw';
import type { Answer, AnswerValue, Question, Visibility } from './types';
import { validatePage } from './validate';

const child = defineForm({
	id: 'raw-spec',
	version: 1,
	audience: 'young-person',
	title: 'raw-spec.title',
	questions: [
		{ id: 'next', wording: 'r.next', topic: 'the-plan', kind: 'choice', options: ['stay', 'move'] },
		{ id: 'skills', wording: 'r.skills', topic: 'growing-up', kind: 'choices', options: ['money', 'cooking'] },
		{ id: 'since-good', wording: 'r.since-good', topic: 'since-last-time', kind: 'text' },
		{ id: 'not-who', wording: 'r.not-who', topic: 'my-meeting', kind: 'text', fixedVisibility: 'iro-only' },
		{ id: 'one-wish', wording: 'r.one-wish', topic: 'anything-else', kind: 'drawing' }
	]
});
const carer = defineForm({
	id: 'raw-spec-carer',
	version: 1,
	audience: 'carer',
	title: 'raw-spec-carer.title',
	questions: [{ id: 'dentist-date', wording: 'r.dentist-date', topic: 'health', kind: 'date', carryForward: true }]
});

function q(id: string): Question {
	return [...child.questions, ...carer.questions].find((x) => x.id === id)!;
}
const answer = (questionId: string, value: AnswerValue, visibility: Visibility = 'iro-only'): Answer => ({ questionId, value, visibility });

describe('answerToRaw', () => {
	it.each([
		['a choice', 'next', answer('next', { kind: 'choice', value: 'move' }), { next: 'move' }],
		['checkboxes', 'skills', answer('skills', { kind: 'choices', values: ['money', 'cooking'] }), { skills: ['money', 'cooking'] }],
		['text and its sharing', 'since-good', answer('since-good', { kind: 'text', text: 'hi' }, 'everyone'), { 'since-good': 'hi', 'since-good-share': 'everyone' }],
		['fixed text, with no sharing field', 'not-who', answer('not-who', { kind: 'text', text: 'x' }), { 'not-who': 'x' }],
		[
			'a drawing as the JSON its canvas posts, and its sharing',
			'one-wish',
			answer('one-wish', { kind: 'drawing', strokes: [[1, 2, 3, 4], [5, 6]] }, 'iro-and-social-worker'),
			{ 'one-wish': '[[1,2,3,4],[5,6]]', 'one-wish-share': 'iro-and-social-worker' }
		],
		['a skipped drawing keeps only its sharing', 'one-wish', answer('one-wish', { kind: 'skipped' }), { 'one-wish-share': 'iro-only' }],
		['a date', 'dentist-date', answer('dentist-date', { kind: 'date', date: '2025-03-27' }), { 'dentist-date': '2025-03-27' }],
		['no answer', 'next', null, {}]
	] as [string, string, Answer | null, Record<string, unknown>][])('%s', (_name, id, stored, expected) => {
		expect(answerToRaw(q(id), stored)).toEqual(expected);
	});

	it.each([
		['text', 'since-good', answer('since-good', { kind: 'text', text: 'hello' }, 'everyone')],
		['a drawing', 'one-wish', answer('one-wish', { kind: 'drawing', strokes: [[0, 0, 319, 239]] }, 'everyone')],
		['a date (a carried-forward answer posts back unchanged)', 'dentist-date', answer('dentist-date', { kind: 'date', date: '2024-02-29' })],
		['checkboxes', 'skills', answer('skills', { kind: 'choices', values: ['cooking'] })]
	] as [string, string, Answer][])('round-trips %s through the page fields and validatePage', (_name, id, stored) => {
		const raw = answerToRaw(q(id), stored);
		const pairs = Object.entries(raw).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]));
		expect(validatePage(q(id), new URLSearchParams(pairs), [], '2025-06-15')).toEqual({ kind: 'ok', answer: stored });
	});
});
