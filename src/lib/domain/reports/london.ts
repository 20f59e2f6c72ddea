/**
 * Europe/London wall-clock arithmetic without Intl, for the report's hot loops (a year of 100,000
 * reviews has hundreds of thousands of instants; Intl's formatToParts costs ~15 µs a call). The UK
 * rule since 1996: BST (UTC+1) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
 * Sunday of October (The Summer Time Order 2002). london.spec.ts checks every hour of 2019–2030
 * against Intl, so a change of rule would fail a test rather than skew a figure.
 */
import type { IsoDate } from '../calendar';

const DAY = 86_400_000;
const HOUR = 3_600_000;

function lastSundayUtc(year: number, month: number): number {
	const last = Date.UTC(year, month + 1, 0); // the month's last day, 00:00 UTC
	const dow = new Date(last).getUTCDay();
	return last - dow * DAY + HOUR; // 01:00 UTC
}

const transitions = new Map<number, [number, number]>();
function bst(year: number): [number, number] {
	let t = transitions.get(year);
	if (!t) transitions.set(year, (t = [lastSundayUtc(year, 2), lastSundayUtc(year, 9)]));
	return t;
}

/** London's offset from UTC at `ms`: 0 or one hour. */
export function londonOffset(ms: number): number {
	const year = new Date(ms).getUTCFullYear();
	const [start, end] = bst(year);
	return ms >= start && ms < end ? HOUR : 0;
}

/**
 * The London calendar date at `ms`. Clocks change and London days start on whole UTC hours, so the
 * date is the same through each UTC hour: remembered per hour (a year is under 9,000 of them).
 */
const dayOfHour = new Map<number, IsoDate>();
export function londonDay(ms: number): IsoDate {
	const h = Math.floor(ms / HOUR);
	let d = dayOfHour.get(h);
	if (d === undefined) {
		const at = h * HOUR;
		d = new Date(at + londonOffset(at)).toISOString().slice(0, 10);
		if (dayOfHour.size < 200_000) dayOfHour.set(h, d);
	}
	return d;
}

/** London date and minutes after midnight at `ms` (seconds as a fraction). */
export function londonClockFast(ms: number): { date: IsoDate; minutes: number } {
	const local = ms + londonOffset(ms);
	const date = new Date(local).toISOString().slice(0, 10);
	return { date, minutes: (((local % DAY) + DAY) % DAY) / 60_000 };
}

/** The instant of `minutes` after midnight on London date `d` (service hours never fall inside a change). */
export function londonInstantFast(d: IsoDate, minutes: number): number {
	const asUtc = Date.parse(`${d}T00:00:00Z`) + minutes * 60_000;
	const guess = asUtc - HOUR;
	return londonOffset(guess) === HOUR ? guess : asUtc;
}
