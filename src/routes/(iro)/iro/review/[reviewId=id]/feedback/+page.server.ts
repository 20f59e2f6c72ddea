import { requireAccess } from '$lib/server/access/require';
import { database } from '$lib/server/db';
import * as results from '$lib/server/feedback/results';
import type { PageServerLoad } from './$types';

/** Feedback after the review for the allocated IRO (issue 6, DOMAIN §7): named answers; name-hidden ones only in totals of 5+. */
export const load: PageServerLoad = async ({ params, locals }) =>
	results.loadResults(database(), await requireAccess('review.read-feedback', { reviewId: params.reviewId }), Date.now(), locals.requestId);
