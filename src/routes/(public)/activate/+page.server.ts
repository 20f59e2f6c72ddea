import { fail, redirect } from '@sveltejs/kit';
import { claimCode } from '$lib/server/auth/activate';
import { setSessionCookie } from '$lib/server/auth/session';
import { database } from '$lib/server/db';
import { clientAddress, field } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

/** Public: enter the one-time code from an invitation letter (SEC-A3). */
export const load: PageServerLoad = async () => ({});

const MESSAGES = { invalid: 'errors.code-invalid', used: 'errors.code-used', expired: 'errors.code-expired', 'in-use': 'errors.code-in-use' } as const;

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const code = field(form, 'code').trim().slice(0, 40);
		if (!code) return fail(400, { raw: { code }, errors: { code: { key: 'errors.code-empty' } } });
		const result = await claimCode(database(), { code, address: clientAddress(event) }, Date.now());
		if (result.kind === 'limited') {
			event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			return fail(429, { raw: { code }, errors: { code: { key: 'errors.too-many-tries', params: { minutes: Math.ceil(result.retryAfterSeconds / 60) } } } });
		}
		if (result.kind !== 'ok') return fail(400, { raw: { code }, errors: { code: { key: MESSAGES[result.kind] } } });
		setSessionCookie(event.cookies, event.url, result.token);
		redirect(303, '/activate/passphrase');
	}
};
