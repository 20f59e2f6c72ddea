import { error } from '@sveltejs/kit';
import { londonDate } from '$lib/domain/calendar';
import { parsePeriod } from '$lib/domain/reports/period';
import type { TableId } from '$lib/domain/reports/types';
import { requireAccess } from '$lib/server/access/require';
import { keepQuery, requireRecentAuth } from '$lib/server/auth/reauth';
import { reportCsv, tableCsv } from '$lib/server/reports/csv';
import { exportAll, exportTable, type ExportAudience } from '$lib/server/reports/load';
import type { RequestHandler } from './$types';

/**
 * CSV of one report table (`table=`), or of every table one after another (DOMAIN §9; D6: +server
 * only for exports). `for=publication` hides numbers under 5 and IROs' names (D28). Headers and
 * labels are in the requester's language; a byte-order mark lets spreadsheets read UTF-8.
 */
export const GET: RequestHandler = async ({ url, locals }) => {
	const access = await requireAccess('reports.view');
	// SEC-S5: the password within 10 minutes; afterwards back to the report for the same period.
	requireRecentAuth(`/admin/reports${keepQuery(url, ['from', 'to'])}`);
	const now = Date.now();
	const today = londonDate(now);
	const parsed = parsePeriod(url.searchParams.get('from'), url.searchParams.get('to'), today);
	const forParam = url.searchParams.get('for') ?? 'service';
	if (!parsed.ok || (forParam !== 'service' && forParam !== 'publication')) error(400, { message: 'Bad request', code: 'bad-request', id: locals.requestId });
	const audience: ExportAudience = forParam;
	const { period } = parsed;
	const id = url.searchParams.get('table');
	let body: string;
	if (id !== null) {
		const out = await exportTable(access, period, today, id as TableId, audience, now, locals.requestId);
		if (!out) error(404, { message: 'Not found', code: 'not-found', id: locals.requestId });
		body = tableCsv(locals.t, out.table);
	} else {
		body = reportCsv(locals.t, await exportAll(access, period, today, audience, now, locals.requestId));
	}
	const name = `report-${id ?? 'all'}-${period.from}-to-${period.to}${audience === 'publication' ? '-publication' : ''}.csv`;
	return new Response('\uFEFF' + body, {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` }
	});
};
