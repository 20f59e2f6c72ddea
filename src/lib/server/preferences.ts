import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { isLocale, type Locale } from '$lib/i18n';
import { parseDisplay, serialiseDisplay, type DisplaySettings } from '$lib/domain/display';
import type { Db } from './db';
import * as users from './data/users';

/**
 * The two preference cookies of SECURITY §4 (`lang`, `display`): HttpOnly, SameSite=Lax, Path=/,
 * a year, `__Host-` on https. Nothing personal in either; sign-out keeps them, Exit clears them.
 */
const YEAR = 365 * 24 * 3600;

function name(base: 'lang' | 'display', url: URL): string {
	return url.protocol === 'https:' ? `__Host-${base}` : base;
}

function set(cookies: Cookies, url: URL, base: 'lang' | 'display', value: string): void {
	cookies.set(name(base, url), value, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: YEAR });
}

export function localeCookie(cookies: Cookies, url: URL): string | undefined {
	return cookies.get(name('lang', url));
}

export function setLocaleCookie(cookies: Cookies, url: URL, locale: Locale): void {
	set(cookies, url, 'lang', locale);
}

export function displayCookie(cookies: Cookies, url: URL): DisplaySettings {
	return parseDisplay(cookies.get(name('display', url)));
}

export function setDisplayCookie(cookies: Cookies, url: URL, settings: DisplaySettings): void {
	set(cookies, url, 'display', serialiseDisplay(settings));
}

/** Exit clears the preferences too (SECURITY §4: "Exit clears them"). */
export function deletePreferenceCookies(cookies: Cookies, url: URL): void {
	for (const base of ['lang', 'display'] as const) cookies.delete(name(base, url), { path: '/', secure: url.protocol === 'https:' });
}

/**
 * The language picked on the first screen (sign-in, activation) becomes the person's own the
 * first time they sign in, so it follows them to another phone. A saved choice is not
 * overwritten by a shared phone's cookie; they change it with the picker.
 */
export async function rememberFirstScreenLocale(db: Db, event: RequestEvent, userId: string): Promise<void> {
	const chosen = localeCookie(event.cookies, event.url);
	if (!isLocale(chosen)) return;
	await users.setLocaleIfUnset(db, userId, chosen);
}
