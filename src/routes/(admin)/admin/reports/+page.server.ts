import { londonDate } from '$lib/domain/calendar';
import { financialYear, financialYearOf, financialYearToDate, parsePeriod } from '$lib/domain/reports/period';
import { requireAccess } from '$lib/server/access/require';
import { loadReport } from '$lib/server/reports/load';
import type { PageServerLoad } from './$types';

/**
 * The annual-report tables for any period (issue 8; DOMAIN §9). A GET form, so the period is in the
 * address (dates only, nothing personal) and the page works with JavaScript off.
 */
export const load: PageServerLoad = async ({ url }) => {
	const access = await requireAccess('reports.view');
	const today = londonDate(Date.now());
	const year = financialYearOf(today);
	const presets = [
		{ id: 'last-year', period: financialYear(year - 1) },
		{ id: 'this-year', period: financialYearToDate(today) },
		{ id: 'year-before', period: financialYear(year - 2) }
	];
	const parsed = parsePeriod(url.searchParams.get('from'), url.searchParams.get('to'), today);
	if (!parsed.ok) return { presets, errors: parsed.errors, raw: parsed.raw, report: null };
	return { presets, errors: null, raw: parsed.period, report: await loadReport(access, parsed.period, today) };
};
