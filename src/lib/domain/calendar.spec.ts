import { describe, expect, test } from 'vitest';
import {
	BANK_HOLIDAYS_ENGLAND_WALES,
	addDays,
	addMonthsClamped,
	addWorkingDays,
	ageOn,
	calendarDaysBetween,
	dayOfWeek,
	daysInMonth,
	formatIsoDate,
	holidaysCoverUntil,
	isIsoDate,
	isWorkingDay,
	londonDate,
	parseIsoDate,
	previousWorkingDayOnOrBefore,
	workingDaysBetween,
	type IsoDate
} from './calendar';

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), independent of calendar.ts. */
function easterSunday(year: number): IsoDate {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The standing England and Wales pattern, written independently of the maintained list. */
function standingHolidays(year: number): IsoDate[] {
	const iso = (month: number, day: number) => formatIsoDate({ year, month, day });
	const mondayOnOrAfter = (d: IsoDate) => addDays(d, (8 - dayOfWeek(d)) % 7);
	const lastMonday = (month: number) => {
		const last = iso(month, daysInMonth(year, month));
		return addDays(last, -((dayOfWeek(last) + 6) % 7));
	};
	const isWeekend = (d: IsoDate) => dayOfWeek(d) === 0 || dayOfWeek(d) === 6;
	const weekdayOrMonday = (d: IsoDate) => (isWeekend(d) ? mondayOnOrAfter(d) : d);
	// New Year's and Christmas Day move to the Monday; Boxing Day takes the next free weekday.
	const christmas = iso(12, 25);
	const xmasDay = weekdayOrMonday(christmas);
	let boxingDay = addDays(christmas, 1);
	while (isWeekend(boxingDay) || boxingDay === xmasDay) boxingDay = addDays(boxingDay, 1);
	const easter = easterSunday(year);
	return [
		weekdayOrMonday(iso(1, 1)),
		addDays(easter, -2),
		addDays(easter, 1),
		mondayOnOrAfter(iso(5, 1)),
		lastMonday(5),
		lastMonday(8),
		xmasDay,
		boxingDay
	].sort();
}

const YEARS = [2024, 2025, 2026, 2027, 2028, 2029];

describe('BANK_HOLIDAYS_ENGLAND_WALES', () => {
	test('the list is sorted, has no duplicates and holds only real dates', () => {
		expect([...BANK_HOLIDAYS_ENGLAND_WALES].sort()).toEqual([...BANK_HOLIDAYS_ENGLAND_WALES]);
		expect(new Set(BANK_HOLIDAYS_ENGLAND_WALES).size).toBe(BANK_HOLIDAYS_ENGLAND_WALES.length);
		expect(BANK_HOLIDAYS_ENGLAND_WALES.every(isIsoDate)).toBe(true);
	});

	test('no bank holiday falls at a weekend, because substitute days replace them', () => {
		const weekend = BANK_HOLIDAYS_ENGLAND_WALES.filter((d) => dayOfWeek(d) === 0 || dayOfWeek(d) === 6);
		expect(weekend).toEqual([]);
	});

	test.each(YEARS)('Good Friday and Easter Monday %i match the Gregorian computus', (year) => {
		const easter = easterSunday(year);
		expect(BANK_HOLIDAYS_ENGLAND_WALES).toContain(addDays(easter, -2));
		expect(BANK_HOLIDAYS_ENGLAND_WALES).toContain(addDays(easter, 1));
		expect(dayOfWeek(addDays(easter, -2))).toBe(5);
	});

	// A one-off holiday (such as 2022's or 2023's) would make this fail: list it here as an exception.
	test.each(YEARS)('the %i entries are exactly the standing pattern with substitute days', (year) => {
		const listed = BANK_HOLIDAYS_ENGLAND_WALES.filter((d) => d.startsWith(`${year}-`));
		expect(listed).toEqual(standingHolidays(year));
	});

	test.each(['2026-12-28', '2027-12-27', '2027-12-28', '2028-01-03'])('substitute day %s is listed', (d) => {
		expect(BANK_HOLIDAYS_ENGLAND_WALES).toContain(d);
	});

	test('the list runs from 2024 to the year holidaysCoverUntil names', () => {
		expect(BANK_HOLIDAYS_ENGLAND_WALES[0]?.startsWith('2024-')).toBe(true);
		expect(holidaysCoverUntil()).toBe('2029-12-31');
		expect(BANK_HOLIDAYS_ENGLAND_WALES.at(-1)?.slice(0, 4)).toBe(holidaysCoverUntil().slice(0, 4));
	});

	// Reads the real clock on purpose: this fails when the list goes stale and needs the next gov.uk year.
	test('the list covers at least the two years after today', () => {
		const twoYearsOn = addMonthsClamped(londonDate(new Date()), 24);
		expect(holidaysCoverUntil() >= twoYearsOn).toBe(true);
	});
});

describe('isIsoDate and parseIsoDate', () => {
	test.each([
		['2026-01-31', true],
		['2028-02-29', true],
		['2000-02-29', true],
		['2027-02-29', false],
		['1900-02-29', false],
		['2026-04-31', false],
		['2026-13-01', false],
		['2026-00-10', false],
		['2026-01-00', false],
		['2026-1-05', false],
		['2026-01-05T00:00', false],
		[' 2026-01-05', false],
		['', false],
		[20260105, false],
		[null, false]
	])('isIsoDate(%j) is %s', (input, expected) => {
		expect(isIsoDate(input)).toBe(expected);
	});

	test('parseIsoDate splits a date into numbers', () => {
		expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
	});

	test('parseIsoDate throws a RangeError on a date that does not exist', () => {
		expect(() => parseIsoDate('2026-02-30')).toThrow(RangeError);
	});

	test('formatIsoDate pads and refuses impossible parts', () => {
		expect(formatIsoDate({ year: 2026, month: 3, day: 4 })).toBe('2026-03-04');
		expect(() => formatIsoDate({ year: 2026, month: 2, day: 29 })).toThrow(RangeError);
	});
});

describe('addDays, calendarDaysBetween and dayOfWeek', () => {
	test.each([
		['2026-12-31', 1, '2027-01-01'],
		['2028-02-28', 1, '2028-02-29'],
		['2027-02-28', 1, '2027-03-01'],
		['2026-03-01', -1, '2026-02-28'],
		['2026-03-29', 1, '2026-03-30'],
		['2026-10-25', 0, '2026-10-25'],
		['2026-01-01', 365, '2027-01-01']
	])('%s plus %i days is %s', (d, n, expected) => {
		expect(addDays(d, n)).toBe(expected);
		expect(calendarDaysBetween(d, expected)).toBe(n);
		expect(calendarDaysBetween(expected, d)).toBe(0 - n);
	});

	test('addDays refuses a fractional count', () => {
		expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError);
	});

	test.each([
		['1970-01-01', 4],
		['2026-11-04', 3],
		['2027-01-11', 1],
		['2026-03-28', 6],
		['2025-11-30', 0],
		['1969-12-31', 3]
	])('%s falls on day %i of the week', (d, dow) => {
		expect(dayOfWeek(d)).toBe(dow);
	});
});

describe('isWorkingDay', () => {
	test.each([
		['2026-11-04', true, 'a plain Wednesday'],
		['2026-03-28', false, 'a Saturday'],
		['2026-03-29', false, 'a Sunday'],
		['2025-04-18', false, 'Good Friday'],
		['2026-12-28', false, 'a substitute day'],
		['2026-12-24', true, 'Christmas Eve']
	])('%s is a working day: %s (%s)', (d, expected) => {
		expect(isWorkingDay(d)).toBe(expected);
	});

	test('a caller may pass its own holiday list', () => {
		expect(isWorkingDay('2025-04-18', [])).toBe(true);
		expect(isWorkingDay('2026-11-04', ['2026-11-04'])).toBe(false);
	});
});

describe('addWorkingDays (DOMAIN §3: X is day 0)', () => {
	test.each([
		['2026-11-04', 1, '2026-11-05', 'Wednesday to Thursday'],
		['2026-11-06', 1, '2026-11-09', 'Friday to Monday'],
		['2026-11-07', 1, '2026-11-09', 'from a Saturday, day 1 is the next working day'],
		['2026-11-08', 5, '2026-11-13', 'from a Sunday, five on is Friday'],
		['2026-11-04', 0, '2026-11-04', 'zero days is the day itself'],
		['2026-11-09', -1, '2026-11-06', 'one back from Monday is Friday'],
		['2026-11-08', -1, '2026-11-06', 'one back from a Sunday is Friday'],
		['2025-04-17', 1, '2025-04-22', 'over Good Friday and Easter Monday'],
		['2025-04-22', -1, '2025-04-17', 'back over Easter'],
		['2026-12-24', 1, '2026-12-29', 'over Christmas and the substitute day'],
		['2027-12-24', 1, '2027-12-29', 'over both 2027 substitute days'],
		['2027-12-31', 1, '2028-01-04', 'over the 2028 New Year substitute'],
		['2028-02-28', 1, '2028-02-29', 'into a leap day'],
		['2026-01-30', 1, '2026-02-02', 'across a month end at a weekend']
	])('%s plus %i working days is %s (%s)', (d, n, expected) => {
		expect(addWorkingDays(d, n)).toBe(expected);
	});

	test('a caller may pass its own holiday list', () => {
		expect(addWorkingDays('2025-04-17', 1, [])).toBe('2025-04-18');
	});
});

describe('workingDaysBetween', () => {
	test.each([
		['2026-11-04', '2026-11-04', 0],
		['2026-11-04', '2026-11-25', 15],
		['2026-11-25', '2026-11-04', -15],
		['2026-11-06', '2026-11-07', 0],
		['2026-11-06', '2026-11-09', 1],
		['2025-04-17', '2025-05-20', 20],
		['2027-01-11', '2026-12-09', -20]
	])('from %s to %s is %i working days', (from, to, expected) => {
		expect(workingDaysBetween(from, to)).toBe(expected);
	});

	test.each([-25, -20, -3, -1, 1, 5, 15, 20, 40])('it undoes addWorkingDays for n = %i', (n) => {
		for (const start of ['2026-12-23', '2027-03-25', '2028-02-27']) {
			expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
		}
	});
});

describe('previousWorkingDayOnOrBefore', () => {
	test.each([
		['2026-11-04', '2026-11-04', 'a working day is itself'],
		['2026-02-28', '2026-02-27', 'a Saturday gives the Friday'],
		['2025-08-30', '2025-08-29', 'a Saturday gives the Friday'],
		['2026-04-06', '2026-04-02', 'Easter Monday gives the Thursday before Good Friday'],
		['2026-12-28', '2026-12-24', 'a substitute day goes back past Christmas']
	])('%s gives %s (%s)', (d, expected) => {
		expect(previousWorkingDayOnOrBefore(d)).toBe(expected);
	});
});

describe('addMonthsClamped (DOMAIN §3.1 calendar months)', () => {
	test.each([
		['2025-11-30', 3, '2026-02-28'],
		['2027-11-30', 3, '2028-02-29'],
		['2026-03-31', 6, '2026-09-30'],
		['2026-08-31', 6, '2027-02-28'],
		['2028-02-29', 12, '2029-02-28'],
		['2028-02-29', 3, '2028-05-29'],
		['2025-05-30', 3, '2025-08-30'],
		['2026-10-15', 3, '2027-01-15'],
		['2026-01-31', 1, '2026-02-28'],
		['2026-03-31', -1, '2026-02-28'],
		['2026-01-15', -1, '2025-12-15'],
		['2026-05-31', 0, '2026-05-31']
	])('%s plus %i months is %s', (d, n, expected) => {
		expect(addMonthsClamped(d, n)).toBe(expected);
	});
});

describe('londonDate', () => {
	test.each([
		['2026-07-01T22:59:59Z', '2026-07-01', 'BST: 23:59 in London'],
		['2026-07-01T23:00:00Z', '2026-07-02', 'BST: midnight in London is already the next day'],
		['2026-12-31T23:59:59Z', '2026-12-31', 'GMT: UTC and London agree'],
		['2026-03-29T00:30:00Z', '2026-03-29', 'the night the clocks go forward'],
		['2026-10-24T23:30:00Z', '2026-10-25', 'the night before the clocks go back']
	])('%s is %s in London (%s)', (instant, expected) => {
		expect(londonDate(new Date(instant))).toBe(expected);
		expect(londonDate(Date.parse(instant))).toBe(expected);
	});

	test('an invalid instant throws a RangeError', () => {
		expect(() => londonDate(new Date('not a date'))).toThrow(RangeError);
	});
});

describe('ageOn (DOMAIN §5.1)', () => {
	test.each([
		['2019-01-10', '2023-01-09', 3, 'the day before the fourth birthday'],
		['2019-01-10', '2023-01-10', 4, 'a birthday on the date counts'],
		['2013-06-01', '2026-05-31', 12, 'the day before the thirteenth birthday'],
		['2013-06-01', '2026-06-01', 13, 'on the thirteenth birthday'],
		['2020-02-29', '2025-02-28', 4, 'a leap-day birthday has not come on 28 Feb of a non-leap year'],
		['2020-02-29', '2025-03-01', 5, 'a leap-day birthday counts on 1 Mar of a non-leap year'],
		['2020-02-29', '2028-02-28', 7, 'the day before a leap-day birthday in a leap year'],
		['2020-02-29', '2028-02-29', 8, 'a leap-day birthday in a leap year'],
		['2026-11-26', '2026-11-26', 0, 'the day of birth'],
		['2008-12-31', '2026-01-01', 17, 'across a year end']
	])('born %s, on %s is %i (%s)', (dob, date, expected) => {
		expect(ageOn(dob, date)).toBe(expected);
	});

	test('a date before the date of birth throws a RangeError', () => {
		expect(() => ageOn('2020-05-01', '2020-04-30')).toThrow(RangeError);
	});
});
