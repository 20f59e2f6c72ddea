import { error, fail, redirect } from '@sveltejs/kit';
import { requireAccess } from '$lib/server/access/require';
import { database } from '$lib/server/db';
import { isBankForm, listForms, startDraft } from '$lib/server/forms/bank';
import { singleFields } from '$lib/server/forms/bank-fields';
import type { Actions, PageServerLoad } from './$types';

/** The question bank (issue 8): every form, its versions, and the draft of the next one. */
export const load: PageServerLoad = async ({ url }) => {
	const access = await requireAccess('admin.manage');
	const published = url.searchParams.get('published');
	return { forms: await listForms(access, database()), published: published && isBankForm(published) ? published : null };
};

export const actions: Actions = {
	/** Starts the next version of a form from its latest published one. */
	start: async ({ request, locals }) => {
		const access = await requireAccess('admin.manage');
		const f = singleFields(await request.formData(), ['formId', 'base']);
		if (!f || !isBankForm(f.formId) || !/^\d{1,4}$/.test(f.base)) error(400, { message: 'Bad request', code: 'bad-request', id: locals.requestId });
		const started = await startDraft(access, database(), f.formId, Number(f.base), Date.now());
		if (!started.ok) return fail(409, { stale: f.formId });
		redirect(303, `/admin/forms/${f.formId}/draft`);
	}
};
