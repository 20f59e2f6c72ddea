import { requireAccess } from '$lib/server/access/require';
import { loadQueue } from '$lib/server/requests/routes';
import type { PageServerLoad } from './$types';

/**
 * The advocacy service's queue (issue 6): referrals children shared with consent that still stands
 * (SECURITY §2 advocate, SEC-Z9), overdue first. Nothing else of any child is here.
 */
export const load: PageServerLoad = async () => loadQueue(await requireAccess('advocate.home'));
