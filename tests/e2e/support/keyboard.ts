/**
 * Keyboard-only helpers (issue 7, A11Y-12): every move is `page.keyboard` (Tab, Shift+Tab, Enter,
 * Space, arrows), never a mouse or a locator click. At each tab stop the focused element must show
 * a focus indicator from its computed style: an outline or a box-shadow of at least 2 px in a colour
 * that is not transparent (WCAG 2.4.7; GOV.UK's yellow-and-black ring is a 3 px shadow).
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export interface Focused {
	tag: string;
	type: string;
	id: string;
	name: string;
	/** The text a person reads on it (label for a field, text for a link or button). */
	text: string;
	href: string;
	className: string;
	checked: boolean;
	/** Why the focus indicator counts, or '' when there is none. */
	indicator: string;
	/** Where it is, to say which element failed. */
	path: string;
}

/** What has focus now, and whether its focus indicator is visible (computed style). */
export function focused(page: Page): Promise<Focused | null> {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body || el === document.documentElement) return null;
		const transparent = (c: string) => /^transparent$|rgba\([^)]*,\s*0\)$/.test(c.trim());
		const px = (s: string) => [...s.matchAll(/(-?[\d.]+)px/g)].map((m) => Math.abs(Number(m[1])));
		const indicatorOf = (cs: CSSStyleDeclaration): string => {
			const width = parseFloat(cs.outlineWidth) || 0;
			if (cs.outlineStyle !== 'none' && width >= 2 && !transparent(cs.outlineColor)) return `outline ${cs.outlineWidth} ${cs.outlineStyle} ${cs.outlineColor}`;
			if (cs.boxShadow && cs.boxShadow !== 'none') {
				// "rgb(…) 0px 0px 0px 3px, rgb(…) 0px 4px 0px 0px": the colour, then x, y, blur, spread.
				for (const shadow of cs.boxShadow.split(/,(?![^(]*\))/)) {
					const colour = /rgba?\([^)]*\)/.exec(shadow)?.[0] ?? '';
					const [x = 0, y = 0, , spread = 0] = px(shadow.replace(colour, ''));
					if (!transparent(colour) && Math.max(x, y, spread) >= 2) return `box-shadow ${shadow.trim()}`;
				}
			}
			return '';
		};
		let indicator = indicatorOf(getComputedStyle(el));
		// A custom control may draw its ring on its label (e.g. a face card): that counts too.
		if (!indicator && el instanceof HTMLInputElement && el.labels?.[0]) indicator = indicatorOf(getComputedStyle(el.labels[0]));
		const label = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement ? (el.labels?.[0]?.textContent ?? '') : '';
		const path: string[] = [];
		for (let n: Element | null = el; n && n !== document.body && path.length < 4; n = n.parentElement) {
			path.unshift(n.tagName.toLowerCase() + (n.id ? `#${n.id}` : '') + (n.classList.length ? `.${[...n.classList].join('.')}` : ''));
		}
		return {
			tag: el.tagName.toLowerCase(),
			type: (el as HTMLInputElement).type ?? '',
			id: el.id,
			name: el.getAttribute('name') ?? '',
			text: (label || el.getAttribute('aria-label') || el.textContent || (el as HTMLInputElement).value || '').replace(/\s+/g, ' ').trim(),
			href: el.getAttribute('href') ?? '',
			className: typeof el.className === 'string' ? el.className : '',
			checked: !!(el as HTMLInputElement).checked,
			indicator,
			path: path.join(' > ')
		};
	});
}

/** Asserts the focused element shows its focus, and returns it. */
export async function expectFocusVisible(page: Page): Promise<Focused> {
	const f = await focused(page);
	expect(f, `something has focus on ${page.url()}`).not.toBeNull();
	expect(f!.indicator, `visible focus on ${f!.path} "${f!.text}" at ${new URL(page.url()).pathname}`).not.toBe('');
	return f!;
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches, checking the focus indicator at
 * every stop on the way. Fails after `max` stops.
 */
export async function tabTo(page: Page, match: (f: Focused) => boolean, what: string, opts: { back?: boolean; max?: number } = {}): Promise<Focused> {
	const seen: string[] = [];
	for (let i = 0; i < (opts.max ?? 80); i++) {
		await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
		const f = await expectFocusVisible(page);
		if (match(f)) return f;
		seen.push(`${f.tag}${f.type ? `[${f.type}]` : ''} "${f.text.slice(0, 30)}"`);
	}
	throw new Error(`keyboard: no tab stop for ${what} on ${page.url()}; passed ${seen.join(', ')}`);
}

/**
 * After a page load the first Tab lands on the skip link (A11Y-12, GOV.UK); Enter on it moves on to
 * the main content. Leaves focus on the skip link.
 */
export async function expectSkipLinkFirst(page: Page): Promise<void> {
	// A fresh page load starts at the top of the document; so does Kit's focus reset after a client-side
	// navigation (it focuses <body>). Wait for that, then Tab once.
	await page.waitForFunction(() => !document.activeElement || document.activeElement === document.body);
	await page.keyboard.press('Tab');
	const f = await expectFocusVisible(page);
	expect(`${f.className} ${f.href}`, `the first tab stop on ${new URL(page.url()).pathname} is the skip link`).toMatch(/govuk-skip-link.*#main-content/);
}

/** Presses a key that navigates (Enter on a link or a submit button) and waits for the new page. */
export async function pressAndWait(page: Page, key = 'Enter'): Promise<void> {
	const before = page.url();
	await page.keyboard.press(key);
	await page.waitForURL((u) => u.href !== before);
	await page.waitForLoadState('load');
}

/**
 * Every tab stop from the one focused now (call it right after `expectSkipLinkFirst`) to the end of
 * the page, each with a visible focus; returns how many. Focus ends outside the page or back at the start.
 */
export async function tabThroughPage(page: Page, max = 150): Promise<number> {
	const first = await expectFocusVisible(page);
	let stops = 1;
	for (; stops < max; stops++) {
		await page.keyboard.press('Tab');
		const f = await focused(page);
		// Past the last stop focus leaves the document (null) or wraps to the first stop.
		if (!f || (f.path === first.path && f.text === first.text)) return stops;
		expect(f.indicator, `visible focus on ${f.path} "${f.text}" at ${new URL(page.url()).pathname}`).not.toBe('');
	}
	return stops;
}
