import type { Handle } from '@sveltejs/kit';
import { deleteSessionCookie, sessionCookieName, validateSessionToken } from '../auth/session';
import { database } from '../db';

/**
 * Authentication only (rule 1): the cookie becomes `locals.actor` and `locals.session`, or nulls.
 * An activation session (a code entered, no passphrase yet) counts only under /activate.
 */
export const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.actor = null;
	event.locals.session = null;
	const token = event.cookies.get(sessionCookieName(event.url));
	if (token) {
		const result = await validateSessionToken(database(), token, Date.now());
		if (!result.session) {
			deleteSessionCookie(event.cookies, event.url);
		} else if (result.session.kind === 'full' || event.url.pathname.startsWith('/activate')) {
			event.locals.actor = result.actor;
			event.locals.session = result.session;
		}
	}
	return resolve(event);
};
