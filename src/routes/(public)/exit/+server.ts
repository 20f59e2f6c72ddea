import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';
import { database } from '$lib/server/db';
import { env } from '$lib/server/env';
import { deletePreferenceCookies } from '$lib/server/preferences';
import type { RequestHandler } from './$types';

/**
 * Exit this page (A11Y-17, D12, D13): the one GET that changes state. Ends the session, clears
 * the site's cache, cookies and storage, and lands on a neutral site. Forgery only signs out.
 */
export const GET: RequestHandler = async ({ locals, cookies, url, setHeaders }) => {
	if (locals.session) await invalidateSession(database(), locals.session.id);
	deleteSessionCookie(cookies, url);
	// SECURITY §4: Exit also drops the language and display cookies, for browsers that ignore Clear-Site-Data.
	deletePreferenceCookies(cookies, url);
	setHeaders({ 'clear-site-data': '"cache", "cookies", "storage"' });
	redirect(303, env().exitUrl);
};
