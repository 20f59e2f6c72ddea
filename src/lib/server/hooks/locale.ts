import type { Handle } from '@sveltejs/kit';
import { directionOf, i18nFor, negotiateLocale } from '$lib/i18n';

/** ?lang → cookie → Accept-Language; fills `<html lang dir>` (A11Y-16). */
export const handleLocale: Handle = async ({ event, resolve }) => {
	const secure = event.url.protocol === 'https:';
	const cookieName = secure ? '__Host-lang' : 'lang';
	const query = event.url.searchParams.get('lang');
	const locale = negotiateLocale(query, event.cookies.get(cookieName), event.request.headers.get('accept-language'));
	if (query === locale) {
		event.cookies.set(cookieName, locale, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 365 * 24 * 3600 });
	}
	event.locals.locale = locale;
	event.locals.t = i18nFor(locale).getFixedT(locale);
	const dir = directionOf(locale);
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', locale).replace('%dir%', dir)
	});
};
