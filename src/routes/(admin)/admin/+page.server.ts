import { requireAccess } from '$lib/server/access/require';
import { listChildren } from '$lib/server/admin/children';
import { listStaff } from '$lib/server/admin/staff';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const access = await requireAccess('admin.manage');
	return { staff: await listStaff(access), children: await listChildren(access) };
};
