import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import common from '../../i18n/locales/en-GB/common.json';
import { render } from 'svelte/server';
import PictureView from './Picture.svelte';
import { shapesOf } from './link-pictures';
import { PICTURES } from './pictures';

/**
 * SECURITY A11Y-C1 (S: copy lint) for the Easy Read pages (issue 7): one idea per sentence, each
 * sentence at most 15 words, no acronyms, none of DOMAIN §5.8's jargon, and a picture per idea:
 * every sentence of a page is paired with one of our own pictures in the page's route file, and
 * every picture is decorative (`aria-hidden`, the sentence carries the meaning, A11Y-C2), drawn with
 * `currentColor` so high contrast and dark text settings recolour it, with no text inside.
 * Active voice is checked by people (A11Y-M2), not here.
 */
type Tree = { [key: string]: string | Tree };
const easy = (common as unknown as Tree)['easy-read'] as Tree;
const PAGES = ['review', 'who-sees', 'on-your-side'] as const;
const ROUTES = join(process.cwd(), 'src/routes/(public)/help/easy-read');
/** DOMAIN §5.8 "No jargon" (the words a child should not meet), and A11Y-C1's acronyms. */
const JARGON = /\b(placement|contact|LAC|CLA|care plan|IRO|pathway plan|delegated authority|PEP|statutory|respite|independent reviewing officer|local authority)\b/i;

describe('A11Y-C1: Easy Read copy', () => {
	for (const page of PAGES) {
		const lines = (easy[page] as Tree).lines as Record<string, string>;
		describe(page, () => {
			it('has between 5 and 12 sentences', () => {
				expect(Object.keys(lines).length).toBeGreaterThanOrEqual(5);
				expect(Object.keys(lines).length).toBeLessThanOrEqual(12);
			});
			for (const [key, line] of Object.entries(lines)) {
				it(`${key}: one short sentence, no acronyms or jargon`, () => {
					expect(line, 'one sentence, ending with a full stop').toMatch(/^[^.!?]+\.$/);
					expect(line.split(/\s+/).length, line).toBeLessThanOrEqual(15);
					expect(line, 'no acronyms').not.toMatch(/\b[A-Z]{2,}\b/);
					expect(line, 'DOMAIN §5.8 jargon').not.toMatch(JARGON);
				});
			}
			it('pairs every sentence with a picture in the route file, and no other keys', () => {
				const source = readFileSync(join(ROUTES, page, '+page.svelte'), 'utf8');
				const pairs = [...source.matchAll(/\{ picture: PICTURES\.(\w+), key: 'easy-read\.([\w-]+)\.lines\.([\w-]+)' \}/g)];
				expect(pairs.every((m) => m[2] === page)).toBe(true);
				expect(pairs.map((m) => m[3]).sort()).toEqual(Object.keys(lines).sort());
				for (const m of pairs) expect(Object.keys(PICTURES), `${m[1]} is one of ours`).toContain(m[1]);
			});
		});
	}
});

describe('A11Y-C2: the Easy Read pictures', () => {
	it('finds them', () => expect(Object.keys(PICTURES).length).toBeGreaterThanOrEqual(10));
	for (const [name, picture] of Object.entries(PICTURES)) {
		it(`${name}: shapes only, in the text colour: no text, colour, inline style or link`, () => {
			expect(picture.body).toMatch(/^(<(path|circle|rect) [^<>]*\/> ?)+$/);
			expect(picture.body).not.toMatch(/\b(fill|stroke)="(?!currentColor|none)[^"]*"|\bstyle=|href=/);
			// Every shape and attribute survives the reading Picture.svelte draws from (nothing silently dropped).
			const shapes = shapesOf(picture.body);
			expect(shapes.length).toBe(picture.body.match(/</g)!.length);
			expect(shapes.reduce((n, s) => n + Object.keys(s.attrs).length, 0)).toBe(picture.body.match(/="/g)!.length);
		});
	}
	it('shapesOf keeps only paths, circles and rectangles, and only drawing attributes', () => {
		expect(shapesOf('<path d="M0 0" onclick="x()" /> <script src="x" /> <circle cx="1" style="a" />')).toEqual([
			{ tag: 'path', attrs: { d: 'M0 0' } },
			{ tag: 'circle', attrs: { cx: '1' } }
		]);
	});
	it('Picture.svelte draws the shapes as SVG elements', () => {
		const { body } = render(PictureView, { props: { picture: PICTURES.heart } });
		expect(body).toMatch(/<svg class="app-er__pic"[^>]*aria-hidden="true"[^>]*>\s*(<!--[^>]*-->)*\s*<path d="M32 54 C32 54/);
		expect(body).not.toContain('&lt;');
		// Every attribute each shape carries is drawn (the component names them one by one).
		for (const picture of Object.values(PICTURES)) {
			const html = render(PictureView, { props: { picture } }).body.replace(/<!--[^>]*-->/g, '');
			for (const shape of shapesOf(picture.body)) for (const [k, v] of Object.entries(shape.attrs)) expect(html, `${k}="${v}"`).toContain(`${k}="${v}"`);
		}
	});
	it('the one component draws them decorative, in currentColor, 64 × 64, mirrored in RTL when `flip`', () => {
		const svelte = readFileSync(join(process.cwd(), 'src/lib/components/easy-read/Picture.svelte'), 'utf8');
		expect(svelte).toMatch(/<svg class="app-er__pic" class:app-er__pic--flip=\{picture\.flip\} viewBox="0 0 64 64" width="64" height="64" aria-hidden="true" focusable="false" fill="none" stroke="currentColor"/);
	});
});
