import { error } from '@sveltejs/kit';
import { londonDate } from '$lib/domain/calendar';
import { requireAccess } from '$lib/server/access/require';
import { exportSubjectAccess } from '$lib/server/admin/sar';
import { requireRecentAuth } from '$lib/server/auth/reauth';
import type { RequestHandler } from './$types';

/**
 * Subject access export as JSON (SECURITY §10, PRIV-G3): admin only, the child must exist (404),
 * 5 children an hour per admin, audited as an export. The legal exception to D15: see sar.ts.
 * The file name carries the date only, never the child's name (PRIV-4).
 */
export const GET: RequestHandler = async ({ params, locals }) => {
	const access = await requireAccess('admin.manage');
	// SEC-S5: back to the readable page after the password is confirmed.
	requireRecentAuth(`/admin/children/${params.childId}/sar`);
	const now = Date.now();
	const out = await exportSubjectAccess(access, params.childId, now, locals.requestId);
	if (out.kind === 'missing') error(404, { message: 'Not found', code: 'not-found', id: locals.requestId });
	if (out.kind === 'limited') {
		return new Response(locals.t('sar.limited', { minutes: Math.ceil(out.retryAfterSeconds / 60) }), {
			status: 429,
			headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': String(out.retryAfterSeconds) }
		});
	}
	return new Response(JSON.stringify({ exportedAt: new Date(now).toISOString(), ...out.data }, null, 2), {
		headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="subject-access-${londonDate(now)}.json"` }
	});
};
