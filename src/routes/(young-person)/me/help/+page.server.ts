import { fail, redirect } from '@sveltejs/kit';
import { londonDate } from '$lib/domain/calendar';
import { requireAccess } from '$lib/server/access/require';
import { database } from '$lib/server/db';
import * as alerts from '$lib/server/data/alerts';
import * as allocations from '$lib/server/data/allocations';
import { log } from '$lib/server/log';
import * as reviews from '$lib/server/data/reviews';
import { raiseAlert } from '$lib/server/safety';
import type { Actions, PageServerLoad } from './$types';

/** SEC-C7: only a path back into the young person's own pages. */
function safeNext(url: URL): string {
	const next = url.searchParams.get('next') ?? '';
	return /^\/me(\/review\/[a-z2-7]{24}(\/[a-z0-9-]{1,60})?)?$/.test(next) ? next : '/me';
}

/**
 * "I need help now" and the safety message (DOMAIN §5.7, PRIV-17). Whether someone has just been
 * told is decided here from the child's open alerts, never carried in the URL, which a shared
 * phone's history shows (D11).
 */
export const load: PageServerLoad = async ({ url }) => {
	const access = await requireAccess('respondent.home');
	const childId = access.actor.childId;
	const db = database();
	const now = Date.now();
	const iro = childId ? await allocations.currentIro(db, childId, londonDate(now)) : undefined;
	const raised = childId ? (await alerts.openFor(db, [childId])).some((a) => a.createdAt >= now - 30 * 60_000) : false;
	return { raised, next: safeNext(url), iroName: iro?.displayName ?? null };
};

export const actions: Actions = {
	default: async ({ url, locals }) => {
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
		redirect(303, `/me/help?next=${encodeURIComponent(safeNext(url))}`);
	}
};
