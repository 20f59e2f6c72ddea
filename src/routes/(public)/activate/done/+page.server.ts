import { requireSelf } from '$lib/server/access/require';
import { HOME } from '$lib/server/auth/homes';
import { database } from '$lib/server/db';
import * as users from '$lib/server/data/users';
import type { PageServerLoad } from './$types';

/** Activation step 3: show the username once, so the person can sign in next time. */
export const load: PageServerLoad = async () => {
	const actor = requireSelf('full', '/sign-in');
	const user = await users.get(database(), actor.id);
	return { username: user?.username ?? null, next: HOME[actor.role] };
};
