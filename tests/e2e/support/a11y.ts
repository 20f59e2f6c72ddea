/**
 * Axe on every page and state visited (STYLE §4.12), WCAG 2.x A/AA.
 *
 * axe runs inside the page, so it needs JavaScript. In the no-JS project the page's HTML and URL
 * are captured and served, at the same URL, to a fresh JS-enabled context from the same browser,
 * with the app's own scripts blocked: axe then sees exactly what the no-JS person got, styled by
 * the real CSS from the server.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import type { AxeResults, Result } from 'axe-core';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const VIEWPORT = { width: 360, height: 740 };

export async function expectAccessible(page: Page, testInfo: TestInfo = test.info()): Promise<void> {
	const jsOn = testInfo.project.use.javaScriptEnabled !== false;
	const results = jsOn ? await analyze(page) : await analyzeWithoutJs(page);
	const label = `axe ${new URL(page.url()).pathname}`;
	await testInfo.attach(`${label}.json`, {
		body: JSON.stringify({ url: results.url, violations: results.violations }, null, 2),
		contentType: 'application/json'
	});
	const n = results.violations.length;
	expect(n, `${label}${jsOn ? '' : ' (no-JS HTML)'}: ${n} axe violation(s)\n\n${describe(results.violations)}\n`).toBe(0);
}

function analyze(page: Page): Promise<AxeResults> {
	return new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
}

async function analyzeWithoutJs(page: Page): Promise<AxeResults> {
	const url = page.url();
	const html = await page.content();
	const browser = page.context().browser();
	if (!browser) throw new Error('expectAccessible: the page has no browser to open a JS context in');
	const context = await browser.newContext({ javaScriptEnabled: true, viewport: VIEWPORT });
	try {
		const target = withoutHash(url);
		// The app's own scripts stay off, so axe sees the no-JS HTML, not a hydrated page.
		await context.route('**/_app/**/*.js', (route) => route.abort('blockedbyclient'));
		await context.route(
			(u) => withoutHash(u.href) === target,
			(route) =>
				route.request().resourceType() === 'document'
					? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
					: route.fallback()
		);
		const copy = await context.newPage();
		await copy.goto(url, { waitUntil: 'load' });
		return await analyze(copy);
	} finally {
		await context.close();
	}
}

function withoutHash(href: string): string {
	const u = new URL(href);
	u.hash = '';
	return u.href;
}

/** One readable block per violation: rule, impact, help link, and each offending node. */
export function describe(violations: Result[]): string {
	return violations
		.map((v) => {
			const nodes = v.nodes
				.map((n) => `    - ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
				.join('\n');
			return `[${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes}`;
		})
		.join('\n\n');
}
