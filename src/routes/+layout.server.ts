import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { directionOf } from '$lib/i18n';
import type { LayoutServerLoad } from './$types';

/**
 * The language, and whether to show Sign out. Never a fence: layout loads don't rerun, so every
 * page load and action authorises itself (STYLE §2.2).
 */
export const load: LayoutServerLoad = async ({ locals }) => ({
	locale: locals.locale,
	signedIn: locals.actor !== null && locals.session?.kind === 'full',
	staff: locals.actor?.role === 'iro' || locals.actor?.role === 'admin' || locals.actor?.role === 'advocate',
	dir: directionOf(locals.locale),
	// Issue 7: an opaque tag for the offline queue, so another person's sign-in wipes what was kept (SECURITY §6).
	person: locals.actor ? encodeHexLowerCase(sha256(new TextEncoder().encode(`queue:${locals.actor.id}`))).slice(0, 32) : null
});
