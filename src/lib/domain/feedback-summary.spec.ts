import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '$lib/forms/types';
import { cell, feedbackSummary, isAnswered, percent, type FeedbackRow } from './feedback-summary';

const YEAR = { from: '2026-04-01', to: '2027-03-31' };
const choice = (value: string): AnswerValue => ({ kind: 'choice', value });
let n = 0;
function row(audience: FeedbackRow['audience'], sent: boolean, answers: Record<string, AnswerValue> = {}, heldDate: string | null = '2026-06-10'): FeedbackRow {
	const formId = audience === 'young-person' ? 'feedback-young-person-13-plus' : `feedback-${audience}`;
	return { reviewId: `r${n++}`, heldDate, audience, formId, formVersion: 1, sent, answers };
}
const many = (k: number, make: () => FeedbackRow) => Array.from({ length: k }, make);
const figure = (s: ReturnType<typeof feedbackSummary>, audience: string, q?: string) => {
	const a = s.audiences.find((x) => x.audience === audience)!;
	return q ? a.questions.find((x) => x.questionId === q)! : a;
};

describe('cell and percent: suppression (DOMAIN §9)', () => {
	it.each([
		[0, { kind: 'count', value: 0 }],
		[1, { kind: 'suppressed' }],
		[4, { kind: 'suppressed' }],
		[5, { kind: 'count', value: 5 }],
		[992, { kind: 'count', value: 992 }]
	])('count %i', (value, expected) => {
		expect(cell(value)).toEqual(expected);
	});

	it.each([
		[5, 10, { kind: 'percent', value: 50 }],
		[0, 10, { kind: 'percent', value: 0 }],
		[1, 8, { kind: 'suppressed' }],
		[7, 3, { kind: 'suppressed' }],
		[5, 0, { kind: 'none' }],
		[0, 0, { kind: 'none' }],
		// one decimal place, rounded half-up: 5/8 = 62.5, 5/16 = 31.25 → 31.3, 890/938 = 94.88… → 94.9
		[5, 8, { kind: 'percent', value: 62.5 }],
		[5, 16, { kind: 'percent', value: 31.3 }],
		[890, 938, { kind: 'percent', value: 94.9 }],
		[785, 793, { kind: 'percent', value: 99 }]
	])('%i of %i', (num, den, expected) => {
		expect(percent(num, den)).toEqual(expected);
	});
});

describe('isAnswered: skipped and "rather not say" are not answers', () => {
	it.each([
		[undefined, false],
		[{ kind: 'skipped' }, false],
		[choice('rather-not-say'), false],
		[choice('no'), true],
		[{ kind: 'choices', values: ['rather-not-say'] }, false],
		[{ kind: 'choices', values: ['nothing'] }, true],
		[{ kind: 'text', text: 'x' }, true],
		[{ kind: 'drawing', strokes: [] }, false],
		[{ kind: 'drawing', strokes: [[1, 2, 3, 4]] }, true]
	] as [AnswerValue | undefined, boolean][])('%j → %s', (value, expected) => {
		expect(isAnswered(value)).toBe(expected);
	});
});

describe('feedbackSummary', () => {
	it('gives the response rate per audience: sent ÷ invited, for reviews held in the period', () => {
		const rows = [
			...many(6, () => row('young-person', true)),
			...many(4, () => row('young-person', false)),
			...many(10, () => row('parent', false)),
			...many(5, () => row('carer', true)),
			// Outside the period, or not held: never counted.
			row('young-person', true, {}, '2026-03-31'),
			row('young-person', true, {}, '2027-04-01'),
			row('young-person', true, {}, null)
		];
		const s = feedbackSummary(rows, YEAR);
		expect(figure(s, 'young-person')).toMatchObject({ invited: cell(10), sent: cell(6), responseRate: { kind: 'percent', value: 60 } });
		expect(figure(s, 'parent')).toMatchObject({ invited: cell(10), sent: cell(0), responseRate: { kind: 'percent', value: 0 } });
		expect(figure(s, 'carer')).toMatchObject({ invited: cell(5), sent: cell(5), responseRate: { kind: 'percent', value: 100 } });
		expect(s.reviews).toBe(25);
	});

	it('counts the top two of five faces as positive, over answers that are not skipped or "rather not say"', () => {
		const faces = ['very-happy', 'happy', 'happy', 'okay', 'unhappy', 'very-unhappy', 'very-happy', 'happy', 'rather-not-say', 'happy'];
		const rows = [...faces.map((f) => row('young-person', true, { 'fb-listened': choice(f) })), row('young-person', true, { 'fb-listened': { kind: 'skipped' } })];
		const q = figure(feedbackSummary(rows, YEAR), 'young-person', 'fb-listened');
		// 11 asked, 9 answered (one rather-not-say, one skipped), 6 positive.
		expect(q).toMatchObject({ asked: cell(11), answered: cell(9), answeredRate: { kind: 'percent', value: 81.8 }, positive: cell(6), positiveRate: { kind: 'percent', value: 66.7 } });
	});

	it('counts "yes" as positive on yes / not sure / no, and hides a positive count under 5 and its rate', () => {
		const answers = ['yes', 'yes', 'no', 'no', 'no', 'not-sure', 'no', 'no'];
		const q = figure(feedbackSummary(answers.map((a) => row('parent', true, { 'fb-heard': choice(a) })), YEAR), 'parent', 'fb-heard');
		expect(q).toMatchObject({ answered: cell(8), positive: { kind: 'suppressed' }, positiveRate: { kind: 'suppressed' } });
	});

	it('gives lists and words no positive rate, only how many answered', () => {
		const rows = many(5, () => row('young-person', true, { 'fb-hard': { kind: 'choices', values: ['too-long'] }, 'fb-better': { kind: 'text', text: 'Shorter' } }));
		const s = feedbackSummary(rows, YEAR);
		expect(figure(s, 'young-person', 'fb-hard')).toMatchObject({ answered: cell(5), positive: null, positiveRate: null });
		expect(figure(s, 'young-person', 'fb-better')).toMatchObject({ answered: cell(5), positive: null, positiveRate: null });
		expect(JSON.stringify(s)).not.toContain('Shorter');
	});

	it('hides a small audience entirely: 3 sent of 4 invited shows "<5" for both and for the rate', () => {
		const rows = [...many(3, () => row('carer', true, { 'fb-actions': choice('yes') })), row('carer', false)];
		const s = feedbackSummary(rows, YEAR);
		expect(figure(s, 'carer')).toMatchObject({ invited: { kind: 'suppressed' }, sent: { kind: 'suppressed' }, responseRate: { kind: 'suppressed' } });
		expect(figure(s, 'carer', 'fb-actions')).toMatchObject({ asked: { kind: 'suppressed' }, answered: { kind: 'suppressed' }, positiveRate: { kind: 'suppressed' } });
	});

	it('reads answers only from sent feedback, so a draft never counts', () => {
		const rows = [...many(5, () => row('carer', true, { 'fb-actions': choice('yes') })), ...many(5, () => row('carer', false, { 'fb-actions': choice('no') }))];
		expect(figure(feedbackSummary(rows, YEAR), 'carer', 'fb-actions')).toMatchObject({ asked: cell(5), answered: cell(5), positive: cell(5), positiveRate: { kind: 'percent', value: 100 } });
	});

	it('counts a question only for forms that ask it (the 4–7 form has no fb-agree)', () => {
		const young = many(5, () => ({ ...row('young-person', true, { 'fb-listened': choice('happy') }), formId: 'feedback-young-person-4-7' }));
		const teen = many(5, () => row('young-person', true, { 'fb-agree': choice('yes'), 'fb-listened': choice('okay') }));
		const s = feedbackSummary([...young, ...teen], YEAR);
		expect(figure(s, 'young-person', 'fb-agree')).toMatchObject({ asked: cell(5), answered: cell(5) });
		// Positive on three faces is the top face; on five, the top two: 5 happy (4–7) + 0 okay (13+).
		expect(figure(s, 'young-person', 'fb-listened')).toMatchObject({ asked: cell(10), answered: cell(10), positive: cell(5), positiveRate: { kind: 'percent', value: 50 } });
	});

	it('has a row for every audience, even with nothing in the period', () => {
		const s = feedbackSummary([], YEAR);
		expect(s.audiences.map((a) => [a.audience, a.invited, a.responseRate])).toEqual([
			['young-person', cell(0), { kind: 'none' }],
			['parent', cell(0), { kind: 'none' }],
			['carer', cell(0), { kind: 'none' }]
		]);
	});
});
