/**
 * Service levels for requests (DOMAIN §6.4). Pure: callers pass the instants and the service's
 * settings (`settings.sla`, `settings.hours`).
 *
 * - Every clock starts when the request is sent (with consent, for referrals).
 * - It counts working days (Monday–Friday, not England and Wales bank holidays) at the same clock
 *   time: sent Tuesday 10:30 with 2 WD → due Thursday 10:30.
 * - A request sent outside service hours (default 09:00–17:00), or on a day that isn't a working
 *   day, starts at the opening time of the next working day (on the same day if sent before opening).
 * - Each clock stops when its event happens (seen, advocate named, answered); until then it shows the
 *   time left, and once past its due time the time overdue.
 */
import { addDays, addWorkingDays, BANK_HOLIDAYS_ENGLAND_WALES, isWorkingDay, londonDate, parseIsoDate, type IsoDate } from './calendar';
import type { Handler, RequestKind } from './request-state';
import type { RequestSla, ServiceHours } from './service-settings';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const LONDON_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Minutes after London midnight at `instant`. */
export function londonMinutes(instant: number): number {
	const parts = LONDON_TIME.formatToParts(instant);
	const n = (t: string) => Number(parts.find((p) => p.type === t)?.value);
	return n('hour') * 60 + n('minute');
}

function minutesOf(hhmm: string): number {
	const [h, m] = hhmm.split(':').map(Number);
	return h! * 60 + m!;
}

/**
 * The instant a London wall-clock time falls on (`minutes` after midnight of `date`), in GMT or BST.
 * The UK changes its clocks at 01:00 UTC, so service hours are never inside a change.
 */
export function londonInstant(date: IsoDate, minutes: number): number {
	const { year, month, day } = parseIsoDate(date);
	const asUtc = Date.UTC(year, month - 1, day) + minutes * MINUTE;
	const bst = asUtc - HOUR;
	return londonDate(bst) === date && londonMinutes(bst) === minutes ? bst : asUtc;
}

/** When the clock of a request sent at `sentAt` starts (DOMAIN §6.4 "Timing"). */
export function clockStart(sentAt: number, hours: ServiceHours, holidays: readonly IsoDate[] = BANK_HOLIDAYS_ENGLAND_WALES): number {
	const day = londonDate(sentAt);
	const at = londonMinutes(sentAt);
	const open = minutesOf(hours.start);
	const close = minutesOf(hours.end);
	if (isWorkingDay(day, holidays)) {
		if (at >= open && at < close) return sentAt;
		if (at < open) return londonInstant(day, open);
	}
	let next = addDays(day, 1);
	while (!isWorkingDay(next, holidays)) next = addDays(next, 1);
	return londonInstant(next, open);
}

/** `wd` working days after `start` at the same London clock time. */
export function dueAfter(start: number, wd: number, holidays: readonly IsoDate[] = BANK_HOLIDAYS_ENGLAND_WALES): number {
	return londonInstant(addWorkingDays(londonDate(start), wd, holidays), londonMinutes(start));
}

export type ClockName = 'acknowledge' | 'allocate' | 'answer';

/** The clocks a request runs, in order (DOMAIN §6.4 table). */
export function clocksFor(kind: RequestKind, handler: Handler, sla: RequestSla): { name: ClockName; wd: number }[] {
	if (handler === 'advocacy') return [
		{ name: 'acknowledge', wd: sla.advocacyAcknowledgeWd },
		{ name: 'allocate', wd: sla.advocateAllocateWd }
	];
	if (kind === 'talk-to-iro' || kind === 'advocate') return [{ name: 'answer', wd: sla.iroContactWd }];
	return [{ name: 'answer', wd: sla.otherRequestWd }];
}

export type ClockState = 'running' | 'overdue' | 'met' | 'late' | 'stopped';

export interface Clock {
	name: ClockName;
	start: number;
	due: number;
	/** When the clock's event happened, or null. */
	stoppedAt: number | null;
	state: ClockState;
	/** Due minus now while running (negative once overdue); due minus the stop when stopped. */
	marginMs: number;
}

export interface ClockInput {
	kind: RequestKind;
	handler: Handler;
	sentAt: number;
	/** When each clock's event happened: seen by the service, advocate named, answered by the IRO. */
	stops: Partial<Record<ClockName, number | null>>;
	/** A request that ended (withdrawn, done, not possible) stops every clock still running. */
	closedAt: number | null;
	/** `change-review` and `interpreter`: answered by the lock date if that is sooner (the end of its day). */
	lockDate?: IsoDate | null;
	now: number;
	sla: RequestSla;
	hours: ServiceHours;
	holidays?: readonly IsoDate[];
}

export function clocks(input: ClockInput): Clock[] {
	const holidays = input.holidays ?? BANK_HOLIDAYS_ENGLAND_WALES;
	const start = clockStart(input.sentAt, input.hours, holidays);
	return clocksFor(input.kind, input.handler, input.sla).map(({ name, wd }) => {
		let due = dueAfter(start, wd, holidays);
		if (input.lockDate && (input.kind === 'change-review' || input.kind === 'interpreter')) {
			const lockEnd = londonInstant(addDays(input.lockDate, 1), 0);
			if (lockEnd < due) due = Math.max(lockEnd, start);
		}
		const stop = input.stops[name] ?? null;
		if (stop !== null) return { name, start, due, stoppedAt: stop, state: stop <= due ? 'met' : 'late', marginMs: due - stop };
		if (input.closedAt !== null) return { name, start, due, stoppedAt: input.closedAt, state: 'stopped', marginMs: due - input.closedAt };
		const margin = due - input.now;
		return { name, start, due, stoppedAt: null, state: margin >= 0 ? 'running' : 'overdue', marginMs: margin };
	});
}

/** The clock to show: the first still running or overdue, else the last one. */
export function currentClock(list: readonly Clock[]): Clock | null {
	return list.find((c) => c.state === 'running' || c.state === 'overdue') ?? list[list.length - 1] ?? null;
}

export function isOverdue(list: readonly Clock[]): boolean {
	return list.some((c) => c.state === 'overdue');
}

/** A margin in whole units for words: minutes under an hour, hours under two days, else days. */
export function span(ms: number): { unit: 'minutes' | 'hours' | 'days'; count: number } {
	const abs = Math.abs(ms);
	if (abs < HOUR) return { unit: 'minutes', count: Math.max(1, Math.round(abs / MINUTE)) };
	if (abs < 48 * HOUR) return { unit: 'hours', count: Math.round(abs / HOUR) };
	return { unit: 'days', count: Math.round(abs / (24 * HOUR)) };
}
