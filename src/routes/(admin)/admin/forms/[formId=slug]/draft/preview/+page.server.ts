import { error, redirect } from '@sveltejs/kit';
import { isChoiceQuestion, type Question } from '$lib/forms/types';
import { DEFAULT_LOCALE } from '$lib/i18n';
import { requireAccess } from '$lib/server/access/require';
import { database } from '$lib/server/db';
import { isBankForm, languageName, loadDraft, SHIPPED } from '$lib/server/forms/bank';
import type { PageServerLoad } from './$types';

/** The ages a child's form is previewed at: its band (DOMAIN §5.1), where pages differ by age (pathway from 16). */
const PREVIEW_AGES: Record<string, number[]> = {
	'young-person-4-7': [4, 5, 6, 7],
	'young-person-8-12': [8, 9, 10, 11, 12],
	'young-person-13-plus': [13, 14, 15, 16, 17, 18, 21, 25]
};
/** The section of the `forms` strings the previewed question's words are sent under. */
const SECTION = 'bank-preview';
const RTL = new Set(['ar', 'ur', 'fa', 'ps', 'ckb', 'he']);

/**
 * A draft's questions as a respondent will see them (issue 8): the same Question component the
 * real pages use, server-rendered in a phone-size frame, one page at a time, for each age of the
 * form's band and each shipped language. Nothing is saved from here.
 */
export const load: PageServerLoad = async ({ params, url, locals }) => {
	const access = await requireAccess('admin.manage');
	if (!isBankForm(params.formId)) error(404, { message: 'Not found', code: 'not-found', id: locals.requestId });
	const loaded = await loadDraft(access, database(), params.formId);
	if (!loaded) redirect(303, `/admin/forms/${params.formId}/draft`);
	const { draft } = loaded;
	const ages = PREVIEW_AGES[params.formId] ?? [];
	const askedAge = Number(url.searchParams.get('age'));
	const age = ages.includes(askedAge) ? askedAge : (ages[0] ?? null);
	const askedLang = url.searchParams.get('lang') ?? '';
	const lang = (SHIPPED as readonly string[]).includes(askedLang) ? askedLang : DEFAULT_LOCALE;
	const shown = draft.questions.filter((q) => q.minAge === undefined || (age !== null && age >= q.minAge));
	const asked = Number(url.searchParams.get('n'));
	const n = Number.isInteger(asked) && asked >= 0 && asked < shown.length ? asked : 0;
	const q = shown[n];
	// The words in the language previewed; where there are none yet, English, and the page says so.
	const own = q ? draft.wording[lang]?.questions[q.id] : undefined;
	const english = q ? draft.wording[DEFAULT_LOCALE]?.questions[q.id] : undefined;
	const missing: string[] = [];
	let words: Record<string, unknown> = {};
	if (q) {
		const pick = (get: (w: typeof own) => string | undefined, what: string) => {
			const mine = get(own)?.trim();
			if (mine) return mine;
			if (what) missing.push(what);
			return get(english)?.trim() ?? '';
		};
		words = {
			label: pick((w) => w?.label, 'label'),
			...(own?.hint || english?.hint ? { hint: pick((w) => w?.hint, '') } : {}),
			...(isChoiceQuestion(q) ? { options: Object.fromEntries(q.options.map((o) => [o, pick((w) => w?.options?.[o], o)])) } : {})
		};
	}
	const question: Question | null = q ? ({ ...q, wording: `${SECTION}.q` } as Question) : null;
	return {
		formId: params.formId,
		version: draft.version,
		audience: draft.audience,
		assisted: !!draft.assisted,
		readAloud: !!draft.readAloud,
		ages,
		age,
		lang,
		dir: RTL.has(lang.split('-')[0]!) ? ('rtl' as const) : ('ltr' as const),
		languages: SHIPPED.map((code) => ({ code, name: languageName(code) })),
		n,
		total: shown.length,
		question,
		missing,
		formStrings: { forms: { [SECTION]: { q: words } } }
	};
};
