import { createContext } from 'svelte';
import { directionOf, i18nFor, type Locale, type Translate } from './index';

/** The page's language, shared through context (never module state, which leaks in SSR). */
export class I18n {
	locale: Locale = $state('en-GB');
	dir = $derived(directionOf(this.locale));
	t: Translate = $derived(i18nFor(this.locale).getFixedT(this.locale));

	constructor(locale: Locale) {
		this.locale = locale;
	}
}

export const [getI18n, setI18n] = createContext<I18n>();

/** Shorthand for components: the current translate function. */
export function useT(): Translate {
	const i18n = getI18n();
	return ((...args: Parameters<Translate>) => i18n.t(...args)) as Translate;
}
