import { requireAccess } from '$lib/server/access/require';
import { database } from '$lib/server/db';
import * as respond from '$lib/server/feedback/respond';
import type { PageServerLoad } from './$types';

/** Feedback after the review (issue 6, DOMAIN §7): what it is, or where it stands. */
export const load: PageServerLoad = async ({ params }) =>
	respond.loadStart(database(), await requireAccess('review.give-feedback', { reviewId: params.reviewId }), 'parent', Date.now());
