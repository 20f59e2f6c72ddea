import { error, redirect, type Handle } from '@sveltejs/kit';
import type { Role } from '../auth/actor';

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
	'/accessibility',
	'/staying-safe-online'
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
	if (!audience) error(404, { message: 'Not found', code: 'not-found', id: event.locals.requestId });
	const actor = event.locals.actor;
	if (!actor) redirect(303, audience.signIn);
	if (actor.role !== audience.role) error(404, { message: 'Not found', code: 'not-found', id: event.locals.requestId });
	return resolve(event);
};
