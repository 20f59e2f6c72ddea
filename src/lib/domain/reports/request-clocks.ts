/**
 * The requests' service-level clocks for the report: the rules of `request-sla.ts` (DOMAIN §6.4),
 * computed with Intl-free London time and remembered working-day sums, so a year of thousands of
 * requests costs milliseconds. request-clocks.spec.ts checks it gives the same clocks as
 * `request-sla.clocks` for thousands of generated requests, so the two can't drift apart.
 */
import { addDays, isWorkingDay, type IsoDate } from '../calendar';
import { addWorkingDaysFast as addWorkingDays } from './fast-days';
import { clocksFor, type Clock, type ClockInput } from '../request-sla';
import { londonClockFast, londonInstantFast } from './london';

const wd = new Map<string, IsoDate>();
function addWd(d: IsoDate, n: number): IsoDate {
	const k = `${d}|${n}`;
	let v = wd.get(k);
	if (v === undefined) wd.set(k, (v = addWorkingDays(d, n)));
	return v;
}
const working = new Map<IsoDate, boolean>();
function isWd(d: IsoDate): boolean {
	let v = working.get(d);
	if (v === undefined) working.set(d, (v = isWorkingDay(d)));
	return v;
}

function minutesOf(hhmm: string): number {
	return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function clockStart(sentAt: number, hours: ClockInput['hours']): number {
	const { date, minutes } = londonClockFast(sentAt);
	const at = Math.floor(minutes);
	const open = minutesOf(hours.start);
	const close = minutesOf(hours.end);
	if (isWd(date)) {
		if (at >= open && at < close) return sentAt;
		if (at < open) return londonInstantFast(date, open);
	}
	let next = addDays(date, 1);
	while (!isWd(next)) next = addDays(next, 1);
	return londonInstantFast(next, open);
}

export function requestClocks(input: Omit<ClockInput, 'holidays'>): Clock[] {
	const start = clockStart(input.sentAt, input.hours);
	const s = londonClockFast(start);
	return clocksFor(input.kind, input.handler, input.sla).map(({ name, wd: days }) => {
		// Same London clock time, `days` working days on (dueAfter); seconds kept as request-sla keeps whole minutes.
		let due = londonInstantFast(addWd(s.date, days), Math.floor(s.minutes));
		if (input.lockDate && (input.kind === 'change-review' || input.kind === 'interpreter')) {
			const lockEnd = londonInstantFast(addDays(input.lockDate, 1), 0);
			if (lockEnd < due) due = Math.max(lockEnd, start);
		}
		const stop = input.stops[name] ?? null;
		if (stop !== null) return { name, start, due, stoppedAt: stop, state: stop <= due ? 'met' : 'late', marginMs: due - stop };
		if (input.closedAt !== null) return { name, start, due, stoppedAt: input.closedAt, state: 'stopped', marginMs: due - input.closedAt };
		const margin = due - input.now;
		return { name, start, due, stoppedAt: null, state: margin >= 0 ? 'running' : 'overdue', marginMs: margin };
	});
}
