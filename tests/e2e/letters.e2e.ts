/**
 * Issue 5, end to end: the allocated IRO makes a printable invitation letter with a fresh one-time
 * code and a QR code; the QR code carries the code in the URL fragment only (SEC-A9), so it never
 * reaches the server; `/activate#code=…` fills the field and drops the fragment with JavaScript, and
 * with JavaScript off the person types the code. The letter fits one A4 page with no site chrome
 * (PRIV-H8: neutral outside). The admin sees the message the outbox gave up on, masked (REL-16).
 * JavaScript on and off, axe on every page and state visited. Each project has its own cast
 * (LETTERS_PERSONAS), so the two runs never issue codes for the same person.
 */
import type { Page, TestInfo } from '@playwright/test';
import { qrShape } from '../../src/lib/server/qr';
import { LETTERS_PERSONAS, PERSONAS, STAFF_PASSWORD, type LettersCast } from '../fixtures/personas';
import { openPack, staffSignIn } from './support/consultation';
import { expect, test } from './support/fixtures';
import { checked, personContext, submitAndWait } from './support/session';

function castOf(testInfo: TestInfo): LettersCast {
	return LETTERS_PERSONAS[testInfo.project.name === 'chromium' ? 'js' : 'nojs'];
}

/** The IRO opens the letters page from the pack, as they would. */
async function openLetters(page: Page, cast: LettersCast): Promise<void> {
	await staffSignIn(page, cast.iro.login);
	await openPack(page, cast.child.displayName);
	await submitAndWait(page, () => page.getByRole('link', { name: 'Invitation letters' }).click());
	await expect(page).toHaveURL(/\/iro\/review\/[a-z2-7]{24}\/letters$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Invitation letters' })).toBeVisible();
}

/** "Create letter" for the parent; returns the code printed on the letter. */
async function createParentLetter(page: Page, cast: LettersCast): Promise<string> {
	await submitAndWait(page, () => page.getByRole('button', { name: `Create letter ${cast.parent.displayName}` }).click());
	const letter = page.getByTestId('letter');
	await expect(letter).toBeVisible();
	const code = (await page.getByTestId('letter-code').textContent())!.trim();
	expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
	return code;
}

test.describe('issue 5: invitation letters', () => {
	test('SEC-A9, PRIV-H8: the IRO prints a letter whose QR code carries the code only in the URL fragment', async ({ page, baseURL }, testInfo) => {
		const cast = castOf(testInfo);
		await openLetters(page, cast);
		await checked(page);
		// Both respondents are listed: neither has activated.
		await expect(page.getByRole('button', { name: `Create letter ${cast.child.displayName}` })).toBeVisible();
		const code = await createParentLetter(page, cast);
		await checked(page);

		const letter = page.getByTestId('letter');
		await expect(letter.getByRole('heading', { level: 2 })).toHaveText(`Hello ${cast.parent.firstName}`);
		await expect(letter).toContainText(`${baseURL}/activate`);
		// Neutral outside: a first name only, no care words (PRIV-H8, T7, T13).
		const text = (await letter.textContent())!;
		expect(text).not.toContain(cast.parent.surname);
		expect(text).not.toMatch(/\b(care|carer|foster|looked after|social work|IRO|independent reviewing)\b/i);

		// The QR code drawn is exactly the encoding of the sign-in address with the code in the fragment.
		const drawn = await page.getByTestId('letter-qr').locator('path').getAttribute('d');
		const target = `${baseURL}/activate#code=${code}`;
		expect(new URL(target).search).toBe('');
		expect(new URL(target).hash).toBe(`#code=${code}`);
		expect(drawn).toBe(qrShape(target).path);
		expect(drawn).not.toBe(qrShape(`${baseURL}/activate?code=${code}`).path);
		await expect(page.getByRole('img', { name: 'A square code that opens My Review with your code filled in' })).toBeVisible();
	});

	test('PRIV-H8: printed, the letter fits one A4 page with no header, footer, list or buttons', async ({ page }, testInfo) => {
		const cast = castOf(testInfo);
		await openLetters(page, cast);
		await createParentLetter(page, cast);
		// A4 less the letter's 20 mm margins, at 96 px to the inch: 170 mm × 257 mm.
		const mm = 96 / 25.4;
		const area = { width: Math.floor(170 * mm), height: Math.floor(257 * mm) };
		await page.setViewportSize(area);
		await page.emulateMedia({ media: 'print' });
		for (const chrome of [page.locator('.app-header'), page.locator('.app-footer'), page.locator('.govuk-back-link'), page.locator('h1'), page.locator('table')]) {
			await expect(chrome).toBeHidden();
		}
		// Hidden elements have no role: nothing to press is printed.
		await expect(page.getByRole('button')).toHaveCount(0);
		const box = (await page.getByTestId('letter').boundingBox())!;
		expect(box.width).toBeLessThanOrEqual(area.width);
		expect(box.x + box.width).toBeLessThanOrEqual(area.width);
		expect(box.y + box.height).toBeLessThanOrEqual(area.height);
		const qr = (await page.getByTestId('letter-qr').boundingBox())!;
		// At least 40 mm across, so a phone reads it off paper.
		expect(qr.width).toBeGreaterThanOrEqual(40 * mm);
		const code = (await page.getByTestId('letter-code').boundingBox())!;
		expect(code.x + code.width).toBeLessThanOrEqual(area.width);
		// And the browser's own print engine agrees: one A4 page.
		const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
		expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
		const mediaBox = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
		expect(Math.round(Number(mediaBox![1]))).toBe(595);
		expect(Math.round(Number(mediaBox![2]))).toBe(842);
	});

	test('SEC-A9: opening /activate#code=… fills the field with JavaScript and removes the code from the URL; without it, the person types it', async ({ page, browser, jsEnabled }, testInfo) => {
		const cast = castOf(testInfo);
		await openLetters(page, cast);
		const code = await createParentLetter(page, cast);

		const { context, page: phone } = await personContext(browser, testInfo);
		try {
			const requested: string[] = [];
			phone.on('request', (r) => requested.push(r.url()));
			await phone.goto(`/activate#code=${code}`);
			const field = phone.getByLabel('Enter your code');
			if (jsEnabled) {
				await expect(field).toHaveValue(code);
				await expect(phone).toHaveURL(/\/activate$/);
				expect(await phone.evaluate(() => location.hash)).toBe('');
				expect(JSON.stringify(await phone.evaluate(() => history.state))).not.toContain(code);
			} else {
				await expect(field).toHaveValue('');
				await field.fill(code);
			}
			await checked(phone);
			await submitAndWait(phone, () => phone.getByRole('button', { name: 'Continue' }).click());
			await expect(phone).toHaveURL(/\/activate\/passphrase$/);
			// The fragment is never sent (RFC 9110): no request's path or query carried the code.
			const sent = requested.map((u) => Object.assign(new URL(u), { hash: '' }).href);
			expect(sent.some((u) => u.endsWith('/activate'))).toBe(true);
			expect(sent.filter((u) => u.includes(code) || u.includes(code.replace('-', '')))).toEqual([]);
		} finally {
			await context.close();
		}
	});
});

test.describe('REL-16: the admin sees messages that were not delivered', () => {
	test('REL-16: a message the outbox gave up on is listed with its role, tries and error class, the address masked, and can be tried again', async ({ browser }, testInfo) => {
		const cast = castOf(testInfo);
		const { context, page } = await personContext(browser, testInfo);
		try {
			await page.goto('/sign-in/staff');
			await page.getByLabel('Email address').fill(PERSONAS.admin.login);
			await page.getByLabel('Password').fill(STAFF_PASSWORD);
			await submitAndWait(page, () => page.getByRole('button', { name: 'Sign in' }).click());
			await expect(page).toHaveURL(/\/admin$/);
			await submitAndWait(page, () => page.getByRole('link', { name: 'Messages not delivered yet' }).click());
			await expect(page).toHaveURL(/\/admin\/deliveries$/);
			await checked(page);
			const row = page.getByRole('row').filter({ hasText: cast.parent.maskedAddress });
			await expect(row).toHaveCount(1);
			await expect(row).toContainText('Reminder');
			await expect(row).toContainText('Parent');
			await expect(row).toContainText('EENVELOPE 550');
			const html = await page.content();
			expect(html).not.toContain(cast.parent.notifyEmail);
			expect(html).not.toContain(cast.parent.displayName);
			await submitAndWait(page, () => row.getByRole('button', { name: 'Try again now' }).click());
			await expect(page.getByRole('status')).toContainText('tried again');
			await checked(page);
		} finally {
			await context.close();
		}
	});
});
