import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireAccess } from '$lib/server/access/require';
import { listDeliveries, retryDelivery } from '$lib/server/admin/deliveries';
import { id, parseForm } from '$lib/server/admin/validation';
import type { Actions, PageServerLoad } from './$types';

/** Messages not delivered yet, and those the outbox gave up on (REL-16), with "Try again now". */
export const load: PageServerLoad = async () => listDeliveries(await requireAccess('deliveries.manage'));

export const actions: Actions = {
	retry: async ({ request, locals }) => {
		const access = await requireAccess('deliveries.manage');
		const parsed = parseForm(v.object({ id }), await request.formData(), ['id']);
		if (!parsed.ok) error(400, { message: 'Bad request', code: 'bad-request', id: locals.requestId });
		if (!(await retryDelivery(access, parsed.value.id, Date.now(), locals.requestId))) error(404, { message: 'Not found', code: 'not-found', id: locals.requestId });
		return { retried: true };
	}
};
