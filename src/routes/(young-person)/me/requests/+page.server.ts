import { requireAccess } from '$lib/server/access/require';
import { badRequest, loadMine, withdrawAction, withdrawTarget } from '$lib/server/requests/routes';
import type { Actions, PageServerLoad } from './$types';

/** The requester's own requests with their status in plain words and the read receipt (issue 6, DOMAIN §6.3). */
export const load: PageServerLoad = async ({ url }) => ({ ...(await loadMine(await requireAccess('request.list-own'), url)), audience: 'young-person' as const });

export const actions: Actions = {
	/** "Stop this request": the requester's own only (SECURITY §2 "withdraw"); a forged or empty post is 400. */
	withdraw: async (event) => {
		const requestId = withdrawTarget(await event.request.formData());
		if (!requestId) {
			await requireAccess('request.list-own');
			badRequest(event);
		}
		return withdrawAction(await requireAccess('request.withdraw', { requestId }), event, 'young-person');
	}
};
