import { loadMine, withdrawAction } from '$lib/server/requests/routes';
import type { Actions, PageServerLoad } from './$types';

/** The requester's own requests with their status in plain words and the read receipt (issue 6, DOMAIN §6.3). */
export const load: PageServerLoad = async ({ url }) => ({ ...(await loadMine(url)), audience: 'carer' as const });

export const actions: Actions = {
	withdraw: async (event) => withdrawAction(event, 'carer')
};
