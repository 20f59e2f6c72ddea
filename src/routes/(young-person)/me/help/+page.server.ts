import { fail, redirect } from '@sveltejs/kit';
import { londonDate } from '$lib/domain/calendar';
import { requireAccess } from '$lib/server/access/require';
import { database } from '$lib/server/db';
import * as alerts from '$lib/server/data/alerts';
import * as allocations from '$lib/server/data/allocations';
import { log } from '$lib/server/log';
import * as reviews from '$lib/server/data/reviews';
import { resumePath } from '$lib/server/consultation/question-page';
import { raiseAlert } from '$lib/server/safety';
import type { Actions, PageServerLoad } from './$types';

/**
 * Where "Go back to where you were" leads: the child's first unanswered page, worked out here,
 * so no question name travels in the address (D11, PRIV-H3).
 */
async function whereTheyWere(childId: string | null): Promise<string> {
	if (!childId) return '/me';
	const review = await reviews.currentForChild(database(), childId);
	if (!review) return '/me';
	return resumePath(await requireAccess('review.answer', { reviewId: review.id }), 'young-person');
}

/**
 * "I need help now" and the safety message (DOMAIN §5.7, PRIV-17). Whether someone has just been
 * told is decided here from the child's open alerts, never carried in the URL, which a shared
 * phone's history shows (D11).
 */
export const load: PageServerLoad = async () => {
	const access = await requireAccess('respondent.home');
	const childId = access.actor.childId;
	const db = database();
	const now = Date.now();
	const iro = childId ? await allocations.currentIro(db, childId, londonDate(now)) : undefined;
	const raised = childId ? (await alerts.openFor(db, [childId])).some((a) => a.createdAt >= now - 30 * 60_000) : false;
	return { raised, next: await whereTheyWere(childId), iroName: iro?.displayName ?? null };
};

export const actions: Actions = {
	default: async ({ locals }) => {
		const access = await requireAccess('respondent.home');
		const childId = access.actor.childId;
		if (childId) {
			const db = database();
			const now = Date.now();
			try {
				const review = await reviews.currentForChild(db, childId);
				await db.transaction().execute((trx) =>
					raiseAlert(trx, { childId, reviewId: review?.id ?? null, raisedBy: access.actor.id, source: 'help-now', questionId: null }, now)
				);
			} catch (e) {
				// REL-18: the page still shows 999 and Childline, says it didn't go, and offers Try again.
				log.error({ err: e, requestId: locals.requestId, route: '/me/help' }, 'help-now alert failed');
				return fail(503, { errors: { help: { key: 'errors.help-failed' } } });
			}
		}
		redirect(303, '/me/help');
	}
};
