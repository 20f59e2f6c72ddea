import { error, type Handle } from '@sveltejs/kit';
import type { Role } from '../auth/actor';
import { sessionCookieName } from '../auth/session';

/**
 * The outer fence (SECURITY §2, deny by default). Path prefixes map to the one role that may
 * enter; public paths are listed; anything else is 404. No session → sign-in; wrong role → 404.
 * This is not the guard: every load and action also calls `requireAccess`.
 */
export const AUDIENCES: readonly { prefix: string; role: Role; signIn: string }[] = [
	{ prefix: '/me', role: 'young-person', signIn: '/sign-in' },
	{ prefix: '/parent', role: 'parent', signIn: '/sign-in' },
	{ prefix: '/carer', role: 'carer', signIn: '/sign-in' },
	{ prefix: '/iro', role: 'iro', signIn: '/sign-in/staff' },
	{ prefix: '/advocate', role: 'advocate', signIn: '/sign-in/staff' },
	{ prefix: '/admin', role: 'admin', signIn: '/sign-in/staff' }
];

/** SEC-A1: the inventory of public ways in. */
export const PUBLIC_PATHS: readonly string[] = [
	'/',
	'/sign-in',
	'/sign-in/staff',
	'/activate',
	'/activate/passphrase',
	'/activate/done',
	'/sign-out',
	'/exit',
	'/help',
	// Issue 7: the Easy Read pages (what a review is, who sees my answers, someone on your side): nothing personal.
	'/help/easy-read',
	'/help/easy-read/review',
	'/help/easy-read/who-sees',
	'/help/easy-read/on-your-side',
	'/accessibility',
	'/staying-safe-online',
	// Issue 7: language and display settings, for anyone (nothing personal).
	'/settings',
	// PRIV-H2: the web app manifest, with the service's neutral name (APP_NAME).
	'/manifest.webmanifest'
];

function under(path: string, prefix: string): boolean {
	return path === prefix || path.startsWith(prefix + '/');
}

/** Kit's data requests (`…/__data.json`) and route paths are fenced alike. */
function routePath(pathname: string): string {
	return pathname.replace(/\/__data\.json$/, '') || '/';
}

export const handleAudience: Handle = async ({ event, resolve }) => {
	const path = routePath(event.url.pathname);
	if (PUBLIC_PATHS.includes(path)) return resolve(event);
	const audience = AUDIENCES.find((a) => under(path, a.prefix));
	// An unknown path is Kit's own 404; a real route outside every list is refused (deny by default).
	if (!audience) {
		if (event.route.id === null) return resolve(event);
		error(404, { message: 'Not found', code: 'not-found', id: event.locals.requestId });
	}
	const actor = event.locals.actor;
	// Returned, not thrown, so the header hook still wraps the response (SEC-C4).
	if (!actor) {
		const response = new Response(null, { status: 303, headers: { location: audience.signIn } });
		// SEC-S7: handleSession deletes a refused token's cookie, but Kit adds `event.cookies` only
		// to responses that come from resolve, so this redirect carries the deletion itself. (Sent
		// but now gone from event.cookies = deleted by handleSession; an activation session is kept.)
		const name = sessionCookieName(event.url);
		const sent = (event.request.headers.get('cookie') ?? '').split(/;\s*/).some((c) => c.startsWith(`${name}=`));
		if (sent && event.cookies.get(name) === undefined) {
			response.headers.append('set-cookie', event.cookies.serialize(name, '', { httpOnly: true, sameSite: 'lax', path: '/', secure: event.url.protocol === 'https:', maxAge: 0 }));
		}
		return response;
	}
	if (actor.role !== audience.role) {
		// Wrong role: carry on as nobody, so the page's own requireAccess answers 404 with the
		// normal error page, the headers and an authz_denied audit row (D14).
		event.locals.deniedActor = actor;
		event.locals.actor = null;
		event.locals.session = null;
	}
	return resolve(event);
};
