import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireAccess } from '$lib/server/access/require';
import { addPerson, allocate, bringForward, childDetail, CLOSE_REASONS, closeRecord, endLink, schedule, scheduleDateError } from '$lib/server/admin/children';
import { issueFor } from '$lib/server/people';
import { id, isoDate, name, parseForm, time } from '$lib/server/admin/validation';
import type { Actions, PageServerLoad } from './$types';

/** One child's record: allocation, people, the review date, and one-time codes (issue 3 §4). */
export const load: PageServerLoad = async ({ params }) => {
	const access = await requireAccess('admin.manage');
	await requireAccess('code.issue', { childId: params.childId });
	const detail = await childDetail(access, params.childId);
	if (!detail) error(404, { message: 'Not found', code: 'not-found', id: 'child' });
	return detail;
};

function bad(requestId: string): never {
	error(400, { message: 'Bad request', code: 'bad-request', id: requestId });
}

const optionalEmail = v.pipe(v.string(), v.trim(), v.check((s) => s === '' || (s.length <= 200 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)), 'errors.email-invalid'));
const EarlierReason = v.pipe(v.string(), v.trim(), v.nonEmpty('errors.earlier-reason-empty'), v.maxLength(1000, 'errors.reason-too-long'));
const PersonSchema = v.object({ name, hasPr: v.picklist(['yes', 'no'], 'errors.choose-one'), startsOn: isoDate, notifyEmail: optionalEmail });

export const actions: Actions = {
	allocate: async ({ params, request, locals }) => {
		const access = await requireAccess('admin.manage');
		await requireAccess('code.issue', { childId: params.childId });
		const parsed = parseForm(v.object({ iroId: id }), await request.formData(), ['iroId']);
		if (!parsed.ok && 'malformed' in parsed) bad(locals.requestId);
		if (!parsed.ok || !(await allocate(access, params.childId, parsed.value.iroId, Date.now()))) {
			return fail(400, { form: 'allocate', raw: {}, errors: { iroId: { key: 'errors.choose-iro' } } });
		}
		return { done: 'allocated' };
	},
	addPerson: async ({ params, request, locals }) => {
		const access = await requireAccess('admin.manage');
		await requireAccess('code.issue', { childId: params.childId });
		const form = await request.formData();
		const relation = form.get('relation');
		if (relation !== 'parent' && relation !== 'carer') bad(locals.requestId);
		form.delete('relation');
		const parsed = parseForm(PersonSchema, form, ['name', 'hasPr', 'startsOn', 'notifyEmail']);
		if (!parsed.ok && 'malformed' in parsed) bad(locals.requestId);
		if (!parsed.ok) return fail(400, { form: relation, raw: parsed.raw, errors: parsed.errors });
		await addPerson(access, params.childId, { relation, name: parsed.value.name, hasPr: parsed.value.hasPr === 'yes', startsOn: parsed.value.startsOn, notifyEmail: parsed.value.notifyEmail || null }, Date.now());
		return { done: relation };
	},
	schedule: async ({ params, request, locals }) => {
		const access = await requireAccess('admin.manage');
		await requireAccess('code.issue', { childId: params.childId });
		const parsed = parseForm(v.object({ date: isoDate, time }), await request.formData(), ['date', 'time']);
		if (!parsed.ok && 'malformed' in parsed) bad(locals.requestId);
		if (!parsed.ok) return fail(400, { form: 'schedule', raw: parsed.raw, errors: parsed.errors });
		const early = await scheduleDateError(params.childId, parsed.value.date);
		if (early) return fail(400, { form: 'schedule', raw: { ...parsed.value }, errors: { date: early } });
		if (!(await schedule(access, params.childId, parsed.value, Date.now()))) {
			return fail(409, { form: 'schedule', raw: { ...parsed.value }, errors: { date: { key: 'errors.no-review-to-move' } } });
		}
		return { done: 'scheduled' };
	},
	bringForward: async ({ params, request, locals }) => {
		const access = await requireAccess('admin.manage');
		await requireAccess('code.issue', { childId: params.childId });
		const parsed = parseForm(v.object({ dueDate: isoDate, reason: EarlierReason }), await request.formData(), ['dueDate', 'reason']);
		if (!parsed.ok && 'malformed' in parsed) bad(locals.requestId);
		if (!parsed.ok) return fail(400, { form: 'earlier', raw: parsed.raw, errors: parsed.errors });
		const errors = await bringForward(access, params.childId, parsed.value, Date.now());
		if (errors) return fail(400, { form: 'earlier', raw: { dueDate: parsed.value.dueDate, reason: parsed.value.reason }, errors });
		return { done: 'earlier' };
	},
	endLink: async ({ params, request, locals }) => {
		const access = await requireAccess('admin.manage');
		await requireAccess('code.issue', { childId: params.childId });
		const form = await request.formData();
		const userId = form.get('userId');
		const parsed = parseForm(v.object({ userId: id, endsOn: isoDate }), form, ['userId', 'endsOn']);
		if (!parsed.ok && 'malformed' in parsed) bad(locals.requestId);
		const formKey = `end-${typeof userId === 'string' ? userId : ''}`;
		if (!parsed.ok) return fail(400, { form: formKey, raw: parsed.raw, errors: parsed.errors });
		if (!(await endLink(access, params.childId, parsed.value.userId, parsed.value.endsOn, Date.now()))) {
			return fail(400, { form: formKey, raw: { endsOn: parsed.value.endsOn }, errors: { endsOn: { key: 'errors.end-before-start' } } });
		}
		return { done: 'link-ended' };
	},
	closeRecord: async ({ params, request, locals }) => {
		const access = await requireAccess('admin.manage');
		await requireAccess('code.issue', { childId: params.childId });
		const parsed = parseForm(v.object({ closedOn: isoDate, reason: v.picklist(CLOSE_REASONS, 'errors.close-reason') }), await request.formData(), ['closedOn', 'reason']);
		if (!parsed.ok && 'malformed' in parsed) bad(locals.requestId);
		if (!parsed.ok) return fail(400, { form: 'close', raw: parsed.raw, errors: parsed.errors });
		const errors = await closeRecord(access, params.childId, parsed.value, Date.now());
		if (errors) return fail(400, { form: 'close', raw: { ...parsed.value }, errors });
		return { done: 'closed' };
	},
	issueCode: async ({ params, request, locals }) => {
		await requireAccess('admin.manage');
		const access = await requireAccess('code.issue', { childId: params.childId });
		const parsed = parseForm(v.object({ userId: id }), await request.formData(), ['userId']);
		if (!parsed.ok) bad(locals.requestId);
		const issued = await issueFor(access, params.childId, parsed.value.userId, Date.now());
		if (!issued) error(404, { message: 'Not found', code: 'not-found', id: locals.requestId });
		return { issued };
	}
};
