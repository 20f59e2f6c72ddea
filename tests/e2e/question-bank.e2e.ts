/**
 * Issue 8, the question bank, as an admin would use it, with JavaScript on and off, axe on every
 * page and a 360 px phone: start the next version of the 8–12 form, reword its first question, add a
 * question in every shipped language, preview it on a phone (in English and Welsh), publish. Then a
 * child who starts now sees the new words, answers and sends, and their IRO's pack shows each answer
 * with the new version's words; a child who had already started keeps the old ones.
 *
 * Why a private server: publishing changes the version every consultation opened afterwards starts
 * on, for the whole service. Every other journey (consultations, outcomes, pwa…) walks the 8–12 and
 * the other forms on the shared e2e server and clicks by the words of the versions in code, so
 * publishing there would change what they see while they run. Each project here publishes on its
 * own `node build` with a copy of the e2e database (`support/private-server.ts`), so nobody else is
 * affected, and the JS and no-JS runs each start from the version in code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page, TestInfo } from '@playwright/test';
import { latestForm } from '../../src/lib/forms/registry';
import { LOCALES } from '../../src/lib/i18n/languages';
import { QUESTION_BANK_PERSONAS, STAFF_PASSWORD } from '../fixtures/personas';
import { expect, test } from './support/fixtures';
import { openPack, resume, signIn, staffSignIn } from './support/consultation';
import { snapshotE2eDatabase, startPrivateServer, type PrivateServer } from './support/private-server';
import { checked, submitAndWait } from './support/session';

test.describe.configure({ mode: 'serial' });

const FORM = 'young-person-8-12';
const NEW_WORDS = 'What has gone well for you since your last review?';
const ADDED_WORDS = 'What are you proud of?';
type Words = Record<string, Record<string, { label: string }>>;
const catalogue = (locale: string): Words =>
	JSON.parse(readFileSync(fileURLToPath(new URL(`../../src/lib/i18n/locales/${locale}/forms.json`, import.meta.url)), 'utf8')) as Words;
const english = catalogue('en-GB')[FORM]!;
const welsh = catalogue('cy')[FORM];

let server: PrivateServer;

test.beforeAll(async ({}, testInfo) => {
	const dir = testInfo.outputPath('db');
	snapshotE2eDatabase(join(dir, 'question-bank.sqlite'));
	server = await startPrivateServer({ databasePath: join(dir, 'question-bank.sqlite') });
});

test.afterAll(async () => {
	await server?.kill();
});

async function open(browser: Browser, testInfo: TestInfo): Promise<Page> {
	const context = await browser.newContext({
		baseURL: server.baseURL,
		viewport: { width: 360, height: 740 },
		javaScriptEnabled: testInfo.project.use.javaScriptEnabled !== false
	});
	return context.newPage();
}

/** Axe, and nothing wider than the 360 px phone (WCAG 1.4.10). */
async function checkedAt360(page: Page): Promise<void> {
	await checked(page);
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth).catch(() => 0);
	expect(overflow, `${new URL(page.url()).pathname} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
}

test('an admin rewords a question, adds one, previews and publishes; a child starting now answers the new version and the pack shows its words; one who had started keeps the old', async ({ browser }, testInfo) => {
	test.setTimeout(300_000);
	const cast = QUESTION_BANK_PERSONAS[testInfo.project.name === 'chromium' ? 'js' : 'nojs'];
	const before = latestForm(FORM);
	const admin = await open(browser, testInfo);

	// Sign in as the admin, on the private server.
	await admin.goto('/sign-in/staff');
	await admin.getByLabel('Email address').fill('e2e-admin@example.test');
	await admin.getByLabel('Password').fill(STAFF_PASSWORD);
	await submitAndWait(admin, () => admin.getByRole('button', { name: 'Sign in' }).click());
	await expect(admin).toHaveURL(/\/admin$/);

	// The question bank lists the form's versions; start the next one.
	await admin.goto('/admin/forms');
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Question bank');
	await checkedAt360(admin);
	const section = admin.getByTestId(`bank-form-${FORM}`);
	await expect(section).toContainText(`In use: version ${before.version}`);
	await submitAndWait(admin, () => section.getByRole('button', { name: new RegExp(`Start version ${before.version + 1}`) }).click());
	await expect(admin).toHaveURL(new RegExp(`/admin/forms/${FORM}/draft$`));
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText(`Version ${before.version + 1} (not published)`);
	await expect(admin.getByTestId('bank-questions').getByRole('listitem')).toHaveCount(before.questions.length);
	// The copy of the version in use can be published as it is: every word in every shipped language.
	await expect(admin.getByTestId('bank-problem-count')).toHaveCount(0);
	// The safety question says what it does.
	await expect(admin.getByTestId('bank-question-home-safe')).toContainText('Safety');
	await checkedAt360(admin);

	// Reword the first question (English; the other languages keep their words).
	await submitAndWait(admin, () => admin.getByTestId('bank-question-since-good').getByRole('link', { name: /Change/ }).click());
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText(`Question 1 of ${before.questions.length}`);
	await expect(admin.locator('#label-en-GB')).toHaveValue(english['since-good']!.label);
	await checkedAt360(admin);
	await admin.locator('#label-en-GB').fill(NEW_WORDS);
	await submitAndWait(admin, () => admin.getByTestId('bank-save-question').click());
	await expect(admin).toHaveURL(new RegExp(`/admin/forms/${FORM}/draft`));
	await expect(admin.getByTestId('bank-question-since-good')).toContainText(NEW_WORDS);

	// Add a question: a duplicate code is refused by the field, with what was typed kept.
	await submitAndWait(admin, () => admin.getByTestId('bank-add').click());
	await expect(admin).toHaveURL(/\/draft\/question\?n=\d+/);
	await admin.locator('#id').fill('since-good');
	await admin.locator('#label-en-GB').fill(ADDED_WORDS);
	await admin.getByTestId('bank-save-question').click();
	await expect(admin.locator('#id-error')).toContainText('Question 1 already has this code');
	await expect(admin.locator('#label-en-GB')).toHaveValue(ADDED_WORDS);
	await expect(admin).toHaveTitle(/^Error: /);
	await checkedAt360(admin);
	await admin.locator('#id').fill('proud-of');
	await admin.locator('#topic').selectOption('since-last-time');
	const others = LOCALES.filter((l) => l !== 'en-GB');
	if (others.length > 0) {
		// Saved in English only: publishing is refused, and each missing word is shown by its field.
		await submitAndWait(admin, () => admin.getByTestId('bank-save-question').click());
		await expect(admin.getByTestId('bank-problem-count')).toBeVisible();
		await submitAndWait(admin, () => admin.getByTestId('bank-publish').click());
		const summary = admin.getByTestId('bank-publish-errors');
		await expect(summary).toBeVisible();
		await expect(admin).toHaveTitle(/^Error: /);
		await checkedAt360(admin);
		await submitAndWait(admin, () => summary.getByRole('link').first().click());
		await expect(admin.locator(`#label-${others[0]}-error`)).toBeVisible();
		await expect(admin.locator('#label-en-GB')).toHaveValue(ADDED_WORDS);
		for (const locale of others) await admin.locator(`#label-${locale}`).fill(`${ADDED_WORDS} (${locale})`);
	}
	await submitAndWait(admin, () => admin.getByTestId('bank-save-question').click());
	await expect(admin.getByTestId('bank-question-proud-of')).toContainText(ADDED_WORDS);
	await expect(admin.getByTestId('bank-questions').getByRole('listitem')).toHaveCount(before.questions.length + 1);
	await expect(admin.getByTestId('bank-problem-count')).toHaveCount(0);

	// Preview on a phone: the first page shows the new words, in the real question component.
	await submitAndWait(admin, () => admin.getByTestId('bank-preview-link').click());
	const frame = admin.getByTestId('bank-preview-frame');
	await expect(frame.getByRole('heading', { level: 1 })).toHaveText(NEW_WORDS);
	await expect(frame).toContainText(`Question 1 of ${before.questions.length + 1}`);
	expect((await frame.boundingBox())!.width).toBeLessThanOrEqual(360);
	await checkedAt360(admin);
	await submitAndWait(admin, () => admin.getByTestId('bank-preview-next').click());
	await expect(frame.getByRole('heading', { level: 1 })).toHaveText(english['since-hard']!.label);
	// In Welsh, at 12: the Welsh words of the version it started from (unchanged there).
	if (welsh && (LOCALES as readonly string[]).includes('cy')) {
		await admin.locator('#preview-lang').selectOption('cy');
		await admin.locator('#preview-age').selectOption('12');
		await submitAndWait(admin, () => admin.getByRole('button', { name: 'Show' }).click());
		await expect(frame.locator('[lang="cy"]').getByRole('heading', { level: 1 })).toHaveText(welsh['since-good']!.label);
		await checkedAt360(admin);
	}

	// Publish.
	await admin.goto(`/admin/forms/${FORM}/draft`);
	await submitAndWait(admin, () => admin.getByTestId('bank-publish').click());
	await expect(admin).toHaveURL(/\/admin\/forms\?published=/);
	await expect(admin.getByTestId('bank-published')).toContainText('is published');
	await expect(admin.getByTestId(`bank-form-${FORM}`)).toContainText(`In use: version ${before.version + 1}`);
	await checkedAt360(admin);
	await admin.context().close();

	// A child who starts now gets the new version.
	const fresh = await open(browser, testInfo);
	await signIn(fresh, cast.fresh.login);
	await submitAndWait(fresh, () => fresh.getByRole('link', { name: 'Start', exact: true }).click());
	await submitAndWait(fresh, () => fresh.getByRole('button', { name: 'Start', exact: true }).click());
	await expect(fresh.getByRole('heading', { level: 1 })).toHaveText(NEW_WORDS);
	await checkedAt360(fresh);
	// They answer every page of the new version (the first choice, or a line of text) and send.
	const total = Number((await fresh.locator('.app-progress').textContent())!.match(/of (\d+)/)![1]);
	expect(total).toBe(before.questions.length + 1);
	for (let n = 1; n <= total; n++) {
		await expect(fresh.locator('.app-progress')).toHaveText(`Question ${n} of ${total}`);
		const text = fresh.locator('main textarea').first();
		if (await text.count()) await text.fill(`Answer ${n}`);
		else if (await fresh.getByRole('checkbox').count()) await fresh.getByRole('checkbox').first().check();
		else if (await fresh.getByRole('radio').count()) await fresh.getByRole('radio').first().check();
		await submitAndWait(fresh, () => fresh.getByRole('button', { name: 'Continue', exact: true }).click());
	}
	await expect(fresh).toHaveURL(/\/check$/);
	await submitAndWait(fresh, () => fresh.getByRole('button', { name: 'Send my answers' }).click());
	await expect(fresh).toHaveURL(/\/sent$/);
	await fresh.context().close();

	// Their IRO's pack shows each answer with the words of the version answered.
	const iro = await open(browser, testInfo);
	await staffSignIn(iro, cast.iro.login);
	await openPack(iro, cast.fresh.displayName);
	await expect(iro.getByText(NEW_WORDS, { exact: true })).toBeVisible();
	await expect(iro.getByText(ADDED_WORDS, { exact: true })).toBeVisible();
	await expect(iro.getByText(english['since-good']!.label, { exact: true })).toHaveCount(0);
	await expect(iro.getByText(`Answer ${total}`, { exact: true })).toBeVisible();
	await checked(iro);
	await iro.context().close();

	// A child who had started before keeps the version they started on.
	const early = await open(browser, testInfo);
	await signIn(early, cast.early.login);
	await resume(early);
	await expect(early.getByRole('heading', { level: 1 })).toHaveText(english['since-good']!.label);
	await expect(early.getByText(`Question 1 of ${before.questions.length}`)).toBeVisible();
	await checkedAt360(early);
	await early.context().close();
});
