import { createContext } from 'svelte';
import { makeT, type Strings } from './core';
import type { Locale, Translate } from './index';

/**
 * The page's language, shared through context (never module state, which leaks in SSR). It
 * translates with the strings the server sent this page (issue 10), read through `strings()` so a
 * client-side navigation that brings new strings (a form's wording) re-translates.
 */
export class I18n {
	locale: Locale = $state('en-GB');
	dir: 'ltr' | 'rtl' = $state('ltr');
	readonly #strings: () => Strings;
	#made: { locale: Locale; strings: Strings; t: Translate } | undefined;

	constructor(locale: Locale, strings: () => Strings, dir: 'ltr' | 'rtl' = 'ltr') {
		this.locale = locale;
		this.dir = dir;
		this.#strings = strings;
	}

	/**
	 * The translate function for the current language and strings. Reading it tracks both (so the
	 * browser re-translates after a navigation); it is rebuilt only when either changes, which also
	 * matters on the server, where a `$derived` would be worked out again on every call.
	 */
	get t(): Translate {
		const locale = this.locale;
		const strings = this.#strings();
		if (this.#made?.locale !== locale || this.#made.strings !== strings) this.#made = { locale, strings, t: makeT(locale, strings) };
		return this.#made.t;
	}
}

export const [getI18n, setI18n] = createContext<I18n>();

/** Shorthand for components: the current translate function. */
export function useT(): Translate {
	const i18n = getI18n();
	return ((...args: Parameters<Translate>) => i18n.t(...args)) as Translate;
}
