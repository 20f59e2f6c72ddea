import { requireAccess } from '$lib/server/access/require';
import { database } from '$lib/server/db';
import * as childReport from '$lib/server/review/child-report';
import { respond } from '$lib/server/review/outcome';
import { withFormStrings } from '$lib/server/i18n-strings';
import type { Actions, PageServerLoad } from './$types';

/** The child's own My Review Report, and their reaction to each decision (issue 5; DOMAIN §7). Their own review only. */
export const load: PageServerLoad = async ({ params, locals }) =>
	// Issue 10: the page is sent the wording it shows, not every catalog.
	withFormStrings(locals.locale, await childReport.loadChildReport(database(), await requireAccess('review.read-record', { reviewId: params.reviewId }), Date.now()));

export const actions: Actions = {
	react: async ({ params, request, locals }) => {
		const access = await requireAccess('review.react', { reviewId: params.reviewId });
		return respond(await childReport.react(database(), access, await request.formData(), Date.now(), locals.requestId), 'react', locals.requestId);
	}
};
