import { requireAccess } from '$lib/server/access/require';
import { database } from '$lib/server/db';
import * as escalations from '$lib/server/review/escalations';
import { respond } from '$lib/server/review/outcome';
import type { Actions, PageServerLoad } from './$types';

/** Dispute resolution on this review: open at a stage with its 20-working-day clock, close with the outcome (DOMAIN §9). */
export const load: PageServerLoad = async ({ params, locals }) =>
	escalations.loadEscalations(database(), await requireAccess('review.record-outcome', { reviewId: params.reviewId }), Date.now(), locals.requestId);

export const actions: Actions = {
	open: async ({ params, request, locals }) => {
		const access = await requireAccess('review.record-outcome', { reviewId: params.reviewId });
		return respond(await escalations.openEscalation(database(), access, await request.formData(), Date.now(), locals.requestId), 'open', locals.requestId);
	},
	close: async ({ params, request, locals }) => {
		const access = await requireAccess('review.record-outcome', { reviewId: params.reviewId });
		return respond(await escalations.closeEscalation(database(), access, await request.formData(), Date.now(), locals.requestId), 'close', locals.requestId);
	}
};
