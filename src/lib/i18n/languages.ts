/**
 * The languages My Review ships (issue 7). Chosen for who is looked after in England and Wales
 * and who their families are:
 *
 * - English, and Welsh: Welsh is an official language in Wales (Welsh Language (Wales) Measure
 *   2011); councils there must offer services in Welsh.
 * - Arabic, Pashto, Kurdish (Sorani), Tigrinya, Farsi: the first languages of most
 *   unaccompanied asylum-seeking children, who are about 1 in 14 looked-after children in England
 *   (DfE "Children looked after in England" 2024: the largest groups come from Afghanistan,
 *   Eritrea, Sudan, Iran and Iraq). They are the children least likely to read English yet.
 * - Polish, Romanian, Urdu: the most spoken main languages other than English in England and
 *   Wales (Census 2021: Polish 2nd, Romanian 3rd, Urdu 5th; Panjabi 4th is mostly written in
 *   Urdu's script by families here, or read in English), so the parents and carers of many children.
 *
 * Left out for now, in this order if an eleventh is added: Albanian (also common among
 * unaccompanied children), Bengali (Census 6th), Vietnamese.
 *
 * All ten ship with every respondent-facing string (staff pages stay English, dates and numbers
 * follow the language). English strings added later show in English until translated, never as a
 * key name; `node .ci/i18n-missing.mjs --summary` counts them. Every catalogue is listed in
 * src/lib/i18n/locales/REVIEW.md as machine-drafted until a fluent reviewer signs it off, and
 * tests/integration/i18n-keys.spec.ts checks keys, placeholders and plural forms against English.
 * `dir` is set here rather than guessed.
 */
export interface Language {
	/** BCP 47 code, also the catalogue folder name. */
	code: string;
	/** The language's name in itself, as the picker shows it. */
	name: string;
	dir: 'ltr' | 'rtl';
}

export const ALL_LANGUAGES = [
	{ code: 'en-GB', name: 'English', dir: 'ltr' },
	{ code: 'cy', name: 'Cymraeg', dir: 'ltr' },
	{ code: 'ar', name: 'العربية', dir: 'rtl' },
	{ code: 'ur', name: 'اردو', dir: 'rtl' },
	{ code: 'pl', name: 'Polski', dir: 'ltr' },
	{ code: 'ro', name: 'Română', dir: 'ltr' },
	{ code: 'ps', name: 'پښتو', dir: 'rtl' },
	{ code: 'ckb', name: 'کوردی', dir: 'rtl' },
	{ code: 'ti', name: 'ትግርኛ', dir: 'ltr' },
	{ code: 'fa', name: 'فارسی', dir: 'rtl' }
] as const satisfies readonly Language[];

/** Shipped languages: complete catalogues only (tests/integration/i18n-keys.spec.ts checks). */
export const LOCALES = ['en-GB', 'cy', 'ar', 'pl', 'ro', 'ur', 'fa', 'ps', 'ckb', 'ti'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en-GB';

export function isLocale(value: string | null | undefined): value is Locale {
	return !!value && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(lng: string): 'ltr' | 'rtl' {
	return ALL_LANGUAGES.find((l) => l.code === lng)?.dir ?? 'ltr';
}

/** The shipped languages (or those of them the service offers) with their own names, for the picker (browser-safe: no i18next here). */
export function shippedLanguages(offered: readonly Locale[] = LOCALES): { code: Locale; name: string; dir: 'ltr' | 'rtl' }[] {
	return LOCALES.filter((code) => code === DEFAULT_LOCALE || offered.includes(code)).map((code) => ({ code, name: ALL_LANGUAGES.find((l) => l.code === code)!.name, dir: directionOf(code) }));
}

/**
 * Person's saved choice → cookie → Accept-Language → English (allowlist only, SECURITY §7), among
 * the languages the service offers (issue 8: a subset of the shipped ones; English always).
 */
export function negotiateLocale(saved: string | null | undefined, cookie: string | undefined, acceptLanguage: string | null, offered: readonly Locale[] = LOCALES): Locale {
	const ok = (v: string | null | undefined): v is Locale => isLocale(v) && (v === DEFAULT_LOCALE || offered.includes(v));
	if (ok(saved)) return saved;
	if (ok(cookie)) return cookie;
	const choices = LOCALES.filter((l) => ok(l));
	for (const part of (acceptLanguage ?? '').split(',')) {
		const tag = part.split(';')[0]?.trim().toLowerCase();
		if (!tag) continue;
		const hit = choices.find((l) => l.toLowerCase() === tag) ?? choices.find((l) => l.split('-')[0] === tag.split('-')[0]);
		if (hit) return hit;
	}
	return DEFAULT_LOCALE;
}
