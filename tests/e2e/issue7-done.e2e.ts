/**
 * Issue 7's "done when", as one journey: a 14-year-old picks Arabic on the first screen, signs in,
 * answers every page of their form and sends it, using only the keyboard (no mouse, no taps), with
 * every focused control visibly outlined; has a question read aloud in Arabic by the phone's own
 * voice; and loses the connection as they press Continue on a page they typed on. The answer is kept
 * on the phone, they are told plainly (in Arabic), and it arrives exactly once when the connection
 * returns. Axe on every page visited; 360 px.
 *
 * JS off: no read-aloud button (it needs the phone's speech), no offline queue (each Continue is a
 * form post the server saves); the rest of the journey is the same.
 *
 * The phone's voice is a stand-in: headless Chromium has no voices, so `speechSynthesis` is replaced
 * before the page loads by one that offers a local Arabic voice and records what it is asked to say.
 */
import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { PWA_PERSONAS, RESPONDENT_PASSPHRASE } from '../fixtures/personas';
import { expect, test } from './support/fixtures';
import { checked, personContext, readDb } from './support/session';

const TYPED_PAGE = 'home-change';

// The Arabic words the child sees, from the shipped catalogues (so a reworded translation doesn't break the test).
type Catalogue = Record<string, Record<string, string>>;
const catalogue = (ns: string) => JSON.parse(readFileSync(new URL(`../../src/lib/i18n/locales/ar/${ns}.json`, import.meta.url), 'utf8')) as unknown;
const arCommon = catalogue('common') as Catalogue;
const arForms = catalogue('forms') as Record<string, Record<string, { label: string }>>;

type Spoken = { text: string; lang: string };

/** A phone voice that speaks Arabic on the device (localService) and writes down what it says. */
function fakeSpeech(): void {
	const spoken: { text: string; lang: string }[] = [];
	(window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
	const voices = [
		{ name: 'Test Arabic', lang: 'ar-SA', localService: true, default: true, voiceURI: 'test-ar' },
		{ name: 'Test English', lang: 'en-GB', localService: true, default: false, voiceURI: 'test-en' }
	];
	class Utterance {
		text: string;
		lang = '';
		voice: unknown = null;
		onend: (() => void) | null = null;
		onerror: (() => void) | null = null;
		constructor(text: string) {
			this.text = text;
		}
	}
	const synth = {
		getVoices: () => voices,
		speak: (u: Utterance) => {
			spoken.push({ text: u.text, lang: u.lang });
			setTimeout(() => u.onend?.(), 20);
		},
		cancel: () => undefined,
		addEventListener: () => undefined,
		removeEventListener: () => undefined
	};
	Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
	Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
}

/** Tab (forwards) until `target` has focus; then check its focus is visible (WCAG 2.4.7, 2.4.11). */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
	await expect(target).toBeVisible();
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) {
			const ring = await target.evaluate((el) => {
				const s = getComputedStyle(el);
				const outline = s.outlineStyle !== 'none' ? parseFloat(s.outlineWidth) : 0;
				return { outline, shadow: s.boxShadow };
			});
			expect(ring.outline >= 2 || (ring.shadow !== 'none' && ring.shadow !== ''), `visible focus: ${JSON.stringify(ring)}`).toBe(true);
			return;
		}
		await page.keyboard.press('Tab');
	}
	throw new Error(`could not reach ${target} with Tab in ${max} presses`);
}

/** Presses Enter on the focused control and waits for the next page. */
async function enterAndWait(page: Page): Promise<void> {
	const before = page.url();
	await page.keyboard.press('Enter');
	await page.waitForURL((u) => u.href !== before);
	await page.waitForLoadState('load');
}

function reviewOf(login: string): string {
	return readDb((db) => (db.prepare('select i.review_id as r from invitation i join app_user u on u.id = i.respondent_id where u.username = ?').get(login) as { r: string }).r);
}

function answerRows(login: string, questionId: string): { value: string }[] {
	return readDb(
		(db) =>
			db
				.prepare('select a.value from answer a join consultation c on c.id = a.consultation_id join app_user u on u.id = c.respondent_id where u.username = ? and a.question_id = ?')
				.all(login, questionId) as { value: string }[]
	);
}

function consultationStatus(login: string): string {
	return readDb((db) => (db.prepare('select c.status as s from consultation c join app_user u on u.id = c.respondent_id where u.username = ?').get(login) as { s: string }).s);
}

function arLabel(pageId: string): string {
	return arForms['young-person-13-plus']![pageId]!.label;
}

test('a child answers in Arabic, keyboard only, with a question read aloud and the connection dropping, and sends (issue 7)', async ({ browser, jsEnabled }, testInfo) => {
	test.setTimeout(480_000);
	const login = PWA_PERSONAS[jsEnabled ? 'js' : 'nojs'].done;
	const { context, page } = await personContext(browser, testInfo);
	if (jsEnabled) await context.addInitScript(fakeSpeech);
	const base = `/me/review/${reviewOf(login)}`;
	const typed = `جواب بلوحة المفاتيح ${testInfo.project.name}`;

	// The first screen: Arabic, picked with the keyboard.
	await page.goto('/sign-in');
	await tabTo(page, page.getByRole('button', { name: 'العربية' }));
	await page.keyboard.press('Enter');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await checked(page);

	await tabTo(page, page.getByLabel(arCommon['sign-in']!.username!));
	await page.keyboard.type(login);
	await tabTo(page, page.getByLabel(arCommon['sign-in']!.passphrase!));
	await page.keyboard.type(RESPONDENT_PASSPHRASE);
	await enterAndWait(page);
	await expect(page).toHaveURL(/\/me$/);
	await checked(page);

	// Home → start → the first question, by keyboard.
	await tabTo(page, page.locator(`a.govuk-button[href^="${base}"]`));
	await enterAndWait(page);
	await checked(page);
	// "Start", or "Continue" when the form was opened before (this one was, by the invitation).
	await tabTo(page, page.getByRole('button', { name: arCommon.start!.start! }).or(page.getByRole('button', { name: arCommon.start!.continue! })));
	await enterAndWait(page);

	let pages = 0;
	let readAloud = false;
	// Axe on the first page of each kind of question (faces, choice, choices, yes-no, text) and on the
	// typed page; the sweep (issue 7) runs axe on every question page in every language.
	const axed = new Set<string>();
	while (!/\/check$/.test(new URL(page.url()).pathname)) {
		if (++pages > 60) throw new Error('the form did not end');
		const pageId = new URL(page.url()).pathname.split('/').pop()!;
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		const label = arLabel(pageId);
		// Labels with a name in them ({{iro}}) are checked up to the name.
		await expect(page.getByRole('heading', { level: 1 })).toContainText(label.split('{{')[0]!.trim());
		const kind = await page.locator('main form').last().evaluate((f) => (f.querySelector('textarea') ? 'text' : f.querySelector('input[type=checkbox]') ? 'choices' : String(f.querySelectorAll('input[type=radio]').length)));
		if (!axed.has(kind) || pageId === TYPED_PAGE) {
			axed.add(kind);
			await checked(page);
		}

		if (!readAloud) {
			const button = page.getByRole('button', { name: arCommon['child-ui']!['read-aloud']! });
			if (jsEnabled) {
				await tabTo(page, button);
				await page.keyboard.press('Enter');
				await expect.poll(() => page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken)).toEqual(expect.arrayContaining([{ text: label, lang: 'ar-SA' }]));
			} else {
				await expect(button).toHaveCount(0);
			}
			readAloud = true;
		}

		const form = page.locator('main form').last();
		const radio = form.getByRole('radio');
		const box = form.getByRole('checkbox');
		const area = form.locator('textarea');
		if ((await area.count()) > 0) {
			await tabTo(page, area.first());
			await page.keyboard.type(pageId === TYPED_PAGE ? typed : `${pageId} ✓`);
		} else if ((await box.count()) > 0) {
			await tabTo(page, box.first());
			await page.keyboard.press('Space');
			await expect(box.first()).toBeChecked();
		} else if ((await radio.count()) > 0) {
			// Tab enters a radio group on its first choice when none is chosen; Space chooses it.
			await tabTo(page, radio.first());
			await page.keyboard.press('Space');
			await expect(radio.first()).toBeChecked();
		}

		await tabTo(page, page.getByRole('button', { name: arCommon.app!.continue!, exact: true }));
		if (jsEnabled && pageId === TYPED_PAGE) {
			// The connection drops as the child presses Continue.
			await page.waitForLoadState('networkidle');
			await context.setOffline(true);
			await page.keyboard.press('Enter');
			const status = page.getByTestId('offline-status');
			await expect(status).toContainText(arCommon.offline!['queued-heading']!);
			await expect(page.locator('textarea').first()).toHaveValue(typed);
			expect(answerRows(login, TYPED_PAGE)).toHaveLength(0);
			await checked(page);
			const before = page.url();
			await context.setOffline(false);
			await page.waitForURL((u) => u.href !== before, { timeout: 30_000 });
			await expect(page.getByTestId('offline-status')).toContainText(arCommon.offline!.sent!);
		} else {
			await enterAndWait(page);
		}
	}
	expect(pages).toBeGreaterThan(10);
	expect(readAloud).toBe(true);

	// Check and send, by keyboard.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(arCommon.check!.heading!);
	await checked(page);
	await tabTo(page, page.getByRole('button', { name: arCommon.check!.send! }));
	await enterAndWait(page);
	await expect(page).toHaveURL(/\/sent$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(arCommon.sent!.heading!);
	await checked(page);

	// Sent means stored: the typed answer exactly once, and the consultation sent.
	const rows = answerRows(login, TYPED_PAGE);
	expect(rows).toHaveLength(1);
	expect(JSON.parse(rows[0]!.value)).toEqual({ kind: 'text', text: typed });
	expect(consultationStatus(login)).toBe('submitted');
	await context.close();
});
