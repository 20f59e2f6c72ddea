import { redirect } from '@sveltejs/kit';
import { londonDate } from '$lib/domain/calendar';
import { requireAccess } from '$lib/server/access/require';
import { database } from '$lib/server/db';
import * as allocations from '$lib/server/data/allocations';
import * as reviews from '$lib/server/data/reviews';
import { raiseAlert } from '$lib/server/safety';
import type { Actions, PageServerLoad } from './$types';

/** SEC-C7: only a path back into the young person's own pages. */
function safeNext(url: URL): string {
	const next = url.searchParams.get('next') ?? '';
	return /^\/me(\/review\/[a-z2-7]{24}(\/[a-z0-9-]{1,60})?)?$/.test(next) ? next : '/me';
}

/** "I need help now" and the safety message (DOMAIN §5.7, PRIV-17). */
export const load: PageServerLoad = async ({ url }) => {
	const access = await requireAccess('respondent.home');
	const childId = access.actor.childId;
	const iro = childId ? await allocations.currentIro(database(), childId, londonDate(Date.now())) : undefined;
	return { raised: url.searchParams.get('raised') === '1', next: safeNext(url), iroName: iro?.displayName ?? null };
};

export const actions: Actions = {
	default: async ({ url }) => {
		const access = await requireAccess('respondent.home');
		const childId = access.actor.childId;
		if (childId) {
			const db = database();
			const now = Date.now();
			const review = await reviews.currentForChild(db, childId);
			await db.transaction().execute((trx) =>
				raiseAlert(trx, { childId, reviewId: review?.id ?? null, raisedBy: access.actor.id, source: 'help-now', questionId: null }, now)
			);
		}
		redirect(303, `/me/help?raised=1&next=${encodeURIComponent(safeNext(url))}`);
	}
};
