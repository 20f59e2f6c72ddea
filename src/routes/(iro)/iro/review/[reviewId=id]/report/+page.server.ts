import { requireAccess } from '$lib/server/access/require';
import { database } from '$lib/server/db';
import { respond } from '$lib/server/review/outcome';
import * as report from '$lib/server/review/report';
import type { Actions, PageServerLoad } from './$types';

/** The My Review Report to the child, its timeliness, and the child's reactions (issue 5, DOMAIN §7). */
export const load: PageServerLoad = async ({ params, locals }) =>
	report.loadReport(database(), await requireAccess('review.record-outcome', { reviewId: params.reviewId }), Date.now(), locals.requestId);

export const actions: Actions = {
	save: async ({ params, request, locals }) => {
		const access = await requireAccess('review.record-outcome', { reviewId: params.reviewId });
		return respond(await report.saveReport(database(), access, await request.formData(), Date.now(), locals.requestId), 'report', locals.requestId);
	},
	send: async ({ params, request, locals }) => {
		const access = await requireAccess('review.record-outcome', { reviewId: params.reviewId });
		return respond(await report.sendReport(database(), access, await request.formData(), Date.now(), locals.requestId), 'report', locals.requestId);
	}
};
