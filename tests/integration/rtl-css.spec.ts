import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 7, A11Y-20: right-to-left renders end to end only if the CSS uses logical properties
 * (`margin-inline-start`, `inset-inline-end`, `text-align: start` …). This fails on a physical
 * left/right property in app.css, static CSS or any component's <style>, so a new rule can't
 * quietly break Arabic, Urdu, Pashto, Kurdish or Farsi. Arrows that must turn are flipped under
 * `[dir='rtl']` (see .govuk-back-link).
 */
const PHYSICAL = /(?:^|[\s;{])((?:margin|padding|border|inset)-(?:left|right)(?:-[a-z]+)?|left|right)\s*:|text-align\s*:\s*(?:left|right)|float\s*:\s*(?:left|right)|clear\s*:\s*(?:left|right)/gm;

function files(dir: string, ext: RegExp): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		return statSync(p).isDirectory() ? files(p, ext) : ext.test(name) ? [p] : [];
	});
}

function css(file: string): string {
	const text = readFileSync(file, 'utf8');
	if (file.endsWith('.css')) return text;
	return [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
}

const sources = [...files(join(process.cwd(), 'src'), /\.(css|svelte)$/), ...files(join(process.cwd(), 'static'), /\.css$/)];

describe('A11Y-20: logical CSS properties only', () => {
	it('finds the stylesheets', () => expect(sources.some((f) => f.endsWith('app.css'))).toBe(true));
	for (const file of sources) {
		const text = css(file);
		if (!text) continue;
		it(file.replace(process.cwd() + '/', ''), () => {
			const hits = [...text.matchAll(PHYSICAL)].map((m) => m[0].trim());
			expect(hits, 'use margin-inline-start/end, inset-inline-start/end, text-align: start/end').toEqual([]);
		});
	}
});
