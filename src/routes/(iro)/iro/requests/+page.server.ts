import { requireAccess } from '$lib/server/access/require';
import { loadIroList } from '$lib/server/requests/routes';
import type { PageServerLoad } from './$types';

/** Issue 6: requests from the IRO's allocated children in one list, with due times; overdue first (DOMAIN §6.4). */
export const load: PageServerLoad = async () => loadIroList(await requireAccess('request.iro-list'));
