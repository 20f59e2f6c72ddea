import { describe, expect, it } from 'vitest';
import { addDays, addWorkingDays, workingDaysBetween } from '../calendar';
import { addWorkingDaysFast, workingDaysBetweenFast } from './fast-days';

describe('workingDaysBetweenFast', () => {
	it('matches calendar.workingDaysBetween for every pair within 60 days, 2024 to 2028', () => {
		let n = 0;
		for (let d = '2024-01-01'; d < '2028-12-31'; d = addDays(d, 3)) {
			for (const k of [-45, -20, -7, -1, 0, 1, 2, 5, 6, 13, 20, 33, 60]) {
				const e = addDays(d, k);
				expect(workingDaysBetweenFast(d, e), `${d} → ${e}`).toBe(workingDaysBetween(d, e));
				n++;
			}
		}
		expect(n).toBeGreaterThan(7000);
	}, 60_000);
});

describe('addWorkingDaysFast', () => {
	it('matches calendar.addWorkingDays for every day of 2024–2028 and offsets from −25 to 25', () => {
		let n = 0;
		for (let d = '2024-01-01'; d < '2028-12-31'; d = addDays(d, 1)) {
			for (const k of [-25, -20, -10, -5, -3, -1, 0, 1, 2, 3, 5, 10, 15, 20, 25]) {
				expect(addWorkingDaysFast(d, k), `${d} ${k}`).toBe(addWorkingDays(d, k));
				n++;
			}
		}
		expect(n).toBeGreaterThan(27_000);
	}, 60_000);
});
