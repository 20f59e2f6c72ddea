/**
 * Issue 7: Easy Read versions, with pictures, of the three explanations (SECURITY A11Y-C1, A11Y-C2):
 * what a review is, who will see my answers, what an advocate is. Public pages under /help (§2's
 * /help/*), reached from Help, the child's home, the start page's "Who will see your answers" and
 * the advocate page's "What is an advocate?". Each sentence sits beside its picture at the inline
 * start (left in English, right in Arabic), in large text; the pictures are hidden from assistive
 * technology (the sentence says it) and take the text colour. JS on and off, 360 px, axe on every
 * page; Arabic end to end with screenshots.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { RESPONDENT_PASSPHRASE, SPARE_YOUNG_PEOPLE } from '../fixtures/personas';
import { expect, test } from './support/fixtures';
import { checked, personContext, readDb, submitAndWait } from './support/session';

const PAGES = [
	{ path: '/help/easy-read/review', id: 'review' },
	{ path: '/help/easy-read/who-sees', id: 'who-sees' },
	{ path: '/help/easy-read/on-your-side', id: 'on-your-side' }
] as const;
type Id = (typeof PAGES)[number]['id'];
type Catalogue = { 'easy-read': Record<Id, { title: string; heading: string; lines: Record<string, string> }> & { heading: string; 'this-page': string } };
const catalogue = (locale: string) => JSON.parse(readFileSync(new URL(`../../src/lib/i18n/locales/${locale}/common.json`, import.meta.url), 'utf8')) as Catalogue;
const en = catalogue('en-GB');
const ar = catalogue('ar');
/** The page's sentences in the order its route file pairs them with pictures (the catalogue's keys are sorted). */
function linesOf(c: Catalogue, id: Id): string[] {
	const source = readFileSync(new URL(`../../src/routes/(public)/help/easy-read/${id}/+page.svelte`, import.meta.url), 'utf8');
	const keys = [...source.matchAll(/key: 'easy-read\.[\w-]+\.lines\.([\w-]+)'/g)].map((m) => m[1]!);
	expect(keys.length).toBeGreaterThan(4);
	return keys.map((k) => c['easy-read'][id].lines[k]!);
}

/** Every sentence is shown in order, each beside a decorative picture at the inline start, in large text. */
async function expectEasyRead(page: Page, c: Catalogue, id: Id, dir: 'ltr' | 'rtl'): Promise<void> {
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(c['easy-read'][id].heading);
	const items = page.getByTestId('easy-read').locator('li');
	await expect(items).toHaveText(linesOf(c, id));
	for (const item of await items.all()) {
		const picture = item.locator('svg');
		await expect(picture).toHaveAttribute('aria-hidden', 'true');
		const [pic, text] = [await picture.boundingBox(), await item.locator('span').boundingBox()];
		expect(pic!.width).toBeGreaterThanOrEqual(48);
		// The picture comes first in the reading direction.
		if (dir === 'ltr') expect(pic!.x + pic!.width).toBeLessThanOrEqual(text!.x + 1);
		else expect(pic!.x).toBeGreaterThanOrEqual(text!.x + text!.width - 1);
		// It is drawn in the text's colour (high contrast recolours it).
		expect(await picture.evaluate((el) => getComputedStyle(el).color === getComputedStyle(el.parentElement!).color)).toBe(true);
	}
	// A11Y-C1: child body text ≥ 18.67 px.
	const size = await items.first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
	expect(size).toBeGreaterThanOrEqual(18.67);
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, 'no horizontal scrolling at 360 px').toBeLessThanOrEqual(0);
	await checked(page);
}

test('Help leads to the three Easy Read pages, each a picture and a short sentence per idea (A11Y-C1, A11Y-C2)', async ({ page }) => {
	test.setTimeout(120_000);
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/help');
	await checked(page);
	for (const p of PAGES) {
		await page.goto('/help');
		await submitAndWait(page, () => page.getByRole('link', { name: en['easy-read'][p.id].heading }).click());
		await expect(page).toHaveURL(new RegExp(`${p.path}$`));
		await expect(page).toHaveTitle(`${en['easy-read'][p.id].title} – My Review`);
		await expectEasyRead(page, en, p.id, 'ltr');
		// The other two are linked from each page, and Back goes to the list.
		for (const other of PAGES.filter((o) => o !== p)) await expect(page.getByRole('link', { name: en['easy-read'][other.id].heading })).toHaveAttribute('href', other.path);
		await expect(page.getByRole('link', { name: 'Back' })).toHaveAttribute('href', '/help/easy-read');
		await test.info().attach(`easy-read-en-360-${p.id}.png`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
		await expect(page.getByRole('link', { name: /^Exit this page/ }).first()).toBeVisible();
	}
	await page.goto('/help/easy-read');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['easy-read'].heading);
	await checked(page);
});

test('a child reaches them from home, the start page and the advocate page', async ({ browser, jsEnabled }, testInfo) => {
	test.setTimeout(120_000);
	const login = jsEnabled ? SPARE_YOUNG_PEOPLE.easyReadJs : SPARE_YOUNG_PEOPLE.easyReadNoJs;
	const { context, page } = await personContext(browser, testInfo);
	await page.goto('/sign-in');
	await page.getByLabel('Username').fill(login);
	await page.getByLabel('Passphrase').fill(RESPONDENT_PASSPHRASE);
	await submitAndWait(page, () => page.getByRole('button', { name: 'Sign in' }).click());
	await expect(page).toHaveURL(/\/me$/);
	await checked(page);
	await submitAndWait(page, () => page.getByRole('link', { name: en['easy-read'].review.heading }).click());
	await expectEasyRead(page, en, 'review', 'ltr');

	const reviewId = readDb((db) => (db.prepare('select i.review_id as r from invitation i join app_user u on u.id = i.respondent_id where u.username = ?').get(login) as { r: string }).r);
	await page.goto(`/me/review/${reviewId}/start`);
	await submitAndWait(page, () => page.getByRole('link', { name: en['easy-read']['this-page'] }).click());
	await expect(page).toHaveURL(/\/help\/easy-read\/who-sees$/);
	await expectEasyRead(page, en, 'who-sees', 'ltr');

	await page.goto('/me/requests/advocate');
	await submitAndWait(page, () => page.getByRole('link', { name: en['easy-read']['this-page'] }).click());
	await expect(page).toHaveURL(/\/help\/easy-read\/on-your-side$/);
	await expectEasyRead(page, en, 'on-your-side', 'ltr');
	// Still signed in on a public page: Sign out is offered, and nothing personal is on it.
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
	await expect(page.locator('main')).not.toContainText('Spare');
	await context.close();
});

test('Arabic: right to left, each picture on the right of its sentence, direction pictures mirrored (A11Y-20)', async ({ browser }, testInfo) => {
	test.setTimeout(120_000);
	const { context, page } = await personContext(browser, testInfo);
	await page.goto('/help/easy-read');
	// The header's language picker: a <details> that opens without JavaScript, then a plain form post back to this page.
	await page.locator('header summary').click();
	await page.locator('header').getByRole('button', { name: 'العربية' }).click();
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page).toHaveURL(/\/help\/easy-read$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar['easy-read'].heading);
	await checked(page);
	for (const p of PAGES) {
		await page.goto(p.path);
		await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
		await expectEasyRead(page, ar, p.id, 'rtl');
		await testInfo.attach(`easy-read-ar-360-${p.id}.png`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
	}
	// A speech bubble's tail points the other way in Arabic; a house does not turn.
	await page.goto('/help/easy-read/review');
	const transform = (i: number) => page.getByTestId('easy-read').locator('li svg').nth(i).evaluate((el) => getComputedStyle(el).transform);
	expect(await transform(6)).toBe('matrix(-1, 0, 0, 1, 0, 0)');
	expect(await transform(3)).toBe('none');
	await context.close();
});
