import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireAccess } from '$lib/server/access/require';
import { email, name, parseForm } from '$lib/server/admin/validation';
import { createStaff } from '$lib/server/admin/staff';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	await requireAccess('admin.manage');
	return {};
};

const Schema = v.object({ role: v.picklist(['iro', 'advocate', 'admin'], 'errors.choose-role'), name, email });

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const access = await requireAccess('admin.manage');
		const parsed = parseForm(Schema, await request.formData(), ['role', 'name', 'email']);
		if (!parsed.ok && 'malformed' in parsed) error(400, { message: 'Bad request', code: 'bad-request', id: locals.requestId });
		if (!parsed.ok) return fail(400, { raw: parsed.raw, errors: parsed.errors });
		const result = await createStaff(access, parsed.value, Date.now());
		if (result.kind === 'email-taken') return fail(400, { raw: { ...parsed.value }, errors: { email: { key: 'errors.email-taken' } } });
		return { created: { code: result.code, name: result.name } };
	}
};
