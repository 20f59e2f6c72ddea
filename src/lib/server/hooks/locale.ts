import type { Handle } from '@sveltejs/kit';
import { directionOf, i18nFor, negotiateLocale } from '$lib/i18n';
import { displayClasses } from '$lib/domain/display';
import '../i18n-catalogues';
import { displayCookie, localeCookie } from '../preferences';

/**
 * The person's saved language → the `lang` cookie → Accept-Language → English; fills
 * `<html lang dir class>` on the server (A11Y-16, A11Y-22), so right-to-left and the display
 * settings hold with JavaScript off. Choosing is a POST to /settings (GET changes nothing, D13).
 */
export const handleLocale: Handle = async ({ event, resolve }) => {
	const locale = negotiateLocale(event.locals.actor?.locale, localeCookie(event.cookies, event.url), event.request.headers.get('accept-language'));
	event.locals.locale = locale;
	event.locals.t = i18nFor(locale).getFixedT(locale);
	const dir = directionOf(locale);
	const classes = displayClasses(displayCookie(event.cookies, event.url));
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', locale).replace('%dir%', dir).replace('%display%', classes)
	});
};
