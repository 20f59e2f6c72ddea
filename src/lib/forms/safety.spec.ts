import { describe, expect, it } from 'vitest';
import { defineForm } from './define';
import { safetyConcern } from './safety';
import type { AnswerValue, Question } from './types';

const form = defineForm({
	id: 'safety-spec',
	version: 1,
	audience: 'young-person',
	title: 'safety-spec.title',
	questions: [
		{ id: 'home-safe', wording: 's.home-safe', topic: 'safety', kind: 'yes-no', options: ['yes', 'not-sure', 'no'], safetyTrigger: ['no'] },
		{ id: 'old-safe', wording: 's.old-safe', topic: 'safety', kind: 'yes-no', options: ['yes', 'not-sure', 'no'] },
		{ id: 'who-hurts', wording: 's.who-hurts', topic: 'safety', kind: 'choices', options: ['someone-at-home', 'someone-online', 'not-sure', 'no-one'], safetyTrigger: ['someone-at-home', 'someone-online'] },
		{ id: 'safe-out-more', wording: 's.safe-out-more', topic: 'safety', kind: 'text' },
		{ id: 'one-wish', wording: 's.one-wish', topic: 'anything-else', kind: 'drawing' }
	]
});

function q(id: string): Question {
	return form.questions.find((x) => x.id === id)!;
}

const pick = (value: string): AnswerValue => ({ kind: 'choice', value });
const tick = (...values: string[]): AnswerValue => ({ kind: 'choices', values });

describe('safetyConcern (DOMAIN §5.7)', () => {
	it.each([
		['"No" on home-safe raises an alert', 'home-safe', pick('no'), 'alert'],
		['"Not sure" on home-safe asks, and raises no alert', 'home-safe', pick('not-sure'), 'ask'],
		['"Yes" on home-safe is nothing', 'home-safe', pick('yes'), null],
		["\"I'd rather not say\" on home-safe is nothing", 'home-safe', pick('rather-not-say'), null],
		['a skipped safety question is nothing', 'home-safe', { kind: 'skipped' }, null],
		['"No" on a question without a trigger (13+ v1) is nothing', 'old-safe', pick('no'), null],
		['"Not sure" on a question without a trigger is nothing', 'old-safe', pick('not-sure'), null],
		['a ticked trigger among checkboxes raises an alert', 'who-hurts', tick('someone-online'), 'alert'],
		['a trigger wins over "not sure" ticked with it', 'who-hurts', tick('someone-at-home', 'not-sure'), 'alert'],
		['"Not sure" ticked alone asks', 'who-hurts', tick('not-sure'), 'ask'],
		['no trigger ticked is nothing', 'who-hurts', tick('no-one'), null],
		['free text is never scanned for keywords', 'safe-out-more', { kind: 'text', text: 'no, I am not safe' }, null],
		['a drawing is never scanned', 'one-wish', { kind: 'drawing', strokes: [[1, 1]] }, null]
	] as [string, string, AnswerValue, ReturnType<typeof safetyConcern>][])('%s', (_name, id, answer, expected) => {
		expect(safetyConcern(q(id), answer)).toBe(expected);
	});
});
