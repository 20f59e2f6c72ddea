import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireAccess } from '$lib/server/access/require';
import { id, parseForm } from '$lib/server/admin/validation';
import { acknowledgeAlert, countRows, loadCaseload, matches, parseFilter } from '$lib/server/caseload';
import { database } from '$lib/server/db';
import * as alerts from '$lib/server/data/alerts';
import type { Actions, PageServerLoad } from './$types';

/** "My children": soonest deadline first, with counts and filters that work as plain links (issue 5). */
export const load: PageServerLoad = async ({ url }) => {
	const { rows, alerts: open } = await loadCaseload(await requireAccess('caseload.view'), Date.now());
	const filter = parseFilter(url.searchParams.get('show'));
	return { rows: rows.filter((r) => matches(r, filter)), alerts: open, counts: countRows(rows), filter };
};

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
