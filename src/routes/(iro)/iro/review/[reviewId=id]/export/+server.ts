import { json } from '@sveltejs/kit';
import { requireAccess } from '$lib/server/access/require';
import { loadPackExport } from '$lib/server/pack/load';
import type { RequestHandler } from './$types';

/** The pack as JSON for the case system (DOMAIN §8.3; D6: +server only for exports). */
export const GET: RequestHandler = async ({ params, locals }) => {
	const body = await loadPackExport(await requireAccess('review.read-pack', { reviewId: params.reviewId }), locals.requestId);
	return json(body, { headers: { 'content-disposition': 'attachment; filename="review-pack.json"' } });
};
