import { requireAccess } from '$lib/server/access/require';
import { listChildren } from '$lib/server/admin/children';
import { listStaff } from '$lib/server/admin/staff';
import { database } from '$lib/server/db';
import { overdueForAdmin } from '$lib/server/requests/views';
import { loadSettings } from '$lib/server/settings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const access = await requireAccess('admin.manage');
	const db = database();
	// Issue 6, DOMAIN §6.4: overdue requests reach the admin's list, with no content (SECURITY §2 admin).
	return { staff: await listStaff(access), children: await listChildren(access), overdueRequests: await overdueForAdmin(db, await loadSettings(db), Date.now()) };
};
