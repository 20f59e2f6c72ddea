import { describe, expect, it } from 'vitest';
import { financialYearOf, financialYearToDate, lastFinancialYear, parsePeriod } from './period';

describe('report periods (DOMAIN §9: April to March)', () => {
	it.each([
		['2026-11-26', { from: '2025-04-01', to: '2026-03-31' }],
		['2026-04-01', { from: '2025-04-01', to: '2026-03-31' }],
		['2026-03-31', { from: '2024-04-01', to: '2025-03-31' }]
	])('on %s the last financial year is %o', (today, want) => expect(lastFinancialYear(today)).toEqual(want));

	it('knows the year a date falls in, and the year so far', () => {
		expect(financialYearOf('2026-03-31')).toBe(2025);
		expect(financialYearOf('2026-04-01')).toBe(2026);
		expect(financialYearToDate('2026-11-26')).toEqual({ from: '2026-04-01', to: '2026-11-26' });
	});

	it('defaults when neither end is given', () => {
		expect(parsePeriod(null, null, '2026-11-26')).toEqual({ ok: true, period: { from: '2025-04-01', to: '2026-03-31' }, isDefault: true });
		expect(parsePeriod('', '', '2026-11-26')).toMatchObject({ ok: true, isDefault: true });
	});

	it('takes any real range, both ends included', () => {
		expect(parsePeriod('2024-01-01', '2024-01-01', '2026-11-26')).toEqual({ ok: true, period: { from: '2024-01-01', to: '2024-01-01' }, isDefault: false });
	});

	it('says which field is wrong, and keeps what was typed', () => {
		expect(parsePeriod('2026-02-30', '2026-03-31', '2026-11-26')).toEqual({ ok: false, errors: { from: 'from-invalid' }, raw: { from: '2026-02-30', to: '2026-03-31' } });
		expect(parsePeriod('2026-04-01', '', '2026-11-26')).toMatchObject({ ok: false, errors: { to: 'to-invalid' } });
		expect(parsePeriod('2026-04-01', '2026-03-31', '2026-11-26')).toMatchObject({ ok: false, errors: { to: 'to-before-from' } });
		expect(parsePeriod('2000-01-01', '2026-03-31', '2026-11-26')).toMatchObject({ ok: false, errors: { to: 'too-long' } });
	});
});
