import { redirect } from '@sveltejs/kit';
import { HOME } from '$lib/server/auth/homes';
import type { PageServerLoad } from './$types';

/** Public landing; someone already signed in goes to their own start page. */
export const load: PageServerLoad = async ({ locals }) => {
	if (locals.actor && locals.session?.kind === 'full') redirect(303, HOME[locals.actor.role]);
	return {};
};
