import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireAccess } from '$lib/server/access/require';
import { id, parseForm } from '$lib/server/admin/validation';
import { createLetter, letterCandidates, publicOrigin } from '$lib/server/letters';
import type { Actions, PageServerLoad } from './$types';

/**
 * Printable invitation letters (issue 5): the allocated IRO only (SECURITY §2 "codes for
 * respondents of allocated reviews"). Each letter carries a fresh code, shown once (SEC-A3), and a
 * QR code with the code in the URL fragment (SEC-A9).
 */
export const load: PageServerLoad = async ({ params }) => {
	const access = await requireAccess('code.issue', { reviewId: params.reviewId });
	return { reviewId: params.reviewId, candidates: await letterCandidates(access, Date.now()) };
};

export const actions: Actions = {
	createLetter: async ({ params, request, locals, url }) => {
		const access = await requireAccess('code.issue', { reviewId: params.reviewId });
		const parsed = parseForm(v.object({ userId: id }), await request.formData(), ['userId']);
		if (!parsed.ok) error(400, { message: 'Bad request', code: 'bad-request', id: locals.requestId });
		const letter = await createLetter(access, parsed.value.userId, publicOrigin(url.origin), Date.now());
		if (!letter) error(404, { message: 'Not found', code: 'not-found', id: locals.requestId });
		return { letter };
	}
};
