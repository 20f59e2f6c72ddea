import i18next, { type i18n, type Resource, type TFunction } from 'i18next';
import enCommon from './locales/en-GB/common.json';
import enForms from './locales/en-GB/forms.json';
import { DEFAULT_LOCALE, type Locale } from './languages';

/**
 * Every user-facing string goes through i18next (rule 5). Server: one instance per locale,
 * built once, `getFixedT` per request; never `changeLanguage` on the server, which leaks
 * between concurrent requests (STYLE §4.9). Missing keys fall back to English, never a key name.
 *
 * English is bundled here; the server registers every other shipped catalogue at start
 * (`$lib/server/i18n-catalogues`), so this module never pulls all ten languages into a browser
 * bundle. Browser-safe language facts (the list, `dir`, negotiation) live in `./languages`.
 */
export { ALL_LANGUAGES, DEFAULT_LOCALE, LOCALES, directionOf, isLocale, negotiateLocale, shippedLanguages, type Locale } from './languages';
export const NAMESPACES = ['common', 'forms'] as const;

type Catalogues = { common: Record<string, unknown>; forms: Record<string, unknown> };
const loaded = new Map<string, Catalogues>([['en-GB', { common: enCommon, forms: enForms }]]);
const cache = new Map<string, i18n>();

/** English plus every registered catalogue, for tools that need them all (e.g. the key check). */
export const resources = {
	'en-GB': { common: enCommon, forms: enForms }
} as const;

/** Makes a language's catalogues available (the server registers all shipped ones at start). */
export function registerLocale(lng: string, catalogues: Catalogues): void {
	loaded.set(lng, catalogues);
	cache.delete(lng);
}

export function i18nFor(lng: Locale): i18n {
	let inst = import.meta.env.SSR ? cache.get(lng) : undefined;
	if (!inst) {
		inst = i18next.createInstance();
		const resources: Resource = { 'en-GB': loaded.get('en-GB')! };
		const own = loaded.get(lng);
		if (own) resources[lng] = own;
		void inst.init({
			lng,
			resources,
			ns: NAMESPACES,
			defaultNS: 'common',
			fallbackLng: DEFAULT_LOCALE,
			initAsync: false,
			interpolation: { escapeValue: false },
			returnNull: false,
			// A blank translation shows English, never an empty label (issue 7).
			returnEmptyString: false
		});
		if (import.meta.env.SSR && (own || lng === DEFAULT_LOCALE)) cache.set(lng, inst);
	}
	return inst;
}

export type Translate = TFunction;
