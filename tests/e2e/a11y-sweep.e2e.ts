/**
 * Issue 7, A11Y-1, A11Y-10, A11Y-11, A11Y-2/3: the accessibility sweep. One test per project (JS on,
 * JS off) walks every respondent page of every audience (child 4–7, 8–12 and 13+, parent, carer,
 * the public pages) in each of the ten languages (JS on; JS off: English and Arabic, see NOJS_LOCALES), in each state it has (not started, part answered,
 * every question page, check your answers, sent, shared, feedback after the review, the child's
 * report, the 404 page, and error states), and runs axe with the WCAG 2.2 AA tags on each: 0 violations.
 * Staff pages (IRO, admin, advocate) are English only, each once per JS mode.
 *
 * On every respondent page in every language it also checks, at 320×640 CSS px:
 * - reflow (1.4.10): no horizontal scrolling (scrollWidth ≤ clientWidth);
 * - target size (2.5.8): every interactive element is ≥24×24 CSS px (getBoundingClientRect), or has
 *   the spacing exception (a 24 px circle on its centre meets no other target); links inside a
 *   sentence are exempt, as WCAG says.
 * In English the respondent pages are checked again with the largest text and wide spacing settings
 * (150% text plus WCAG 1.4.12 spacing) at 320 px; 320 px is itself 400% zoom of a 1280 px window.
 * Error states: the title starts with the language's "Error: " and, with JS, the summary has focus.
 *
 * Every question page of every form is swept in English; in the nine other languages, one page of
 * each question kind of each form (the page is the same component; only the words change).
 * `A11Y_SWEEP_ALL_PAGES=1` sweeps every question page in every language.
 *
 * The people are issue 7's own casts (A11Y_PERSONAS: young, fostered, double, sharer and the sharer's
 * parent and carer; A11Y_FEEDBACK_PERSONAS after the review), used by no other test; staff pages use
 * the shared staff personas (staff may hold several sessions, D18). A route that is not swept must be
 * listed in NOT_SWEPT with the reason, or the test fails.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import { latestForm } from '../../src/lib/forms/registry';
import type { Question } from '../../src/lib/forms/types';
import { LOCALES } from '../../src/lib/i18n/languages';
import { A11Y_FEEDBACK_PERSONAS, A11Y_PERSONAS, PERSONAS, RESPONDENT_PASSPHRASE, STAFF_PASSWORD, type PersonaName } from '../fixtures/personas';
import { AXE_TAGS, describe } from './support/a11y';
import { expect, test } from './support/fixtures';
import { enumerateRoutes, readSeededIds, urlFor, userFor, type Cell } from './support/routes';
import { readDb } from './support/session';

const VIEWPORT = { width: 360, height: 740 };
const NARROW = { width: 320, height: 640 };
const ALL_PAGES = process.env.A11Y_SWEEP_ALL_PAGES === '1';
/** Every shipped language by default; `A11Y_SWEEP_LOCALES=en-GB,ar` narrows a local run (the summary line says which). */
const SWEEP_LOCALES: readonly string[] = process.env.A11Y_SWEEP_LOCALES ? process.env.A11Y_SWEEP_LOCALES.split(',').filter((l) => (LOCALES as readonly string[]).includes(l)) : LOCALES;
/**
 * With JavaScript off, English and Arabic (right to left) unless `A11Y_SWEEP_NOJS_ALL=1` or
 * `A11Y_SWEEP_LOCALES` says otherwise. The server sends the same HTML in both modes, so what a
 * language changes (words, direction, reflow, target size, the "Error: " title) is swept in all ten
 * with JS on; the JS-off run checks what only it has (plain form posts, their error pages) in one
 * left-to-right and one right-to-left language. All ten in both modes took the CI's Playwright step
 * from ~10 to ~40 minutes on a 2-core machine.
 */
const NOJS_LOCALES: readonly string[] = process.env.A11Y_SWEEP_LOCALES || process.env.A11Y_SWEEP_NOJS_ALL === '1' ? SWEEP_LOCALES : ['en-GB', 'ar'];
const STAFF = /^\/(iro|admin|advocate|sign-in\/staff)(\/|$)/;

/** Routes the sweep does not open, and why (the test fails on any other route it misses). */
const NOT_SWEPT: Record<string, string> = {
	'/admin/forms/[formId]/draft/preview': 'staff; redirects to the draft page unless a draft version exists, and making one would change the form every other journey walks (question-bank.e2e.ts opens it on a private server)',
	'/admin/forms/[formId]/draft/question': 'staff; as the preview: needs a draft version'
};

function titlePrefix(locale: string): string {
	const common = JSON.parse(readFileSync(new URL(`../../src/lib/i18n/locales/${locale}/common.json`, import.meta.url), 'utf8')) as { errors?: { 'title-prefix'?: string } };
	return common.errors?.['title-prefix'] ?? 'Error: ';
}

function reviewOf(login: string): string {
	return readDb(
		(db) =>
			(db.prepare('select i.review_id as r from invitation i join app_user u on u.id = i.respondent_id join review v on v.id = i.review_id where u.username = ? order by v.sequence desc').get(login) as { r: string })
				.r
	);
}

interface Problem {
	where: string;
	what: string;
}

/** One sweep: counts every page × language × mode checked, and collects every problem found. */
class Sweep {
	combos = 0;
	staffPages = 0;
	respondentChecks = 0;
	patterns = new Set<string>();
	problems: Problem[] = [];
	/** Not failures: pages that redirected elsewhere, forms that did not fail as planned. */
	notes: string[] = [];
	private axeContext: BrowserContext | null = null;

	constructor(
		private browser: Browser,
		private testInfo: TestInfo,
		readonly jsOn: boolean
	) {}

	/** The languages this mode sweeps. */
	get locales(): readonly string[] {
		return this.jsOn ? SWEEP_LOCALES : NOJS_LOCALES;
	}

	private last = Date.now();

	/** One line per part of the sweep, so a long run shows where it is. */
	progress(part: string): void {
		console.log(`a11y sweep (${this.jsOn ? 'JS' : 'no-JS'}): ${part} done, ${this.combos} checked so far, ${Math.round((Date.now() - this.last) / 1000)} s`);
		this.last = Date.now();
	}

	get baseURL(): string {
		return this.testInfo.project.use.baseURL!;
	}

	async context(): Promise<BrowserContext> {
		return this.browser.newContext({ baseURL: this.baseURL, viewport: VIEWPORT, javaScriptEnabled: this.jsOn });
	}

	async close(): Promise<void> {
		await this.axeContext?.close();
	}

	/** Axe on the page as it is. With JS off, the page's HTML is served to one reused JS context with the app's scripts blocked (as a11y.ts does). */
	private async axe(page: Page): Promise<AxeResults> {
		if (this.jsOn) return new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
		const url = page.url();
		const html = await page.content();
		if (!this.axeContext) {
			this.axeContext = await this.browser.newContext({ javaScriptEnabled: true, viewport: VIEWPORT });
			await this.axeContext.route('**/_app/**/*.js', (route) => route.abort('blockedbyclient'));
		}
		const copy = await this.axeContext.newPage();
		try {
			const target = url.split('#')[0];
			await copy.route(
				(u) => u.href.split('#')[0] === target,
				(route) => (route.request().resourceType() === 'document' ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.fallback())
			);
			await copy.goto(url, { waitUntil: 'load' });
			return await new AxeBuilder({ page: copy }).withTags(AXE_TAGS).analyze();
		} finally {
			await copy.close();
		}
	}

	/** Axe (and, on respondent pages, reflow and target size at 320 px) on the page as it is now. */
	async check(page: Page, pattern: string, state: string, locale: string, opts: { respondent?: boolean } = {}): Promise<void> {
		const path = new URL(page.url()).pathname;
		const where = `${pattern} [${state}] ${locale} ${this.jsOn ? 'JS' : 'no-JS'} (${path})`;
		// A page that sent us elsewhere is not the page named: noted, not counted.
		if (!patternRegExp(pattern).test(path)) {
			this.notes.push(`${where}: landed on ${path}`);
			return;
		}
		const results = await this.axe(page);
		if (results.violations.length) this.problems.push({ where, what: `axe: ${describe(results.violations)}` });
		this.combos++;
		this.patterns.add(pattern);
		if (opts.respondent ?? !STAFF.test(pattern)) {
			this.respondentChecks++;
			for (const p of await narrowChecks(page)) this.problems.push({ where, what: p });
		} else this.staffPages++;
	}

	/** An error state: the title starts with the language's "Error: "; with JS the summary has focus. */
	async checkError(page: Page, pattern: string, state: string, locale: string): Promise<void> {
		const where = `${pattern} [${state}] ${locale} ${this.jsOn ? 'JS' : 'no-JS'}`;
		await expect(page.locator('.govuk-error-summary'), `${where}: an error summary`).toBeVisible();
		const title = await page.title();
		if (!title.startsWith(titlePrefix(locale))) this.problems.push({ where, what: `title "${title}" does not start with "${titlePrefix(locale)}"` });
		if (this.jsOn) {
			const focusedSummary = await page.evaluate(() => !!document.activeElement?.classList.contains('govuk-error-summary'));
			if (!focusedSummary) this.problems.push({ where, what: 'the error summary does not have focus' });
		}
		await this.check(page, pattern, state, locale);
	}
}

function patternRegExp(pattern: string): RegExp {
	if (pattern === '(404)') return /./;
	return new RegExp(`^${pattern.replace(/\[[A-Za-z]+\]/g, '[^/]+')}$`);
}

/** Reflow and target size at 320×640, then back to 360 px. */
async function narrowChecks(page: Page): Promise<string[]> {
	await page.setViewportSize(NARROW);
	try {
		return await page.evaluate(() => {
			const out: string[] = [];
			const se = document.scrollingElement ?? document.documentElement;
			if (se.scrollWidth > se.clientWidth) {
				const wide = [...document.querySelectorAll('body *')]
					.filter((el) => el.getBoundingClientRect().right > se.clientWidth + 0.5 && el.getClientRects().length > 0)
					.slice(0, 3)
					.map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
				out.push(`reflow: scrollWidth ${se.scrollWidth} > clientWidth ${se.clientWidth} at 320 px (${wide.join(', ')})`);
			}
			// WCAG 2.5.8: targets at least 24×24, or spaced so a 24 px circle on each meets no other target.
			const targets = [...document.querySelectorAll<HTMLElement>('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])')]
				.filter((el) => {
					const cs = getComputedStyle(el);
					if (cs.visibility === 'hidden' || cs.display === 'none' || el.closest('[hidden], [inert]')) return false;
					// Inside a closed <details> (the language picker): laid out but not rendered.
					if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) return false;
					const r = el.getBoundingClientRect();
					// Off-screen until focused (the skip link) or visually hidden (1 px): not a pointer target.
					return r.width > 1 && r.height > 1 && r.right > 0 && r.left < innerWidth;
				})
				.map((el) => ({ el, r: el.getBoundingClientRect() }));
			const inSentence = (el: HTMLElement) => {
				if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
				const block = el.parentElement;
				const own = (el.textContent ?? '').trim().length;
				return !!block && (block.textContent ?? '').trim().length > own + 3;
			};
			const centre = (r: DOMRect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
			const small = targets.filter(({ el, r }) => (r.width < 24 || r.height < 24) && !inSentence(el));
			for (const t of small) {
				const c = centre(t.r);
				const clash = targets.find((u) => {
					if (u.el === t.el || u.el.contains(t.el) || t.el.contains(u.el)) return false;
					if (small.includes(u)) {
						const d = centre(u.r);
						return Math.hypot(c.x - d.x, c.y - d.y) < 24;
					}
					const dx = Math.max(u.r.left - c.x, 0, c.x - u.r.right);
					const dy = Math.max(u.r.top - c.y, 0, c.y - u.r.bottom);
					return Math.hypot(dx, dy) < 12;
				});
				if (clash) {
					const name = (el: HTMLElement) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
					out.push(`target size: ${name(t.el)} is ${t.r.width.toFixed(1)}×${t.r.height.toFixed(1)} px and too close to ${name(clash.el)}`);
				}
			}
			return out;
		});
	} finally {
		await page.setViewportSize(VIEWPORT);
	}
}

/** Signs a person in on the context's cookie jar (a form post, as the browser would make). */
async function signIn(context: BrowserContext, origin: string, login: string, staff = false): Promise<void> {
	const res = await context.request.post(staff ? '/sign-in/staff' : '/sign-in', {
		headers: { origin, accept: 'text/html,application/xhtml+xml' },
		form: staff ? { email: login, password: STAFF_PASSWORD } : { username: login, passphrase: RESPONDENT_PASSPHRASE },
		maxRedirects: 0
	});
	expect(res.status(), `${login} signs in`).toBe(303);
}

async function setLanguage(context: BrowserContext, origin: string, locale: string): Promise<void> {
	const res = await context.request.post('/settings?/language', {
		headers: { origin, accept: 'text/html,application/xhtml+xml' },
		form: { lang: locale, return_to: '/' },
		maxRedirects: 0
	});
	expect(res.status(), `language ${locale}`).toBe(303);
}

async function setDisplay(context: BrowserContext, origin: string, text: string, spacing: string): Promise<void> {
	const res = await context.request.post('/settings?/display', {
		headers: { origin, accept: 'text/html,application/xhtml+xml' },
		form: { text, contrast: 'standard', spacing, return_to: '/' },
		maxRedirects: 0
	});
	expect(res.status(), 'display settings').toBe(303);
}

async function post(context: BrowserContext, origin: string, url: string): Promise<string> {
	const res = await context.request.post(url, {
		headers: { origin, accept: 'text/html,application/xhtml+xml', 'content-type': 'application/x-www-form-urlencoded' },
		data: '',
		maxRedirects: 0
	});
	expect([303, 200], `POST ${url}`).toContain(res.status());
	return res.headers()['location'] ?? '';
}

/** A page to visit: its route pattern, the state it is in, and the URL. */
interface Visit {
	pattern: string;
	state: string;
	url: string;
	/** Visit only in English (the other languages see the same component with other words). */
	englishOnly?: boolean;
	/** Fill the form so it fails validation, then submit: an error state. */
	error?: ErrorHow;
}

/** Visits each page in each language (or English only), runs the checks. */
async function sweepPages(sweep: Sweep, page: Page, context: BrowserContext, visits: Visit[], locales: readonly string[] = sweep.locales): Promise<void> {
	const origin = new URL(sweep.baseURL).origin;
	for (const locale of locales) {
		await setLanguage(context, origin, locale);
		for (const v of visits) {
			if (v.englishOnly && locale !== 'en-GB') continue;
			await page.goto(v.url);
			await page.waitForLoadState('load');
			if (v.error) {
				if (await makeError(page, v.error)) await sweep.checkError(page, v.pattern, v.state, locale);
				else sweep.notes.push(`${v.pattern} [${v.state}] ${locale}: no error summary after submitting (${v.error})`);
			} else {
				await sweep.check(page, v.pattern, v.state, locale);
			}
		}
	}
}

type ErrorHow = 'empty' | 'too-long' | 'short-passphrase';

/** The page's own form submitted so that it fails validation; false if no error summary came. */
async function makeError(page: Page, how: ErrorHow): Promise<boolean> {
	const form = page.locator('main form[method="POST" i]:not([action="/me/help"])').first();
	if (how === 'too-long') await form.locator('textarea').first().fill('x'.repeat(2001));
	if (how === 'short-passphrase') await form.locator('#passphrase').fill('short');
	await form.locator('button[type=submit]').first().click();
	try {
		await expect(page.locator('.govuk-error-summary')).toBeVisible({ timeout: 5000 });
		await page.waitForLoadState('load');
		return true;
	} catch {
		return false;
	}
}

/** The question pages of a started consultation, from check your answers' change links. */
async function questionPages(page: Page, base: string): Promise<string[]> {
	await page.goto(`${base}/check`);
	const hrefs = await page.locator('main a[href*="return=check"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
	expect(hrefs.length, `${base}/check lists the questions`).toBeGreaterThan(2);
	return [...new Set(hrefs)];
}

/** The question pages to visit: all in English; one per kind in the other languages. */
function questionVisits(pattern: string, state: string, urls: string[], formId: string): Visit[] {
	const form = latestForm(formId);
	const kinds = new Set<string>();
	return urls.map((url) => {
		const q: Question | undefined = form.questions.find((x) => x.id === url.split('/').pop());
		const kind = q?.kind ?? 'unknown';
		const first = !kinds.has(kind);
		kinds.add(kind);
		return { pattern, state: `${state} ${q?.id ?? url}`, url, englishOnly: !ALL_PAGES && !first };
	});
}

/** Answers every page from the first one to check your answers (first option, a line of text), in English. */
async function fillEveryPage(page: Page, base: string): Promise<void> {
	await page.goto(`${base}/start`);
	const start = page.locator('main form:not([action="/me/help"]) button[type=submit]');
	if (await start.count()) {
		await start.first().click();
		await page.waitForURL((u) => !u.pathname.endsWith('/start'));
	}
	for (let i = 0; i < 60 && !page.url().endsWith('/check'); i++) {
		const form = page.locator('main form[method="POST" i]:not([action="/me/help"])').last();
		const radio = form.locator('input[type=radio]');
		const box = form.locator('input[type=checkbox]');
		const text = form.locator('textarea');
		if (await radio.count()) await radio.first().check();
		else if (await box.count()) await box.first().check();
		if ((await text.count()) && !(await text.first().inputValue())) await text.first().fill('An answer for the sweep.');
		const before = page.url();
		await form.locator('button[type=submit]').last().click();
		await page.waitForURL((u) => u.href !== before);
		await page.waitForLoadState('load');
	}
	await expect(page).toHaveURL(/\/check$/);
}

async function sendFromCheck(page: Page, base: string): Promise<void> {
	await page.goto(`${base}/check`);
	await page.getByRole('button', { name: 'Send my answers' }).click();
	await page.waitForURL(/\/sent$/);
}

test('A11Y-1, A11Y-10, A11Y-11: every respondent page × 10 languages and every staff page, 0 axe violations, reflow and target size at 320 px', async ({ browser, jsEnabled }, testInfo) => {
	test.setTimeout(60 * 60_000);
	const project = testInfo.project.name === 'chromium' ? 'js' : 'nojs';
	const cast = A11Y_PERSONAS[project];
	const fb = A11Y_FEEDBACK_PERSONAS[project];
	const sweep = new Sweep(browser, testInfo, jsEnabled);
	const origin = new URL(sweep.baseURL).origin;
	const started = Date.now();
	try {
		// ── Public pages, signed out ─────────────────────────────────────────────────────────
		{
			const context = await sweep.context();
			const page = await context.newPage();
			await sweepPages(sweep, page, context, [
				{ pattern: '/', state: 'signed out', url: '/' },
				{ pattern: '/accessibility', state: 'signed out', url: '/accessibility' },
				{ pattern: '/activate', state: 'signed out', url: '/activate' },
				{ pattern: '/activate', state: 'error', url: '/activate', error: 'empty' },
				{ pattern: '/help', state: 'signed out', url: '/help' },
				{ pattern: '/settings', state: 'signed out', url: '/settings' },
				{ pattern: '/sign-in', state: 'signed out', url: '/sign-in' },
				{ pattern: '/sign-in', state: 'error', url: '/sign-in', error: 'empty' },
				{ pattern: '/sign-out', state: 'signed out', url: '/sign-out' },
				{ pattern: '/staying-safe-online', state: 'signed out', url: '/staying-safe-online' },
				{ pattern: '/help/easy-read', state: 'signed out', url: '/help/easy-read' },
				{ pattern: '/help/easy-read/review', state: 'signed out', url: '/help/easy-read/review' },
				{ pattern: '/help/easy-read/who-sees', state: 'signed out', url: '/help/easy-read/who-sees' },
				{ pattern: '/help/easy-read/on-your-side', state: 'signed out', url: '/help/easy-read/on-your-side' },
				{ pattern: '(404)', state: 'not found', url: '/no-such-page' }
			]);
			await context.close();
		}

		sweep.progress('public pages');
		// ── Activation: the admin makes a one-time code for a child of this cast who is in nothing else ─
		{
			const child = cast.children.unsafe;
			const childId = readDb((db) => (db.prepare('select child_id as c from app_user where username = ?').get(child.login) as { c: string }).c);
			const admin = await sweep.context();
			const ap = await admin.newPage();
			await signIn(admin, origin, PERSONAS.admin.login, true);
			await ap.goto(`/admin/children/${childId}`);
			await ap.getByRole('button', { name: `Create a code ${child.displayName}` }).click();
			const code = (await ap.getByTestId('activation-code').textContent())!.trim();
			await admin.close();
			const context = await sweep.context();
			const page = await context.newPage();
			await page.goto('/activate');
			await page.getByLabel('Enter your code').fill(code);
			await page.locator('main form:not([action="/me/help"]) button[type=submit]').first().click();
			await page.waitForURL(/\/activate\/passphrase$/);
			await sweepPages(sweep, page, context, [
				{ pattern: '/activate/passphrase', state: 'code accepted', url: '/activate/passphrase' },
				{ pattern: '/activate/passphrase', state: 'error', url: '/activate/passphrase', error: 'short-passphrase' }
			]);
			await setLanguage(context, origin, 'en-GB');
			await page.goto('/activate/passphrase');
			await page.locator('#passphrase').fill('a long and safe sweep passphrase');
			await page.locator('main form:not([action="/me/help"]) button[type=submit]').first().click();
			await page.waitForURL(/\/activate\/done$/);
			await sweepPages(sweep, page, context, [{ pattern: '/activate/done', state: 'activated', url: '/activate/done' }]);
			await context.close();
		}

		sweep.progress('activation');
		// ── Young people: 4–7 (not started), 8–12 (not started), 13+ (every page answered, then sent) ─
		for (const who of ['young', 'fostered', 'double'] as const) {
			const child = cast.children[who];
			const context = await sweep.context();
			const page = await context.newPage();
			await signIn(context, origin, child.login);
			const review = reviewOf(child.login);
			const base = `/me/review/${review}`;
			const formId = who === 'young' ? 'young-person-4-7' : who === 'fostered' ? 'young-person-8-12' : 'young-person-13-plus';
			const state = `${formId}${child.draft === 'none' ? ' not started' : ' draft'}`;
			const before: Visit[] = [
				{ pattern: '/me', state, url: '/me' },
				{ pattern: '/me/review/[reviewId]/start', state, url: `${base}/start` }
			];
			if (who === 'fostered') {
				// The pages every child has, once (with one child's account).
				before.push(
					{ pattern: '/me/help', state: 'signed in', url: '/me/help' },
					{ pattern: '/me/requests', state: 'none yet', url: '/me/requests' },
					{ pattern: '/me/requests/advocate', state: 'empty', url: '/me/requests/advocate' },
					{ pattern: '/me/requests/change', state: 'empty', url: '/me/requests/change' },
					{ pattern: '/me/requests/talk', state: 'empty', url: '/me/requests/talk' },
					{ pattern: '/me/requests/change', state: 'error', url: '/me/requests/change', error: 'empty' },
					{ pattern: '/help', state: 'signed in', url: '/help' },
					{ pattern: '/settings', state: 'signed in', url: '/settings' },
					{ pattern: '/sign-out', state: 'signed in', url: '/sign-out' },
					{ pattern: '/accessibility', state: 'signed in', url: '/accessibility' }
				);
			}
			await sweepPages(sweep, page, context, before);
			await setLanguage(context, origin, 'en-GB');
			if (child.draft === 'none') await post(context, origin, `${base}/start?/begin`);
			const pages = await questionPages(page, base);
			const during: Visit[] = [
				...questionVisits('/me/review/[reviewId]/[pageId]', formId, pages, formId),
				{ pattern: '/me/review/[reviewId]/check', state, url: `${base}/check` },
				{ pattern: '/me', state: `${formId} started`, url: '/me' }
			];
			const textPage = pages.find((u) => latestForm(formId).questions.find((q) => q.id === u.split('/').pop())?.kind === 'text');
			if (textPage) during.push({ pattern: '/me/review/[reviewId]/[pageId]', state: `${formId} error (too long)`, url: textPage, error: 'too-long' });
			if (who === 'fostered') during.push({ pattern: '/me/review/[reviewId]/[pageId]', state: `${formId} error (no answer)`, url: `${base}/home-safe`, error: 'empty' });
			await sweepPages(sweep, page, context, during);
			if (who === 'double') {
				await setLanguage(context, origin, 'en-GB');
				await sendFromCheck(page, base);
				await sweepPages(sweep, page, context, [
					{ pattern: '/me/review/[reviewId]/sent', state: 'sent', url: `${base}/sent` },
					{ pattern: '/me/review/[reviewId]/start', state: 'sent', url: `${base}/start` },
					{ pattern: '/me', state: 'sent', url: '/me' }
				]);
			}
			await context.close();
		}

		sweep.progress('young people');
		// ── The sharer sends, so the parent and carer have something shared to read ──────────
		{
			const context = await sweep.context();
			const page = await context.newPage();
			await signIn(context, origin, cast.children.sharer.login);
			await setLanguage(context, origin, 'en-GB');
			const base = `/me/review/${reviewOf(cast.children.sharer.login)}`;
			// Share one answer with everyone, then send.
			const pages = await questionPages(page, base);
			const text = pages.find((u) => latestForm('young-person-8-12').questions.find((q) => q.id === u.split('/').pop())?.kind === 'text');
			if (text) {
				await page.goto(text);
				const everyone = page.locator('main input[type=radio][value="everyone"]');
				if (await everyone.count()) await everyone.first().check();
				await page.locator('main form[method="POST" i]:not([action="/me/help"]) button[type=submit]').last().click();
				await page.waitForURL((u) => !u.href.endsWith(text));
			}
			await sendFromCheck(page, base);
			await context.close();
		}

		sweep.progress('sharer sent');
		// ── Parent and carer: home, requests, their form (every page), errors, sent, shared ──
		for (const who of ['sharerParent', 'sharerCarer'] as const) {
			const adult = cast.adults[who];
			const role = adult.role;
			const context = await sweep.context();
			const page = await context.newPage();
			await signIn(context, origin, adult.login);
			const base = `/${role}/review/${reviewOf(adult.login)}`;
			await sweepPages(sweep, page, context, [
				{ pattern: `/${role}`, state: 'not started', url: `/${role}` },
				{ pattern: `/${role}/requests`, state: 'none yet', url: `/${role}/requests` },
				{ pattern: `/${role}/requests/new`, state: 'empty', url: `/${role}/requests/new` },
				{ pattern: `/${role}/requests/new`, state: 'error', url: `/${role}/requests/new`, error: 'empty' },
				{ pattern: `/${role}/review/[reviewId]/start`, state: 'not started', url: `${base}/start` },
				{ pattern: `/${role}/review/[reviewId]/shared`, state: 'child sent', url: `${base}/shared` }
			]);
			await setLanguage(context, origin, 'en-GB');
			await post(context, origin, `${base}/start?/begin`);
			const pages = await questionPages(page, base);
			const textPage = pages.find((u) => latestForm(role).questions.find((q) => q.id === u.split('/').pop())?.kind === 'text');
			await sweepPages(sweep, page, context, [
				...questionVisits(`/${role}/review/[reviewId]/[pageId]`, role, pages, role),
				{ pattern: `/${role}/review/[reviewId]/check`, state: 'nothing answered', url: `${base}/check` },
				...(textPage ? [{ pattern: `/${role}/review/[reviewId]/[pageId]`, state: 'error (too long)', url: textPage, error: 'too-long' as const }] : [])
			]);
			await setLanguage(context, origin, 'en-GB');
			await fillEveryPage(page, base);
			await sweepPages(sweep, page, context, [{ pattern: `/${role}/review/[reviewId]/check`, state: 'every page answered', url: `${base}/check` }]);
			await setLanguage(context, origin, 'en-GB');
			await sendFromCheck(page, base);
			await sweepPages(sweep, page, context, [
				{ pattern: `/${role}/review/[reviewId]/sent`, state: 'sent', url: `${base}/sent` },
				{ pattern: `/${role}`, state: 'sent', url: `/${role}` }
			]);
			await context.close();
		}

		sweep.progress('parent and carer');
		// ── After the review: the IRO sends the decisions and the child's report; feedback and report pages ─
		{
			const iro = await sweep.context();
			const ip = await iro.newPage();
			await signIn(iro, origin, fb.iro.login, true);
			const review = reviewOf(fb.child.login);
			await ip.goto(`/iro/review/${review}/decisions`);
			await ip.getByRole('button', { name: 'Mark the decisions as sent' }).click();
			await expect(ip.getByText(/^The decisions were sent on /)).toBeVisible();
			await ip.goto(`/iro/review/${review}/report`);
			try {
				await ip.getByLabel(`Your report to ${fb.child.displayName}`).fill('Thank you for telling me what you think. Here is what we decided.', { timeout: 5000 });
				await ip.getByRole('button', { name: `Send to ${fb.child.displayName}` }).click();
				await expect(ip.getByTestId('report-sent')).toBeVisible();
			} catch (e) {
				sweep.notes.push(`the IRO could not send the child's report: ${String(e).split('\n')[0]}`);
			}
			await iro.close();
			for (const [login, prefix] of [
				[fb.child.login, '/me'],
				[fb.parent.login, '/parent'],
				[fb.carer.login, '/carer']
			] as const) {
				const context = await sweep.context();
				const page = await context.newPage();
				await signIn(context, origin, login);
				await setLanguage(context, origin, 'en-GB');
				const base = `${prefix}/review/${review}/feedback`;
				// The feedback pages, found by walking them once in English (each can be skipped).
				await page.goto(base);
				await page.getByTestId('feedback-start').click();
				await page.waitForURL(/\/feedback\/[a-z0-9-]+$/);
				const pages: string[] = [];
				for (let i = 0; i < 30 && !/\/feedback\/check$/.test(page.url()); i++) {
					pages.push(new URL(page.url()).pathname);
					const before = page.url();
					await page.locator('main form button[name=go][value=next]').click();
					await page.waitForURL((u) => u.href !== before);
					await page.waitForLoadState('load');
				}
				const mine = prefix === '/me' ? '/me' : prefix;
				const visits: Visit[] = [
					{ pattern: mine, state: 'after the review', url: mine },
					{ pattern: `${prefix}/review/[reviewId]/feedback`, state: 'not started', url: base },
					...pages.map((url, i) => ({ pattern: `${prefix}/review/[reviewId]/feedback/[pageId]`, state: `feedback ${url.split('/').pop()}`, url, englishOnly: !ALL_PAGES && i > 1 })),
					{ pattern: `${prefix}/review/[reviewId]/feedback/check`, state: 'skipped', url: `${base}/check` }
				];
				if (prefix === '/me') visits.push({ pattern: '/me/review/[reviewId]/report', state: 'sent by the IRO', url: `/me/review/${review}/report` });
				await sweepPages(sweep, page, context, visits);
				await setLanguage(context, origin, 'en-GB');
				await page.goto(`${base}/check`);
				await page.locator('#send').click();
				await page.waitForURL(/\/feedback\/sent$/);
				await sweepPages(sweep, page, context, [{ pattern: `${prefix}/review/[reviewId]/feedback/sent`, state: 'sent', url: `${base}/sent` }]);
				await context.close();
			}
		}

		sweep.progress('after the review');
		// ── Larger text and wider spacing (English) at 320 px: reflow and target size again ──
		{
			const context = await sweep.context();
			const page = await context.newPage();
			await setDisplay(context, origin, 'largest', 'wide');
			await signIn(context, origin, cast.children.fostered.login);
			const base = `/me/review/${reviewOf(cast.children.fostered.login)}`;
			const pages = await questionPages(page, base);
			const urls = ['/', '/sign-in', '/help', '/settings', '/me', '/me/requests/talk', `${base}/start`, `${base}/check`, ...pages];
			await setLanguage(context, origin, 'en-GB');
			for (const url of urls) {
				await page.goto(url);
				const where = `${url} [largest text, wide spacing] en-GB ${jsEnabled ? 'JS' : 'no-JS'}`;
				await expect(page.locator('html')).toHaveClass(/app-text-largest/);
				for (const p of await narrowChecks(page)) sweep.problems.push({ where, what: p });
				sweep.respondentChecks++;
			}
			await context.close();
		}

		sweep.progress('larger text');
		// ── Staff pages: English only, each once (the persona the access matrix allows) ─────────
		{
			const ids = readSeededIds();
			const cells = enumerateRoutes().filter((c) => c.method === 'GET' && !c.endpoint && STAFF.test(c.pattern) && c.pattern !== '/sign-in/staff');
			const byWho = new Map<string, { cell: Cell; target: 'A' | 'C' | null }[]>();
			for (const cell of cells) {
				const u = userFor(cell);
				if (!u || u.who === 'anonymous') continue;
				byWho.set(u.who, [...(byWho.get(u.who) ?? []), { cell, target: u.target }]);
			}
			{
				const context = await sweep.context();
				const page = await context.newPage();
				await page.goto('/sign-in/staff');
				await sweep.check(page, '/sign-in/staff', 'signed out', 'en-GB', { respondent: false });
				await makeError(page, 'empty');
				await sweep.checkError(page, '/sign-in/staff', 'error', 'en-GB');
				await context.close();
			}
			for (const [who, list] of byWho) {
				const context = await sweep.context();
				const page = await context.newPage();
				await signIn(context, origin, PERSONAS[who as PersonaName].login, true);
				for (const { cell, target } of list) {
					const concrete = { ...cell, pattern: cell.pattern.replace('[formId]', 'young-person-13-plus') };
					let url = urlFor(concrete, ids, target);
					if (cell.params.includes('requestId')) url = url.replace('zzzzzzzzzzzzzzzzzzzzzzzz', ids.requests[target ?? 'A'].requestId);
					if (cell.params.includes('referralId')) url = url.replace('zzzzzzzzzzzzzzzzzzzzzzzz', ids.requests[target ?? 'A'].referralId);
					await page.goto(url);
					await sweep.check(page, cell.pattern, who, 'en-GB', { respondent: false });
				}
				await context.close();
			}
		}

		sweep.progress('staff pages');
		// ── Every respondent and public route was swept (or is listed with a reason) ─────────
		const routes = enumerateRoutes().filter((c) => c.method === 'GET' && !c.endpoint && !(c.pattern in NOT_SWEPT));
		const missed = routes.map((c) => c.pattern).filter((p) => !sweep.patterns.has(p));
		expect.soft(missed, `routes the sweep did not open: ${missed.join(', ')}`).toEqual([]);
	} finally {
		await sweep.close();
	}
	const respondentCombos = sweep.combos - sweep.staffPages;
	console.log(
		`a11y sweep (${jsEnabled ? 'JS on' : 'JS off'}, ${sweep.locales.length} languages): ${sweep.combos} page × language × mode combinations checked with axe ` +
			`(${respondentCombos} respondent page-states × language, ${sweep.staffPages} staff pages in English), ${sweep.patterns.size} routes, ` +
			`${sweep.respondentChecks} reflow/target-size checks at 320 px; ${sweep.problems.length} problems; ${Math.round((Date.now() - started) / 1000)} s`
	);
	if (sweep.notes.length) console.log(`a11y sweep notes:\n  ${sweep.notes.join('\n  ')}`);
	const report = sweep.problems.map((p) => `${p.where}\n  ${p.what.replace(/\n/g, '\n  ')}`).join('\n\n');
	if (report) await testInfo.attach('a11y-sweep-problems.txt', { body: report, contentType: 'text/plain' });
	expect(sweep.problems.length, report.slice(0, 20_000)).toBe(0);
});
