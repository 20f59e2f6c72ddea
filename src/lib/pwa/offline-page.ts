import { ALL_LANGUAGES, DEFAULT_LOCALE, LOCALES } from '$lib/i18n/languages';

/**
 * The page the service worker shows when a navigation fails offline (SECURITY §6): neutral, the
 * same for everyone, nothing from the app's pages. Its words come from each shipped catalogue's
 * `offline` section (only that section is bundled into the worker); the browser's preferred
 * language comes first, and English is always there.
 */
type Words = { 'app-name': string; title: string; heading: string; body: string; retry: string };
const catalogues = import.meta.glob<Words>('../i18n/locales/*/common.json', { eager: true, import: 'offline' });

function wordsFor(lng: string): Words | undefined {
	const w = catalogues[`../i18n/locales/${lng}/common.json`];
	return w && w['app-name'] && w.title && w.heading && w.body && w.retry ? w : undefined;
}

function escape(s: string): string {
	return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Shipped languages in the order to show them: the browser's preferences first, then English. */
export function offlineLanguages(preferred: readonly string[]): string[] {
	const order: string[] = [];
	for (const tag of preferred) {
		const lower = tag.toLowerCase();
		const hit = LOCALES.find((l) => l.toLowerCase() === lower) ?? LOCALES.find((l) => l.split('-')[0] === lower.split('-')[0]);
		if (hit && !order.includes(hit)) order.push(hit);
	}
	if (!order.includes(DEFAULT_LOCALE)) order.push(DEFAULT_LOCALE);
	return order.filter((l) => wordsFor(l));
}

export function offlinePage(preferred: readonly string[]): string {
	const langs = offlineLanguages(preferred);
	const first = langs[0] ?? DEFAULT_LOCALE;
	const main = wordsFor(first)!;
	const sections = langs
		.map((l) => {
			const w = wordsFor(l)!;
			const dir = ALL_LANGUAGES.find((x) => x.code === l)?.dir ?? 'ltr';
			return `<section lang="${l}" dir="${dir}"><h1>${escape(w.heading)}</h1><p>${escape(w.body)}</p><p><a href="/">${escape(w.retry)}</a></p></section>`;
		})
		.join('');
	const dir = ALL_LANGUAGES.find((x) => x.code === first)?.dir ?? 'ltr';
	return `<!doctype html><html lang="${first}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(main.title)}</title><link rel="stylesheet" href="/offline.css"></head><body><header>${escape(main['app-name'])}</header><main>${sections}</main></body></html>`;
}
