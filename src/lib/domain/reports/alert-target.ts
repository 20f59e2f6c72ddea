/**
 * When a safety alert should be acknowledged by (DOMAIN §3.2 "Safety alert acknowledged", our
 * default): within 2 working hours inside service hours (default 09:00–17:00 on working days);
 * raised outside them, by 10:00 the next working day, i.e. one hour after the service opens.
 * Pure: instants in, instants out; London wall-clock time, with BST, decides what "inside" is.
 *
 * Our reading where DOMAIN is silent:
 * - 2 working hours that run past closing carry over to the next working day (16:30 → 10:30 next day);
 * - raised before opening on a working day, "the next working day" is that same day (07:00 Mon → 10:00 Mon).
 */
import { addDays, isWorkingDay, type IsoDate } from '../calendar';
import type { ServiceHours } from '../service-settings';
import { londonClockFast, londonInstantFast } from './london';

export const ALERT_WORKING_MINUTES = 120;
/** Raised outside service hours: acknowledged within this long after the service next opens. */
export const ALERT_OUT_OF_HOURS_MINUTES = 60;

const LONDON = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/London',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

/** London date and minutes since midnight at `ms` (seconds kept as a fraction). */
export function londonClock(ms: number): { date: IsoDate; minutes: number } {
	const parts = LONDON.formatToParts(ms);
	const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
	const date = `${String(get('year')).padStart(4, '0')}-${String(get('month')).padStart(2, '0')}-${String(get('day')).padStart(2, '0')}`;
	return { date, minutes: get('hour') * 60 + get('minute') + get('second') / 60 };
}

/** The instant of `minutes` past midnight on London date `d`. */
export function londonInstant(d: IsoDate, minutes: number): number {
	const [y, m, day] = d.split('-').map(Number);
	const asUtc = Date.UTC(y!, m! - 1, day!, 0, 0, 0) + minutes * 60_000;
	const local = londonClock(asUtc);
	const [ly, lm, ld] = local.date.split('-').map(Number);
	const offset = Date.UTC(ly!, lm! - 1, ld!, 0, 0, 0) + local.minutes * 60_000 - asUtc;
	return asUtc - offset;
}

function hhmm(s: string): number {
	return Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
}

/** The acknowledgement deadline for an alert raised at `raisedAt`. */
export function acknowledgeBy(raisedAt: number, hours: ServiceHours): number {
	const open = hhmm(hours.start);
	const close = hhmm(hours.end);
	const { date, minutes } = londonClockFast(raisedAt);
	if (isWorkingDay(date) && minutes >= open && minutes < close) {
		const today = close - minutes;
		if (ALERT_WORKING_MINUTES <= today) return raisedAt + ALERT_WORKING_MINUTES * 60_000;
		return londonInstantFast(nextWorkingDay(date), open + (ALERT_WORKING_MINUTES - today));
	}
	const day = isWorkingDay(date) && minutes < open ? date : nextWorkingDay(date);
	return londonInstantFast(day, open + ALERT_OUT_OF_HOURS_MINUTES);
}

function nextWorkingDay(d: IsoDate): IsoDate {
	let day = addDays(d, 1);
	while (!isWorkingDay(day)) day = addDays(day, 1);
	return day;
}
