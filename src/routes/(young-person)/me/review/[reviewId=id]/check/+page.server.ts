import { requireAccess } from '$lib/server/access/require';
import * as submit from '$lib/server/consultation/submit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) =>
	submit.loadCheck(await requireAccess('review.answer', { reviewId: params.reviewId }), 'young-person');

export const actions: Actions = {
	send: async (event) => submit.send(await requireAccess('review.answer', { reviewId: event.params.reviewId }), event, 'young-person')
};
