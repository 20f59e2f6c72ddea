import { requireAccess } from '$lib/server/access/require';
import { database } from '$lib/server/db';
import { loadHome } from '$lib/server/consultation/home';
import { feedbackHome } from '$lib/server/feedback/respond';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const access = await requireAccess('respondent.home');
	// Issue 6: feedback after a review sits beside the next review while it is open (DOMAIN §7).
	return { reviews: await loadHome(access), feedback: await feedbackHome(database(), access, Date.now()), audience: 'parent' };
};
