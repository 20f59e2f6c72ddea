import { requireAccess } from '$lib/server/access/require';
import { database } from '$lib/server/db';
import * as decisions from '$lib/server/review/decisions';
import { respond } from '$lib/server/review/outcome';
import type { Actions, PageServerLoad } from './$types';

/** "You said, we decided": decisions and actions, linked to the child's answers, and when they were sent (issue 5). */
export const load: PageServerLoad = async ({ params, url, locals }) =>
	decisions.loadDecisions(
		database(),
		await requireAccess('review.record-outcome', { reviewId: params.reviewId }),
		url.searchParams.get('edit'),
		Date.now(),
		locals.requestId
	);

export const actions: Actions = {
	add: async ({ params, request, locals }) => {
		const access = await requireAccess('review.record-outcome', { reviewId: params.reviewId });
		return respond(await decisions.addDecision(database(), access, await request.formData(), Date.now(), locals.requestId), 'add', locals.requestId);
	},
	update: async ({ params, request, locals }) => {
		const access = await requireAccess('review.record-outcome', { reviewId: params.reviewId });
		return respond(await decisions.updateDecision(database(), access, await request.formData(), Date.now(), locals.requestId), 'update', locals.requestId);
	},
	send: async ({ params, request, locals }) => {
		const access = await requireAccess('review.record-outcome', { reviewId: params.reviewId });
		return respond(await decisions.sendDecisions(database(), access, await request.formData(), Date.now(), locals.requestId), 'send', locals.requestId);
	}
};
