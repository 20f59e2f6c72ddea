import { requireAccess } from '$lib/server/access/require';
import { database } from '$lib/server/db';
import { loadPack } from '$lib/server/pack/load';
import { afterMeeting } from '$lib/server/review/summary';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const access = await requireAccess('review.read-pack', { reviewId: params.reviewId });
	// "After the meeting" and "last review's decisions" (DOMAIN §8.1 items 9 and 11).
	return { ...(await loadPack(access, locals.requestId)), after: await afterMeeting(database(), access, Date.now()) };
};
