import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { londonDate } from '$lib/domain/calendar';
import { requireAccess } from '$lib/server/access/require';
import { createChild } from '$lib/server/admin/children';
import { isoDate, locale, name, parseForm } from '$lib/server/admin/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	await requireAccess('admin.manage');
	return {};
};

const today = () => londonDate(Date.now());
const Schema = v.pipe(
	v.object({
		name,
		dateOfBirth: v.pipe(isoDate, v.check((d) => d <= today(), 'errors.date-future')),
		lookedAfterSince: v.pipe(isoDate, v.check((d) => d <= today(), 'errors.date-future')),
		locale
	}),
	v.forward(v.check((o) => o.lookedAfterSince >= o.dateOfBirth, 'errors.looked-after-before-birth'), ['lookedAfterSince'])
);

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const access = await requireAccess('admin.manage');
		const parsed = parseForm(Schema, await request.formData(), ['name', 'dateOfBirth', 'lookedAfterSince', 'locale']);
		if (!parsed.ok && 'malformed' in parsed) error(400, { message: 'Bad request', code: 'bad-request', id: locals.requestId });
		if (!parsed.ok) return fail(400, { raw: parsed.raw, errors: parsed.errors });
		const id = await createChild(access, { name: parsed.value.name, dateOfBirth: parsed.value.dateOfBirth, lookedAfterSince: parsed.value.lookedAfterSince, locale: parsed.value.locale }, Date.now());
		redirect(303, `/admin/children/${id}`);
	}
};
