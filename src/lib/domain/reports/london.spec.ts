import { describe, expect, it } from 'vitest';
import { londonDate } from '../calendar';
import { londonInstant as requestLondonInstant, londonMinutes } from '../request-sla';
import { londonClock, londonInstant } from './alert-target';
import { londonClockFast, londonDay, londonInstantFast, londonOffset } from './london';

describe('London time without Intl', () => {
	it('agrees with Intl every hour of 2024–2027, and every minute around each clock change of 2019–2030', () => {
		const instants: number[] = [];
		for (let ms = Date.UTC(2024, 0, 1); ms < Date.UTC(2028, 0, 1); ms += 3_600_000) instants.push(ms);
		for (let year = 2019; year <= 2030; year++) {
			for (const month of [2, 9]) {
				const last = Date.UTC(year, month + 1, 0);
				const change = last - new Date(last).getUTCDay() * 86_400_000 + 3_600_000;
				for (let m = -90; m <= 90; m++) instants.push(change + m * 60_000);
			}
		}
		for (const t of instants) {
			const fast = londonClockFast(t);
			if (fast.date !== londonDate(t) || Math.floor(fast.minutes) !== londonMinutes(t)) {
				expect({ t: new Date(t).toISOString(), ...fast }).toEqual({ t: new Date(t).toISOString(), date: londonDate(t), minutes: londonMinutes(t) });
			}
		}
		expect(instants.length).toBeGreaterThan(39_000);
	}, 60_000);

	it('turns wall-clock times back into instants as the Intl versions do', () => {
		for (let d = Date.UTC(2024, 0, 1); d < Date.UTC(2028, 0, 1); d += 86_400_000) {
			const day = new Date(d).toISOString().slice(0, 10);
			for (const minutes of [0, 9 * 60, 10 * 60 + 30, 17 * 60, 23 * 60 + 59]) {
				expect(londonInstantFast(day, minutes)).toBe(requestLondonInstant(day, minutes));
				if (minutes >= 9 * 60) expect(londonInstantFast(day, minutes)).toBe(londonInstant(day, minutes));
			}
		}
	}, 60_000);

	it('knows the 2025 changes', () => {
		expect(londonOffset(Date.UTC(2025, 2, 30, 0, 59))).toBe(0);
		expect(londonOffset(Date.UTC(2025, 2, 30, 1, 0))).toBe(3_600_000);
		expect(londonOffset(Date.UTC(2025, 9, 26, 0, 59))).toBe(3_600_000);
		expect(londonOffset(Date.UTC(2025, 9, 26, 1, 0))).toBe(0);
		expect(londonDay(Date.UTC(2025, 5, 1, 23, 30))).toBe('2025-06-02');
		expect(londonClock(Date.UTC(2025, 5, 1, 23, 30))).toEqual(londonClockFast(Date.UTC(2025, 5, 1, 23, 30)));
	});
});
