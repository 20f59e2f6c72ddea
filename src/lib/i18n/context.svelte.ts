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
	t: Translate;

	constructor(locale: Locale, strings: () => Strings, dir: 'ltr' | 'rtl' = 'ltr') {
		this.locale = locale;
		this.dir = dir;
		this.#strings = strings;
		this.t = $derived(makeT(this.locale, this.#strings()));
	}
}

export const [getI18n, setI18n] = createContext<I18n>();

/** Shorthand for components: the current translate function. */
export function useT(): Translate {
	const i18n = getI18n();
	return ((...args: Parameters<Translate>) => i18n.t(...args)) as Translate;
}
