import { i18nFor, type Locale } from '$lib/i18n';
import { setMissingHandler, type Catalog, type Namespace, type Strings } from '$lib/i18n/core';
import { log } from './log';

/**
 * Which strings each page is sent (issue 10). i18next with every catalogue was ~30 KB of a child's
 * question page's JavaScript; now components translate with core's `makeT` over the strings the
 * server sends with the page, on the server and in the browser alike, so both render the same words.
 *
 * A route's strings are found from its source, once per route and process: the route's own files
 * (+page, +layout up to the root, +error) and everything they import, transitively (components,
 * $lib modules, the route's server files and the server modules they use, whose keys travel to the
 * page as data). Every quoted dotted name in that code (`'start.title'`, `` `band.${x}` `` →
 * `band.*`) that is a key or section of a catalogue is sent, in the page's language with English
 * filling gaps (i18next's fallbackLng). Form definitions are left out of the scan: a form's wording
 * is sent with the page's data, for the questions the page shows (`withFormStrings`).
 *
 * A key that the scan missed still renders on the server (full catalogues) and is logged as
 * `i18n key not sent to the browser` with the route, so a gap shows in the logs, not as a blank.
 */

// The app's source as text, bundled into the server build (a few hundred KB; tests and catalogues left out).
const SOURCES = import.meta.glob<string>(
	['/src/routes/**/*.{svelte,ts}', '/src/lib/**/*.{svelte,ts}', '!/src/**/*.spec.ts', '!/src/**/*.test.ts', '!/src/lib/server/demo/**', '!/src/lib/forms/**/definitions/**'],
	{ query: '?raw', import: 'default', eager: true }
);

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;
// A quoted name made of dotted parts: 'a.b-c', "a.b", `a.b.${x}` (the static part), or a single word.
const TOKEN = /['"`]([a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)*)(\.?)(?=\$\{|['"`])/gi;

function resolveImport(from: string, spec: string): string | undefined {
	let base: string;
	if (spec.startsWith('$lib/')) base = `/src/lib/${spec.slice(5)}`;
	else if (spec.startsWith('./') || spec.startsWith('../')) {
		const parts = from.split('/').slice(0, -1);
		for (const p of spec.split('/')) {
			if (p === '..') parts.pop();
			else if (p !== '.') parts.push(p);
		}
		base = parts.join('/');
	} else return undefined;
	for (const ext of ['', '.ts', '.svelte', '.svelte.ts', '/index.ts']) if (`${base}${ext}` in SOURCES) return `${base}${ext}`;
	return undefined;
}

/** The files a route runs: its page and layout files up to the root, and all they import. */
function routeFiles(routeId: string | null): Set<string> {
	const files = new Set<string>();
	const queue: string[] = ['/src/routes/+error.svelte'];
	const segments = (routeId ?? '').split('/').filter(Boolean);
	for (let i = 0; i <= segments.length; i++) {
		const dir = ['/src/routes', ...segments.slice(0, i)].join('/');
		for (const f of ['+layout.svelte', '+layout.ts', '+layout.server.ts']) queue.push(`${dir}/${f}`);
		if (i === segments.length) for (const f of ['+page.svelte', '+page.ts', '+page.server.ts']) queue.push(`${dir}/${f}`);
	}
	while (queue.length) {
		const file = queue.pop()!;
		if (files.has(file) || !(file in SOURCES)) continue;
		files.add(file);
		for (const m of SOURCES[file]!.matchAll(IMPORT)) {
			const target = resolveImport(file, m[1]!);
			if (target && !files.has(target)) queue.push(target);
		}
	}
	return files;
}

/** The quoted names in some code: keys (`a.b`), or key prefixes (`a.` before a `${…}`). */
function tokens(files: Iterable<string>): Set<string> {
	const found = new Set<string>();
	for (const file of files) for (const m of SOURCES[file]!.matchAll(TOKEN)) found.add(m[1]! + m[2]!);
	return found;
}

/** A namespace in the locale, English filling what it lacks, '' counting as missing (issue 7). */
function catalogue(locale: Locale, ns: Namespace): Catalog {
	const i18n = i18nFor(locale);
	const english = (i18n.getResourceBundle('en-GB', ns) ?? {}) as Catalog;
	if (locale === 'en-GB') return english;
	return merge(english, (i18n.getResourceBundle(locale, ns) ?? {}) as Catalog);
}

function merge(base: Catalog, over: Catalog): Catalog {
	const out: Catalog = { ...base };
	for (const [k, v] of Object.entries(over)) {
		if (v === '' || v === undefined || v === null) continue;
		const b = out[k];
		out[k] = v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && !Array.isArray(b) ? merge(b, v) : v;
	}
	return out;
}

type Node = Catalog[string];
const isBranch = (n: unknown): n is Catalog => !!n && typeof n === 'object' && !Array.isArray(n);

/** Copies `path` (a key, with its plural forms; or a whole subtree) from `from` into `into`. */
function copy(from: Catalog, into: Catalog, path: string[]): boolean {
	let src: Catalog = from;
	for (let i = 0; i < path.length - 1; i++) {
		const next = src[path[i]!];
		if (!isBranch(next)) return false;
		src = next;
	}
	const last = path[path.length - 1]!;
	// `home.heading-${kind}` scans as the prefix `home.heading-`: every key starting with it (issue 7 found these shown as key
	// names); never at the top (`young-person-${band}` is no key, and would bring every form's wording).
	const hits = Object.entries(src).filter(
		([k]) => k === last || (path.length > 1 && last.endsWith('-') && k.startsWith(last)) || (k.startsWith(`${last}_`) && /_(zero|one|two|few|many|other)$/.test(k))
	);
	if (!hits.length) return false;
	let dst: Catalog = into;
	for (const p of path.slice(0, -1)) dst = (isBranch(dst[p]) ? dst[p] : (dst[p] = {})) as Catalog;
	for (const [k, v] of hits) dst[k] = v as Node;
	return true;
}

/** Of `names`, the keys and sections each catalogue has, with any `$t(…)` they nest. */
function pick(catalogues: Record<Namespace, Catalog>, names: Iterable<string>): Strings {
	const out: Record<Namespace, Catalog> = { common: {}, forms: {} };
	const queue = [...names];
	const seen = new Set<string>();
	while (queue.length) {
		const name = queue.pop()!;
		if (seen.has(name)) continue;
		seen.add(name);
		const [nsPart, keyPart] = name.includes(':') ? (name.split(':', 2) as [Namespace, string]) : [undefined, name];
		const path = keyPart.replace(/\.$/, '').split('.');
		for (const ns of nsPart ? [nsPart] : (['common', 'forms'] as const)) {
			const cat = catalogues[ns];
			if (!cat) continue;
			// A single word is only a top-level text (`optional`), never a whole section (`child`).
			if (path.length === 1 && !keyPart.endsWith('.') && isBranch(cat[path[0]!])) continue;
			if (!copy(cat, out[ns], path)) continue;
			// Nested keys: "… $t(forms:{{option}}) …" needs nothing; "$t(common:app.name)" needs that key.
			const text = JSON.stringify(lookup(out[ns], path) ?? lookup(out[ns], path.slice(0, -1)) ?? '');
			for (const m of text.matchAll(/\$t\(([a-z]+:)?([a-z][a-z0-9_.-]*)\)/gi)) queue.push(`${m[1] ?? `${ns}:`}${m[2]}`);
		}
	}
	return out;
}

function lookup(cat: Catalog, path: string[]): unknown {
	let n: unknown = cat;
	for (const p of path) n = isBranch(n) ? n[p] : undefined;
	return n;
}

const routeNames = new Map<string, Set<string>>();

/** The names a route's code uses (cached per route for the life of the process). */
function namesFor(routeId: string | null): Set<string> {
	const id = routeId ?? '';
	let names = routeNames.get(id);
	if (!names) {
		names = tokens(routeFiles(routeId));
		routeNames.set(id, names);
	}
	return names;
}

const cache = new Map<string, Strings>();
const STAFF_ROUTE = /^\/\((iro|admin|advocate)\)\//;

/** The root layout's strings for a route: what its code names, in `locale`. */
export function stringsFor(locale: Locale, routeId: string | null): Strings {
	const key = `${locale}\n${routeId ?? ''}`;
	let strings = cache.get(key);
	if (!strings) {
		const forms = catalogue(locale, 'forms');
		strings = pick({ common: catalogue(locale, 'common'), forms }, namesFor(routeId));
		// Staff pages show answers to every form (pack, decisions, results): all the wording, once per
		// route; they have no weight budget. Children's, parents' and carers' pages get theirs with the data.
		if (STAFF_ROUTE.test(routeId ?? '')) strings.forms = forms;
		cache.set(key, strings);
	}
	return strings;
}

/** The wording keys `data` names: every `wording` value in it (a question, an answer, a decision's link). */
export function wordingKeys(data: unknown): Set<string> {
	const found = new Set<string>();
	const walk = (v: unknown, depth: number): void => {
		if (depth > 8 || !v || typeof v !== 'object') return;
		if (v instanceof Map) for (const x of v.values()) walk(x, depth + 1);
		else if (Array.isArray(v)) for (const x of v) walk(x, depth + 1);
		else
			for (const [k, x] of Object.entries(v)) {
				if (k === 'wording' && typeof x === 'string') found.add(x);
				else walk(x, depth + 1);
			}
	};
	walk(data, 0);
	return found;
}

/** A page's data plus the `forms` wording it shows (a question, check answers, shared answers, the child's report). */
export function withFormStrings<T extends object>(locale: Locale, data: T): T & { formStrings: Strings } {
	const forms = catalogue(locale, 'forms');
	return { ...data, formStrings: { forms: pick({ common: {}, forms }, [...wordingKeys(data)].map((k) => `forms:${k}`)).forms ?? {} } };
}

const warned = new Set<string>();
/** On the server a key the page wasn't sent still renders (full catalogues), and is logged once. */
export function installMissingKeyFallback(): void {
	setMissingHandler((lng, ns, key) => {
		const i18n = i18nFor(lng);
		const value = i18n.getResource(lng, ns, key) ?? i18n.getResource('en-GB', ns, key);
		if (value !== undefined && !warned.has(`${ns}:${key}`)) {
			warned.add(`${ns}:${key}`);
			log.warn({ ns, key }, 'i18n key not sent to the browser');
		}
		return value;
	});
}
