import type { LayoutServerLoad } from './$types';

/**
 * The language, and whether to show Sign out. Never a fence: layout loads don't rerun, so every
 * page load and action authorises itself (STYLE §2.2).
 */
export const load: LayoutServerLoad = async ({ locals }) => ({
	locale: locals.locale,
	signedIn: locals.actor !== null && locals.session?.kind === 'full',
	staff: locals.actor?.role === 'iro' || locals.actor?.role === 'admin' || locals.actor?.role === 'advocate'
});
