import { fail, redirect } from '@sveltejs/kit';
import { requireSelf } from '$lib/server/access/require';
import { completeActivation } from '$lib/server/auth/activate';
import { setSessionCookie } from '$lib/server/auth/session';
import { database } from '$lib/server/db';
import { field } from '$lib/server/http';
import { rememberFirstScreenLocale } from '$lib/server/preferences';
import type { Actions, PageServerLoad } from './$types';

/** Activation step 2: choose a passphrase (staff: a password). Needs the code's short session. */
export const load: PageServerLoad = async () => {
	const actor = requireSelf('activation', '/activate');
	return { staff: ['admin', 'iro', 'advocate'].includes(actor.role) };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireSelf('activation', '/activate');
		const form = await event.request.formData();
		const passphrase = field(form, 'passphrase');
		const result = await completeActivation(database(), event.locals.session!, passphrase, Date.now());
		if (result.kind === 'gone') redirect(303, '/activate');
		if (result.kind === 'invalid') return fail(400, { errors: { passphrase: result.error } });
		setSessionCookie(event.cookies, event.url, result.token);
		// Issue 7: the language picked on the first screen (the code page) becomes the person's own.
		await rememberFirstScreenLocale(database(), event, actor.id);
		redirect(303, '/activate/done');
	}
};
