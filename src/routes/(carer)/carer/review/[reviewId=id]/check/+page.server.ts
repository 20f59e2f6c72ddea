import { requireAccess } from '$lib/server/access/require';
import * as submit from '$lib/server/consultation/submit';
import { withFormStrings } from '$lib/server/i18n-strings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) =>
	// Issue 10: the page is sent the wording it shows, not every catalog.
	withFormStrings(locals.locale, await submit.loadCheck(await requireAccess('review.answer', { reviewId: params.reviewId }), 'carer'));

export const actions: Actions = {
	send: async (event) => submit.send(await requireAccess('review.answer', { reviewId: event.params.reviewId }), event, 'carer')
};
