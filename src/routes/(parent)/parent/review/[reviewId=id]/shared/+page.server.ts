import { requireAccess } from '$lib/server/access/require';
import { loadShared } from '$lib/server/pack/load';
import type { PageServerLoad } from './$types';

/** What the child chose to share with everyone at their review; nothing else (DOMAIN §5.6). */
export const load: PageServerLoad = async ({ params, locals }) => ({
	...(await loadShared(await requireAccess('review.read-shared', { reviewId: params.reviewId }), 'parent', locals.requestId)),
	home: '/parent'
});
