import i18next, { type i18n, type TFunction } from 'i18next';
import enCommon from './locales/en-GB/common.json';
import enForms from './locales/en-GB/forms.json';

/**
 * Every user-facing string goes through i18next (rule 5). Server: one instance per locale,
 * built once, `getFixedT` per request; never `changeLanguage` on the server, which leaks
 * between concurrent requests (STYLE §4.9). Missing keys fall back to English, never a key name.
 */
export const LOCALES = ['en-GB'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en-GB';
export const NAMESPACES = ['common', 'forms'] as const;

export const resources = {
	'en-GB': { common: enCommon, forms: enForms }
} as const;

const cache = new Map<Locale, i18n>();

export function i18nFor(lng: Locale): i18n {
	let inst = import.meta.env.SSR ? cache.get(lng) : undefined;
	if (!inst) {
		inst = i18next.createInstance();
		void inst.init({
			lng,
			resources,
			ns: NAMESPACES,
			defaultNS: 'common',
			fallbackLng: DEFAULT_LOCALE,
			initAsync: false,
			interpolation: { escapeValue: false },
			returnNull: false
		});
		if (import.meta.env.SSR) cache.set(lng, inst);
	}
	return inst;
}

export function isLocale(value: string | null | undefined): value is Locale {
	return !!value && (LOCALES as readonly string[]).includes(value);
}

/** ?lang → cookie → Accept-Language → English (allowlist only, SECURITY §7). */
export function negotiateLocale(query: string | null, cookie: string | undefined, acceptLanguage: string | null): Locale {
	if (isLocale(query)) return query;
	if (isLocale(cookie)) return cookie;
	for (const part of (acceptLanguage ?? '').split(',')) {
		const tag = part.split(';')[0]?.trim();
		const hit = LOCALES.find((l) => l.toLowerCase() === tag?.toLowerCase() || l.split('-')[0] === tag?.split('-')[0]?.toLowerCase());
		if (hit) return hit;
	}
	return DEFAULT_LOCALE;
}

export function directionOf(lng: Locale): 'ltr' | 'rtl' {
	return i18nFor(lng).dir(lng) === 'rtl' ? 'rtl' : 'ltr';
}

export type Translate = TFunction;
