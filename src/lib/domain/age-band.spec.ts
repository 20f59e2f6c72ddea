import { describe, expect, test } from 'vitest';
import { FORM_BANDS, childBand, formIdFor, reviewDateFor, type FormBand } from './age-band';
import type { IsoDate } from './calendar';

type BandCase = [dob: IsoDate, reviewDate: IsoDate, band: FormBand | null, why: string];

describe('childBand: DOMAIN §5.1 test cases', () => {
	test.each<BandCase>([
		['2019-01-10', '2023-01-09', null, 'the day before the fourth birthday: no form'],
		['2019-01-10', '2023-01-10', '4-7', 'on the fourth birthday'],
		['2013-06-01', '2026-05-31', '8-12', 'the day before the thirteenth birthday'],
		['2013-06-01', '2026-06-01', '13-plus', 'on the thirteenth birthday']
	])('born %s, reviewed %s: %s (%s)', (dob, reviewDate, band) => {
		expect(childBand(dob, reviewDate)).toBe(band);
	});
});

describe('childBand: band edges', () => {
	test.each<BandCase>([
		['2026-01-01', '2026-01-01', null, 'a newborn'],
		['2018-09-15', '2026-09-14', '4-7', 'the last day of 7'],
		['2018-09-15', '2026-09-15', '8-12', 'the eighth birthday'],
		['2008-09-15', '2026-09-15', '13-plus', 'an 18-year-old care leaver'],
		['2001-09-15', '2026-09-14', '13-plus', 'a 24-year-old care leaver'],
		['2020-02-29', '2024-02-28', null, 'a leap-day child the day before turning 4'],
		['2020-02-29', '2024-02-29', '4-7', 'a leap-day child on the fourth birthday'],
		['2016-02-29', '2024-02-28', '4-7', 'a leap-day child the day before turning 8 in a leap year'],
		['2015-02-28', '2023-02-28', '8-12', 'the eighth birthday on 28 Feb'],
		['2012-02-29', '2025-02-28', '8-12', 'a leap-day child on 28 Feb of a non-leap year is still 12'],
		['2012-02-29', '2025-03-01', '13-plus', 'a leap-day child turns 13 on 1 Mar of a non-leap year']
	])('born %s, reviewed %s: %s (%s)', (dob, reviewDate, band) => {
		expect(childBand(dob, reviewDate)).toBe(band);
	});
});

describe('childBand: the IRO override', () => {
	test('an IRO may give a 13-year-old the 8-12 form', () => {
		expect(childBand('2013-06-01', '2026-06-01', '8-12')).toBe('8-12');
	});

	test('an IRO may give a 6-year-old the 8-12 form', () => {
		expect(childBand('2020-01-01', '2026-06-01', '8-12')).toBe('8-12');
	});

	test('a null override keeps the band by age', () => {
		expect(childBand('2013-06-01', '2026-06-01', null)).toBe('13-plus');
	});

	test('an override cannot give a child under 4 a form', () => {
		expect(childBand('2023-01-01', '2026-06-01', '4-7')).toBeNull();
	});
});

describe('formIdFor', () => {
	test.each([
		['young-person', '2019-01-10', '2023-01-09', null, null],
		['young-person', '2019-01-10', '2023-01-10', null, 'young-person-4-7'],
		['young-person', '2013-06-01', '2026-05-31', null, 'young-person-8-12'],
		['young-person', '2013-06-01', '2026-06-01', null, 'young-person-13-plus'],
		['young-person', '2013-06-01', '2026-06-01', '8-12', 'young-person-8-12'],
		['parent', '2023-01-01', '2026-06-01', null, 'parent'],
		['carer', '2023-01-01', '2026-06-01', null, 'carer'],
		['parent', '2013-06-01', '2026-06-01', '4-7', 'parent']
	] as const)('%s, child born %s, reviewed %s, override %s: %s', (kind, dob, reviewDate, override, expected) => {
		expect(formIdFor(kind, dob, reviewDate, override)).toBe(expected);
	});

	test('every band has a child form id', () => {
		expect(FORM_BANDS.map((b) => formIdFor('young-person', '2000-01-01', '2026-01-01', b))).toEqual([
			'young-person-4-7',
			'young-person-8-12',
			'young-person-13-plus'
		]);
	});
});

describe('reviewDateFor', () => {
	test.each<[{ scheduled?: IsoDate | null; due: IsoDate }, IsoDate, string]>([
		[{ scheduled: '2026-11-04', due: '2026-11-20' }, '2026-11-04', 'the scheduled date wins'],
		[{ scheduled: null, due: '2026-11-20' }, '2026-11-20', 'the due date until one is set'],
		[{ due: '2026-11-20' }, '2026-11-20', 'the due date when scheduled is absent']
	])('%j gives %s (%s)', (input, expected) => {
		expect(reviewDateFor(input)).toBe(expected);
	});

	test('a review scheduled before the 4th birthday has no child form even if due after it', () => {
		const reviewDate = reviewDateFor({ scheduled: '2023-01-09', due: '2023-01-20' });
		expect(childBand('2019-01-10', reviewDate)).toBeNull();
	});
});
