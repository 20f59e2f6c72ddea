import { describe, expect, it } from 'vitest';
import { assemblePack, canSee, type PackRespondent } from '$lib/server/pack/assemble';
import { defineForm } from './define';
import { answerToRaw } from './raw';
import { formById } from './registry';
import type { Answer, Question } from './types';
import { validatePage } from './validate';

/**
 * The extra "my advocate" tick (DOMAIN §5.6, issue 6), added without touching any definition: it is
 * per answer, posted as `<id>-share-advocate=yes`, stored beside the visibility, and read only by
 * the pack's `advocate` viewer. Answers stored before it (no flag) still validate and read as not ticked.
 */
const form = defineForm({
	id: 'advocate-share-spec',
	version: 1,
	audience: 'young-person',
	title: 'advocate-share-spec.title',
	questions: [
		{ id: 'since-good', wording: 'w.since-good', topic: 'since-last-time', kind: 'text' },
		{ id: 'not-who', wording: 'w.not-who', topic: 'my-meeting', kind: 'text', fixedVisibility: 'iro-only' },
		{ id: 'feel', wording: 'w.feel', topic: 'home', kind: 'choice', options: ['good', 'bad'] }
	]
});
const q = (id: string): Question => form.questions.find((x) => x.id === id)!;

describe('validatePage: the "my advocate" tick', () => {
	it.each([
		['ticked', [['since-good', 'Hi'], ['since-good-share', 'everyone'], ['since-good-share-advocate', 'yes']], { questionId: 'since-good', value: { kind: 'text', text: 'Hi' }, visibility: 'everyone', advocate: true }],
		['not ticked (as every answer before issue 6)', [['since-good', 'Hi'], ['since-good-share', 'iro-only']], { questionId: 'since-good', value: { kind: 'text', text: 'Hi' }, visibility: 'iro-only' }],
		['ticked with only my IRO: the advocate tick is its own permission', [['since-good', 'Hi'], ['since-good-share-advocate', 'yes']], { questionId: 'since-good', value: { kind: 'text', text: 'Hi' }, visibility: 'iro-only', advocate: true }]
	] as const)('%s', (_n, pairs, answer) => {
		expect(validatePage(q('since-good'), new URLSearchParams(pairs as unknown as string[][]))).toEqual({ kind: 'ok', answer });
	});

	it.each([
		['a value other than yes', [['since-good', 'Hi'], ['since-good-share-advocate', 'no']]],
		['the tick twice', [['since-good', 'Hi'], ['since-good-share-advocate', 'yes'], ['since-good-share-advocate', 'yes']]],
		['the tick on a fixed IRO-only answer', [['not-who', 'Hi'], ['not-who-share-advocate', 'yes']]],
		['the tick on a choice question', [['feel', 'good'], ['feel-share-advocate', 'yes']]]
	] as const)('is malformed with %s', (_n, pairs) => {
		expect(validatePage(q(pairs[0][0]), new URLSearchParams(pairs as unknown as string[][]))).toEqual({ kind: 'malformed' });
	});

	it('round-trips through the raw fields a page shows', () => {
		const a: Answer = { questionId: 'since-good', value: { kind: 'text', text: 'Hi' }, visibility: 'everyone', advocate: true };
		expect(answerToRaw(q('since-good'), a)).toEqual({ 'since-good': 'Hi', 'since-good-share': 'everyone', 'since-good-share-advocate': 'yes' });
		expect(answerToRaw(q('since-good'), { ...a, advocate: undefined })).toEqual({ 'since-good': 'Hi', 'since-good-share': 'everyone' });
	});
});

describe('the pack: the advocate viewer reads only ticked answers', () => {
	const real = formById('young-person-13-plus', 1)!;
	const text = (t: string) => ({ kind: 'text', text: t }) as const;
	const child: PackRespondent = {
		respondentId: 'c', kind: 'young-person', displayName: 'Sam', invitedAt: 1,
		consultation: { status: 'submitted', formId: real.id, formVersion: real.version, submittedAt: 5 },
		answers: new Map<string, Answer>([
			['since-good', { questionId: 'since-good', value: text('TICKED-EVERYONE'), visibility: 'everyone', advocate: true }],
			['anything-else', { questionId: 'anything-else', value: text('TICKED-IRO-ONLY'), visibility: 'iro-only', advocate: true }],
			['plans', { questionId: 'plans', value: text('NOT-TICKED-EVERYONE'), visibility: 'everyone' }],
			['meeting-not-who', { questionId: 'meeting-not-who', value: text('FIXED-IRO-ONLY'), visibility: 'iro-only', advocate: true }]
		])
	};
	const parent: PackRespondent = {
		respondentId: 'p', kind: 'parent', displayName: 'Jo', invitedAt: 1, consultation: { status: 'submitted', formId: 'parent', formVersion: 1, submittedAt: 5 },
		answers: new Map()
	};

	it('shows the ticked answers, never an unticked one, a fixed IRO-only one or another respondent', () => {
		const pack = assemblePack([child, parent], 'advocate');
		const seen = JSON.stringify(pack);
		expect(seen).toContain('TICKED-EVERYONE');
		expect(seen).toContain('TICKED-IRO-ONLY');
		expect(seen).not.toContain('NOT-TICKED-EVERYONE');
		expect(seen).not.toContain('FIXED-IRO-ONLY');
		expect(pack.sections.map((s) => s.kind)).toEqual(['young-person']);
		expect(pack.waiting).toEqual([]);
	});

	it('other viewers ignore the tick: a parent still reads only "everyone", the social worker as before', () => {
		const parentView = JSON.stringify(assemblePack([child], 'parent'));
		expect(parentView).toContain('TICKED-EVERYONE');
		expect(parentView).not.toContain('TICKED-IRO-ONLY');
		expect(canSee('social-worker', 'young-person', real.questions.find((x) => x.id === 'anything-else')!, 'iro-only', true)).toBe(false);
	});
});
