import { requireAccess } from '$lib/server/access/require';
import { loadPack } from '$lib/server/pack/load';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) =>
	loadPack(await requireAccess('review.read-pack', { reviewId: params.reviewId }), locals.requestId);
