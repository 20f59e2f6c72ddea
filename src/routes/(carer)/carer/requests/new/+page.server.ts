import { loadAdultForm, sendAdult } from '$lib/server/requests/routes';
import type { Actions, PageServerLoad } from './$types';

/** Issue 6, DOMAIN §6.2: an interpreter, a different time, or to talk to the IRO, about a child linked today. */
export const load: PageServerLoad = async () => loadAdultForm('carer');

export const actions: Actions = {
	send: async (event) => sendAdult(event, 'carer')
};
