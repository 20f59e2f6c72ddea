/**
 * Lists the respondent-facing English strings a language lacks (issue 7), as JSON shaped like the
 * catalogues, so a translator (or a machine draft, then a reviewer) can fill them in file by file.
 *
 *   node .ci/i18n-missing.mjs ar            → { "common": {...}, "forms": {...} } still in English
 *   node .ci/i18n-missing.mjs --summary     → counts per shipped language
 *
 * Staff-only sections (src/lib/i18n/audiences.ts) are left out: staff pages may stay English.
 */
import { existsSync, readFileSync } from 'node:fs';

const AUDIENCES = readFileSync('src/lib/i18n/audiences.ts', 'utf8');
const list = (name) => AUDIENCES.match(new RegExp(`export const ${name}[^=]*=\\s*\\[([\\s\\S]*?)\\];`))[1].match(/'([^']+)'/g).map((s) => s.slice(1, -1));
const STAFF = list('STAFF_ONLY_COMMON');
const ALSO = list('RESPONDENT_ALSO');
const matches = (key, e) => (e.endsWith('-') ? key.startsWith(e) : key === e || key.startsWith(`${e}.`));
const load = (lng, ns) => (existsSync(`src/lib/i18n/locales/${lng}/${ns}.json`) ? JSON.parse(readFileSync(`src/lib/i18n/locales/${lng}/${ns}.json`, 'utf8')) : {});
const PLURAL = /_(zero|one|two|few|many|other)$/;

function leaves(tree, prefix = '') {
	return Object.entries(tree).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v]]));
}
function has(tree, key) {
	const base = key.replace(PLURAL, '');
	const parts = base.split('.');
	const last = parts.pop();
	let node = tree;
	for (const p of parts) node = node?.[p];
	if (!node || typeof node !== 'object') return false;
	return PLURAL.test(key) ? Object.keys(node).some((k) => k.replace(PLURAL, '') === last && PLURAL.test(k)) : last in node;
}
function set(tree, key, value) {
	const parts = key.split('.');
	const last = parts.pop();
	let node = tree;
	for (const p of parts) node = node[p] ??= {};
	node[last] = value;
}
const respondent = (ns, key) => ns === 'forms' || ALSO.some((e) => matches(key, e)) || !STAFF.some((e) => matches(key, e));

export function missing(lng) {
	const out = {};
	for (const ns of ['common', 'forms']) {
		const own = load(lng, ns);
		for (const [key, value] of leaves(load('en-GB', ns))) {
			if (!respondent(ns, key) || has(own, key)) continue;
			set((out[ns] ??= {}), key, value);
		}
	}
	return out;
}

const arg = process.argv[2];
if (arg === '--summary') {
	const locales = readFileSync('src/lib/i18n/languages.ts', 'utf8').match(/LOCALES = \[([^\]]*)\]/)[1].match(/'([^']+)'/g).map((s) => s.slice(1, -1));
	for (const lng of locales.filter((l) => l !== 'en-GB')) {
		const m = missing(lng);
		const n = ['common', 'forms'].reduce((a, ns) => a + (m[ns] ? leaves(m[ns]).length : 0), 0);
		console.log(`${lng}: ${n} respondent strings still in English`);
	}
} else if (arg) {
	console.log(JSON.stringify(missing(arg), null, '\t'));
}
