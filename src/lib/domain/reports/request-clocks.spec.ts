import { describe, expect, it } from 'vitest';
import { clocks, type ClockInput } from '../request-sla';
import { REQUEST_KINDS } from '../request-state';
import { DEFAULT_SERVICE_SETTINGS } from '../service-settings';
import { requestClocks } from './request-clocks';

describe('the report’s request clocks agree with request-sla.clocks (DOMAIN §6.4)', () => {
	it('for 3,000 requests at random times, kinds, stops and lock dates, 2025–2027', () => {
		let seed = 42;
		const r = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
		for (let i = 0; i < 3000; i++) {
			const sentAt = Date.UTC(2025, 0, 1) + Math.floor(r() * 3 * 365 * 86_400_000);
			const kind = REQUEST_KINDS[Math.floor(r() * 4)]!;
			const handler = kind === 'advocate' && r() < 0.6 ? 'advocacy' : 'iro';
			const later = (h: number) => (r() < 0.3 ? null : sentAt + Math.floor(r() * h * 3_600_000));
			const input: ClockInput = {
				kind, handler, sentAt, now: sentAt + 20 * 86_400_000,
				stops: { acknowledge: later(30), allocate: later(80), answer: later(80) },
				closedAt: r() < 0.2 ? sentAt + 86_400_000 : null,
				lockDate: r() < 0.5 ? new Date(sentAt + Math.floor(r() * 10) * 86_400_000).toISOString().slice(0, 10) : null,
				sla: DEFAULT_SERVICE_SETTINGS.sla, hours: i % 2 ? DEFAULT_SERVICE_SETTINGS.hours : { start: '08:30', end: '18:00' }
			};
			expect(requestClocks(input), JSON.stringify(input)).toEqual(clocks(input));
		}
	}, 60_000);
});
