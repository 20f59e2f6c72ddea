import { describe, expect, it } from 'vitest';
import { DEFAULT_HOURS } from '../service-settings';
import { acknowledgeBy, londonClock, londonInstant } from './alert-target';

const at = (d: string, hh: number, mm = 0) => londonInstant(d, hh * 60 + mm);

describe('London clock', () => {
	it('allows for BST and GMT', () => {
		expect(new Date(at('2025-06-02', 10)).toISOString()).toBe('2025-06-02T09:00:00.000Z');
		expect(new Date(at('2025-12-08', 10)).toISOString()).toBe('2025-12-08T10:00:00.000Z');
		expect(londonClock(Date.parse('2025-06-02T09:00:00Z'))).toEqual({ date: '2025-06-02', minutes: 600 });
	});
});

describe('acknowledgeBy (DOMAIN §3.2: 2 working hours in service hours, else 10:00 the next working day)', () => {
	it.each([
		['in hours', at('2025-06-02', 10), at('2025-06-02', 12)],
		['at opening', at('2025-06-02', 9), at('2025-06-02', 11)],
		['running past closing carries over', at('2025-06-06', 16, 30), at('2025-06-09', 10, 30)],
		['at closing is out of hours', at('2025-06-02', 17), at('2025-06-03', 10)],
		['before opening on a working day', at('2025-06-02', 7), at('2025-06-02', 10)],
		['on a Saturday', at('2025-12-06', 20), at('2025-12-08', 10)],
		['on a bank holiday (Mon 5 May 2025)', at('2025-05-05', 11), at('2025-05-06', 10)],
		['over Christmas', at('2025-12-24', 16), at('2025-12-29', 10)],
		['across the clocks going forward (Sun 30 Mar 2025)', at('2025-03-28', 16), at('2025-03-31', 10)]
	])('%s', (_, raised, want) => {
		expect(new Date(acknowledgeBy(raised, DEFAULT_HOURS)).toISOString()).toBe(new Date(want).toISOString());
	});
});
