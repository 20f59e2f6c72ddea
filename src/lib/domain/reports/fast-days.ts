/**
 * Working-day counts in O(log n), for the report's hot loops: the same answers as
 * `calendar.workingDaysBetween` (fast-days.spec.ts checks thousands of pairs against it), by
 * counting weekdays arithmetically and bank holidays by binary search.
 */
import { BANK_HOLIDAYS_ENGLAND_WALES, type IsoDate } from '../calendar';

const DAY = 86_400_000;
/** Monday 5 January 1970, as a day number. */
const MONDAY = 4;

// A year's report asks for the same few thousand dates hundreds of thousands of times.
const dayNumbers = new Map<string, number>();
function dayNumber(d: IsoDate): number {
	let n = dayNumbers.get(d);
	if (n === undefined) {
		n = Date.parse(`${d}T00:00:00Z`) / DAY;
		if (dayNumbers.size < 100_000) dayNumbers.set(d, n);
	}
	return n;
}

const HOLIDAYS = BANK_HOLIDAYS_ENGLAND_WALES.map(dayNumber).sort((a, b) => a - b);

/** Holidays on or before day `x`. */
function holidaysTo(x: number): number {
	let lo = 0;
	let hi = HOLIDAYS.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (HOLIDAYS[mid]! <= x) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Working days from MONDAY to day `x`, both included. */
function cumulative(x: number): number {
	const n = x - MONDAY + 1;
	const weekdays = Math.floor(n / 7) * 5 + Math.min(((n % 7) + 7) % 7, 5);
	return weekdays - holidaysTo(x);
}

/** As `calendar.workingDaysBetween`: working days in (from, to], or minus those in [to, from). */
export function workingDaysBetweenFast(from: IsoDate, to: IsoDate): number {
	const a = dayNumber(from);
	const b = dayNumber(to);
	if (a <= b) return cumulative(b) - cumulative(a);
	return -(cumulative(a - 1) - cumulative(b - 1));
}

/** The smallest day number with `cumulative(x) === target` (a working day), searching from `guess`. */
function dayWithCumulative(target: number, guess: number): number {
	let x = guess;
	while (cumulative(x) < target) x += Math.max(1, Math.floor(((target - cumulative(x)) * 7) / 5));
	while (cumulative(x - 1) >= target) x -= Math.max(1, Math.floor(((cumulative(x - 1) - target) * 5) / 7));
	while (cumulative(x) < target) x++;
	return x;
}

/** As `calendar.addWorkingDays`: `d` is day 0; the nth working day after it (or before it, for n < 0). */
export function addWorkingDaysFast(d: IsoDate, n: number): IsoDate {
	if (n === 0) return d;
	const a = dayNumber(d);
	const x = n > 0 ? dayWithCumulative(cumulative(a) + n, a + n) : dayWithCumulative(cumulative(a - 1) + n + 1, a + n - 2 * Math.ceil(-n / 5));
	return new Date(x * DAY).toISOString().slice(0, 10);
}
