import { describe, expect, test } from 'vitest';
import { dayOfWeek, isWorkingDay } from './calendar';
import {
	type NextReviewInput,
	type ScheduleSettings,
	DEFAULT_SCHEDULE_SETTINGS,
	firstReviewDue,
	holdBy,
	isAfterLock,
	laterReviewDue,
	nextReviewDue,
	resolveScheduleSettings,
	reviewMilestones,
	secondReviewDue
} from './review-schedule';

const UNDER_FIVES = { youngChildRule: { youngChildAgeUnder: 5, youngChildIntervalMonths: 3 } };

describe('DOMAIN §3.1 test cases', () => {
	test.each([
		['first, over Easter', 1, '2025-04-17', '2025-05-20', '2025-05-20'],
		['first, over Christmas', 1, '2025-12-19', '2026-01-21', '2026-01-21'],
		['first, from a Saturday', 1, '2026-03-28', '2026-04-28', '2026-04-28'],
		['second, month end', 2, '2025-11-30', '2026-02-28', '2026-02-27'],
		['second', 2, '2025-05-30', '2025-08-30', '2025-08-29'],
		['later, the 31st', 3, '2026-03-31', '2026-09-30', '2026-09-30']
	])('%s: review %i from %s is due by %s, hold by %s', (_, sequence, from, due, hold) => {
		const input = sequence === 1 ? { sequence, lookedAfter: from } : { sequence, previousHeld: from };
		expect(nextReviewDue(input)).toBe(due);
		expect(holdBy(due)).toBe(hold);
	});

	test('the first review rule counts 20 working days', () => {
		expect(firstReviewDue('2025-04-17')).toBe('2025-05-20');
	});

	test('the second review rule adds three calendar months', () => {
		expect(secondReviewDue('2025-11-30')).toBe('2026-02-28');
	});

	test('the later review rule adds six calendar months', () => {
		expect(laterReviewDue('2026-03-31')).toBe('2026-09-30');
	});
});

describe('nextReviewDue: weekends, leap years and month ends', () => {
	test.each([
		['first, from a Sunday before two bank holiday Mondays in May', 1, '2026-05-03', '2026-06-02'],
		['first, from a Friday', 1, '2026-11-06', '2026-12-04'],
		['first, over the 2027 Christmas substitute days', 1, '2027-12-17', '2028-01-19'],
		['second, into a leap February', 2, '2027-11-30', '2028-02-29'],
		['second, from a leap day', 2, '2028-02-29', '2028-05-29'],
		['later, from a leap day', 3, '2028-02-29', '2028-08-29'],
		['later, the 31st of August into February', 4, '2026-08-31', '2027-02-28'],
		['later, the 31st of August into a leap February', 5, '2027-08-31', '2028-02-29'],
		['later, the 31st of December into June', 3, '2026-12-31', '2027-06-30'],
		['later, across a year end', 7, '2026-10-15', '2027-04-15']
	])('%s: review %i from %s is due by %s', (_, sequence, from, due) => {
		const input = sequence === 1 ? { sequence, lookedAfter: from } : { sequence, previousHeld: from };
		expect(nextReviewDue(input)).toBe(due);
	});

	test('the first review ignores a previous held date from an earlier episode', () => {
		expect(nextReviewDue({ sequence: 1, lookedAfter: '2025-04-17', previousHeld: '2024-01-10' })).toBe('2025-05-20');
	});

	test.each<[NextReviewInput, string]>([
		[{ sequence: 1 }, 'the first review without a looked-after date'],
		[{ sequence: 2, lookedAfter: '2026-01-05' }, 'the second review without a previous held date'],
		[{ sequence: 0, lookedAfter: '2026-01-05' }, 'a sequence of 0'],
		[{ sequence: 2.5, previousHeld: '2026-01-05' }, 'a fractional sequence']
	])('%j throws a RangeError (%s)', (input) => {
		expect(() => nextReviewDue(input)).toThrow(RangeError);
	});
});

describe('nextReviewDue: the local young-child rule (off by default)', () => {
	test('the rule is off by default, so a 2-year-old waits six months', () => {
		expect(DEFAULT_SCHEDULE_SETTINGS.youngChildRule).toBeNull();
		expect(nextReviewDue({ sequence: 3, previousHeld: '2026-03-31', dob: '2024-01-01' })).toBe('2026-09-30');
	});

	test.each([
		['a 2-year-old is reviewed every 3 months', '2024-01-01', 3, '2026-03-31', '2026-06-30'],
		['a child who is 4 the day before turning 5 still counts', '2021-04-01', 3, '2026-03-31', '2026-06-30'],
		['a child whose fifth birthday is the held date does not', '2021-03-31', 3, '2026-03-31', '2026-09-30'],
		['a 7-year-old keeps the six-month rule', '2019-01-01', 3, '2026-03-31', '2026-09-30'],
		['the second review stays at three months', '2024-01-01', 2, '2025-11-30', '2026-02-28']
	])('%s', (_, dob, sequence, previousHeld, due) => {
		expect(nextReviewDue({ sequence, previousHeld, dob, settings: UNDER_FIVES })).toBe(due);
	});

	test('a local interval longer than the statutory one never makes a review later', () => {
		const settings = { youngChildRule: { youngChildAgeUnder: 5, youngChildIntervalMonths: 4 } };
		expect(nextReviewDue({ sequence: 2, previousHeld: '2026-01-15', dob: '2024-01-01', settings })).toBe('2026-04-15');
		expect(nextReviewDue({ sequence: 3, previousHeld: '2026-01-15', dob: '2024-01-01', settings })).toBe('2026-05-15');
	});

	test('without a date of birth the statutory rule applies', () => {
		expect(nextReviewDue({ sequence: 3, previousHeld: '2026-03-31', settings: UNDER_FIVES })).toBe('2026-09-30');
	});

	test('the first review is 20 working days whatever the child’s age', () => {
		expect(nextReviewDue({ sequence: 1, lookedAfter: '2025-04-17', dob: '2025-01-01', settings: UNDER_FIVES })).toBe(
			'2025-05-20'
		);
	});
});

describe('holdBy', () => {
	test.each([
		['2026-02-28', '2026-02-27', 'a Saturday due date is held by the Friday'],
		['2026-03-01', '2026-02-27', 'a Sunday due date is held by the Friday'],
		['2026-05-25', '2026-05-22', 'a bank holiday Monday is held by the Friday'],
		['2027-03-29', '2027-03-25', 'Easter Monday is held by the Thursday'],
		['2026-09-30', '2026-09-30', 'a working day is itself']
	])('%s is held by %s (%s)', (due, expected) => {
		expect(holdBy(due)).toBe(expected);
		expect(isWorkingDay(holdBy(due))).toBe(true);
	});
});

describe('reviewMilestones (DOMAIN §3.2)', () => {
	test('review Wed 4 Nov 2026 matches the worked example', () => {
		expect(dayOfWeek('2026-11-04')).toBe(3);
		expect(reviewMilestones('2026-11-04')).toEqual({
			windowOpens: '2026-10-07',
			reminders: ['2026-10-21', '2026-10-28'],
			packLocks: '2026-10-30',
			decisionsDue: '2026-11-11',
			recordDue: '2026-11-25'
		});
	});

	test('review Wed 4 Nov 2026 with the record set to 20 WD is due 2 Dec', () => {
		expect(reviewMilestones('2026-11-04', { recordWdAfter: 20 }).recordDue).toBe('2026-12-02');
	});

	test('review Mon 11 Jan 2027 matches the worked example over Christmas', () => {
		expect(dayOfWeek('2027-01-11')).toBe(1);
		expect(reviewMilestones('2027-01-11')).toEqual({
			windowOpens: '2026-12-09',
			reminders: ['2026-12-23', '2027-01-04'],
			packLocks: '2027-01-06',
			decisionsDue: '2027-01-18',
			recordDue: '2027-02-01'
		});
	});

	test('review on leap day 2028 counts across the end of February', () => {
		expect(reviewMilestones('2028-02-29')).toEqual({
			windowOpens: '2028-02-01',
			reminders: ['2028-02-15', '2028-02-22'],
			packLocks: '2028-02-24',
			decisionsDue: '2028-03-07',
			recordDue: '2028-03-21'
		});
	});

	test('a review on a Saturday counts back from Friday and forward from Monday', () => {
		const m = reviewMilestones('2026-11-07');
		expect(m.packLocks).toBe('2026-11-04');
		expect(m.decisionsDue).toBe('2026-11-13');
	});

	test('every milestone falls on a working day, even next to bank holidays', () => {
		for (const review of ['2026-04-07', '2026-12-29', '2027-12-29', '2028-01-04', '2029-04-03']) {
			const m = reviewMilestones(review);
			const dates = [m.windowOpens, ...m.reminders, m.packLocks, m.decisionsDue, m.recordDue];
			expect(dates.filter((d) => !isWorkingDay(d))).toEqual([]);
		}
	});

	test('reminders come out earliest first and without duplicates, whatever the settings order', () => {
		expect(reviewMilestones('2026-11-04', { remindersWdBefore: [5, 10, 5] }).reminders).toEqual([
			'2026-10-21',
			'2026-10-28'
		]);
	});
});

describe('resolveScheduleSettings', () => {
	test('no settings gives the DOMAIN §3.2 defaults', () => {
		expect(resolveScheduleSettings()).toEqual({
			windowOpensWdBefore: 20,
			remindersWdBefore: [10, 5],
			packLocksWdBefore: 3,
			decisionsWdAfter: 5,
			recordWdAfter: 15,
			youngChildRule: null
		});
	});

	test.each([15, 16, 20])('a record setting of %i WD is accepted', (recordWdAfter) => {
		expect(resolveScheduleSettings({ recordWdAfter }).recordWdAfter).toBe(recordWdAfter);
	});

	test.each<[Partial<ScheduleSettings>, string]>([
		[{ recordWdAfter: 14 }, 'a record setting below 15'],
		[{ recordWdAfter: 21 }, 'a record setting above 20'],
		[{ recordWdAfter: 15.5 }, 'a fractional record setting'],
		[{ packLocksWdBefore: 0 }, 'a pack lock on the review day'],
		[{ remindersWdBefore: [10, -5] }, 'a negative reminder'],
		[{ youngChildRule: { youngChildAgeUnder: 0, youngChildIntervalMonths: 3 } }, 'a young-child age of 0']
	])('%j is refused (%s)', (settings) => {
		expect(() => resolveScheduleSettings(settings)).toThrow(RangeError);
	});
});

describe('isAfterLock: the pack locks at the end of its lock day (DOMAIN §3.2)', () => {
	test.each([
		['2026-11-04', '2026-10-30', false],
		['2026-11-04', '2026-10-31', true],
		['2027-01-11', '2027-01-06', false],
		['2027-01-11', '2027-01-07', true]
	])('review %s, on %s: after the lock is %s', (review, today, expected) => {
		expect(isAfterLock(review, today)).toBe(expected);
	});
});
