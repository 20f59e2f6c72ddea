import { requireAccess } from '$lib/server/access/require';
import { database } from '$lib/server/db';
import * as respond from '$lib/server/feedback/respond';
import { withFormStrings } from '$lib/server/i18n-strings';
import type { Actions, PageServerLoad } from './$types';

/** One feedback page; Continue or Previous saves it on the server first (REL-1). */
export const load: PageServerLoad = async ({ params, url, locals }) =>
	// Issue 10: the page is sent the wording it shows, not every catalogue.
	withFormStrings(locals.locale, await respond.loadPage(database(), await requireAccess('review.give-feedback', { reviewId: params.reviewId }), url, params.pageId, 'carer', Date.now()));

export const actions: Actions = {
	default: async (event) =>
		respond.savePage(database(), await requireAccess('review.give-feedback', { reviewId: event.params.reviewId }), event, event.params.pageId, 'carer', Date.now())
};
