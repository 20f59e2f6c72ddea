import { error } from '@sveltejs/kit';
import { requireAccess } from '$lib/server/access/require';
import { exportSubjectAccess } from '$lib/server/admin/sar';
import { requireRecentAuth } from '$lib/server/auth/reauth';
import type { PageServerLoad } from './$types';

/**
 * The readable subject access export (SECURITY §10, PRIV-G3): the same content as the JSON
 * download, admin only, audited as an export and counted in the same hourly limit. A SAR is the
 * legal exception to D15 (admins never read answers otherwise): see sar.ts.
 */
export const load: PageServerLoad = async ({ params, locals }) => {
	const access = await requireAccess('admin.manage');
	// SEC-S5: the password typed within the last 10 minutes, before anything is read or counted.
	requireRecentAuth(`/admin/children/${params.childId}/sar`);
	const out = await exportSubjectAccess(access, params.childId, Date.now(), locals.requestId);
	if (out.kind === 'missing') error(404, { message: 'Not found', code: 'not-found', id: 'child' });
	if (out.kind === 'limited') return { childId: params.childId, limitedMinutes: Math.ceil(out.retryAfterSeconds / 60), sar: null };
	return { childId: params.childId, limitedMinutes: null, sar: out.data };
};
