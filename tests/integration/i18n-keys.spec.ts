import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import common from '../../src/lib/i18n/locales/en-GB/common.json';
import forms from '../../src/lib/i18n/locales/en-GB/forms.json';
import { LOCALES } from '../../src/lib/i18n/languages';

/**
 * Every literal key the code passes to `t(...)` or returns as an error `key:` exists in English
 * (rule 5: no key names on screen; issue 7's check). Keys built at run time (a prefix plus a
 * value) are covered by the definitions spec and by the e2e sweep.
 */
function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) return files(p);
		return /\.(svelte|ts)$/.test(name) && !/\.spec\.ts$/.test(name) ? [p] : [];
	});
}

function has(tree: unknown, key: string): boolean {
	let node = tree as Record<string, unknown> | undefined;
	for (const part of key.split('.')) {
		if (!node || typeof node !== 'object') return false;
		const plural = ['_one', '_other'].some((s) => `${part}${s}` in node!);
		node = (node[part] ?? (plural ? {} : undefined)) as Record<string, unknown> | undefined;
	}
	return node !== undefined;
}

const used = new Map<string, string>();
for (const file of files(join(process.cwd(), 'src'))) {
	const text = readFileSync(file, 'utf8');
	for (const m of text.matchAll(/\bt\(\s*'([a-z0-9-]+(?:\.[a-z0-9-]+)+)'/g)) used.set(m[1]!, file);
	for (const m of text.matchAll(/\bt\(\s*[^()'`]*\?\s*'([a-z0-9-]+(?:\.[a-z0-9-]+)+)'\s*:\s*'([a-z0-9-]+(?:\.[a-z0-9-]+)+)'/g)) {
		used.set(m[1]!, file);
		used.set(m[2]!, file);
	}
	for (const m of text.matchAll(/\bkey:\s*'([a-z0-9-]+(?:\.[a-z0-9-]+)+)'/g)) used.set(m[1]!, file);
}

describe('rule 5: every key used in code exists in English', () => {
	it('finds keys to check', () => {
		expect(used.size).toBeGreaterThan(100);
	});
	for (const [key, file] of [...used].sort()) {
		it(`${key} (${file.replace(process.cwd() + '/', '')})`, () => {
			expect(has(common, key) || has(forms, key), `missing in en-GB: ${key}`).toBe(true);
		});
	}
});

/**
 * Issue 7: the shipped catalogues. Every language folder is a shipped language (LOCALES); none has a
 * key English lacks (a key renamed in English would otherwise linger, untranslated, forever); every
 * `{{placeholder}}` is the same set as in English (a translation that drops `{{count}}` or invents
 * `{{name}}` shows a wrong or empty value); plural forms are the ones the language has
 * (Intl.PluralRules), and arrays (paragraph lists) have the same length. Each machine-drafted
 * catalogue is listed in REVIEW.md until a fluent reviewer signs it off. Missing respondent strings
 * are not a failure: English shows for them (i18next fallback), and `node .ci/i18n-missing.mjs`
 * lists them for translators, because other work adds English strings every day.
 */
const LOCALES_DIR = join(process.cwd(), 'src/lib/i18n/locales');
const PLURAL = /_(zero|one|two|few|many|other)$/;
type Tree = Record<string, unknown>;

function leaves(tree: Tree, prefix = ''): [string, unknown][] {
	return Object.entries(tree).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? leaves(v as Tree, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]]));
}

function placeholders(value: unknown): string {
	const texts = Array.isArray(value) ? value : [value];
	return [...new Set(texts.flatMap((t) => [...String(t).matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1]!)))].sort().join(',');
}

const english: Record<string, Map<string, unknown>> = { common: new Map(leaves(common as Tree)), forms: new Map(leaves(forms as Tree)) };

/** English's value for a key, plural forms mapped onto English's `_other` (or `_one`). */
function englishFor(ns: string, key: string): unknown {
	const en = english[ns]!;
	if (en.has(key)) return en.get(key);
	if (PLURAL.test(key)) {
		const base = key.replace(PLURAL, '');
		return en.get(`${base}_other`) ?? en.get(`${base}_one`);
	}
	return undefined;
}

const shipped = readdirSync(LOCALES_DIR).filter((d) => d !== 'en-GB' && statSync(join(LOCALES_DIR, d)).isDirectory());
const reviewList = readFileSync(join(LOCALES_DIR, 'REVIEW.md'), 'utf8');

describe('issue 7: shipped catalogues', () => {
	it('every language folder is a shipped language, and every shipped language has its folder', () => {
		expect(shipped.sort()).toEqual(LOCALES.filter((l) => l !== 'en-GB').sort());
	});
	for (const lng of shipped) {
		const plurals = new Set(new Intl.PluralRules(lng).resolvedOptions().pluralCategories);
		describe(lng, () => {
			it('is listed in REVIEW.md with its review state', () => {
				expect(reviewList).toMatch(new RegExp(`^\\| \`${lng}\` \\|.*\\| (machine-drafted, needs review|reviewed by .+) \\|`, 'm'));
			});
			for (const ns of ['common', 'forms'] as const) {
				const path = join(LOCALES_DIR, lng, `${ns}.json`);
				const own = leaves(JSON.parse(readFileSync(path, 'utf8')) as Tree);
				it(`${ns}: no key English lacks`, () => {
					const extra = own.map(([k]) => k).filter((k) => englishFor(ns, k) === undefined);
					expect(extra, `${lng}/${ns}.json has keys English lacks`).toEqual([]);
				});
				it(`${ns}: the same {{placeholders}} as English`, () => {
					const wrong = own.filter(([k, v]) => englishFor(ns, k) !== undefined && placeholders(v) !== placeholders(englishFor(ns, k)));
					expect(wrong.map(([k, v]) => `${k}: ${placeholders(v)} ≠ ${placeholders(englishFor(ns, k))}`)).toEqual([]);
				});
				it(`${ns}: plural forms the language has, paragraph lists as long as English's, no blanks`, () => {
					const badPlural = own.filter(([k]) => PLURAL.test(k) && !plurals.has(PLURAL.exec(k)![1]! as Intl.LDMLPluralRule)).map(([k]) => k);
					const badList = own.filter(([k, v]) => Array.isArray(v) && (!Array.isArray(englishFor(ns, k)) || (englishFor(ns, k) as unknown[]).length !== v.length)).map(([k]) => k);
					const blank = own.filter(([, v]) => typeof v !== 'string' && !Array.isArray(v) ? true : (Array.isArray(v) ? v : [v]).some((s) => typeof s !== 'string' || s.trim() === '')).map(([k]) => k);
					expect({ badPlural, badList, blank }).toEqual({ badPlural: [], badList: [], blank: [] });
				});
			}
		});
	}
});
