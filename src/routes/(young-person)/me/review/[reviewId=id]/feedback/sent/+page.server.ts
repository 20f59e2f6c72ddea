import { requireAccess } from '$lib/server/access/require';
import { database } from '$lib/server/db';
import * as respond from '$lib/server/feedback/respond';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) =>
	respond.loadSent(database(), await requireAccess('review.give-feedback', { reviewId: params.reviewId }), 'young-person', Date.now());
