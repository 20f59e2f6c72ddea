import { error } from '@sveltejs/kit';
import { londonDate } from '$lib/domain/calendar';
import { requireAccess } from '$lib/server/access/require';
import { exportAudit } from '$lib/server/admin/audit-viewer';
import { keepQuery, requireRecentAuth } from '$lib/server/auth/reauth';
import type { RequestHandler } from './$types';

const COLUMNS = ['time', 'who', 'role', 'action', 'child', 'record', 'record-id', 'outcome', 'reference'] as const;

/** The filtered audit log as CSV (D6: +server only for exports); 5 an hour per admin (SECURITY §3.3). */
export const GET: RequestHandler = async ({ url, locals }) => {
	const access = await requireAccess('admin.manage');
	// SEC-S5: the password within 10 minutes; afterwards back to the viewer with the same filters.
	requireRecentAuth(`/admin/audit${keepQuery(url, ['child', 'actor', 'action', 'from', 'to'])}`);
	const now = Date.now();
	const out = await exportAudit(access, url.searchParams, now, locals.requestId, { header: COLUMNS.map((c) => locals.t(`audit.csv-${c}`)) });
	if (out.kind === 'invalid') error(400, { message: 'Bad request', code: 'bad-request', id: locals.requestId });
	if (out.kind === 'limited') {
		return new Response(locals.t('audit.export-limited', { minutes: Math.ceil(out.retryAfterSeconds / 60) }), {
			status: 429,
			headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': String(out.retryAfterSeconds) }
		});
	}
	return new Response('\uFEFF' + out.csv, {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="audit-${londonDate(now)}.csv"` }
	});
};
