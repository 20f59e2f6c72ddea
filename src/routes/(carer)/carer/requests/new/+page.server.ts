import { requireAccess } from '$lib/server/access/require';
import { adultChildId, adultInvalid, loadAdultForm, sendAdult } from '$lib/server/requests/routes';
import type { Actions, PageServerLoad } from './$types';

/** Issue 6, DOMAIN §6.2: an interpreter, a different time, or to talk to the IRO, about a child linked today. */
export const load: PageServerLoad = async () => loadAdultForm(await requireAccess('request.list-own'), 'carer');

export const actions: Actions = {
	send: async (event) => {
		const form = await event.request.formData();
		const childId = adultChildId(form);
		if (!childId) {
			await requireAccess('request.list-own');
			return adultInvalid(form, event);
		}
		// The link decides: another family's child is a 404 (T2).
		return sendAdult(await requireAccess('request.create', { childId }), form, event, 'carer');
	}
};
