/**
 * Issue 7: languages and display settings, end to end, at 360 px, JS on and off, axe on every page.
 * - Arabic is picked on the first screen (sign-in), before signing in; it is kept on the device and,
 *   once signed in, on the person's record; every respondent page then renders right to left from
 *   the server (`<html lang="ar" dir="rtl">`), including the question pages, with no horizontal
 *   scrolling; screenshots of each page are attached to the report (RTL review at 360 px).
 * - The picker is on every respondent page and works with JS off (a form per language).
 * - Display settings (A11Y-22) come from a cookie and show on the next page with JS off.
 */
import type { Page } from '@playwright/test';
import { ALL_LANGUAGES, LOCALES } from '../../src/lib/i18n/languages';
import { PWA_PERSONAS } from '../fixtures/personas';
import { RESPONDENT_PASSPHRASE } from '../fixtures/personas';
import { expect, test } from './support/fixtures';
import { checked, personContext, readDb, submitAndWait } from './support/session';

const AR = {
	name: 'العربية',
	signIn: 'تسجيل الدخول',
	username: 'اسم المستخدم',
	passphrase: 'عبارة المرور',
	continue: 'متابعة',
	question: 'هل هناك شيء تريد تغييره في المكان الذي تعيش فيه؟'
};

function castFor(project: string) {
	return PWA_PERSONAS[project === 'chromium' ? 'js' : 'nojs'];
}

function savedLocale(login: string): string | null {
	return readDb((db) => (db.prepare('select preferred_locale as l from app_user where username = ?').get(login) as { l: string | null }).l);
}

function reviewOf(login: string): string {
	return readDb((db) => (db.prepare('select i.review_id as r from invitation i join app_user u on u.id = i.respondent_id where u.username = ?').get(login) as { r: string }).r);
}

/** Right to left, from the server, with nothing wider than the screen; a screenshot for review. */
async function expectRtl(page: Page, name: string): Promise<void> {
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	const h1 = await page.locator('h1').first().boundingBox();
	expect(h1, 'a heading').not.toBeNull();
	// The heading starts at the right-hand edge of the 360 px page (15 px margin), not the left.
	expect(h1!.x + h1!.width).toBeGreaterThan(300);
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, 'no horizontal scrolling at 360 px').toBeLessThanOrEqual(0);
	await test.info().attach(`rtl-360-${name}.png`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
	await checked(page);
}

test('Arabic, picked on the first screen, is remembered and renders right to left end to end (A11Y-16, A11Y-20)', async ({ browser, jsEnabled }, testInfo) => {
	test.setTimeout(90_000);
	const login = castFor(testInfo.project.name).arabic;
	const { context, page } = await personContext(browser, testInfo);
	await page.goto('/sign-in');
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
	// The picker is open on the first screen; each language is a button in its own language.
	const arabic = page.getByRole('button', { name: AR.name });
	await expect(arabic).toHaveAttribute('lang', 'ar');
	await expect(arabic).toHaveAttribute('dir', 'rtl');
	await checked(page);
	// A plain form post that comes back to the same page (303), now in Arabic.
	await arabic.click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(page).toHaveURL(/\/sign-in$/);
	await expect(page.getByRole('heading', { level: 1, name: AR.signIn })).toBeVisible();
	await expectRtl(page, 'sign-in');

	await page.getByLabel(AR.username).fill(login);
	await page.getByLabel(AR.passphrase).fill(RESPONDENT_PASSPHRASE);
	await submitAndWait(page, () => page.getByRole('button', { name: AR.signIn }).click());
	await expect(page).toHaveURL(/\/me$/);
	await expectRtl(page, 'home');
	expect(savedLocale(login)).toBe('ar');

	const url = `/me/review/${reviewOf(login)}/home-change`;
	await page.goto(url);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(AR.question);
	await expectRtl(page, 'question');
	// The back link's arrow points right (the way back in a right-to-left page).
	const arrow = await page.locator('.govuk-back-link').evaluate((el) => getComputedStyle(el, '::before').transform);
	expect(arrow).not.toBe('none');
	await page.getByRole('textbox').fill('أريد غرفة أكبر');
	await submitAndWait(page, () => page.getByRole('button', { name: AR.continue }).click());
	await expectRtl(page, 'next-question');

	// An error state in Arabic: the summary and the title prefix are translated too.
	await page.goto(url);
	await page.getByRole('textbox').fill('ب'.repeat(2001));
	await page.getByRole('button', { name: AR.continue }).click();
	await expect(page.getByText('توجد مشكلة')).toBeVisible();
	if (jsEnabled) await expect(page.locator('.govuk-error-summary')).toBeFocused();
	await expect(page).toHaveTitle(/^خطأ: /);
	await expectRtl(page, 'question-error');

	// A fresh phone: the person's own language follows them, whatever the phone says.
	const other = await personContext(browser, testInfo);
	await other.page.goto('/sign-in');
	await other.page.getByLabel('Username').fill(login);
	await other.page.getByLabel('Passphrase').fill(RESPONDENT_PASSPHRASE);
	await submitAndWait(other.page, () => other.page.getByRole('button', { name: 'Sign in' }).click());
	await expect(other.page.locator('html')).toHaveAttribute('dir', 'rtl');
	await other.context.close();
	await context.close();
});

test('the picker is on every respondent page and changes the language there, JS on or off', async ({ browser }, testInfo) => {
	const login = castFor(testInfo.project.name).welsh;
	const { context, page } = await personContext(browser, testInfo);
	await page.goto('/sign-in');
	await page.getByLabel('Username').fill(login);
	await page.getByLabel('Passphrase').fill(RESPONDENT_PASSPHRASE);
	await submitAndWait(page, () => page.getByRole('button', { name: 'Sign in' }).click());
	const url = `/me/review/${reviewOf(login)}/home-change`;
	await page.goto(url);
	await page.locator('summary', { hasText: 'Language' }).click();
	await page.getByRole('button', { name: AR.name }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	// Back on the same page, now in Arabic, and saved for the person.
	await expect(page).toHaveURL(new RegExp(`${url}$`));
	await expectRtl(page, 'picker');
	expect(savedLocale(login)).toBe('ar');
	await page.locator('summary').first().click();
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
	expect(savedLocale(login)).toBe('en-GB');
	await checked(page);
	await context.close();
});

test('display settings are kept on the device and apply from the server (A11Y-22)', async ({ browser }, testInfo) => {
	const { context, page } = await personContext(browser, testInfo);
	await page.goto('/help');
	await submitAndWait(page, () => page.getByRole('link', { name: 'Language and text size' }).click());
	await expect(page).toHaveURL(/\/settings\?return=%2Fhelp|\/settings\?return=\/help/);
	await checked(page);
	await page.getByRole('group', { name: 'Text size' }).getByRole('radio', { name: 'Largest' }).check();
	await page.getByRole('group', { name: 'Colours' }).getByRole('radio', { name: 'High contrast: black and white' }).check();
	await page.getByRole('group', { name: 'Space between letters and lines' }).getByRole('radio', { name: 'More space, which can make reading easier' }).check();
	await submitAndWait(page, () => page.getByRole('button', { name: 'Save' }).click());
	await expect(page).toHaveURL(/\/help$/);
	const html = page.locator('html');
	await expect(html).toHaveClass(/app-text-largest/);
	await expect(html).toHaveClass(/app-contrast-high/);
	await expect(html).toHaveClass(/app-spacing-wide/);
	const fontSize = await html.evaluate((el) => getComputedStyle(el).fontSize);
	expect(fontSize).toBe('24px');
	await checked(page);
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, 'largest text still reflows at 360 px').toBeLessThanOrEqual(0);
	await context.close();
});

test('every shipped language renders the home and a question page with its own lang and dir, no key names, 0 axe violations', async ({ browser }, testInfo) => {
	test.setTimeout(240_000);
	const login = castFor(testInfo.project.name).sweep;
	const { context, page } = await personContext(browser, testInfo);
	await page.goto('/sign-in');
	await page.getByLabel('Username').fill(login);
	await page.getByLabel('Passphrase').fill(RESPONDENT_PASSPHRASE);
	await submitAndWait(page, () => page.getByRole('button', { name: 'Sign in' }).click());
	const question = `/me/review/${reviewOf(login)}/home-change`;
	// A key name on screen looks like `section.key`; the sections respondents' pages use.
	const keyName = /\b(app|start|question|errors|forms|preferences|offline|home|help|help-now|share|child-ui|young-person-13-plus)\.[a-z]/;
	for (const code of LOCALES) {
		const lang = ALL_LANGUAGES.find((l) => l.code === code)!;
		for (const path of ['/me', question]) {
			await page.goto(path);
			await page.locator('summary.app-language__summary').click();
			await page.getByRole('button', { name: lang.name, exact: true }).click();
			await expect(page.locator('html')).toHaveAttribute('lang', code);
			await expect(page.locator('html')).toHaveAttribute('dir', lang.dir);
			await expect(page).toHaveURL(new RegExp(`${path}$`));
			expect(await page.locator('body').innerText(), `${code} ${path}`).not.toMatch(keyName);
			await checked(page);
		}
	}
	await context.close();
});
