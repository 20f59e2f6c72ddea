/**
 * Issue 4, end to end: every audience answers its form as a new user would; what a child keeps for
 * their IRO never reaches the parent or carer (T1, T3); "not safe" and "I need help now" reach the
 * IRO at once (DOMAIN §5.7); a carer's second report starts from their first; bad input keeps what
 * was typed (SECURITY §7); a double send makes one submission (REL-4); a sent form can be changed
 * until the pack locks. JavaScript on and off, 360 px, axe on the pages each journey reaches.
 *
 * Each project has its own cast (CONSULTATION_PERSONAS): the two runs side by side never share a
 * respondent (SEC-S6) or an IRO's alert list. Tests read the database only to look things up.
 */
import type { Page } from '@playwright/test';
import { latestForm } from '../../src/lib/forms/registry';
import { formatInstant } from '../../src/lib/i18n/format';
import { CONSULTATION_PREVIOUS_CARER_REPORT, type ConsultationAdultName, type ConsultationChildName } from '../fixtures/personas';
import { expect, test } from './support/fixtures';
import {
	answerEveryPage,
	castFor,
	labelOf,
	openPack,
	optionLabel,
	question,
	resume,
	reviewIdOf,
	signIn,
	staffSignIn,
	type Names
} from './support/consultation';
import { checked, personContext, readDb, submitAndWait } from './support/session';

const SEND = 'Send my answers';

/** One row a respondent's consultation has in the database, found by review and kind. */
function consultationRow(reviewId: string, kind: string): { id: string; status: string; submitted_at: number | null } {
	return readDb((db) =>
		db.prepare('select id, status, submitted_at from consultation where review_id = ? and respondent_kind = ?').get(reviewId, kind) as {
			id: string;
			status: string;
			submitted_at: number | null;
		}
	);
}

function auditCount(action: string, consultationId: string): number {
	return readDb(
		(db) =>
			(db.prepare("select count(*) as n from audit_event where action = ? and resource_type = 'consultation' and resource_id = ?").get(action, consultationId) as { n: number }).n
	);
}

/** On check your answers: "Change <question>" opens the page with ?return=check. */
async function changeOnCheck(page: Page, label: string): Promise<void> {
	await submitAndWait(page, () => page.getByRole('link', { name: `Change ${label}`, exact: true }).click());
	await expect(page).toHaveURL(/\?return=check$/);
}

async function saveAndReturn(page: Page): Promise<void> {
	await submitAndWait(page, () => page.getByRole('button', { name: 'Save and go back' }).click());
	await expect(page).toHaveURL(/\/check$/);
}

async function send(page: Page): Promise<void> {
	await submitAndWait(page, () => page.getByRole('button', { name: SEND }).click());
	await expect(page).toHaveURL(/\/sent$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your answers have been sent');
}

// ---------------------------------------------------------------------------------------------
// 1. Each audience completes its form end to end, as a new user would.
// ---------------------------------------------------------------------------------------------

const JOURNEYS: { who: ConsultationChildName | ConsultationAdultName; form: string; title: string }[] = [
	{ who: 'young', form: 'young-person-4-7', title: 'a child of 6, with the adult helping them,' },
	{ who: 'middle', form: 'young-person-8-12', title: 'a child of 10' },
	{ who: 'teen', form: 'young-person-13-plus', title: 'a young person of 15' },
	{ who: 'parent', form: 'parent', title: 'a parent' },
	{ who: 'carer', form: 'carer', title: 'a carer' }
];

for (const j of JOURNEYS) {
	test(`${j.title} answers every page of the ${j.form} form, checks the answers and sends them`, async ({ page, jsEnabled }, testInfo) => {
		test.setTimeout(150_000);
		const cast = castFor(testInfo);
		const adult = j.who in cast.adults ? cast.adults[j.who as ConsultationAdultName] : undefined;
		const child = adult ? cast.children[adult.of] : cast.children[j.who as ConsultationChildName];
		const login = adult ? adult.login : child.login;
		// A child's wording names the carer they live with (Milo's is the cast's carer; Poppy and Tara have none).
		const carerName = !adult && j.who === 'middle' ? cast.adults.carer.displayName : 'the people you live with';
		const names: Names = { childName: child.displayName, iroName: cast.iro.displayName, carerName };
		const form = latestForm(j.form);

		await signIn(page, login, { axe: true });
		await checked(page);
		if (adult) {
			const card = page.locator('.app-card').filter({ hasText: `Review for ${child.displayName}` });
			await expect(card).toContainText('Not started');
			await submitAndWait(page, () => card.getByRole('link', { name: 'Start', exact: true }).click());
		} else {
			await expect(page.getByText('Not started')).toBeVisible();
			await submitAndWait(page, () => page.getByRole('link', { name: 'Start', exact: true }).click());
		}
		await expect(page).toHaveURL(/\/start$/);
		await checked(page);
		await submitAndWait(page, () => page.getByRole('button', { name: 'Start', exact: true }).click());

		let taps = await answerEveryPage(page, {
			form,
			names,
			jsOn: jsEnabled,
			axePages: 3,
			onPage: async (q, n) => {
				if (form.assisted) {
					// A11Y-C6, PRIV-11: the banner on every page; who helped and how come first.
					const banner = page.getByRole('region', { name: 'Helping' });
					await expect(banner).toContainText(`You are helping ${child.displayName}. Let them choose.`);
					if (n === 1) expect(q.id).toBe('who-helped');
					if (n === 2) expect(q.id).toBe('how-helped');
				}
				// A new carer has no earlier report, so nothing is carried forward.
				if (j.form === 'carer') await expect(page.getByText('From your report of')).toHaveCount(0);
			}
		});

		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
		// Every page was answered except the optional drawings, left blank.
		const drawings = form.questions.filter((q) => q.kind === 'drawing').length;
		await expect(page.getByText('Not answered', { exact: true })).toHaveCount(drawings);
		await checked(page);
		await send(page);
		taps++;
		await expect(page.getByText(`${cast.iro.displayName} will read them before your review on`)).toBeVisible();
		await checked(page);
		console.log(`taps ${j.form}: ${taps} (${testInfo.project.name})`);

		const row = consultationRow(reviewIdOf(page), adult ? adult.role : 'young-person');
		expect(row.status).toBe('submitted');
		expect(auditCount('submitted', row.id)).toBe(1);
	});
}

// ---------------------------------------------------------------------------------------------
// 2. "Only my IRO" stays with the IRO; "Everyone at my review" reaches the parent and carer.
// ---------------------------------------------------------------------------------------------

test("a child's 'Only my IRO' answer never reaches the parent or carer, who see only what was shared with everyone", async ({ page, browser }, testInfo) => {
	test.setTimeout(120_000);
	const cast = castFor(testInfo);
	const child = cast.children.sharer;
	const names: Names = { childName: child.displayName, iroName: cast.iro.displayName, carerName: cast.adults.sharerCarer.displayName };
	const tag = testInfo.project.name === 'chromium' ? 'JS' : 'NOJS';
	const iroOnly = `CONS-CANARY-IRO-ONLY-${tag}-5h2w`;
	const everyone = `CONS-CANARY-EVERYONE-${tag}-8d4r`;

	// The child (8–12, every page answered earlier) changes two answers on check your answers.
	await signIn(page, child.login);
	await resume(page);
	await expect(page).toHaveURL(/\/check$/);
	const reviewId = reviewIdOf(page);
	await changeOnCheck(page, labelOf(question('young-person-8-12', 'since-good'), names));
	await page.locator('textarea#since-good').fill(everyone);
	await page.getByRole('radio', { name: 'Everyone at my review' }).check();
	await saveAndReturn(page);
	await changeOnCheck(page, labelOf(question('young-person-8-12', 'anything-else'), names));
	await page.locator('textarea#anything-else').fill(iroOnly);
	await expect(page.getByRole('radio', { name: 'Only my IRO' })).toBeChecked();
	await saveAndReturn(page);
	const everyoneRow = page.locator('.govuk-summary-list__row').filter({ hasText: everyone });
	await expect(everyoneRow).toContainText('Everyone at my review');
	await expect(page.locator('.govuk-summary-list__row').filter({ hasText: iroOnly })).toContainText('Only my IRO');
	await send(page);

	for (const who of ['sharerParent', 'sharerCarer'] as const) {
		const adult = cast.adults[who];
		const p = await personContext(browser, testInfo);
		await signIn(p.page, adult.login);
		await submitAndWait(p.page, () => p.page.getByRole('link', { name: `What ${child.displayName} shared with everyone` }).click());
		await expect(p.page).toHaveURL(new RegExp(`/${adult.role}/review/${reviewId}/shared$`));
		await expect(p.page.getByRole('heading', { level: 1 })).toHaveText(`What ${child.displayName} shared`);
		await expect(p.page.getByText(everyone)).toBeVisible();
		// T1, T3: not in the page, its markup, or its data, and nor is anything else the child kept private.
		const html = await p.page.content();
		expect(html).not.toContain(iroOnly);
		expect(html).not.toContain('Seeded answer to');
		const data = await p.page.request.get(`/${adult.role}/review/${reviewId}/shared/__data.json`);
		expect(data.status()).toBe(200);
		const body = await data.text();
		expect(body).toContain(everyone);
		expect(body).not.toContain(iroOnly);
		await checked(p.page);
		await p.context.close();
	}

	const iro = await personContext(browser, testInfo);
	await staffSignIn(iro.page, cast.iro.login);
	await openPack(iro.page, child.displayName);
	await expect(iro.page.getByText(everyone)).toBeVisible();
	await expect(iro.page.getByText(iroOnly)).toBeVisible();
	await expect(iro.page.locator('.govuk-summary-list__row').filter({ hasText: iroOnly })).toContainText('Shared with: only the IRO');
	await expect(iro.page.locator('.govuk-summary-list__row').filter({ hasText: everyone })).toContainText('Shared with: everyone at the review');
	await checked(iro.page);
	await iro.context.close();
});

// ---------------------------------------------------------------------------------------------
// 3. "Not safe" and "I need help now" reach the IRO at once.
// ---------------------------------------------------------------------------------------------

test("'No' to feeling safe shows 999 and Childline and alerts the IRO, who acknowledges it; 'I need help now' twice makes one alert", async ({ page, browser }, testInfo) => {
	test.setTimeout(120_000);
	const cast = castFor(testInfo);
	const child = cast.children.unsafe;
	const iroName = cast.iro.displayName;

	await signIn(page, child.login);
	await resume(page);
	await expect(page).toHaveURL(/\/home-safe$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Do you feel safe where you live?');
	await page.getByRole('radio', { name: 'No', exact: true }).check();
	await submitAndWait(page, () => page.getByRole('button', { name: 'Continue', exact: true }).click());

	// DOMAIN §5.7: what the child sees at once.
	await expect(page).toHaveURL(/\/me\/help(\?|$)/);
	// D11: nothing in the address (and so the phone's history) says an alert was raised.
	expect(new URL(page.url()).search).toBe("");
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('We have told someone');
	await expect(page.getByText('In danger right now? Call 999.')).toBeVisible();
	await expect(page.getByRole('link', { name: '999', exact: true })).toHaveAttribute('href', 'tel:999');
	await expect(page.getByText('Childline, free, any time: 0800 1111.')).toBeVisible();
	await expect(page.getByRole('link', { name: '0800 1111' })).toHaveAttribute('href', 'tel:08001111');
	await expect(page.getByText(`${iroName} and the duty team will see this. They work Monday to Friday, 9am to 5pm. Before then, call Childline or 999.`)).toBeVisible();
	await checked(page);
	const childId = readDb((db) => (db.prepare('select id from child where preferred_name = ?').get(child.displayName) as { id: string }).id);
	const openAlerts = () =>
		readDb((db) => db.prepare('select source, question_id from safety_alert where child_id = ? and acknowledged_at is null').all(childId) as { source: string; question_id: string | null }[]);
	expect(openAlerts()).toEqual([{ source: 'answer', question_id: 'home-safe' }]);

	// The IRO sees the alert with the child's name at the top of their caseload, and acknowledges it.
	const iro = await personContext(browser, testInfo);
	await staffSignIn(iro.page, cast.iro.login);
	const alert = iro.page.locator('.app-alert').filter({ hasText: child.displayName });
	await expect(iro.page.getByRole('heading', { name: '1 safety alert to acknowledge' })).toBeVisible();
	await expect(alert).toContainText(`${child.displayName}: answered that they do not feel safe.`);
	await expect(iro.page.getByRole('row').filter({ hasText: child.displayName })).toContainText('Safety alert');
	await checked(iro.page);
	await alert.getByRole('button', { name: `Acknowledge ${child.displayName}` }).click();
	await expect(alert).toHaveCount(0);
	await expect(iro.page.getByRole('row').filter({ hasText: child.displayName })).not.toContainText('Safety alert');
	expect(openAlerts()).toEqual([]);
	await checked(iro.page);

	// "I need help now" from a question page, then again from home within 10 minutes: one open alert.
	await submitAndWait(page, () => page.getByRole('link', { name: 'Go back to where you were' }).click());
	await expect(page).toHaveURL(/\/review\/[a-z2-7]{24}\/family-time$/);
	await submitAndWait(page, () => page.getByRole('button', { name: 'I need help now' }).click());
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('We have told someone');
	await expect(page.getByText(`We have told ${iroName} that you need help.`)).toBeVisible();
	await page.goto('/me');
	await submitAndWait(page, () => page.getByRole('button', { name: 'I need help now' }).click());
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('We have told someone');
	expect(openAlerts()).toEqual([{ source: 'help-now', question_id: null }]);

	await iro.page.goto('/iro');
	await expect(iro.page.getByRole('heading', { name: '1 safety alert to acknowledge' })).toBeVisible();
	await expect(alert).toHaveCount(1);
	await expect(alert).toContainText(`${child.displayName}: pressed “I need help now”.`);
	await iro.context.close();
});

// ---------------------------------------------------------------------------------------------
// 4. A carer's second report starts from their first.
// ---------------------------------------------------------------------------------------------

test("a carer's second review starts pre-filled from their own earlier report, and Continue keeps it", async ({ page }, testInfo) => {
	test.setTimeout(90_000);
	const cast = castFor(testInfo);
	const carer = cast.adults.returningCarer;
	const child = cast.children[carer.of];
	const names: Names = { childName: child.displayName, iroName: cast.iro.displayName, carerName: '' };
	const earlier = CONSULTATION_PREVIOUS_CARER_REPORT.answers;
	const sentAt = readDb(
		(db) =>
			(db.prepare("select c.submitted_at as at from consultation c join app_user u on u.id = c.respondent_id where u.username = ? and c.status = 'submitted'").get(carer.login) as { at: number }).at
	);
	const carried = `From your report of ${formatInstant(sentAt, 'en-GB')}. Change it only if something has changed.`;

	await signIn(page, carer.login);
	const card = page.locator('.app-card').filter({ hasText: `Review for ${child.displayName}` });
	await submitAndWait(page, () => card.getByRole('link', { name: 'Start', exact: true }).click());
	await submitAndWait(page, () => page.getByRole('button', { name: 'Start', exact: true }).click());

	// The first carried-forward page: the role chosen last time, with where it came from.
	await expect(page).toHaveURL(/\/carer-role$/);
	await expect(page.getByText(carried)).toBeVisible();
	await expect(page.getByRole('radio', { name: optionLabel(question('carer', 'carer-role'), earlier['carer-role']!, names) })).toBeChecked();
	await checked(page);
	await submitAndWait(page, () => page.getByRole('button', { name: 'Continue', exact: true }).click());
	// Asked afresh each time: not carried forward.
	await expect(page).toHaveURL(/\/supervising-helped$/);
	await expect(page.getByText('From your report of')).toHaveCount(0);
	await page.getByRole('radio', { name: 'No', exact: true }).check();
	await submitAndWait(page, () => page.getByRole('button', { name: 'Continue', exact: true }).click());

	// The first carried-forward text: the earlier answer in the field.
	await expect(page).toHaveURL(/\/settling$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(labelOf(question('carer', 'settling'), names));
	await expect(page.getByText(carried)).toBeVisible();
	await expect(page.locator('textarea#settling')).toHaveValue(earlier.settling!);
	await checked(page);
	await submitAndWait(page, () => page.getByRole('button', { name: 'Continue', exact: true }).click());
	await expect(page).toHaveURL(/\/health$/);
	await expect(page.locator('textarea#health')).toHaveValue(earlier.health!);

	// Back to it: now it is this report's own answer, unchanged.
	await submitAndWait(page, () => page.getByRole('link', { name: 'Back', exact: true }).click());
	await expect(page).toHaveURL(/\/settling$/);
	await expect(page.locator('textarea#settling')).toHaveValue(earlier.settling!);
	await expect(page.getByText('From your report of')).toHaveCount(0);
	const row = consultationRow(reviewIdOf(page), 'carer');
	const saved = readDb((db) => db.prepare("select value from answer where consultation_id = ? and question_id = 'settling'").get(row.id) as { value: string });
	expect(JSON.parse(saved.value)).toEqual({ kind: 'text', text: earlier.settling });
});

// ---------------------------------------------------------------------------------------------
// 5. Bad input: a clear message by the field, an error summary, nothing lost; markup stays text.
// ---------------------------------------------------------------------------------------------

test('bad input gets a translated message by the field and a summary, keeps what was typed, and markup, emoji and Arabic are kept as text', async ({ page, browser, jsEnabled }, testInfo) => {
	test.setTimeout(120_000);
	const cast = castFor(testInfo);
	const child = cast.children.bad;
	const names: Names = { childName: child.displayName, iroName: cast.iro.displayName, carerName: '' };
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});

	// A required question left empty (every other page was answered earlier).
	await signIn(page, child.login);
	await resume(page);
	await expect(page).toHaveURL(/\/home-safe$/);
	const progress = await page.locator('.app-progress').textContent();
	await page.getByRole('button', { name: 'Continue', exact: true }).click();
	await expect(page.locator('.govuk-error-summary')).toContainText('There is a problem');
	await expect(page.locator('.govuk-error-summary').getByRole('link', { name: "Choose an answer, or choose I'd rather not say" })).toHaveAttribute('href', '#home-safe');
	await expect(page.locator('#home-safe-error')).toHaveText("Error: Choose an answer, or choose I'd rather not say");
	await expect(page).toHaveTitle(/^Error: /);
	await expect(page.locator('.app-progress')).toHaveText(progress!);
	await checked(page);
	await page.getByRole('radio', { name: 'Yes', exact: true }).check();
	await submitAndWait(page, () => page.getByRole('button', { name: 'Continue', exact: true }).click());
	await expect(page).toHaveURL(/\/safe-out$/);

	// Nothing answered earlier was lost: check your answers still has it all.
	await page.goto(page.url().replace(/\/safe-out$/, '/check'));
	await expect(page.getByText('Seeded answer to anything-else')).toBeVisible();
	const anythingElse = labelOf(question('young-person-13-plus', 'anything-else'), names);
	await changeOnCheck(page, anythingElse);
	const field = page.locator('textarea#anything-else');
	await page.getByRole('radio', { name: 'Everyone at my review' }).check();

	// Over the limit: 2,001 characters.
	const tooLong = 'a'.repeat(1993) + ' 🙂 end!!';
	expect([...tooLong].length).toBe(2001);
	await field.fill(tooLong);
	await page.getByRole('button', { name: 'Save and go back' }).click();
	// A11Y-2: with JS the summary takes focus (without JS the new page starts at the top, where it is).
	if (jsEnabled) await expect(page.locator('.govuk-error-summary')).toBeFocused();
	await expect(page.locator('#anything-else-error')).toHaveText(/^Error: Your answer is 2,?001 characters\. It can be up to 2,?000\.$/);
	await expect(page.locator('.govuk-error-summary').getByRole('link', { name: /Your answer is 2,?001 characters/ })).toHaveAttribute('href', '#anything-else');
	await expect(page).toHaveTitle(/^Error: /);
	await expect(page).toHaveURL(/\/anything-else\?return=check$/);
	await expect(field).toHaveValue(tooLong);
	await expect(page.getByRole('radio', { name: 'Everyone at my review' })).toBeChecked();
	await checked(page);

	// A control character (BEL) is refused with its own message; the text stays.
	const withBell = 'Before\u0007after';
	await field.fill(withBell);
	await page.getByRole('button', { name: 'Save and go back' }).click();
	await expect(page.locator('#anything-else-error')).toHaveText("Error: Your answer has a hidden character we can't save. Try typing it again instead of pasting it.");
	await expect(field).toHaveValue(withBell);
	await expect(page.getByRole('radio', { name: 'Everyone at my review' })).toBeChecked();

	// Script and HTML, emoji (with a ZWJ family) and right-to-left text: saved, shown as text.
	const tricky = '<script>alert(1)</script> <b>bold</b> 🎨👩‍👩‍👧 مرحبا بالعالم';
	await field.fill(tricky);
	await saveAndReturn(page);
	const shown = page.locator('.app-answer', { hasText: tricky });
	await expect(shown).toHaveText(tricky);
	await expect(shown).toHaveAttribute('dir', 'auto');
	await expect(page.locator('.govuk-summary-list b, .govuk-summary-list script')).toHaveCount(0);
	await expect(page.locator('.govuk-summary-list__row').filter({ hasText: tricky })).toContainText('Everyone at my review');
	await checked(page);
	await send(page);
	expect(dialogs).toEqual([]);

	const iro = await personContext(browser, testInfo);
	await staffSignIn(iro.page, cast.iro.login);
	await openPack(iro.page, child.displayName);
	const inPack = iro.page.locator('.app-answer', { hasText: tricky });
	await expect(inPack).toHaveText(tricky);
	await expect(inPack).toHaveAttribute('dir', 'auto');
	await expect(iro.page.locator('.app-respondent b, .app-respondent script')).toHaveCount(0);
	await checked(iro.page);
	await iro.context.close();
	expect(dialogs).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// 6. Double-click and retry of Send make one submission.
// ---------------------------------------------------------------------------------------------

test('a double click on Send and a retry with the same idempotency key make exactly one submission', async ({ page, browser }, testInfo) => {
	test.setTimeout(90_000);
	const cast = castFor(testInfo);
	const child = cast.children.double;

	await signIn(page, child.login);
	await resume(page);
	await expect(page).toHaveURL(/\/check$/);
	const checkUrl = page.url();
	const reviewId = reviewIdOf(page);
	const key = await page.locator('input[name=idempotency_key]').inputValue();
	expect(key).toMatch(/^[0-9a-f-]{36}$/);

	// A double tap (JS: the page ignores the second; no JS: the browser may post twice).
	await page.getByRole('button', { name: SEND }).dblclick();
	await page.waitForURL(/\/sent$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your answers have been sent');

	// Retries of the same post, one after another and at once (a flaky network, a Back and resend).
	const origin = new URL(checkUrl).origin;
	const retry = () =>
		page.request.post(`${checkUrl}?/send`, {
			form: { idempotency_key: key },
			headers: { origin, accept: 'text/html' },
			maxRedirects: 0
		});
	const replies = [await retry(), ...(await Promise.all([retry(), retry()]))];
	for (const r of replies) {
		expect(r.status()).toBe(303);
		expect(r.headers().location).toBe(`/me/review/${reviewId}/sent`);
	}

	const row = consultationRow(reviewId, 'young-person');
	expect(row.status).toBe('submitted');
	expect(auditCount('submitted', row.id)).toBe(1);
	const keys = readDb((db) => (db.prepare("select count(*) as n from idempotency_key where key = ? and action = 'send'").get(key) as { n: number }).n);
	expect(keys).toBe(1);

	const iro = await personContext(browser, testInfo);
	await staffSignIn(iro.page, cast.iro.login);
	await expect(iro.page.getByRole('row').filter({ hasText: child.displayName })).toContainText('Young person: Sent');
	await openPack(iro.page, child.displayName);
	await expect(iro.page.getByRole('heading', { level: 2, name: `${child.displayName} (Young person)` })).toHaveCount(1);
	await expect(iro.page.getByText('changed after sending')).toHaveCount(0);
	await iro.context.close();
});

// ---------------------------------------------------------------------------------------------
// 7. Change after sending, until the pack locks.
// ---------------------------------------------------------------------------------------------

test('after sending, "Change my answers" reopens check your answers; the resent answer is in the pack, marked as changed', async ({ page, browser }, testInfo) => {
	test.setTimeout(90_000);
	const cast = castFor(testInfo);
	const child = cast.children.changer;
	const names: Names = { childName: child.displayName, iroName: cast.iro.displayName, carerName: '' };
	const changed = `Changed after sending: I'd like my meeting after school (${testInfo.project.name}).`;

	await signIn(page, child.login);
	await resume(page);
	await expect(page).toHaveURL(/\/check$/);
	const reviewId = reviewIdOf(page);
	await send(page);
	await expect(page.getByText('You can change your answers until the pack for your review is ready.')).toBeVisible();
	await checked(page);

	await submitAndWait(page, () => page.getByRole('button', { name: 'Change my answers' }).click());
	await expect(page).toHaveURL(/\/check$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
	await checked(page);
	await changeOnCheck(page, labelOf(question('young-person-13-plus', 'anything-else'), names));
	await expect(page.locator('textarea#anything-else')).toHaveValue('Seeded answer to anything-else');
	await page.locator('textarea#anything-else').fill(changed);
	await saveAndReturn(page);
	await expect(page.getByText(changed)).toBeVisible();
	await send(page);

	const row = consultationRow(reviewId, 'young-person');
	expect(row.status).toBe('submitted');
	expect(auditCount('submitted', row.id)).toBe(2);
	expect(auditCount('reopened', row.id)).toBe(1);

	const iro = await personContext(browser, testInfo);
	await staffSignIn(iro.page, cast.iro.login);
	await openPack(iro.page, child.displayName);
	const section = iro.page.locator('.app-respondent').filter({ hasText: `${child.displayName} (Young person)` });
	await expect(section).toContainText(changed);
	await expect(section).not.toContainText('Seeded answer to anything-else');
	await expect(section).toContainText('changed after sending (1 earlier version kept)');
	await checked(iro.page);
	await iro.context.close();
});

test('a young person who sent their answers and comes back later can reach "Change my answers" from home', async ({ page }, testInfo) => {
	const child = castFor(testInfo).children.returner;
	await signIn(page, child.login);
	await resume(page);
	await expect(page).toHaveURL(/\/check$/);
	await send(page);

	// Later: home says "Sent" and offers "See what you sent", which must lead back to the sent page.
	await page.goto('/me');
	await expect(page.getByText('Sent', { exact: true })).toBeVisible();
	await submitAndWait(page, () => page.getByRole('link', { name: 'See what you sent' }).click());
	await expect(page).toHaveURL(/\/sent$/);
	await expect(page.getByRole('button', { name: 'Change my answers' })).toBeVisible();
});
