import { requireAccess } from '$lib/server/access/require';
import { loadChildForm, sendChild } from '$lib/server/requests/routes';
import type { Actions, PageServerLoad } from './$types';

/** Issue 6, DOMAIN §6.2: a child's request, at any time; for themselves only (SECURITY §2 "C"). */
export const load: PageServerLoad = async ({ locals }) => loadChildForm(await requireAccess('request.create', { childId: locals.actor?.childId ?? undefined }));

export const actions: Actions = {
	send: async (event) => sendChild(await requireAccess('request.create', { childId: event.locals.actor?.childId ?? undefined }), event, 'advocate')
};
