import { loadChildForm, sendChild } from '$lib/server/requests/routes';
import type { Actions, PageServerLoad } from './$types';

/** Issue 6, DOMAIN §6.2: a child's request, at any time; their own only (SECURITY §2 "C"). */
export const load: PageServerLoad = async (event) => loadChildForm(event);

export const actions: Actions = {
	send: async (event) => sendChild(event, 'talk-to-iro')
};
