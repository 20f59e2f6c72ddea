import { requireAccess } from '$lib/server/access/require';
import { loadShared } from '$lib/server/pack/load';
import { withFormStrings } from '$lib/server/i18n-strings';
import type { PageServerLoad } from './$types';

/** What the child chose to share with everyone at their review; nothing else (DOMAIN §5.6). */
export const load: PageServerLoad = async ({ params, locals }) =>
	// Issue 10: the page is sent the wording it shows, not every catalog.
	withFormStrings(locals.locale, {
		...(await loadShared(await requireAccess('review.read-shared', { reviewId: params.reviewId }), 'carer', locals.requestId)),
		home: '/carer'
	});
