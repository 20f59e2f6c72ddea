/**
 * Issue 7, A11Y-12, A11Y-2, A11Y-3: each audience's main journey with the keyboard only (no mouse,
 * no locator clicks: `page.keyboard` Tab, Enter, Space and arrow keys), JS on and off, at 360 px.
 * On every page the skip link is the first tab stop, and at every tab stop on the way the focused
 * element shows a visible focus indicator (outline or box-shadow ≥2 px, from its computed style).
 * Axe on every page visited (A11Y-1).
 * - A young person of 15 (13+ form) and a child of 10 (8–12 form) answer every page and send.
 * - A parent and a carer do the same with their forms.
 * - A page with an error (too long an answer) takes focus to the error summary with JS, and its title
 *   starts "Error: " with or without JS.
 * - The IRO signs in and opens a pack, and every tab stop on the pack shows its focus.
 * The people are issue 7's own cast (A11Y_PERSONAS), one per project, used by no other test.
 */
import type { Page } from '@playwright/test';
import { latestForm } from '../../src/lib/forms/registry';
import { isChoiceQuestion, type FormDefinition, type Question } from '../../src/lib/forms/types';
import { A11Y_PERSONAS, RESPONDENT_PASSPHRASE, STAFF_PASSWORD, type ConsultationAdultName, type ConsultationChildName } from '../fixtures/personas';
import { expect, test } from './support/fixtures';
import { expectFocusVisible, expectSkipLinkFirst, focused, pressAndWait, tabThroughPage, tabTo } from './support/keyboard';
import { checked } from './support/session';

function castFor(project: string) {
	return A11Y_PERSONAS[project === 'chromium' ? 'js' : 'nojs'];
}

/** The skip link first, then axe: what every page in these journeys gets. */
async function arrived(page: Page): Promise<void> {
	await expectSkipLinkFirst(page);
	await checked(page);
}

async function signInByKeyboard(page: Page, login: string, secret: string, staff = false): Promise<void> {
	await page.goto(staff ? '/sign-in/staff' : '/sign-in');
	await arrived(page);
	await tabTo(page, (f) => f.id === (staff ? 'email' : 'username'), 'the username field');
	await page.keyboard.type(login);
	await tabTo(page, (f) => f.id === (staff ? 'password' : 'passphrase'), 'the passphrase field');
	await page.keyboard.type(secret);
	// Enter in a field submits its form.
	await pressAndWait(page);
}

const isButton = (text: string) => (f: { tag: string; text: string; className: string }) =>
	f.text === text && (f.tag === 'button' || f.className.includes('govuk-button'));
const isLink = (text: string) => (f: { tag: string; text: string }) => f.tag === 'a' && f.text === text;

/** Every question page from here to check your answers, by keyboard; on the first text page, an error first. */
async function answerByKeyboard(page: Page, form: FormDefinition, jsEnabled: boolean, opts: { errorOnFirstText?: boolean } = {}): Promise<number> {
	const progress = page.locator('.app-progress');
	const total = Number((await progress.textContent())!.match(/of (\d+)/)![1]);
	let errorShown = !opts.errorOnFirstText;
	for (let n = 1; n <= total; n++) {
		await expect(progress).toHaveText(`Question ${n} of ${total}`);
		const id = new URL(page.url()).pathname.split('/').pop()!;
		const q: Question | undefined = form.questions.find((x) => x.id === id);
		if (!q) throw new Error(`page ${id} is not in ${form.id}`);
		await arrived(page);
		if (isChoiceQuestion(q)) {
			// Tab into the group lands on its first option; Space ticks it.
			const first = await tabTo(page, (f) => (f.type === 'radio' || f.type === 'checkbox') && f.name === q.id, `the first option of ${q.id}`);
			await page.keyboard.press('Space');
			expect((await focused(page))!.checked, `${q.id}: Space ticks the option`).toBe(true);
			if (first.type === 'radio') {
				// Arrow keys move through the options (and back), as in any radio group.
				await page.keyboard.press('ArrowDown');
				const next = await expectFocusVisible(page);
				expect(next.id, `${q.id}: ArrowDown moves to the next option`).not.toBe(first.id);
				await page.keyboard.press('ArrowUp');
				const back = await expectFocusVisible(page);
				expect(back.id).toBe(first.id);
				expect(back.checked).toBe(true);
			}
		} else if (q.kind === 'text') {
			await tabTo(page, (f) => f.tag === 'textarea' && f.id === q.id, `the text box of ${q.id}`);
			if (!errorShown) {
				// A11Y-2, A11Y-3: too long an answer; the summary takes focus (JS), the title says "Error: ".
				await page.keyboard.insertText('x'.repeat(2001));
				await tabTo(page, isButton('Continue'), 'Continue');
				await page.keyboard.press('Enter');
				await expect(page.locator('.govuk-error-summary')).toBeVisible();
				await expect(page).toHaveTitle(/^Error: /);
				if (jsEnabled) {
					await expect(page.locator('.govuk-error-summary')).toBeFocused();
					await expectFocusVisible(page);
				}
				await checked(page);
				// The summary's link leads to the field (with JS it takes focus there, as GOV.UK's does);
				// the text box still has what was typed.
				if (!jsEnabled) await expectSkipLinkFirst(page);
				await tabTo(page, (f) => f.tag === 'a' && f.href === `#${q.id}`, 'the error summary link');
				if (jsEnabled) {
					await page.keyboard.press('Enter');
					await expect(page.locator(`textarea#${q.id}`)).toBeFocused();
				} else {
					// Without JS the link is a plain jump (the browser's own fragment behaviour); tab on to the field.
					await tabTo(page, (f) => f.tag === 'textarea' && f.id === q.id, `the text box of ${q.id}`, { max: 10 });
				}
				await expectFocusVisible(page);
				await expect(page.locator(`textarea#${q.id}`)).toHaveValue('x'.repeat(2001));
				await page.keyboard.press('ControlOrMeta+A');
				await page.keyboard.press('Delete');
				errorShown = true;
			}
			await page.keyboard.type(`Typed answer ${n}`);
		} else if (q.kind === 'date' && q.required) {
			await tabTo(page, (f) => f.tag === 'input' && f.id === q.id, `the date of ${q.id}`);
			await page.keyboard.type('01152025');
		}
		// Drawings (optional) and optional dates are left blank.
		await tabTo(page, isButton('Continue'), 'Continue');
		await pressAndWait(page);
	}
	await expect(page).toHaveURL(/\/check$/);
	expect(errorShown, 'the journey met a text page for the error check').toBe(true);
	return total;
}

const JOURNEYS: { who: ConsultationChildName | ConsultationAdultName; form: string; title: string; error?: boolean }[] = [
	{ who: 'teen', form: 'young-person-13-plus', title: 'a young person of 15 (13+ form)', error: true },
	{ who: 'middle', form: 'young-person-8-12', title: 'a child of 10 (8–12 form)' },
	{ who: 'parent', form: 'parent', title: 'a parent' },
	{ who: 'carer', form: 'carer', title: 'a carer' }
];

for (const j of JOURNEYS) {
	test(`A11Y-12: ${j.title} signs in, answers every page and sends, with the keyboard only; the skip link first and focus visible everywhere`, async ({ page, jsEnabled }, testInfo) => {
		test.setTimeout(600_000);
		const cast = castFor(testInfo.project.name);
		const adult = j.who in cast.adults ? cast.adults[j.who as ConsultationAdultName] : undefined;
		const login = adult ? adult.login : cast.children[j.who as ConsultationChildName].login;
		await signInByKeyboard(page, login, RESPONDENT_PASSPHRASE);
		await expect(page).toHaveURL(/\/(me|parent|carer)$/);
		await arrived(page);
		// Every tab stop on the home page shows its focus (header, Exit, picker, main, footer).
		const stops = await tabThroughPage(page);
		expect(stops).toBeGreaterThan(4);
		await page.goto(page.url());
		await expectSkipLinkFirst(page);
		await tabTo(page, isLink('Start'), 'Start');
		await pressAndWait(page);
		await expect(page).toHaveURL(/\/start$/);
		await arrived(page);
		// Enter on the skip link: the next Tab is inside the main content, past the header.
		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
		expect(inMain, 'after the skip link, the next tab stop is in <main>').toBe(true);
		if (!isButton('Start')(await expectFocusVisible(page))) await tabTo(page, isButton('Start'), 'the Start button');
		await pressAndWait(page);

		const pages = await answerByKeyboard(page, latestForm(j.form), jsEnabled, { errorOnFirstText: j.error });
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
		await arrived(page);
		await tabTo(page, isButton('Send my answers'), 'Send my answers', { max: 200 });
		await pressAndWait(page);
		await expect(page).toHaveURL(/\/sent$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your answers have been sent');
		await arrived(page);
		console.log(`keyboard ${j.form}: ${pages} question pages by keyboard (${testInfo.project.name})`);
	});
}

test('A11Y-12: the IRO signs in and opens a pack with the keyboard only; every tab stop on the pack shows its focus', async ({ page }, testInfo) => {
	test.setTimeout(300_000);
	const cast = castFor(testInfo.project.name);
	await signInByKeyboard(page, cast.iro.login, STAFF_PASSWORD, true);
	await expect(page).toHaveURL(/\/iro$/);
	await arrived(page);
	const child = cast.children.teen.displayName;
	await tabTo(page, isLink(child), `the caseload link to ${child}`, { max: 150 });
	await pressAndWait(page);
	await expect(page).toHaveURL(/\/iro\/review\/[a-z2-7]{24}\/pack$/);
	await expect(page.locator('main')).toContainText(child);
	await arrived(page);
	const stops = await tabThroughPage(page, 400);
	console.log(`keyboard pack: ${stops} tab stops, each with visible focus (${testInfo.project.name})`);
	expect(stops).toBeGreaterThan(5);
});
