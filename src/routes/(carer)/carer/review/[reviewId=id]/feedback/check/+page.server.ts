import { requireAccess } from '$lib/server/access/require';
import { database } from '$lib/server/db';
import * as respond from '$lib/server/feedback/respond';
import { withFormStrings } from '$lib/server/i18n-strings';
import type { Actions, PageServerLoad } from './$types';

/** Check and send, with an idempotency key ("sent" only after the write commits, REL-4, REL-5). */
export const load: PageServerLoad = async ({ params, locals }) =>
	// Issue 10: the page is sent the wording it shows, not every catalogue.
	withFormStrings(locals.locale, await respond.loadCheck(database(), await requireAccess('review.give-feedback', { reviewId: params.reviewId }), 'carer', Date.now()));

export const actions: Actions = {
	send: async (event) => respond.send(database(), await requireAccess('review.give-feedback', { reviewId: event.params.reviewId }), event, 'carer', Date.now())
};
