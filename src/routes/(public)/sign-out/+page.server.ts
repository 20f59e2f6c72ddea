import { requireSelf } from '$lib/server/access/require';
import { deleteSessionCookie, invalidateSession, invalidateUserSessions } from '$lib/server/auth/session';
import { database } from '$lib/server/db';
import * as audit from '$lib/server/data/audit';
import type { Actions, PageServerLoad } from './$types';

/**
 * Sign out ends the session on the server (SEC-S4) and asks the browser to drop its cache and
 * storage (D12). Staff can also end every session they have ("sign out everywhere").
 */
export const load: PageServerLoad = async ({ locals }) => ({
	signedIn: locals.actor !== null,
	staff: locals.actor ? ['admin', 'iro', 'advocate'].includes(locals.actor.role) : false
});

async function end(event: Parameters<NonNullable<Actions['now']>>[0], everywhere: boolean) {
	const actor = requireSelf('full', '/sign-out');
	const db = database();
	if (everywhere) await invalidateUserSessions(db, actor.id);
	else await invalidateSession(db, event.locals.session!.id);
	await audit.record(db, { at: Date.now(), actorId: actor.id, actorRole: actor.role, action: 'sign_out', requestId: event.locals.requestId });
	deleteSessionCookie(event.cookies, event.url);
	// D12: the header hook sends this on the response, a 200 page rather than a redirect.
	event.locals.clearSiteData = '"cache", "storage"';
	return { signedOut: true };
}

export const actions: Actions = {
	now: async (event) => end(event, false),
	everywhere: async (event) => end(event, true)
};
