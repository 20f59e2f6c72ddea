import { fail, redirect } from '@sveltejs/kit';
import { HOME } from '$lib/server/auth/homes';
import { setSessionCookie } from '$lib/server/auth/session';
import { signInRespondent } from '$lib/server/auth/sign-in';
import { database } from '$lib/server/db';
import { clientAddress, field } from '$lib/server/http';
import { rememberFirstScreenLocale } from '$lib/server/preferences';
import type { Actions, PageServerLoad } from './$types';

/** Public: respondents sign in with the username they were given and their passphrase. */
export const load: PageServerLoad = async () => ({});

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const username = field(form, 'username').trim();
		const passphrase = field(form, 'passphrase');
		const errors: Record<string, { key: string }> = {};
		if (!username) errors.username = { key: 'errors.username-empty' };
		if (!passphrase) errors.passphrase = { key: 'errors.passphrase-empty' };
		if (Object.keys(errors).length) return fail(400, { raw: { username }, errors });
		const result = await signInRespondent(database(), { username, passphrase, address: clientAddress(event) }, Date.now());
		if (result.kind === 'limited') {
			event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			return fail(429, { raw: { username }, errors: { username: { key: 'errors.too-many-tries', params: { minutes: Math.ceil(result.retryAfterSeconds / 60) } } } });
		}
		if (result.kind === 'invalid') return fail(400, { raw: { username }, errors: { username: { key: 'errors.sign-in-invalid' } } });
		setSessionCookie(event.cookies, event.url, result.token);
		// Issue 7: the language picked on this first screen follows the person to other phones.
		await rememberFirstScreenLocale(database(), event, result.userId);
		redirect(303, HOME[result.role]);
	}
};
