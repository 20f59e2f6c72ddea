/**
 * Issues 3 and 5, the whole review cycle end to end, as new users would do it: an admin sets up an
 * IRO and a child and books the meeting (invitations go out); the young person activates and
 * answers (leaving half-way and resuming), the carer answers and sends, the parent signs in; the
 * allocated IRO reads the pack with both, records the meeting (the code is suggested from the
 * facts), confirms the code, records a decision and sends the decisions and the child's report;
 * the next review is set up; the child reads the report and reacts, and the IRO sees it. Runs with
 * JavaScript on and off, at 360 px, with axe on every page visited.
 */
import { addWorkingDays, londonDate } from '../../src/lib/domain/calendar';
import { firstReviewDue, secondReviewDue } from '../../src/lib/domain/review-schedule';
import { latestForm } from '../../src/lib/forms/registry';
import { PERSONAS, STAFF_PASSWORD } from '../fixtures/personas';
import { expect, test } from './support/fixtures';
import { answerEveryPage } from './support/consultation';
import { checked, personContext, readDb, submitAndWait, uniqueSuffix } from './support/session';

const longDate = (iso: string) =>
	new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso + 'T00:00:00Z'));

function yearsAgo(years: number): string {
	const d = new Date();
	d.setUTCFullYear(d.getUTCFullYear() - years);
	d.setUTCDate(d.getUTCDate() - 20);
	return d.toISOString().slice(0, 10);
}

test.describe.configure({ mode: 'serial' });

test('the whole cycle: an admin sets up a child, the child and carer answer, the IRO reads the pack, records the meeting and decisions, and the child reads and reacts', async ({ browser, page }, testInfo) => {
	test.setTimeout(480_000);
	const jsOn = testInfo.project.use.javaScriptEnabled !== false;
	const suffix = uniqueSuffix(testInfo);
	const childName = `Sam${suffix}`;
	const iroEmail = `iro-${suffix}@example.test`;
	const lookedAfter = '2026-11-02';
	const meeting = addWorkingDays(londonDate(Date.now()), 12);

	// --- Admin signs in and makes an IRO -------------------------------------------------------
	await page.goto('/sign-in/staff');
	await checked(page);
	await page.getByLabel('Email address').fill(PERSONAS.admin.login);
	await page.getByLabel('Password').fill(STAFF_PASSWORD);
	await submitAndWait(page, () => page.getByRole('button', { name: 'Sign in' }).click());
	await expect(page).toHaveURL(/\/admin$/);
	await checked(page);

	await page.getByRole('link', { name: 'Add a member of staff' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add a member of staff');
	// Bad input: an empty form shows the error summary, an "Error: " title, and keeps nothing lost.
	await page.getByLabel('Full name').fill(`Rowan ${suffix}`);
	await page.getByRole('button', { name: 'Add and create a code' }).click();
	await expect(page.getByText('There is a problem')).toBeVisible();
	await expect(page).toHaveTitle(/^Error: /);
	await expect(page.getByLabel('Full name')).toHaveValue(`Rowan ${suffix}`);
	await checked(page);
	await page.getByLabel('IRO', { exact: true }).check();
	await page.getByLabel('Work email address').fill(iroEmail);
	await page.getByRole('button', { name: 'Add and create a code' }).click();
	const iroCode = (await page.getByTestId('activation-code').textContent())!.trim();
	expect(iroCode).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
	await checked(page);

	console.log(`slice (${testInfo.project.name}): Admin adds the child`);
	// --- Admin adds the child; the first review's due date is computed (20 working days) --------
	await page.goto('/admin/children/new');
	await checked(page);
	await page.getByLabel('The name they like to be called').fill(childName);
	await page.getByLabel('Date of birth').fill(yearsAgo(14));
	await page.getByLabel('Date they became looked after').fill(lookedAfter);
	await submitAndWait(page, () => page.getByRole('button', { name: 'Add child' }).click());
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(childName);
	await expect(page.getByTestId('review-due')).toHaveText(longDate(firstReviewDue(lookedAfter)));
	await checked(page);
	const childUrl = page.url();

	await page.getByLabel('Allocated IRO').selectOption({ label: `Rowan ${suffix}` });
	await page.getByRole('button', { name: 'Allocate' }).click();
	await expect(page.getByText('The IRO has been allocated.')).toBeVisible();

	for (const [who, name] of [['parent', `Jo${suffix}`], ['carer', `Pat${suffix}`]] as const) {
		const form = page.locator('form').filter({ has: page.locator(`input[name=relation][value=${who}]`) });
		await form.getByLabel('Name').fill(name);
		if (who === 'parent') await form.getByLabel('Yes').check();
		await form.locator('input[name=startsOn]').fill('2025-01-06');
		await form.getByRole('button', { name: `Add a ${who}` }).click();
		await expect(page.getByText(`The ${who} has been added.`)).toBeVisible();
	}
	await page.getByLabel('Date', { exact: true }).fill(meeting);
	await page.getByLabel('Time (optional)').fill('16:00');
	await page.getByRole('button', { name: 'Book meeting' }).click();
	await expect(page.getByText('The meeting is booked and everyone has been invited.')).toBeVisible();
	await checked(page);

	const codes: Record<string, string> = {};
	for (const name of [childName, `Jo${suffix}`, `Pat${suffix}`]) {
		await page.goto(childUrl);
		await page.getByRole('button', { name: `Create a code ${name}` }).click();
		await expect(page.getByText(`Code for ${name}:`)).toBeVisible();
		codes[name] = (await page.getByTestId('activation-code').textContent())!.trim();
	}
	await checked(page);
	await submitAndWait(page, () => page.getByRole('button', { name: 'Sign out' }).click());

	console.log(`slice (${testInfo.project.name}): The IRO activates`);
	// --- The IRO activates with their code and chooses a password ----------------------------
	const iro = await personContext(browser, testInfo);
	await activate(iro.page, iroCode.toLowerCase().replace('-', ' '), 'a long iro password 42');
	await expect(iro.page.getByText('sign in with your email address')).toBeVisible();

	console.log(`slice (${testInfo.project.name}): The young person activates`);
	// --- The young person activates, answers three questions, leaves, and resumes -------------
	const yp = await personContext(browser, testInfo);
	await activate(yp.page, codes[childName]!, 'purple otters like rain');
	const username = (await yp.page.locator('.app-username').textContent())!.trim();
	expect(username).toMatch(/^[a-z]+-[a-z]+-\d{2}$/);
	await submitAndWait(yp.page, () => yp.page.getByRole('link', { name: 'Continue' }).click());
	await expect(yp.page).toHaveURL(/\/me$/);
	await expect(yp.page.getByText(`The meeting is on ${longDate(meeting)}`)).toBeVisible();
	await checked(yp.page);
	await submitAndWait(yp.page, () => yp.page.getByRole('link', { name: 'Start' }).click());
	await checked(yp.page);
	await submitAndWait(yp.page, () => yp.page.getByRole('button', { name: 'Start' }).click());

	const total = Number((await yp.page.locator('.app-progress').textContent())!.match(/of (\d+)/)![1]);
	expect(total).toBeGreaterThan(20);
	for (let n = 1; n <= 3; n++) await answerCurrent(yp.page, n);
	await expect(yp.page.locator('.app-progress')).toHaveText(`Question 4 of ${total}`);
	await submitAndWait(yp.page, () => yp.page.getByRole('button', { name: 'Sign out' }).click());
	await expect(yp.page.getByRole('heading', { level: 1 })).toHaveText('You have signed out');

	await yp.page.goto('/sign-in');
	await yp.page.getByLabel('Username').fill(username);
	await yp.page.getByLabel('Passphrase').fill('purple otters like rain');
	await submitAndWait(yp.page, () => yp.page.getByRole('button', { name: 'Sign in' }).click());
	await expect(yp.page.getByText('Started')).toBeVisible();
	await submitAndWait(yp.page, () => yp.page.getByRole('link', { name: 'Continue' }).click());
	await submitAndWait(yp.page, () => yp.page.getByRole('button', { name: 'Carry on where I stopped' }).click());
	// REL-1: sign-in resumes at the first unanswered page, with 1–3 kept.
	await expect(yp.page.locator('.app-progress')).toHaveText(`Question 4 of ${total}`);

	for (let n = 4; n <= total; n++) await answerCurrent(yp.page, n);
	await expect(yp.page).toHaveURL(/\/check$/);
	await expect(yp.page.getByText('I love <b>drawing</b> 🎨🏳️‍🌈')).toBeVisible();
	await checked(yp.page);
	await submitAndWait(yp.page, () => yp.page.getByRole('button', { name: 'Send my answers' }).click());
	await expect(yp.page.getByRole('heading', { level: 1 })).toHaveText('Your answers have been sent');
	await checked(yp.page);
	// Back after sending lands on "sent", never on an editable page again.
	await yp.page.goBack();
	await yp.page.reload();
	await expect(yp.page).toHaveURL(/\/sent$/);

	console.log(`slice (${testInfo.project.name}): Parent and carer activate`);
	// --- Parent and carer activate and see their invitation; the carer answers and sends -----
	for (const [who, name] of [['parent', `Jo${suffix}`], ['carer', `Pat${suffix}`]] as const) {
		const p = await personContext(browser, testInfo);
		await activate(p.page, codes[name]!, `a safe ${who} passphrase`);
		await submitAndWait(p.page, () => p.page.getByRole('link', { name: 'Continue' }).click());
		await expect(p.page).toHaveURL(new RegExp(`/${who}$`));
		await expect(p.page.getByText(`Review for ${childName}`)).toBeVisible();
		await checked(p.page);
		if (who === 'carer') {
			const card = p.page.locator('.app-card').filter({ hasText: `Review for ${childName}` });
			await submitAndWait(p.page, () => card.getByRole('link', { name: 'Start', exact: true }).click());
			await submitAndWait(p.page, () => p.page.getByRole('button', { name: 'Start', exact: true }).click());
			await answerEveryPage(p.page, { form: latestForm('carer'), names: { childName, iroName: `Rowan ${suffix}`, carerName: '' }, jsOn, axePages: 1 });
			await submitAndWait(p.page, () => p.page.getByRole('button', { name: 'Send my answers' }).click());
			await expect(p.page.getByRole('heading', { level: 1 })).toHaveText('Your answers have been sent');
			await checked(p.page);
		}
		await p.context.close();
	}

	console.log(`slice (${testInfo.project.name}): The allocated IRO reads`);
	// --- The allocated IRO reads the caseload and the pack ----------------------------------
	await iro.page.goto('/sign-in/staff');
	await iro.page.getByLabel('Email address').fill(iroEmail);
	await iro.page.getByLabel('Password').fill('a long iro password 42');
	await submitAndWait(iro.page, () => iro.page.getByRole('button', { name: 'Sign in' }).click());
	await expect(iro.page).toHaveURL(/\/iro$/);
	const row = iro.page.getByRole('row').filter({ hasText: childName });
	await expect(row).toContainText('Young person: Sent');
	await expect(row).toContainText('Parent: Not started');
	await expect(row).toContainText('Carer: Sent');
	await checked(iro.page);
	await submitAndWait(iro.page, () => row.getByRole('link', { name: childName }).click());
	await expect(iro.page.getByRole('heading', { level: 1 })).toHaveText(`${childName}, 14`);
	await expect(iro.page.getByText('Is there anything else you want your IRO to know?')).toBeVisible();
	// SEC-C5: what the child typed is shown as text, never as markup.
	await expect(iro.page.getByText('I love <b>drawing</b> 🎨🏳️‍🌈').first()).toBeVisible();
	await expect(iro.page.getByText(`Jo${suffix} (Parent), invited`)).toBeVisible();
	await expect(iro.page.locator('.app-respondent').filter({ hasText: `Pat${suffix}` })).toBeVisible();
	await checked(iro.page);
	const reviewId = iro.page.url().match(/review\/([a-z2-7]{24})\/pack/)![1]!;
	// SEC-L2: one pack view, one audit row.
	const views = readDb((db) => db.prepare("select count(*) as n from audit_event where action = 'view' and resource_type = 'pack' and resource_id = ?").get(reviewId) as { n: number });
	expect(views.n).toBe(1);

	// An IRO who is not allocated gets 404, exactly like a missing review (D14).
	const other = await personContext(browser, testInfo);
	await other.page.goto('/sign-in/staff');
	await other.page.getByLabel('Email address').fill(PERSONAS.iro2.login);
	await other.page.getByLabel('Password').fill(STAFF_PASSWORD);
	await submitAndWait(other.page, () => other.page.getByRole('button', { name: 'Sign in' }).click());
	const denied = await other.page.goto(`/iro/review/${reviewId}/pack`);
	expect(denied?.status()).toBe(404);
	await expect(other.page.getByText(childName)).toHaveCount(0);
	await other.context.close();

	console.log(`slice (${testInfo.project.name}): After the meeting:`);
	// --- After the meeting: facts → suggested code → decisions → the child's report -----------
	const today = londonDate(Date.now());
	const reviewPath = `/iro/review/${reviewId}`;
	await iro.page.goto(`${reviewPath}/meeting`);
	await iro.page.getByLabel('Date of the meeting').fill(today);
	await iro.page.getByRole('group', { name: `Did ${childName} come to any part of the meeting?` }).getByRole('radio', { name: 'No', exact: true }).check();
	await expect(iro.page.getByRole('checkbox', { name: 'They sent their views in My Review' })).toBeChecked();
	await iro.page.getByRole('button', { name: 'Save the facts' }).click();
	await expect(iro.page.getByTestId('suggested-code')).toContainText('PN6');
	await checked(iro.page);
	await iro.page.getByRole('button', { name: 'Confirm the code' }).click();
	await expect(iro.page.getByTestId('after-meeting')).toContainText('PN6, confirmed');

	await iro.page.goto(`${reviewPath}/decisions`);
	await iro.page.getByRole('textbox', { name: 'Decision or action' }).fill('You will start drama club on Thursdays.');
	await iro.page.getByRole('textbox', { name: 'Who will do it' }).fill('Carer');
	await iro.page.getByLabel('By when', { exact: true }).fill(addWorkingDays(today, 10));
	await iro.page.getByRole('button', { name: 'Add the decision' }).click();
	await expect(iro.page.locator('section.app-card')).toContainText('You will start drama club on Thursdays.');
	await iro.page.getByRole('button', { name: 'Mark the decisions as sent' }).click();
	await expect(iro.page.getByText(/^The decisions were sent on /)).toBeVisible();
	await iro.page.goto(`${reviewPath}/report`);
	await iro.page.getByLabel(`Your report to ${childName}`).fill(`Dear ${childName}, thank you for your answers. We decided you will start drama club.`);
	await iro.page.getByRole('button', { name: `Send to ${childName}` }).click();
	await expect(iro.page.getByTestId('report-sent')).toBeVisible();
	await checked(iro.page);

	// The next review exists, due 3 months after this first one was held (reg. 33, DOMAIN §3.1).
	const next = readDb((db) => db.prepare('select r.due_date as due, r.status from review r join review h on h.child_id = r.child_id where h.id = ? and r.sequence = 2').get(reviewId) as { due: string; status: string });
	expect(next).toEqual({ due: secondReviewDue(today), status: 'planned' });

	console.log(`slice (${testInfo.project.name}): The child reads their report`);
	// --- The child reads their report and agrees with the decision; the IRO sees it ----------
	await yp.page.goto('/sign-in');
	await yp.page.getByLabel('Username').fill(username);
	await yp.page.getByLabel('Passphrase').fill('purple otters like rain');
	await submitAndWait(yp.page, () => yp.page.getByRole('button', { name: 'Sign in' }).click());
	await expect(yp.page.getByRole('heading', { level: 2, name: 'Your last review' })).toBeVisible();
	await expect(yp.page.getByRole('heading', { level: 2, name: 'How did your review go?' })).toBeVisible();
	await checked(yp.page);
	await submitAndWait(yp.page, () => yp.page.getByRole('link', { name: 'Read your report from your meeting' }).click());
	await expect(yp.page.getByTestId('report-body')).toContainText('drama club');
	const card = yp.page.locator('section.app-card').first();
	await card.getByRole('radio', { name: 'I agree' }).check();
	await card.getByRole('button', { name: /^Send/ }).click();
	await expect(yp.page.locator('section.app-card').first().getByTestId('my-reaction')).toHaveText('You said: I agree');
	await checked(yp.page);
	await iro.page.goto(`${reviewPath}/report`);
	await expect(iro.page.getByTestId('reactions')).toContainText('Agrees');
	for (const c of [iro, yp]) await c.context.close();
});

async function activate(page: import('@playwright/test').Page, code: string, secret: string): Promise<void> {
	await page.goto('/activate');
	await checked(page);
	await page.getByLabel('Enter your code').fill(code);
	await submitAndWait(page, () => page.getByRole('button', { name: 'Continue' }).click());
	await expect(page).toHaveURL(/\/activate\/passphrase$/);
	await checked(page);
	// Bad input first: too short is refused with a message by the field.
	await page.locator('#passphrase').fill('short');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.locator('#passphrase-error')).toBeVisible();
	await checked(page);
	await page.locator('#passphrase').fill(secret);
	await submitAndWait(page, () => page.getByRole('button', { name: 'Continue' }).click());
	await expect(page).toHaveURL(/\/activate\/done$/);
	await checked(page);
}

/** Answers the question on screen (the first choice, or some text), checks axe, and continues. */
async function answerCurrent(page: import('@playwright/test').Page, n: number): Promise<void> {
	await expect(page.locator('.app-progress')).toHaveText(new RegExp(`^Question ${n} of`));
	const textarea = page.locator('textarea');
	if ((await textarea.count()) > 0) {
		const id = await textarea.getAttribute('id');
		if (id === 'anything-else') {
			await textarea.fill('I love <b>drawing</b> 🎨🏳️‍🌈');
			await page.getByLabel('Everyone at my review').check();
		} else if (n % 3 === 0) {
			await textarea.fill(`Answer ${n}: مرحبا and some words`);
		}
	} else {
		const first = page.locator('input[type=radio], input[type=checkbox]').first();
		if ((await page.locator('#home-safe').count()) > 0) {
			// A required question left empty: a clear message by the field, nothing else lost.
			await page.getByRole('button', { name: 'Continue' }).click();
			await expect(page.locator('#home-safe-error')).toBeVisible();
			await expect(page).toHaveTitle(/^Error: /);
			await checked(page);
		}
		await first.check();
	}
	if (n <= 2) await checked(page);
	await submitAndWait(page, () => page.getByRole('button', { name: 'Continue' }).click());
}
