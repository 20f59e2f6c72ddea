import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireAccess } from '$lib/server/access/require';
import { id, parseForm } from '$lib/server/admin/validation';
import { acknowledgeAlert, loadCaseload } from '$lib/server/caseload';
import { database } from '$lib/server/db';
import * as alerts from '$lib/server/data/alerts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => loadCaseload(await requireAccess('caseload.view'), Date.now());

export const actions: Actions = {
	acknowledge: async ({ request, locals }) => {
		await requireAccess('caseload.view');
		const parsed = parseForm(v.object({ alertId: id }), await request.formData(), ['alertId']);
		if (!parsed.ok) error(400, { message: 'Bad request', code: 'bad-request', id: locals.requestId });
		const alert = await alerts.get(database(), parsed.value.alertId);
		// A missing alert and another IRO's alert look the same: 404 (D14).
		const access = await requireAccess('alert.acknowledge', { childId: alert?.childId ?? 'aaaaaaaaaaaaaaaaaaaaaaaa' });
		await acknowledgeAlert(access, parsed.value.alertId, Date.now());
		return { acknowledged: true };
	}
};
