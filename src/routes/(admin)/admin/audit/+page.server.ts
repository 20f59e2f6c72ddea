import { requireAccess } from '$lib/server/access/require';
import { loadAuditViewer } from '$lib/server/admin/audit-viewer';
import type { PageServerLoad } from './$types';

/** Who read or changed which child's data (issue 8, SECURITY §8). A GET form: filters work with JavaScript off. */
export const load: PageServerLoad = async ({ url, locals }) =>
	loadAuditViewer(await requireAccess('admin.manage'), url.searchParams, Date.now(), locals.requestId);
