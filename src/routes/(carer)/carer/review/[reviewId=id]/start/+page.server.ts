import { requireAccess } from '$lib/server/access/require';
import * as start from '$lib/server/consultation/start';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
	...(await start.load(await requireAccess('review.answer', { reviewId: params.reviewId }), 'carer')),
	home: '/carer',
	audience: 'carer'
});

export const actions: Actions = {
	begin: async ({ params }) => start.begin(await requireAccess('review.answer', { reviewId: params.reviewId }), 'carer')
};
