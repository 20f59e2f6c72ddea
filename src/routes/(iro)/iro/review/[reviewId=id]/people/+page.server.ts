import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireAccess } from '$lib/server/access/require';
import { id, parseForm } from '$lib/server/admin/validation';
import { database } from '$lib/server/db';
import { issueFor, listRespondents } from '$lib/server/people';
import type { Actions, PageServerLoad } from './$types';

/** The allocated IRO gives one-time codes to the child, parents and carers of this review (issue 3 §3). */
export const load: PageServerLoad = async ({ params }) => {
	const access = await requireAccess('code.issue', { reviewId: params.reviewId });
	return { respondents: await listRespondents(database(), access.childId!, params.reviewId, Date.now()), reviewId: params.reviewId };
};

export const actions: Actions = {
	issueCode: async ({ params, request, locals }) => {
		const access = await requireAccess('code.issue', { reviewId: params.reviewId });
		const parsed = parseForm(v.object({ userId: id }), await request.formData(), ['userId']);
		if (!parsed.ok) error(400, { message: 'Bad request', code: 'bad-request', id: locals.requestId });
		const issued = await issueFor(access, access.childId!, parsed.value.userId, Date.now());
		if (!issued) error(404, { message: 'Not found', code: 'not-found', id: locals.requestId });
		return { issued };
	}
};
