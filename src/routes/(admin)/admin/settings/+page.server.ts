import { error, fail } from '@sveltejs/kit';
import { requireAccess } from '$lib/server/access/require';
import { loadSettingsPage, saveSettings } from '$lib/server/admin/settings';
import type { SettingGroup } from '$lib/server/settings';
import type { Actions, PageServerLoad } from './$types';

/** Service settings: local review rules, request service levels, hours, feedback, the service's name, duty contact, languages and retention (issues 5, 6, 8). */
export const load: PageServerLoad = async () => loadSettingsPage(await requireAccess('admin.manage'));

function action(group: SettingGroup) {
	return async ({ request, locals }: { request: Request; locals: App.Locals }) => {
		const access = await requireAccess('admin.manage');
		const saved = await saveSettings(access, group, await request.formData(), Date.now());
		if (!saved.ok && 'malformed' in saved) error(400, { message: 'Bad request', code: 'bad-request', id: locals.requestId });
		if (!saved.ok) return fail(400, { form: group, raw: saved.raw, errors: saved.errors });
		return { done: group };
	};
}

export const actions: Actions = {
	schedule: action('schedule'),
	sla: action('sla'),
	hours: action('hours'),
	feedback: action('feedback'),
	service: action('service'),
	duty: action('duty'),
	languages: action('languages'),
	retention: action('retention')
};
