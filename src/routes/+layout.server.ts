import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { directionOf, LOCALES, shippedLanguages } from '$lib/i18n';
import { database } from '$lib/server/db';
import { loadSettings } from '$lib/server/settings';
import { stringsFor } from '$lib/server/i18n-strings';
import type { LayoutServerLoad } from './$types';

/**
 * The language, and whether to show Sign out. Never a fence: layout loads don't rerun, so every
 * page load and action authorises itself (STYLE §2.2).
 */
export const load: LayoutServerLoad = async ({ locals, route }) => {
	const staff = locals.actor?.role === 'iro' || locals.actor?.role === 'admin' || locals.actor?.role === 'advocate';
	return {
		locale: locals.locale,
		dir: directionOf(locals.locale),
		signedIn: locals.actor !== null && locals.session?.kind === 'full',
		staff,
		// Issue 8: the service's name in the header, for staff only (child pages keep the neutral name).
		serviceName: staff ? (await loadSettings(database())).serviceName : '',
		// Issue 8: the picker offers only the languages the service offers.
		languages: shippedLanguages(locals.offeredLocales ?? LOCALES),
		// Issue 10: the words this route's pages use, so the browser needs no catalogues or i18next
		// (this load runs again when the route changes, not on each page of the same route).
		strings: stringsFor(locals.locale, route.id),
		// Issue 7: an opaque tag for the offline queue, so another person's sign-in wipes what was kept (SECURITY §6).
		person: locals.actor ? encodeHexLowerCase(sha256(new TextEncoder().encode(`queue:${locals.actor.id}`))).slice(0, 32) : null
	};
};
