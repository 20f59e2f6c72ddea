import { requireAccess } from '$lib/server/access/require';
import * as questionPage from '$lib/server/consultation/question-page';
import { withFormStrings } from '$lib/server/i18n-strings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) =>
	// Issue 10: the page is sent the wording it shows, not every catalog.
	withFormStrings(locals.locale, await questionPage.load(await requireAccess('review.answer', { reviewId: params.reviewId }), url, params.pageId, 'carer'));

export const actions: Actions = {
	default: async (event) =>
		questionPage.save(await requireAccess('review.answer', { reviewId: event.params.reviewId }), event, event.params.pageId, 'carer')
};
