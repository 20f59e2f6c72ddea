import { requireAccess } from '$lib/server/access/require';
import { loadReferral, serviceAllocate, serviceUpdate } from '$lib/server/requests/routes';
import type { Actions, PageServerLoad } from './$types';

/**
 * One referral for the advocacy service (issue 6): only while the child's consent stands
 * (SEC-Z9: withdrawn → 404 at once). Opening it records "seen" (the child's read receipt).
 * The allocated advocate also reads the answers the child shared with "my advocate" (DOMAIN §5.6).
 */
export const load: PageServerLoad = async (event) => loadReferral(await requireAccess('referral.read', { requestId: event.params.referralId }), event);

export const actions: Actions = {
	update: async (event) => serviceUpdate(await requireAccess('referral.act', { requestId: event.params.referralId }), event),
	allocate: async (event) => serviceAllocate(await requireAccess('referral.act', { requestId: event.params.referralId }), event)
};
