import { describe, expect, it } from 'vitest';
import { makeT, mergeStrings, type Catalog, type Strings } from './core';
import { i18nFor } from './index';

/** Every leaf key of a catalog (plural forms folded into their base key). */
function keys(catalog: Catalog, prefix = ''): string[] {
	return Object.entries(catalog).flatMap(([k, v]) =>
		v && typeof v === 'object' && !Array.isArray(v) ? keys(v, `${prefix}${k}.`) : [`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`]
	);
}

const en = i18nFor('en-GB');
const strings: Strings = { common: en.getResourceBundle('en-GB', 'common'), forms: en.getResourceBundle('en-GB', 'forms') };
const params = { name: 'Sam', childName: 'Ali', iroName: 'Jo', date: '1 May', option: 'young-person-13-plus.advocate-offer.options.not-now', n: 3, total: 9 };

describe('makeT (the browser translator) says what i18next says', () => {
	for (const ns of ['common', 'forms'] as const) {
		it(`for every key of ${ns}, with and without a count`, () => {
			const t = makeT('en-GB', strings);
			const all = [...new Set(keys(strings[ns]!))];
			expect(all.length).toBeGreaterThan(50);
			for (const key of all) {
				for (const extra of [{}, { count: 1 }, { count: 2 }, { count: 0 }]) {
					const opts = { ns, ...params, ...extra };
					const want = en.t(key, { ...opts, lng: 'en-GB', returnObjects: true });
					expect(t(key, { ...opts, returnObjects: true }), `${ns}:${key} ${JSON.stringify(extra)}`).toEqual(want);
				}
			}
		});
	}

	it('looks in each namespace of a list in turn, and takes ns: prefixes', () => {
		const t = makeT('en-GB', { common: { a: { b: 'common b' } }, forms: { a: { c: 'forms c' } } });
		expect(t('a.c', { ns: ['common', 'forms'] })).toBe('forms c');
		expect(t('forms:a.c')).toBe('forms c');
		expect(t('a.b')).toBe('common b');
	});

	it('gives the default value, or else the key, for a key it was not sent', () => {
		const t = makeT('en-GB', {});
		expect(t('nowhere.hint', { defaultValue: '' })).toBe('');
		expect(t('nowhere.label')).toBe('nowhere.label');
	});

	it('leaves a placeholder with no value as it is, as i18next does', () => {
		const t = makeT('en-GB', { common: { x: 'Hello {{name}}' } });
		expect(t('x')).toBe('Hello {{name}}');
		expect(t('forms:nowhere.x')).toBe('nowhere.x');
	});

	it('merges a page’s own strings over the layout’s', () => {
		const merged = mergeStrings({ common: { a: 'A' }, forms: { share: 'S' } }, { forms: { 'carer': { q: 'Q' } } });
		expect(merged).toEqual({ common: { a: 'A' }, forms: { share: 'S', carer: { q: 'Q' } } });
		expect(mergeStrings({ common: { a: 'A' } }, undefined)).toEqual({ common: { a: 'A' } });
	});
});
