import { describe, expect, test } from 'vitest';
import { ageOn } from './calendar';
import {
	PARTICIPATION_CODES,
	consultationCounts,
	suggestCode,
	type ConsultationSummary,
	type ParticipationFacts
} from './participation';

const HELD = '2026-11-04';

const NO_FACTS: Omit<ParticipationFacts, 'ageOnReviewDate' | 'attended'> = {
	spokeForSelf: false,
	advocateSpoke: false,
	conveyedNonVerbally: false,
	briefedAdvocate: false,
	viewsConveyedOtherwise: false,
	consultationSubmitted: false
};

const sent8to12: ConsultationSummary = { band: '8-12', sentOn: '2026-10-28', realAnswers: 12 };
const draft: ConsultationSummary = { band: '8-12', sentOn: null, realAnswers: 9 };
const allRatherNotSay: ConsultationSummary = { band: '13-plus', sentOn: '2026-10-30', realAnswers: 0 };
const sent4to7: ConsultationSummary = { band: '4-7', sentOn: '2026-10-28', realAnswers: 5 };

describe('suggestCode: every row of DOMAIN §4.1', () => {
	test.each<[string, number, boolean, Partial<ParticipationFacts>, string]>([
		['3, attended, spoke', 3, true, { spokeForSelf: true }, 'PN0'],
		['4 (birthday that day), did not attend, no facts', ageOn('2022-11-04', HELD), false, {}, 'PN7'],
		['9, attended, spoke', 9, true, { spokeForSelf: true }, 'PN1'],
		['15, attended, spoke; advocate spoke too', 15, true, { spokeForSelf: true, advocateSpoke: true }, 'PN1'],
		['17, attended by video, spoke', 17, true, { spokeForSelf: true }, 'PN1'],
		['12, attended, advocate spoke, child didn’t', 12, true, { advocateSpoke: true }, 'PN2'],
		['6, attended, pointed and played', 6, true, { conveyedNonVerbally: true }, 'PN3'],
		['6, attended, non-verbal; advocate spoke', 6, true, { conveyedNonVerbally: true, advocateSpoke: true }, 'PN2'],
		['10, attended, no facts', 10, true, {}, 'PN4'],
		['14, did not attend, briefed advocate', 14, false, { briefedAdvocate: true }, 'PN5'],
		[
			'14, did not attend, briefed advocate; consultation sent',
			14,
			false,
			{ briefedAdvocate: true, consultationSubmitted: consultationCounts(sent8to12, HELD) },
			'PN5'
		],
		[
			'8, did not attend, consultation sent',
			8,
			false,
			{ consultationSubmitted: consultationCounts(sent8to12, HELD) },
			'PN6'
		],
		['16, did not attend, told IRO beforehand', 16, false, { viewsConveyedOtherwise: true }, 'PN6'],
		[
			'11, did not attend, consultation still a draft',
			11,
			false,
			{ consultationSubmitted: consultationCounts(draft, HELD) },
			'PN7'
		],
		[
			'13, did not attend, sent with every answer “rather not say”',
			13,
			false,
			{ consultationSubmitted: consultationCounts(allRatherNotSay, HELD) },
			'PN7'
		]
	])('%s gives %s', (_, age, attended, facts, code) => {
		expect(suggestCode({ ...NO_FACTS, ...facts, ageOnReviewDate: age, attended })).toBe(code);
	});

	test('the birthday row really is a 4-year-old', () => {
		expect(ageOn('2022-11-04', HELD)).toBe(4);
	});
});

describe('suggestCode: precedence where definitions overlap', () => {
	const everything = {
		spokeForSelf: true,
		advocateSpoke: true,
		conveyedNonVerbally: true,
		briefedAdvocate: true,
		viewsConveyedOtherwise: true,
		consultationSubmitted: true
	};

	test('a child under 4 is PN0 whatever else happened', () => {
		expect(suggestCode({ ...everything, ageOnReviewDate: 0, attended: true })).toBe('PN0');
		expect(suggestCode({ ...NO_FACTS, ageOnReviewDate: 3, attended: false })).toBe('PN0');
	});

	test('attending outranks anything done instead of attending', () => {
		const silent = { spokeForSelf: false, advocateSpoke: false, conveyedNonVerbally: false };
		expect(suggestCode({ ...everything, ...silent, ageOnReviewDate: 10, attended: true })).toBe('PN4');
	});

	test('a child who did not attend is never PN1 to PN4, even with meeting facts set', () => {
		const facts = { ...NO_FACTS, spokeForSelf: true, advocateSpoke: true, ageOnReviewDate: 10, attended: false };
		expect(suggestCode(facts)).toBe('PN7');
	});

	test('every suggestion is a known code', () => {
		expect(PARTICIPATION_CODES).toContain(suggestCode({ ...everything, ageOnReviewDate: 12, attended: false }));
		expect(PARTICIPATION_CODES).toHaveLength(8);
	});
});

describe('consultationCounts (DOMAIN §4.1 pre-fill)', () => {
	test.each<[string, ConsultationSummary | null, boolean]>([
		['no consultation', null, false],
		['sent before the held date with answers', sent8to12, true],
		['sent on the held date', { ...sent8to12, sentOn: HELD }, true],
		['sent the day after the held date', { ...sent8to12, sentOn: '2026-11-05' }, false],
		['a draft', draft, false],
		['sent with every answer skipped or “rather not say”', allRatherNotSay, false],
		['sent with a single real answer', { ...allRatherNotSay, realAnswers: 1 }, true],
		['4–7, the adult’s record shows the child took part', { ...sent4to7, childTookPart: true }, true],
		['4–7, the adult’s record doesn’t show the child took part', { ...sent4to7, childTookPart: false }, false],
		['4–7, no record of who helped', sent4to7, false]
	])('%s: %s', (_, consultation, expected) => {
		expect(consultationCounts(consultation, HELD)).toBe(expected);
	});
});
