import { error, fail, redirect } from '@sveltejs/kit';
import { fieldsOf, kindsFor, optionCodes } from '$lib/forms/bank';
import { CHOICE_KINDS, TOPICS, type FieldError, type QuestionKind } from '$lib/forms/types';
import { requireAccess } from '$lib/server/access/require';
import { database } from '$lib/server/db';
import { editDraft, isBankForm, languageName, loadDraft, SHIPPED } from '$lib/server/forms/bank';
import { questionFields } from '$lib/server/forms/bank-fields';
import type { Actions, PageServerLoad } from './$types';

/**
 * One question of a draft (issue 8): its id, answer kind, topic, whether it must be answered, from
 * what age, its choices, and its words in every shipped language. What is typed is saved as typed;
 * what would stop publishing is shown by its field.
 */
export const load: PageServerLoad = async ({ params, url, locals }) => {
	const access = await requireAccess('admin.manage');
	if (!isBankForm(params.formId)) error(404, { message: 'Not found', code: 'not-found', id: locals.requestId });
	const loaded = await loadDraft(access, database(), params.formId);
	const n = Number(url.searchParams.get('n'));
	const back = `/admin/forms/${params.formId}/draft`;
	if (!loaded || !/^\d{1,3}$/.test(url.searchParams.get('n') ?? '')) redirect(303, back);
	const fields = fieldsOf(loaded.draft, n);
	if (!fields) redirect(303, back);
	const q = loaded.draft.questions[n]!;
	const errors: Record<string, FieldError> = {};
	for (const p of loaded.check.problems) if (p.question === n) errors[p.field] ??= p.error;
	const warnings = loaded.check.warnings.filter((w) => w.question === n).map((w) => ({ field: w.field, error: w.error }));
	const codes = (CHOICE_KINDS as readonly string[]).includes(q.kind) && 'options' in q ? [...q.options] : [];
	return {
		formId: params.formId,
		version: loaded.draft.version,
		index: n,
		total: loaded.draft.questions.length,
		audience: loaded.draft.audience,
		fields,
		codes,
		kinds: kindsFor(loaded.draft.audience),
		topics: [...TOPICS],
		safety: 'safetyTrigger' in q && !!q.safetyTrigger?.length ? [...q.safetyTrigger!] : null,
		fixed: q.kind === 'text' && !!q.fixedVisibility,
		languages: SHIPPED.map((code) => ({ code, name: languageName(code) })),
		errors,
		warnings
	};
};

export const actions: Actions = {
	save: async ({ request, params, locals }) => {
		const access = await requireAccess('admin.manage');
		const form = await request.formData();
		const posted = questionFields(form);
		if (!posted || !isBankForm(params.formId)) error(400, { message: 'Bad request', code: 'bad-request', id: locals.requestId });
		const db = database();
		const loaded = await loadDraft(access, db, params.formId);
		if (!loaded || loaded.draft.version !== posted.version || !loaded.draft.questions[posted.index]) return fail(409, { gone: true });
		// A duplicate id would share its words with the other question: refused here, kept as typed.
		const id = posted.fields.id.trim();
		const clash = loaded.draft.questions.findIndex((q, i) => i !== posted.index && q.id === id);
		if (clash >= 0 || id === '') {
			const raw = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
			const errors: Record<string, FieldError> = { id: clash >= 0 ? { key: 'errors.bank-id-duplicate', params: { number: clash + 1 } } : { key: 'errors.bank-id-format' } };
			return fail(400, { raw, errors });
		}
		const done = await editDraft(access, db, params.formId, posted.version, { kind: 'fields', index: posted.index, fields: posted.fields }, Date.now());
		if (!done.ok) return fail(409, { gone: true });
		// Choices changed or a new kind: the page opens again with the words to fill in for each choice.
		const kind = posted.fields.kind as QuestionKind;
		const before = loaded.draft.questions[posted.index]!;
		const choicesChanged =
			(CHOICE_KINDS as readonly string[]).includes(kind) &&
			(before.kind !== kind || !('options' in before) || optionCodes(kind, posted.fields.options, loaded.draft.audience).join('\n') !== before.options.join('\n'));
		if (choicesChanged) redirect(303, `/admin/forms/${params.formId}/draft/question?n=${posted.index}&saved=1#options`);
		redirect(303, `/admin/forms/${params.formId}/draft#questions`);
	}
};
