import { requireAccess } from '$lib/server/access/require';
import { database } from '$lib/server/db';
import { loadPack } from '$lib/server/pack/load';
import { caseRecordState, markSavedToCaseRecord } from '$lib/server/review/case-record';
import { respond } from '$lib/server/review/outcome';
import { afterMeeting } from '$lib/server/review/summary';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const access = await requireAccess('review.read-pack', { reviewId: params.reviewId });
	// "After the meeting" and "last review's decisions" (DOMAIN §8.1 items 9 and 11); SECURITY §10's case-record mark.
	return { ...(await loadPack(access, locals.requestId)), after: await afterMeeting(database(), access, Date.now()), caseRecord: await caseRecordState(database(), access) };
};

export const actions: Actions = {
	/** SECURITY §10, D20: the pack is in the council's case record (held reviews only; once; audited). */
	'saved-to-record': async ({ params, request, locals }) => {
		const access = await requireAccess('review.record-outcome', { reviewId: params.reviewId });
		return respond(await markSavedToCaseRecord(database(), access, await request.formData(), Date.now(), locals.requestId), 'case-record', locals.requestId);
	}
};
