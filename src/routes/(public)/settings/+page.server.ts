import { fail, redirect } from '@sveltejs/kit';
import { displayFromForm } from '$lib/domain/display';
import { isLocale, shippedLanguages } from '$lib/i18n';
import { database } from '$lib/server/db';
import * as users from '$lib/server/data/users';
import { field } from '$lib/server/http';
import { displayCookie, setDisplayCookie, setLocaleCookie } from '$lib/server/preferences';
import { safeReturnPath } from '$lib/server/return-path';
import type { Actions, PageServerLoad } from './$types';

/**
 * Language and display settings (issue 7), for anyone, signed in or not: both work with JS off
 * (plain form posts, then back where the person was). The language is kept on the device and,
 * when signed in, on the person's record so it follows them; the display settings stay on the
 * device only (A11Y-22).
 */
export const load: PageServerLoad = async ({ cookies, url, locals }) => ({
	// Issue 8: only the languages the service offers.
	languages: shippedLanguages(locals.offeredLocales),
	display: displayCookie(cookies, url)
});

export const actions: Actions = {
	language: async (event) => {
		const form = await event.request.formData();
		const lang = field(form, 'lang');
		if (!isLocale(lang) || !shippedLanguages(event.locals.offeredLocales).some((l) => l.code === lang)) return fail(400);
		setLocaleCookie(event.cookies, event.url, lang);
		const { actor, session } = event.locals;
		if (actor && session?.kind === 'full') await users.setLocale(database(), actor.id, lang);
		redirect(303, safeReturnPath(field(form, 'return_to')));
	},
	display: async (event) => {
		const form = await event.request.formData();
		const settings = displayFromForm(form);
		if (!settings) return fail(400);
		setDisplayCookie(event.cookies, event.url, settings);
		redirect(303, safeReturnPath(field(form, 'return_to')));
	}
};
