import { error, fail, redirect } from '@sveltejs/kit';
import { isChoiceQuestion } from '$lib/forms/types';
import { requireAccess } from '$lib/server/access/require';
import { database } from '$lib/server/db';
import { discardDraft, editDraft, isBankForm, languageName, loadDraft, publishDraft, SHIPPED, startDraft } from '$lib/server/forms/bank';
import { singleFields } from '$lib/server/forms/bank-fields';
import { latestForm } from '$lib/forms/registry';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * A form's next version, as a list of its questions (issue 8): add, remove, reorder, open one to
 * change it, preview, publish. Every button is a form post, so all of it works without JavaScript;
 * what stops publishing is listed by the question it belongs to, on every view of the draft.
 */
export const load: PageServerLoad = async ({ params, locals }) => {
	const access = await requireAccess('admin.manage');
	if (!isBankForm(params.formId)) error(404, { message: 'Not found', code: 'not-found', id: locals.requestId });
	const loaded = await loadDraft(access, database(), params.formId);
	const languages = SHIPPED.map((code) => ({ code, name: languageName(code) }));
	if (!loaded) return { formId: params.formId, latest: latestForm(params.formId).version, draft: null, languages };
	const { draft, check } = loaded;
	return {
		formId: params.formId,
		latest: latestForm(params.formId).version,
		languages,
		draft: {
			version: draft.version,
			audience: draft.audience,
			titles: Object.fromEntries(SHIPPED.map((l) => [l, draft.wording[l]?.title ?? ''])),
			questions: draft.questions.map((q) => ({
				id: q.id,
				kind: q.kind,
				topic: q.topic,
				required: !!q.required,
				minAge: q.minAge ?? null,
				safety: isChoiceQuestion(q) && !!q.safetyTrigger?.length,
				fixed: q.kind === 'text' && !!q.fixedVisibility,
				label: draft.wording['en-GB']?.questions[q.id]?.label ?? ''
			})),
			problems: check.problems,
			warnings: check.warnings,
			updatedAt: loaded.updatedAt
		}
	};
};

const bad = (event: RequestEvent): never => error(400, { message: 'Bad request', code: 'bad-request', id: event.locals.requestId });

async function edit(event: RequestEvent, kind: 'remove' | 'up' | 'down') {
	const access = await requireAccess('admin.manage');
	const f = singleFields(await event.request.formData(), ['version', 'index']);
	if (!f || !isBankForm(event.params.formId) || !/^\d{1,4}$/.test(f.version) || !/^\d{1,3}$/.test(f.index)) return bad(event);
	const index = Number(f.index);
	const done = await editDraft(access, database(), event.params.formId, Number(f.version), kind === 'remove' ? { kind: 'remove', index } : { kind: 'move', index, by: kind === 'up' ? -1 : 1 }, Date.now());
	if (!done.ok) return fail(409, { gone: true });
	redirect(303, `/admin/forms/${event.params.formId}/draft#questions`);
}

export const actions: Actions = {
	start: async (event) => {
		const access = await requireAccess('admin.manage');
		const f = singleFields(await event.request.formData(), ['base']);
		if (!f || !isBankForm(event.params.formId) || !/^\d{1,4}$/.test(f.base)) return bad(event);
		const started = await startDraft(access, database(), event.params.formId, Number(f.base), Date.now());
		if (!started.ok) return fail(409, { stale: true });
		redirect(303, `/admin/forms/${event.params.formId}/draft`);
	},
	title: async (event) => {
		const access = await requireAccess('admin.manage');
		const f = singleFields<string>(await event.request.formData(), ['version', ...SHIPPED.map((l) => `title-${l}`)]);
		if (!f || !isBankForm(event.params.formId) || !/^\d{1,4}$/.test(f.version ?? '')) return bad(event);
		const titles = Object.fromEntries(SHIPPED.map((l) => [l, f[`title-${l}`] ?? '']));
		const done = await editDraft(access, database(), event.params.formId, Number(f.version), { kind: 'title', titles }, Date.now());
		if (!done.ok) return fail(409, { gone: true });
		return { saved: 'title' };
	},
	add: async (event) => {
		const access = await requireAccess('admin.manage');
		const f = singleFields(await event.request.formData(), ['version']);
		if (!f || !isBankForm(event.params.formId) || !/^\d{1,4}$/.test(f.version)) return bad(event);
		const done = await editDraft(access, database(), event.params.formId, Number(f.version), { kind: 'add' }, Date.now());
		if (!done.ok) return fail(409, { gone: true });
		redirect(303, `/admin/forms/${event.params.formId}/draft/question?n=${done.draft.questions.length - 1}`);
	},
	remove: (event) => edit(event, 'remove'),
	up: (event) => edit(event, 'up'),
	down: (event) => edit(event, 'down'),
	discard: async (event) => {
		const access = await requireAccess('admin.manage');
		const f = singleFields(await event.request.formData(), ['version']);
		if (!f || !isBankForm(event.params.formId) || !/^\d{1,4}$/.test(f.version)) return bad(event);
		await discardDraft(access, database(), event.params.formId, Number(f.version), Date.now());
		redirect(303, '/admin/forms');
	},
	publish: async (event) => {
		const access = await requireAccess('admin.manage');
		const f = singleFields(await event.request.formData(), ['version']);
		if (!f || !isBankForm(event.params.formId) || !/^\d{1,4}$/.test(f.version)) return bad(event);
		const published = await publishDraft(access, database(), event.params.formId, Number(f.version), Date.now());
		if (published.ok) redirect(303, `/admin/forms?published=${event.params.formId}`);
		if ('gone' in published) return fail(409, { gone: true });
		return fail(400, { publishFailed: true });
	}
};
