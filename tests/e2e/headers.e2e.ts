/**
 * SEC-C3, SEC-C4, SEC-D3, PRIV-9, PRIV-10, D7–D9: every page of the route tree, opened in Chromium
 * with JavaScript by the persona the access matrix allows, on a private `node build` (a copy of
 * the e2e database, so signing the shared personas in ends nobody else's session):
 * - the page's CSP is Kit's nonce policy (no unsafe-inline/eval, no third-party origin,
 *   frame-ancestors 'none', form-action 'self', object-src and base-uri 'none');
 * - the browser reports 0 `securitypolicyviolation` events and 0 CSP console errors, so inline
 *   scripts and styles in our components are not being silently blocked;
 * - every request the browser makes is same-origin (0 third-party requests);
 * - Cache-Control: no-store, Permissions-Policy denying the unused features, no HSTS over http;
 * and a scan of the built client and every rendered page finds 0 third-party URLs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { Who } from '../fixtures/access-matrix';
import type { PersonaName, SeededIds } from '../fixtures/personas';
import { expectAccessible } from './support/a11y';
import { expect, test } from './support/fixtures';
import { ROOT, snapshotE2eDatabase, startPrivateServer, type PrivateServer } from './support/private-server';
import { ENDS_SESSION, enumerateRoutes, readSeededIds, signIn, urlFor, userFor, type Cell } from './support/routes';

test.describe.configure({ mode: 'serial' });

let server: PrivateServer;
let ids: SeededIds;
/** Every HTML body the sweep saw, for the third-party scan. */
const pages: { url: string; html: string }[] = [];

test.beforeAll(async ({}, testInfo) => {
	if (testInfo.project.name === 'chromium-no-js') return;
	const dir = testInfo.outputPath('db');
	snapshotE2eDatabase(join(dir, 'headers.sqlite'));
	server = await startPrivateServer({ databasePath: join(dir, 'headers.sqlite') });
	ids = readSeededIds();
});

test.afterAll(async () => {
	await server?.kill();
});

/** Directives a page CSP must carry exactly (SECURITY §4). */
const REQUIRED: Record<string, string> = {
	'default-src': "'self'",
	'style-src': "'self'",
	// Kit's route announcer's one inline style attribute, by hash (svelte.config.js).
	'style-src-attr': "'unsafe-hashes' 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='",
	'img-src': "'self' data:",
	'font-src': "'none'",
	'connect-src': "'self'",
	'worker-src': "'self'",
	'manifest-src': "'self'",
	'frame-src': "'none'",
	'frame-ancestors': "'none'",
	'form-action': "'self'",
	'object-src': "'none'",
	'base-uri': "'none'"
};

function checkPageHeaders(url: string, h: Record<string, string>): string[] {
	const problems: string[] = [];
	const csp = h['content-security-policy'] ?? '';
	const directives = Object.fromEntries(
		csp
			.split(';')
			.map((d) => d.trim())
			.filter(Boolean)
			.map((d) => {
				const [name, ...values] = d.split(/\s+/);
				return [name!, values.join(' ')];
			})
	);
	for (const [name, value] of Object.entries(REQUIRED)) if (directives[name] !== value) problems.push(`${url}: CSP ${name} is "${directives[name]}", want "${value}"`);
	// A page rendered on the server only (csr = false, the IRO's pack) has no inline script, so Kit adds no nonce: 'self' alone, stricter still.
	if (!/^'self'( 'nonce-[A-Za-z0-9+/=]+')?$/.test(directives['script-src'] ?? '')) problems.push(`${url}: CSP script-src is "${directives['script-src']}"`);
	if (/unsafe-inline|unsafe-eval|strict-dynamic|https?:|\*/.test(csp)) problems.push(`${url}: CSP allows too much: ${csp}`);
	// 'unsafe-hashes' only beside the one announcer hash, in style-src-attr.
	if (csp.split('unsafe-hashes').length !== 2 || /unsafe-hashes/.test(directives['style-src'] ?? '')) problems.push(`${url}: unexpected 'unsafe-hashes': ${csp}`);
	if (h['cache-control'] !== 'no-store') problems.push(`${url}: cache-control ${h['cache-control']}`);
	for (const f of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'display-capture']) {
		if (!(h['permissions-policy'] ?? '').includes(`${f}=()`)) problems.push(`${url}: permissions-policy lacks ${f}=()`);
	}
	if (h['strict-transport-security']) problems.push(`${url}: HSTS over plain http`);
	if (h['x-content-type-options'] !== 'nosniff') problems.push(`${url}: nosniff missing`);
	if (h['referrer-policy'] !== 'same-origin') problems.push(`${url}: referrer-policy ${h['referrer-policy']}`);
	return problems;
}

const VIOLATIONS = `
	window.__csp = [];
	document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
`;

async function personaContext(browser: Browser, who: Who): Promise<BrowserContext> {
	const context = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 360, height: 740 }, javaScriptEnabled: true });
	await context.addInitScript(VIOLATIONS);
	if (who !== 'anonymous') await signIn(context.request, who as PersonaName, server.origin);
	return context;
}

/** Starts the persona's consultation if the route needs one; returns its first page id. */
async function begin(context: BrowserContext, cell: Cell, target: 'A' | 'C' | null): Promise<string> {
	const m = /^\/(me|parent|carer)\/review\/\[reviewId\]/.exec(cell.pattern);
	if (!m) return ids.pageId;
	const review = (target === 'C' ? ids.childC : ids.childA).reviewId;
	const res = await context.request.post(`/${m[1]}/review/${review}/start?/begin`, {
		headers: { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' },
		data: '',
		maxRedirects: 0
	});
	const to = res.headers()['location'] ?? '';
	const page = /\/review\/[^/]+\/([a-z0-9-]+)$/.exec(to)?.[1];
	return page && !['check', 'sent', 'start'].includes(page) ? page : ids.pageId;
}

test('SEC-C3, SEC-C4, PRIV-9: every page, as the persona allowed to see it, with 0 CSP violations and 0 third-party requests', async ({ browser, jsEnabled }) => {
	test.skip(!jsEnabled, 'CSP violations only happen when scripts run; the JS project covers every page');
	test.setTimeout(240_000);
	const cells = enumerateRoutes().filter((c) => c.method === 'GET' && !c.endpoint && !ENDS_SESSION.has(c.key));
	const byWho = new Map<Who, { cell: Cell; target: 'A' | 'C' | null }[]>();
	for (const cell of cells) {
		const u = userFor(cell);
		if (!u) continue;
		byWho.set(u.who, [...(byWho.get(u.who) ?? []), { cell, target: u.target }]);
	}
	// The error pages too: a 404 for a signed-in person and for nobody.
	const problems: string[] = [];
	const violations: string[] = [];
	const foreign: string[] = [];
	let visited = 0;
	const visit = async (page: Page, url: string) => {
		const res = await page.goto(url);
		expect(res, url).not.toBeNull();
		await page.waitForLoadState('load');
		// Give hydration a moment to run its scripts and styles.
		await page.waitForTimeout(150);
		problems.push(...checkPageHeaders(url, await res!.allHeaders()));
		const v = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
		violations.push(...v.map((x) => `${url}: ${x}`));
		pages.push({ url, html: await page.content() });
		// Axe runs on each of these pages in the journeys that reach them; here it would triple the
		// sweep's time on two cores, so it is opt-in (SEC_SWEEP_AXE=1).
		if (process.env.SEC_SWEEP_AXE === '1') await expectAccessible(page);
		visited += 1;
	};
	for (const [who, list] of byWho) {
		const context = await personaContext(browser, who);
		const page = await context.newPage();
		const origin = new URL(server.baseURL).origin;
		page.on('request', (r) => {
			const u = r.url();
			if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin) foreign.push(`${who}: ${u}`);
		});
		page.on('console', (m) => {
			if (/Content.Security.Policy|Refused to (load|apply|execute|connect|frame)/i.test(m.text())) violations.push(`${who} ${page.url()}: console: ${m.text()}`);
		});
		try {
			for (const { cell, target } of list) {
				const pageId = cell.params.includes('pageId') ? await begin(context, cell, target) : ids.pageId;
				await visit(page, urlFor(cell, ids, target, pageId));
			}
			await visit(page, '/no-such-page');
		} finally {
			await context.close();
		}
	}
	console.log(`headers/CSP sweep: ${visited} pages by ${byWho.size} personas, ${violations.length} CSP violations, ${foreign.length} third-party requests, ${problems.length} header problems`);
	expect(visited).toBeGreaterThan(25);
	expect.soft(problems, problems.join('\n')).toEqual([]);
	expect.soft(violations, violations.join('\n')).toEqual([]);
	expect.soft(foreign, foreign.join('\n')).toEqual([]);
});

/**
 * URLs that are never requested: XML namespaces in inline SVG, and the links Svelte's runtime puts
 * in its error messages (`https://svelte.dev/e/<code>`), which are text for a developer console.
 */
const NOT_A_REQUEST = /^https?:\/\/(www\.w3\.org\/|svelte\.dev\/e\/)/;

function thirdPartyUrls(text: string, ownOrigin: string): string[] {
	return [...text.matchAll(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}(?::\d+)?[^\s'"`<>)\\]*/gi)]
		.map((m) => m[0])
		.filter((u) => /^https?:/i.test(u) || u.startsWith('//'))
		.filter((u) => !NOT_A_REQUEST.test(u) && !u.startsWith(ownOrigin) && !/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(u));
}

test('PRIV-9, D9: the built client and every rendered page hold 0 third-party URLs', async ({ jsEnabled }) => {
	test.skip(!jsEnabled, 'uses the pages the JS sweep rendered');
	expect(pages.length, 'the CSP sweep ran first and collected pages').toBeGreaterThan(25);
	const hits: string[] = [];
	const walk = (dir: string): string[] =>
		readdirSync(dir).flatMap((n) => {
			const p = join(dir, n);
			return statSync(p).isDirectory() ? walk(p) : [p];
		});
	const files = walk(join(ROOT, 'build/client')).filter((f) => /\.(js|css|html|json|webmanifest|svg|txt)$/.test(f));
	expect(files.length).toBeGreaterThan(10);
	for (const f of files) for (const u of thirdPartyUrls(readFileSync(f, 'utf8'), server.origin)) hits.push(`${f.slice(ROOT.length + 1)}: ${u}`);
	for (const p of pages) for (const u of thirdPartyUrls(p.html, server.origin)) hits.push(`${p.url}: ${u}`);
	console.log(`third-party scan: ${files.length} built client files and ${pages.length} rendered pages, ${hits.length} third-party URLs`);
	expect(hits, hits.join('\n')).toEqual([]);
});
