import { fail, redirect } from '@sveltejs/kit';
import { requireAccess } from '$lib/server/access/require';
import { reauthenticate, safeAdminReturn } from '$lib/server/auth/reauth';
import { database } from '$lib/server/db';
import { field } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

/**
 * SEC-S5: type the password again before an export (SECURITY §3.2). Works with JavaScript off: a
 * plain form posting to this address, which carries where to go back to (`returnTo`, checked).
 */
export const load: PageServerLoad = async ({ url }) => {
	await requireAccess('admin.manage');
	return { returnTo: safeAdminReturn(url.searchParams.get('returnTo')) };
};

export const actions: Actions = {
	default: async (event) => {
		const access = await requireAccess('admin.manage');
		const { locals, url } = event;
		const password = field(await event.request.formData(), 'password');
		if (!password) return fail(400, { errors: { password: { key: 'errors.password-empty' } } });
		const result = await reauthenticate(database(), access.actor, locals.session!.id, password, Date.now(), locals.requestId);
		if (result.kind === 'limited') {
			event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			return fail(429, { errors: { password: { key: 'errors.too-many-tries', params: { minutes: Math.ceil(result.retryAfterSeconds / 60) } } } });
		}
		if (result.kind === 'invalid') return fail(400, { errors: { password: { key: 'errors.reauth-invalid' } } });
		redirect(303, safeAdminReturn(url.searchParams.get('returnTo')));
	}
};
