import { requireAccess } from '$lib/server/access/require';
import type { PageServerLoad } from './$types';

/** Advocates sign in here; the referral queue arrives with issue 6. */
export const load: PageServerLoad = async () => {
	await requireAccess('advocate.home');
	return {};
};
