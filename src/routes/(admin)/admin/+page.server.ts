import { requireAccess } from '$lib/server/access/require';
import { listChildren } from '$lib/server/admin/children';
import { listStaff, setStaffActive } from '$lib/server/admin/staff';
import { id, parseForm } from '$lib/server/admin/validation';
import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { database } from '$lib/server/db';
import { overdueForAdmin } from '$lib/server/requests/views';
import { loadSettings } from '$lib/server/settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const access = await requireAccess('admin.manage');
	const db = database();
	// Issue 6, DOMAIN §6.4: overdue requests reach the admin's list, with no content (SECURITY §2 admin).
	return { staff: await listStaff(access), children: await listChildren(access), overdueRequests: await overdueForAdmin(db, await loadSettings(db), Date.now()) };
};

async function setActive(request: Request, requestId: string, active: boolean) {
	const access = await requireAccess('admin.manage');
	const parsed = parseForm(v.object({ userId: id }), await request.formData(), ['userId']);
	if (!parsed.ok) error(400, { message: 'Bad request', code: 'bad-request', id: requestId });
	const done = await setStaffActive(access, parsed.value.userId, active, Date.now());
	if (done === 'missing') error(404, { message: 'Not found', code: 'not-found', id: requestId });
	if (done === 'self') return fail(409, { staffError: 'errors.deactivate-self' });
	return { staffDone: active ? 'reactivated' : 'deactivated' };
}

export const actions: Actions = {
	deactivate: ({ request, locals }) => setActive(request, locals.requestId, false),
	reactivate: ({ request, locals }) => setActive(request, locals.requestId, true)
};
