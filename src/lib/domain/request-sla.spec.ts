import { describe, expect, it } from 'vitest';
import { clocks, clocksFor, clockStart, currentClock, dueAfter, isOverdue, londonInstant, span } from './request-sla';
import { DEFAULT_HOURS, DEFAULT_SLA } from './service-settings';

/** London wall-clock times written as UTC ISO for the table (GMT in winter, BST = UTC+1 in summer). */
const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('londonInstant: London wall clock to an instant, GMT and BST', () => {
	it.each([
		['winter 09:00 GMT', '2026-11-24', 9 * 60, '2026-11-24T09:00:00Z'],
		['summer 09:00 BST', '2026-06-16', 9 * 60, '2026-06-16T08:00:00Z'],
		['the day the clocks go forward, 09:00 BST', '2026-03-29', 9 * 60, '2026-03-29T08:00:00Z'],
		['the day the clocks go back, 09:00 GMT', '2026-10-25', 9 * 60, '2026-10-25T09:00:00Z'],
		['midnight in summer', '2026-06-16', 0, '2026-06-15T23:00:00Z']
	] as const)('%s', (_n, date, minutes, iso) => {
		expect(londonInstant(date, minutes)).toBe(at(iso));
	});
});

describe('clockStart: outside service hours the clock starts at the next working day’s opening (DOMAIN §6.4)', () => {
	it.each([
		['in hours on a working day: at once', '2026-11-24T10:30:00Z', '2026-11-24T10:30:00Z'],
		['at opening time exactly', '2026-11-24T09:00:00Z', '2026-11-24T09:00:00Z'],
		['before opening on a working day: that day at 09:00', '2026-11-24T07:15:00Z', '2026-11-24T09:00:00Z'],
		['at closing time: next working day 09:00', '2026-11-24T17:00:00Z', '2026-11-25T09:00:00Z'],
		['in the evening: next working day 09:00', '2026-11-24T22:00:00Z', '2026-11-25T09:00:00Z'],
		['Friday evening: Monday 09:00', '2026-11-27T18:00:00Z', '2026-11-30T09:00:00Z'],
		['Saturday: Monday 09:00', '2026-11-28T11:00:00Z', '2026-11-30T09:00:00Z'],
		['Christmas Eve evening: over 25 (Fri), 28 (Mon, substitute) → Tuesday 29 Dec', '2026-12-24T19:00:00Z', '2026-12-29T09:00:00Z'],
		['summer, 08:30 BST is before opening', '2026-06-16T07:30:00Z', '2026-06-16T08:00:00Z'],
		['summer, 16:59 BST is in hours', '2026-06-16T15:59:00Z', '2026-06-16T15:59:00Z'],
		['summer, 17:00 BST has closed', '2026-06-16T16:00:00Z', '2026-06-17T08:00:00Z'],
		['Friday before a bank holiday Monday (25 May 2026), evening', '2026-05-22T17:30:00Z', '2026-05-26T08:00:00Z']
	] as const)('%s', (_n, sent, start) => {
		expect(clockStart(at(sent), DEFAULT_HOURS)).toBe(at(start));
	});

	it('follows the service’s own hours', () => {
		expect(clockStart(at('2026-11-24T08:30:00Z'), { start: '08:00', end: '18:00' })).toBe(at('2026-11-24T08:30:00Z'));
		expect(clockStart(at('2026-11-24T17:30:00Z'), { start: '08:00', end: '18:00' })).toBe(at('2026-11-24T17:30:00Z'));
		expect(clockStart(at('2026-11-24T18:30:00Z'), { start: '08:00', end: '18:00' })).toBe(at('2026-11-25T08:00:00Z'));
	});
});

describe('dueAfter: working days at the same clock time', () => {
	it.each([
		['Tuesday 10:30 + 1 WD = Wednesday 10:30', '2026-11-24T10:30:00Z', 1, '2026-11-25T10:30:00Z'],
		['Tuesday 10:30 + 2 WD = Thursday 10:30', '2026-11-24T10:30:00Z', 2, '2026-11-26T10:30:00Z'],
		['Friday 14:00 + 1 WD = Monday 14:00', '2026-11-27T14:00:00Z', 1, '2026-11-30T14:00:00Z'],
		['Thursday 24 Dec 11:00 + 1 WD = Tuesday 29 Dec 11:00 (bank holidays)', '2026-12-24T11:00:00Z', 1, '2026-12-29T11:00:00Z'],
		['over the clocks going forward: Friday 16:00 GMT + 1 WD = Monday 16:00 BST', '2026-03-27T16:00:00Z', 1, '2026-03-30T15:00:00Z']
	] as const)('%s', (_n, start, wd, due) => {
		expect(dueAfter(at(start), wd)).toBe(at(due));
	});
});

describe('clocksFor: which clocks a request runs (DOMAIN §6.4)', () => {
	it.each([
		['advocate', 'advocacy', [['acknowledge', 1], ['allocate', 2]]],
		['advocate', 'iro', [['answer', 2]]],
		['talk-to-iro', 'iro', [['answer', 2]]],
		['change-review', 'iro', [['answer', 2]]],
		['interpreter', 'iro', [['answer', 2]]]
	] as const)('%s via %s', (kind, handler, expected) => {
		expect(clocksFor(kind, handler, DEFAULT_SLA).map((c) => [c.name, c.wd])).toEqual(expected);
	});

	it('takes the service’s own numbers', () => {
		const sla = { ...DEFAULT_SLA, advocacyAcknowledgeWd: 3, iroContactWd: 5, otherRequestWd: 4 };
		expect(clocksFor('advocate', 'advocacy', sla)[0]!.wd).toBe(3);
		expect(clocksFor('talk-to-iro', 'iro', sla)[0]!.wd).toBe(5);
		expect(clocksFor('interpreter', 'iro', sla)[0]!.wd).toBe(4);
	});
});

describe('clocks: time left, overdue, met and late', () => {
	const base = { kind: 'advocate', handler: 'advocacy', sentAt: at('2026-11-24T10:00:00Z'), closedAt: null, sla: DEFAULT_SLA, hours: DEFAULT_HOURS } as const;

	it('a new referral: acknowledge due in 1 WD, allocate in 2, both running', () => {
		const list = clocks({ ...base, stops: {}, now: at('2026-11-24T12:00:00Z') });
		expect(list.map((c) => [c.name, new Date(c.due).toISOString(), c.state])).toEqual([
			['acknowledge', '2026-11-25T10:00:00.000Z', 'running'],
			['allocate', '2026-11-26T10:00:00.000Z', 'running']
		]);
		expect(list[0]!.marginMs).toBe(22 * HOUR);
		expect(isOverdue(list)).toBe(false);
		expect(currentClock(list)!.name).toBe('acknowledge');
	});

	it('unread after a working day: overdue, with the time overdue', () => {
		const list = clocks({ ...base, stops: {}, now: at('2026-11-25T13:00:00Z') });
		expect(list[0]!.state).toBe('overdue');
		expect(list[0]!.marginMs).toBe(-3 * HOUR);
		expect(isOverdue(list)).toBe(true);
	});

	it('seen in time, advocate named late: met, then late; nothing overdue', () => {
		const list = clocks({ ...base, stops: { acknowledge: at('2026-11-24T15:00:00Z'), allocate: at('2026-11-27T09:00:00Z') }, now: at('2026-11-30T09:00:00Z') });
		expect(list.map((c) => c.state)).toEqual(['met', 'late']);
		expect(isOverdue(list)).toBe(false);
	});

	it('seen in time, no advocate yet after 2 WD: the allocation clock is the one shown, overdue', () => {
		const list = clocks({ ...base, stops: { acknowledge: at('2026-11-24T15:00:00Z') }, now: at('2026-11-26T11:00:00Z') });
		expect(currentClock(list)!.name).toBe('allocate');
		expect(currentClock(list)!.state).toBe('overdue');
	});

	it('a withdrawn request stops its clocks (never overdue)', () => {
		const list = clocks({ ...base, stops: {}, closedAt: at('2026-11-24T11:00:00Z'), now: at('2026-12-10T11:00:00Z') });
		expect(list.map((c) => c.state)).toEqual(['stopped', 'stopped']);
		expect(isOverdue(list)).toBe(false);
	});

	it('sent on Saturday: the clock starts Monday 09:00', () => {
		const list = clocks({ ...base, kind: 'talk-to-iro', handler: 'iro', sentAt: at('2026-11-28T20:00:00Z'), stops: {}, now: at('2026-11-29T10:00:00Z') });
		expect(new Date(list[0]!.start).toISOString()).toBe('2026-11-30T09:00:00.000Z');
		expect(new Date(list[0]!.due).toISOString()).toBe('2026-12-02T09:00:00.000Z');
	});

	it('change-review: due by the end of the lock day if that is sooner', () => {
		const list = clocks({ ...base, kind: 'change-review', handler: 'iro', stops: {}, lockDate: '2026-11-24', now: at('2026-11-24T12:00:00Z') });
		expect(new Date(list[0]!.due).toISOString()).toBe('2026-11-25T00:00:00.000Z');
		const later = clocks({ ...base, kind: 'change-review', handler: 'iro', stops: {}, lockDate: '2026-12-20', now: at('2026-11-24T12:00:00Z') });
		expect(new Date(later[0]!.due).toISOString()).toBe('2026-11-26T10:00:00.000Z');
	});
});

describe('span: time in words', () => {
	it.each([
		[30 * 60_000, 'minutes', 30],
		[0, 'minutes', 1],
		[5 * HOUR, 'hours', 5],
		[-5 * HOUR, 'hours', 5],
		[47 * HOUR, 'hours', 47],
		[72 * HOUR, 'days', 3]
	] as const)('%d ms → %s %d', (ms, unit, count) => {
		expect(span(ms)).toEqual({ unit, count });
	});
});
