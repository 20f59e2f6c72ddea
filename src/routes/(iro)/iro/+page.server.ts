import { requireAccess } from '$lib/server/access/require';
import { loadCaseload } from '$lib/server/caseload';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ rows: await loadCaseload(await requireAccess('caseload.view'), Date.now()) });
