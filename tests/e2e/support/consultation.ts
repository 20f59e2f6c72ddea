/**
 * Helpers for issue 4's consultation journeys (`consultations.e2e.ts`): signing in through the real
 * pages, the project's own cast of personas, the English wording to click by (from `forms.json`, so
 * a test clicks what a person reads), and a generic "answer every page" walk that counts taps.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page, TestInfo } from '@playwright/test';
import { latestForm } from '../../../src/lib/forms/registry';
import { isChoiceQuestion, type FormDefinition, type Question } from '../../../src/lib/forms/types';
import { CONSULTATION_PERSONAS, RESPONDENT_PASSPHRASE, STAFF_PASSWORD, type ConsultationCast } from '../../fixtures/personas';
import { expect } from './fixtures';
import { checked, submitAndWait } from './session';

type Wording = { label: string; hint?: string; options?: Record<string, string> };
const FORMS = JSON.parse(readFileSync(fileURLToPath(new URL('../../../src/lib/i18n/locales/en-GB/forms.json', import.meta.url)), 'utf8')) as Record<
	string,
	Record<string, Wording>
>;

/** The names the wording is filled with (DOMAIN §5.8). */
export type Names = { childName: string; iroName: string; carerName: string };

function fill(text: string, names: Names): string {
	return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => (names as Record<string, string>)[k] ?? '');
}

function wording(q: Question): Wording {
	const [form, id] = q.wording.split('.') as [string, string];
	const w = FORMS[form]?.[id];
	if (!w) throw new Error(`no English wording for ${q.wording}`);
	return w;
}

/** A question's English label as the page shows it. */
export function labelOf(q: Question, names: Names): string {
	return fill(wording(q).label, names);
}

/** An option's English label as the page shows it. */
export function optionLabel(q: Question, value: string, names: Names): string {
	const text = wording(q).options?.[value];
	if (text === undefined) throw new Error(`no English label for ${q.wording}.options.${value}`);
	return fill(text, names);
}

export function question(formId: string, id: string): Question {
	const q = latestForm(formId).questions.find((x) => x.id === id);
	if (!q) throw new Error(`${formId} has no question ${id}`);
	return q;
}

/** This project's cast: the JS and no-JS runs never share a respondent or an IRO. */
export function castFor(testInfo: TestInfo): ConsultationCast {
	return CONSULTATION_PERSONAS[testInfo.project.name === 'chromium' ? 'js' : 'nojs'];
}

/** A respondent signs in with their username and passphrase, and lands on their home page. */
export async function signIn(page: Page, username: string, opts: { axe?: boolean } = {}): Promise<void> {
	await page.goto('/sign-in');
	if (opts.axe) await checked(page);
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Passphrase').fill(RESPONDENT_PASSPHRASE);
	await submitAndWait(page, () => page.getByRole('button', { name: 'Sign in' }).click());
	await expect(page).toHaveURL(/\/(me|parent|carer)$/);
}

/** A member of staff signs in with email and password. */
export async function staffSignIn(page: Page, email: string, opts: { axe?: boolean; home?: RegExp } = {}): Promise<void> {
	await page.goto('/sign-in/staff');
	if (opts.axe) await checked(page);
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(STAFF_PASSWORD);
	await submitAndWait(page, () => page.getByRole('button', { name: 'Sign in' }).click());
	await expect(page).toHaveURL(opts.home ?? /\/iro$/);
}

/** The IRO opens a child's pack from the caseload, by the child's name. */
export async function openPack(page: Page, childName: string): Promise<void> {
	if (!/\/iro$/.test(new URL(page.url()).pathname)) await page.goto('/iro');
	const row = page.getByRole('row').filter({ hasText: childName });
	await submitAndWait(page, () => row.getByRole('link', { name: childName }).click());
	await expect(page).toHaveURL(/\/iro\/review\/[a-z2-7]{24}\/pack$/);
}

/** From a respondent's home, "Continue" then "Carry on where I stopped": resumes at the first unanswered page. */
export async function resume(page: Page): Promise<void> {
	await submitAndWait(page, () => page.getByRole('link', { name: 'Continue', exact: true }).click());
	await submitAndWait(page, () => page.getByRole('button', { name: 'Carry on where I stopped' }).click());
}

/** The page id at the end of a question page's URL. */
export function pageIdOf(page: Page): string {
	return new URL(page.url()).pathname.split('/').pop()!;
}

/** The review id in a respondent's URL. */
export function reviewIdOf(page: Page): string {
	return new URL(page.url()).pathname.match(/\/review\/([a-z2-7]{24})\//)![1]!;
}

export interface WalkOptions {
	form: FormDefinition;
	names: Names;
	jsOn: boolean;
	/** Pages checked with axe (the first few of each form, to keep the run short). */
	axePages: number;
	/** Text for a text page; the default is a short line. */
	textFor?: (q: Question, n: number) => string;
	/** Extra assertions on every page, before it is answered. */
	onPage?: (q: Question, n: number) => Promise<void>;
}

/**
 * Answers every page from the current one to check your answers, as a new user would: the first
 * option of a choice list (never "I'd rather not say"), a line of text, a date; an optional drawing is
 * left blank (with JS off the page says drawing needs JavaScript, and Continue skips it).
 * Returns the taps: one per option ticked or field filled, plus one per Continue.
 */
export async function answerEveryPage(page: Page, o: WalkOptions): Promise<number> {
	let taps = 0;
	const progress = page.locator('.app-progress');
	const total = Number((await progress.textContent())!.match(/of (\d+)/)![1]);
	for (let n = 1; n <= total; n++) {
		await expect(progress).toHaveText(`Question ${n} of ${total}`);
		const q = o.form.questions.find((x) => x.id === pageIdOf(page));
		if (!q) throw new Error(`page ${pageIdOf(page)} is not in ${o.form.id} v${o.form.version}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(labelOf(q, o.names));
		if (o.onPage) await o.onPage(q, n);
		if (n <= o.axePages) await checked(page);
		if (isChoiceQuestion(q)) {
			await page.getByRole(q.kind === 'choices' ? 'checkbox' : 'radio', { name: optionLabel(q, q.options[0]!, o.names), exact: true }).check();
			taps++;
		} else if (q.kind === 'text') {
			await page.locator(`textarea#${q.id}`).fill(o.textFor?.(q, n) ?? `Answer ${n} for ${o.form.id}`);
			taps++;
		} else if (q.kind === 'date') {
			await page.locator(`input#${q.id}`).fill(new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10));
			taps++;
		} else if (q.kind === 'drawing') {
			if (o.jsOn) await expect(page.getByRole('img', { name: 'Your drawing' })).toBeVisible();
			else await expect(page.getByText('Drawing needs JavaScript. You can skip this, or write instead.')).toBeVisible();
		}
		await submitAndWait(page, () => page.getByRole('button', { name: 'Continue', exact: true }).click());
		taps++;
	}
	await expect(page).toHaveURL(/\/check$/);
	return taps;
}
