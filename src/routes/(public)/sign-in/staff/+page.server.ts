import { fail, redirect } from '@sveltejs/kit';
import { HOME } from '$lib/server/auth/homes';
import { setSessionCookie } from '$lib/server/auth/session';
import { signInStaff } from '$lib/server/auth/sign-in';
import { database } from '$lib/server/db';
import { clientAddress, field } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

/** Public: staff sign in with email and password (MFA before live use: SEC-A2, open). */
export const load: PageServerLoad = async () => ({});

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const email = field(form, 'email').trim();
		const password = field(form, 'password');
		const errors: Record<string, { key: string }> = {};
		if (!email) errors.email = { key: 'errors.email-empty' };
		if (!password) errors.password = { key: 'errors.password-empty' };
		if (Object.keys(errors).length) return fail(400, { raw: { email }, errors });
		const result = await signInStaff(database(), { email, password, address: clientAddress(event) }, Date.now());
		if (result.kind === 'limited') {
			event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			return fail(429, { raw: { email }, errors: { email: { key: 'errors.too-many-tries', params: { minutes: Math.ceil(result.retryAfterSeconds / 60) } } } });
		}
		if (result.kind === 'invalid') return fail(400, { raw: { email }, errors: { email: { key: 'errors.staff-sign-in-invalid' } } });
		setSessionCookie(event.cookies, event.url, result.token);
		redirect(303, HOME[result.role]);
	}
};
