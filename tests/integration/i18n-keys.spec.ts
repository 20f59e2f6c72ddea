import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import common from '../../src/lib/i18n/locales/en-GB/common.json';
import forms from '../../src/lib/i18n/locales/en-GB/forms.json';

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
