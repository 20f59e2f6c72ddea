import { requireAccess } from '$lib/server/access/require';
import { iroUpdate, loadIroRequest } from '$lib/server/requests/routes';
import type { Actions, PageServerLoad } from './$types';

/**
 * One request for the allocated IRO (issue 6; SECURITY §2 "Requests: R, U allocated"). Opening it
 * records "seen", the requester's read receipt (DOMAIN §6.3). A referral with the advocacy service
 * shows its type, status and clock only, unless the child let the IRO see it (DOMAIN §6.5).
 */
export const load: PageServerLoad = async (event) => loadIroRequest(await requireAccess('request.iro-read', { requestId: event.params.requestId }), event);

export const actions: Actions = {
	update: async (event) => iroUpdate(await requireAccess('request.iro-act', { requestId: event.params.requestId }), event)
};
