/**
 * Calendar dates and working days for England and Wales (DOMAIN §3).
 *
 * Every date is a calendar string 'YYYY-MM-DD' in Europe/London. Arithmetic runs on whole days counted
 * from 1970-01-01 in UTC, so no time zone or daylight-saving change can shift a date. This
 * module is pure: it never reads the clock (STYLE §2.1); callers pass "today".
 */

/** A calendar date, 'YYYY-MM-DD'. Check untrusted input with {@link isIsoDate}. */
export type IsoDate = string;

/** The parts of an {@link IsoDate}; `month` runs 1–12. */
export type DateParts = { year: number; month: number; day: number };

const MS_PER_DAY = 86_400_000;
const ISO_DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * England and Wales bank holidays, 2024 to 2029 inclusive, sorted, with substitute days.
 *
 * Source: https://www.gov.uk/bank-holidays (England and Wales), which publishes about two years ahead.
 * Years beyond what gov.uk lists are projected from the standing pattern (Banking and Financial
 * Dealings Act 1971 Sch. 1, plus the annual royal proclamation): New Year's Day, Good Friday, Easter
 * Monday, first and last Mondays of May, last Monday of August, Christmas Day and Boxing Day, each
 * moved to the next free weekday when it falls at a weekend. Easter Sunday comes from the Gregorian
 * computus (Meeus/Jones/Butcher); calendar.spec.ts recomputes it for every year as a cross-check.
 *
 * Maintenance: when gov.uk publishes a new year or a one-off holiday (such as the 2022 and 2023 royal
 * occasions), add it here and move {@link holidaysCoverUntil}. A test fails once this list covers less
 * than two years after the day the tests run.
 */
export const BANK_HOLIDAYS_ENGLAND_WALES: readonly IsoDate[] = /* @__PURE__ */ Object.freeze([
	// 2024
	'2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26',
	// 2025
	'2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
	// 2026: Boxing Day is a Saturday, so Monday 28 December is the substitute day.
	'2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
	// 2027: Christmas Day is a Saturday and Boxing Day a Sunday, so 27 and 28 December are substitutes.
	'2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
	// 2028: New Year's Day is a Saturday, so Monday 3 January is the substitute day.
	'2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26',
	// 2029
	'2029-01-01', '2029-03-30', '2029-04-02', '2029-05-07', '2029-05-28', '2029-08-27', '2029-12-25', '2029-12-26'
]);

const COVERED_UNTIL: IsoDate = '2029-12-31';

/** The last day that {@link BANK_HOLIDAYS_ENGLAND_WALES} covers: the end of its last year. */
export function holidaysCoverUntil(): IsoDate {
	return COVERED_UNTIL;
}

/** True in a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
	if (month === 2) return isLeapYear(year) ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when `s` is exactly 'YYYY-MM-DD' and names a real calendar date (no 2026-02-30). */
export function isIsoDate(s: unknown): s is IsoDate {
	if (typeof s !== 'string') return false;
	const m = ISO_DATE_SHAPE.exec(s);
	if (!m) return false;
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Splits a date into numbers. Throws a RangeError unless {@link isIsoDate} holds. */
export function parseIsoDate(s: string): DateParts {
	if (!isIsoDate(s)) throw new RangeError(`Not a calendar date 'YYYY-MM-DD': ${JSON.stringify(s)}`);
	return { year: Number(s.slice(0, 4)), month: Number(s.slice(5, 7)), day: Number(s.slice(8, 10)) };
}

/** Builds an {@link IsoDate} from parts. Throws a RangeError if the parts name no real date. */
export function formatIsoDate({ year, month, day }: DateParts): IsoDate {
	const s = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	if (!isIsoDate(s)) throw new RangeError(`Not a calendar date: ${year}-${month}-${day}`);
	return s;
}

function toDayNumber(d: IsoDate): number {
	const { year, month, day } = parseIsoDate(d);
	// setUTCFullYear, because Date.UTC reads years 0–99 as 1900–1999.
	return new Date(0).setUTCFullYear(year, month - 1, day) / MS_PER_DAY;
}

function fromDayNumber(n: number): IsoDate {
	return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The date `n` calendar days after `d` (before it when `n` is negative). */
export function addDays(d: IsoDate, n: number): IsoDate {
	assertInteger(n, 'n');
	return fromDayNumber(toDayNumber(d) + n);
}

/** Signed calendar days from `a` to `b`: positive when `b` is later. */
export function calendarDaysBetween(a: IsoDate, b: IsoDate): number {
	return toDayNumber(b) - toDayNumber(a);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: IsoDate): number {
	// 1970-01-01 was a Thursday (4).
	return (((toDayNumber(d) + 4) % 7) + 7) % 7;
}

/** True on Monday–Friday unless the day is in `holidays` (DOMAIN §1: WD). */
export function isWorkingDay(d: IsoDate, holidays: readonly IsoDate[] = BANK_HOLIDAYS_ENGLAND_WALES): boolean {
	const dow = dayOfWeek(d);
	return dow !== 0 && dow !== 6 && !holidays.includes(d);
}

/**
 * The same test on day numbers, for the loops below (issue 10: counting working days one date
 * string at a time was a sixth of the pack page's server time). A list's day numbers are worked
 * out once per list: the lists are frozen or built per settings load, never changed in place.
 */
const holidayDays = new WeakMap<readonly IsoDate[], Set<number>>();
function workingDayNumber(day: number, holidays: readonly IsoDate[]): boolean {
	const dow = (((day + 4) % 7) + 7) % 7;
	if (dow === 0 || dow === 6) return false;
	let set = holidayDays.get(holidays);
	if (!set) {
		set = new Set(holidays.filter(isIsoDate).map(toDayNumber));
		holidayDays.set(holidays, set);
	}
	return !set.has(day);
}

/**
 * The `n`th working day after `d` (DOMAIN §3): `d` is day 0, and if `d` isn't a working day, day 1 is
 * the next working day. A negative `n` counts back the same way ("N WD before"). `n = 0` returns `d`.
 */
export function addWorkingDays(
	d: IsoDate,
	n: number,
	holidays: readonly IsoDate[] = BANK_HOLIDAYS_ENGLAND_WALES
): IsoDate {
	assertInteger(n, 'n');
	const step = n < 0 ? -1 : 1;
	let day = toDayNumber(d);
	for (let left = Math.abs(n); left > 0; ) {
		day += step;
		if (workingDayNumber(day, holidays)) left--;
	}
	return fromDayNumber(day);
}

/**
 * Signed working days from `from` to `to`, the inverse of {@link addWorkingDays}: working days in
 * (from, to] when `to` is later, and minus those in [to, from) when it is earlier. Used for "WD to
 * record" (DOMAIN §9, F14).
 */
export function workingDaysBetween(
	from: IsoDate,
	to: IsoDate,
	holidays: readonly IsoDate[] = BANK_HOLIDAYS_ENGLAND_WALES
): number {
	const a = toDayNumber(from);
	const b = toDayNumber(to);
	const [lo, hi, sign] = a <= b ? [a + 1, b, 1] : [b, a - 1, -1];
	let count = 0;
	for (let day = lo; day <= hi; day++) if (workingDayNumber(day, holidays)) count++;
	return sign * count;
}

/** `d` itself when it is a working day, otherwise the working day before it ("hold by", DOMAIN §3.1). */
export function previousWorkingDayOnOrBefore(
	d: IsoDate,
	holidays: readonly IsoDate[] = BANK_HOLIDAYS_ENGLAND_WALES
): IsoDate {
	let day = d;
	while (!isWorkingDay(day, holidays)) day = addDays(day, -1);
	return day;
}

/**
 * `n` calendar months after `d`; when that day doesn't exist, the month's last day
 * (30 Nov + 3 → 28 or 29 Feb; DOMAIN §3.1 "Calendar months").
 */
export function addMonthsClamped(d: IsoDate, n: number): IsoDate {
	assertInteger(n, 'n');
	const { year, month, day } = parseIsoDate(d);
	const monthIndex = year * 12 + (month - 1) + n;
	const y = Math.floor(monthIndex / 12);
	const m = monthIndex - y * 12 + 1;
	return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

const LONDON_DATE = /* @__PURE__ */ new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/London',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** The calendar date in Europe/London at `instant` (a Date or epoch ms), allowing for BST (DOMAIN §3). */
export function londonDate(instant: Date | number): IsoDate {
	const ms = typeof instant === 'number' ? instant : instant.getTime();
	if (!Number.isFinite(ms)) throw new RangeError('Not a valid instant');
	const parts = LONDON_DATE.formatToParts(ms);
	const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
	return formatIsoDate({ year: part('year'), month: part('month'), day: part('day') });
}

/**
 * Age in whole years on `date` (DOMAIN §5.1). A birthday that falls on `date` counts; a 29 February
 * birthday counts on 1 March in non-leap years. Throws a RangeError if `date` is before `dob`.
 */
export function ageOn(dob: IsoDate, date: IsoDate): number {
	const born = parseIsoDate(dob);
	const on = parseIsoDate(date);
	if (date < dob) throw new RangeError(`${date} is before the date of birth ${dob}`);
	// Comparing (month, day) pairs makes 29 Feb fall between 28 Feb and 1 Mar in every year.
	const hadBirthday = on.month > born.month || (on.month === born.month && on.day >= born.day);
	return on.year - born.year - (hadBirthday ? 0 : 1);
}

function assertInteger(n: number, name: string): void {
	if (!Number.isSafeInteger(n)) throw new RangeError(`${name} must be a whole number, got ${n}`);
}
