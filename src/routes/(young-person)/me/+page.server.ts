import { requireAccess } from '$lib/server/access/require';
import { loadHome } from '$lib/server/consultation/home';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	reviews: await loadHome(await requireAccess('respondent.home')),
	audience: 'young-person'
});
