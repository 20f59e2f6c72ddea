/**
 * Report periods (DOMAIN §9 "Period"): the financial year, 1 April to 31 March, by default the last
 * one that has ended. Pure: callers pass "today".
 */
import { isIsoDate, parseIsoDate, type IsoDate } from '../calendar';
import type { Period } from './types';

/** The financial year that starts on 1 April of `startYear`. */
export function financialYear(startYear: number): Period {
	return { from: `${startYear}-04-01`, to: `${startYear + 1}-03-31` };
}

/** The start year of the financial year `d` falls in (1 April 2026 → 2026; 31 March 2026 → 2025). */
export function financialYearOf(d: IsoDate): number {
	const { year, month } = parseIsoDate(d);
	return month >= 4 ? year : year - 1;
}

/** The default period: the last financial year that has ended by `today`. */
export function lastFinancialYear(today: IsoDate): Period {
	return financialYear(financialYearOf(today) - 1);
}

/** The current financial year so far (1 April to today). */
export function financialYearToDate(today: IsoDate): Period {
	return { from: financialYear(financialYearOf(today)).from, to: today };
}

export type PeriodError = 'from-invalid' | 'to-invalid' | 'to-before-from' | 'too-long';

/** The longest period one request may ask for: ten years (a guard on the work one GET can cause). */
export const MAX_PERIOD_DAYS = 3660;

/**
 * Reads `from` and `to` from a query. Both missing: the default period. Otherwise each must be a
 * real date and `to` on or after `from`; errors come back per field, with what was typed kept.
 */
export function parsePeriod(
	from: string | null,
	to: string | null,
	today: IsoDate
): { ok: true; period: Period; isDefault: boolean } | { ok: false; errors: Partial<Record<'from' | 'to', PeriodError>>; raw: { from: string; to: string } } {
	if ((from === null || from === '') && (to === null || to === '')) return { ok: true, period: lastFinancialYear(today), isDefault: true };
	const errors: Partial<Record<'from' | 'to', PeriodError>> = {};
	const f = (from ?? '').trim();
	const t = (to ?? '').trim();
	if (!isIsoDate(f)) errors.from = 'from-invalid';
	if (!isIsoDate(t)) errors.to = 'to-invalid';
	if (!errors.from && !errors.to) {
		if (t < f) errors.to = 'to-before-from';
		else if ((Date.parse(t) - Date.parse(f)) / 86_400_000 > MAX_PERIOD_DAYS) errors.to = 'too-long';
	}
	if (errors.from || errors.to) return { ok: false, errors, raw: { from: f.slice(0, 20), to: t.slice(0, 20) } };
	return { ok: true, period: { from: f, to: t }, isDefault: false };
}

/** True when `d` is inside the period, both ends included. */
export function inPeriod(d: IsoDate | null, p: Period): boolean {
	return d !== null && d >= p.from && d <= p.to;
}
