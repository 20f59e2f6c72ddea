import { requireAccess } from '$lib/server/access/require';
import * as submit from '$lib/server/consultation/submit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
	...(await submit.loadSent(await requireAccess('review.answer', { reviewId: params.reviewId }), 'young-person')),
	home: '/me'
});

export const actions: Actions = {
	reopen: async (event) => submit.reopen(await requireAccess('review.answer', { reviewId: event.params.reviewId }), event, 'young-person')
};
