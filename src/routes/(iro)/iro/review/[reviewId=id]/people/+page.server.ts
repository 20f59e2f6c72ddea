import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireAccess } from '$lib/server/access/require';
import { id, parseForm } from '$lib/server/admin/validation';
import { database } from '$lib/server/db';
import { bandOf, issueFor, listRespondents, setBand } from '$lib/server/people';
import type { Actions, PageServerLoad } from './$types';

/**
 * The allocated IRO gives one-time codes to the child, parents and carers of this review (issue 3
 * §3), and may change which questions the child gets, with a reason (DOMAIN §5.1 override).
 */
export const load: PageServerLoad = async ({ params }) => {
	const access = await requireAccess('code.issue', { reviewId: params.reviewId });
	const db = database();
	return {
		respondents: await listRespondents(db, access.childId!, params.reviewId, Date.now()),
		reviewId: params.reviewId,
		band: await bandOf(db, access.childId!)
	};
};

const BandSchema = v.pipe(
	v.object({
		band: v.picklist(['age', '4-7', '8-12', '13-plus'], 'errors.choose-one'),
		reason: v.pipe(v.string(), v.trim(), v.maxLength(1000, 'errors.reason-too-long'))
	}),
	v.forward(v.check((o) => o.band === 'age' || o.reason.length > 0, 'errors.reason-needed'), ['reason'])
);

export const actions: Actions = {
	issueCode: async ({ params, request, locals }) => {
		const access = await requireAccess('code.issue', { reviewId: params.reviewId });
		const parsed = parseForm(v.object({ userId: id }), await request.formData(), ['userId']);
		if (!parsed.ok) error(400, { message: 'Bad request', code: 'bad-request', id: locals.requestId });
		const issued = await issueFor(access, access.childId!, parsed.value.userId, Date.now());
		if (!issued) error(404, { message: 'Not found', code: 'not-found', id: locals.requestId });
		return { issued };
	},
	setBand: async ({ params, request, locals }) => {
		const access = await requireAccess('child.set-band', { reviewId: params.reviewId });
		const parsed = parseForm(BandSchema, await request.formData(), ['band', 'reason']);
		if (!parsed.ok && 'malformed' in parsed) error(400, { message: 'Bad request', code: 'bad-request', id: locals.requestId });
		if (!parsed.ok) return fail(400, { form: 'band', raw: parsed.raw, errors: parsed.errors });
		await setBand(access, parsed.value.band === 'age' ? null : parsed.value.band, parsed.value.reason || null, Date.now());
		return { bandSaved: true };
	}
};
