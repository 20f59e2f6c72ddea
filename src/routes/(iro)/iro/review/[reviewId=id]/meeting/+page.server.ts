import { requireAccess } from '$lib/server/access/require';
import { database } from '$lib/server/db';
import * as meeting from '$lib/server/review/meeting';
import { respond } from '$lib/server/review/outcome';
import type { Actions, PageServerLoad } from './$types';

/** After the meeting: the facts, the suggested PN code and the IRO's confirmation (DOMAIN §4). Allocated IRO only. */
export const load: PageServerLoad = async ({ params, locals }) =>
	meeting.loadMeeting(database(), await requireAccess('review.record-outcome', { reviewId: params.reviewId }), Date.now(), locals.requestId);

export const actions: Actions = {
	save: async ({ params, request, locals }) => {
		const access = await requireAccess('review.record-outcome', { reviewId: params.reviewId });
		return respond(await meeting.saveMeeting(database(), access, await request.formData(), Date.now(), locals.requestId), 'facts', locals.requestId);
	},
	confirm: async ({ params, request, locals }) => {
		const access = await requireAccess('review.record-outcome', { reviewId: params.reviewId });
		return respond(await meeting.confirmCode(database(), access, await request.formData(), Date.now(), locals.requestId), 'confirm', locals.requestId);
	}
};
