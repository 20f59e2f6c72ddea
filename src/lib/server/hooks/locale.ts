import type { Handle } from '@sveltejs/kit';
import { directionOf, i18nFor, LOCALES, negotiateLocale, type Locale } from '$lib/i18n';
import { displayClasses } from '$lib/domain/display';
import '../i18n-catalogues';
import { database } from '../db';
import { log } from '../log';
import { displayCookie, localeCookie } from '../preferences';
import { offeredLocales } from '../settings';

/**
 * The person's saved language → the `lang` cookie → Accept-Language → English, among the languages
 * the service offers (issue 8); fills
 * `<html lang dir class>` on the server (A11Y-16, A11Y-22), so right-to-left and the display
 * settings hold with JavaScript off. Choosing is a POST to /settings (GET changes nothing, D13).
 */
export const handleLocale: Handle = async ({ event, resolve }) => {
	// Only the languages the service offers (issue 8 settings); if they can't be read, every shipped one.
	let offered: readonly Locale[] = LOCALES;
	try {
		offered = await offeredLocales(database());
	} catch (err: unknown) {
		log.error({ err }, 'offered languages could not be read');
	}
	event.locals.offeredLocales = offered;
	const locale = negotiateLocale(event.locals.actor?.locale, localeCookie(event.cookies, event.url), event.request.headers.get('accept-language'), offered);
	event.locals.locale = locale;
	event.locals.t = i18nFor(locale).getFixedT(locale);
	const dir = directionOf(locale);
	const classes = displayClasses(displayCookie(event.cookies, event.url));
	return resolve(event, {
		transformPageChunk: ({ html }) => {
			// The placeholders are all in the <html> tag (src/app.html). Replacing in the whole page
			// copied it three times: ~7 ms of server time for a 1 MB review pack (issue 10).
			const cut = html.indexOf('<head');
			const top = (cut === -1 ? html : html.slice(0, cut)).replace('%lang%', locale).replace('%dir%', dir).replace('%display%', classes);
			return cut === -1 ? top : top + html.slice(cut);
		}
	});
};
