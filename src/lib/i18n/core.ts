import type { Locale, Translate } from './index';

/**
 * The part of i18n that runs in the browser (issue 10): no i18next and no catalogs in the bundle.
 * The server sends each page the strings its code names (`stringsFor`, `withFormStrings` in
 * $lib/server/i18n-strings) and components translate with `makeT`, which follows the i18next
 * behaviour the catalogs use: `ns` (one or a list, looked up in order), dotted keys, `{{name}}`
 * interpolation (no escaping: Svelte escapes), `_one`/`_other` plurals by `count` (Intl.PluralRules),
 * `$t(ns:key)` nesting, `defaultValue`, `returnObjects`. A key that isn't there falls back to the
 * missing-key handler (the server's full catalogs, with a warning) and then to the key itself, as
 * i18next does. The server keeps i18next for everything outside components (STYLE §4.9).
 */
export const NAMESPACES = ['common', 'forms'] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** A nested catalog: section → key → text (or a list of paragraphs). */
export type Catalog = { [key: string]: string | string[] | Catalog };
/** The strings a page has: per namespace, the sections it needs (English filling any gaps). */
export type Strings = Partial<Record<Namespace, Catalog>>;

const merged = new WeakMap<Strings, WeakMap<Strings, Strings>>();

/** Both sets of a page's strings together: the root layout's and the page's own (`formStrings`); the same pair gives the same object. */
export function mergeStrings(layout: Strings | undefined, page: Strings | undefined): Strings {
	if (!page) return layout ?? {};
	if (!layout) return page;
	let byPage = merged.get(layout);
	if (!byPage) merged.set(layout, (byPage = new WeakMap()));
	let both = byPage.get(page);
	if (!both) byPage.set(page, (both = { common: { ...layout.common, ...page.common }, forms: { ...layout.forms, ...page.forms } }));
	return both;
}

type Missing = (lng: Locale, ns: Namespace, key: string) => unknown;
let missing: Missing | undefined;
/** Server only: where to look when a page wasn't sent a key (the full catalogs, with a warning). */
export function setMissingHandler(handler: Missing | undefined): void {
	missing = handler;
}

function lookup(catalog: Catalog | undefined, key: string): unknown {
	let node: unknown = catalog;
	for (const part of key.split('.')) {
		if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
		node = (node as Catalog)[part];
	}
	return node;
}

type Options = Record<string, unknown> & { ns?: string | readonly string[]; count?: number; defaultValue?: unknown; returnObjects?: boolean };

/** A translate function over `strings`, for one locale. */
export function makeT(lng: Locale, strings: Strings): Translate {
	const plural = new Intl.PluralRules(lng);
	const find = (namespaces: readonly Namespace[], key: string, opts: Options): unknown => {
		const candidates = typeof opts.count === 'number' ? [`${key}_${plural.select(opts.count)}`, key] : [key];
		for (const ns of namespaces)
			for (const k of candidates) {
				const hit = lookup(strings[ns], k);
				if (hit !== undefined) return hit;
			}
		if (missing)
			for (const ns of namespaces)
				for (const k of candidates) {
					const hit = missing(lng, ns, k);
					if (hit !== undefined) return hit;
				}
		return undefined;
	};
	const t = (keys: string | readonly string[], options?: Options): unknown => {
		const opts: Options = options ?? {};
		const list = typeof keys === 'string' ? [keys] : keys;
		const base = (opts.ns === undefined ? ['common'] : typeof opts.ns === 'string' ? [opts.ns] : opts.ns) as Namespace[];
		for (const full of list) {
			const sep = full.indexOf(':');
			const [namespaces, key] = sep > 0 ? [[full.slice(0, sep) as Namespace], full.slice(sep + 1)] : [base, full];
			const value = find(namespaces, key, opts);
			if (value === undefined) continue;
			if (typeof value !== 'string') return opts.returnObjects ? value : key;
			const filled = value.replace(/\{\{\s*([^}\s]+)\s*\}\}/g, (m, name: string) => (opts[name] === undefined ? m : String(opts[name])));
			return filled.replace(/\$t\(([^)]+)\)/g, (_m, nested: string) => String(t(nested.trim(), { ...opts, ns: base, count: undefined, defaultValue: undefined })));
		}
		const last = list[list.length - 1]!;
		return opts.defaultValue !== undefined ? opts.defaultValue : last.slice(last.indexOf(':') + 1);
	};
	return t as unknown as Translate;
}
