/**
 * Issue 6, feedback after the review (DOMAIN §7), end to end as new users would meet it: the IRO
 * sends the decisions, which asks the child, their parent and their carer how the review went; each
 * finds it on their start page, answers one page at a time (a face and their own words, "yes" or
 * "no", a skipped page, going back without losing anything), checks and sends; the IRO then sees
 * who answered and what they said. JavaScript on and off, 360 px, axe on every page and state visited.
 *
 * Each project has its own cast (FEEDBACK_PERSONAS): the two runs side by side never share a session
 * (D18). The database is read only to check what was stored.
 */
import type { Page } from '@playwright/test';
import { FEEDBACK_PERSONAS, type FeedbackCast } from '../fixtures/personas';
import { expect, test } from './support/fixtures';
import { signIn, staffSignIn } from './support/consultation';
import { checked, personContext, readDb, submitAndWait } from './support/session';

function castFor(project: string): FeedbackCast {
	return FEEDBACK_PERSONAS[project === 'chromium' ? 'js' : 'nojs'];
}

const QUESTION = /\/review\/[a-z2-7]{24}\/feedback\/[a-z0-9-]+$/;

async function next(page: Page): Promise<void> {
	await submitAndWait(page, () => page.getByRole('button', { name: 'Continue', exact: true }).click());
}

/** From the start page: the feedback card, then Start; lands on the first question. */
async function openFeedback(page: Page, heading: string): Promise<void> {
	await expect(page.getByTestId('feedback-card')).toContainText('How did it go? Tell us.');
	await checked(page);
	await submitAndWait(page, () => page.getByRole('link', { name: 'Tell us how it went' }).click());
	await expect(page).toHaveURL(/\/review\/[a-z2-7]{24}\/feedback$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
	await expect(page.getByText('You can skip any question.')).toBeVisible();
	await checked(page);
	await submitAndWait(page, () => page.getByRole('link', { name: 'Start', exact: true }).click());
	await expect(page).toHaveURL(QUESTION);
}

/**
 * Continue through `n` pages without answering (every question can be skipped). The child's pages
 * each get axe; an adult's skipped pages are the same yes / not sure / no page already checked.
 */
async function skip(page: Page, n: number, axe = true): Promise<void> {
	for (let i = 0; i < n; i++) {
		if (axe) await checked(page);
		await next(page);
	}
}

/** Check your answers, then Send: "Thank you" only once it is stored. */
async function sendFrom(page: Page, expected: string[]): Promise<void> {
	await expect(page).toHaveURL(/\/feedback\/check$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
	for (const text of expected) await expect(page.getByTestId('feedback-check')).toContainText(text);
	await expect(page.getByTestId('feedback-check')).toContainText('Not answered');
	// The service doesn't allow hiding a name unless an admin turns it on (DOMAIN §7; default off).
	await expect(page.getByRole('checkbox', { name: /Do not show my name/ })).toHaveCount(0);
	await checked(page);
	await submitAndWait(page, () => page.getByRole('button', { name: 'Send', exact: true }).click());
	await expect(page).toHaveURL(/\/feedback\/sent$/);
	await expect(page.getByTestId('feedback-sent')).toContainText('Thank you');
	await checked(page);
}

function stored(login: string): { status: string; answers: Record<string, unknown> } {
	return readDb((db) => {
		const r = db
			.prepare('select f.id, f.status from feedback_response f join app_user u on u.id = f.respondent_id where u.username = ?')
			.get(login) as { id: string; status: string };
		const rows = db.prepare('select question_id, value from feedback_answer where response_id = ?').all(r.id) as { question_id: string; value: string }[];
		return { status: r.status, answers: Object.fromEntries(rows.map((a) => [a.question_id, JSON.parse(a.value)])) };
	});
}

test('after the review the child, their parent and their carer say how it went, and the IRO sees it', async ({ browser, jsEnabled }, testInfo) => {
	test.setTimeout(420_000);
	const cast = castFor(testInfo.project.name);
	const name = cast.child.displayName;
	const words = {
		child: 'They let me talk first.',
		parent: 'I could not get a word in.',
		parentBetter: 'Send the papers a week before.',
		carer: 'My report was read out at the start.'
	};

	// ── The IRO sends the decisions, which asks everyone how it went ─────────────────────────
	const { context: iroContext, page: iro } = await personContext(browser, testInfo);
	await staffSignIn(iro, cast.iro.login);
	await iro.goto('/iro');
	await submitAndWait(iro, () => iro.getByRole('row').filter({ hasText: name }).getByRole('link', { name, exact: true }).click());
	await expect(iro).toHaveURL(/\/iro\/review\/[a-z2-7]{24}\/pack$/);
	const reviewPath = new URL(iro.url()).pathname.replace(/\/pack$/, '');
	await submitAndWait(iro, () => iro.getByTestId('after-meeting').getByRole('link', { name: 'Decisions', exact: true }).click());
	await expect(iro.getByText(cast.decision)).toBeVisible();
	await iro.getByRole('button', { name: 'Mark the decisions as sent' }).click();
	await expect(iro.getByText(/^The decisions were sent on /)).toBeVisible();
	await iro.goto(`${reviewPath}/pack`);
	await submitAndWait(iro, () => iro.getByTestId('after-meeting').getByRole('link', { name: 'Feedback', exact: true }).click());
	await expect(iro).toHaveURL(new RegExp(`${reviewPath}/feedback$`));
	await expect(iro.getByRole('heading', { level: 1 })).toHaveText(`Feedback: ${name}`);
	await expect(iro.getByTestId('feedback-people')).toContainText(cast.parent.displayName);
	await expect(iro.getByTestId('feedback-people').getByText('No answer with their name yet')).toHaveCount(3);
	await expect(iro.getByText('No feedback with a name has come in yet.')).toBeVisible();
	await checked(iro);

	// ── The child (10: the 8–12 version, five faces) ─────────────────────────────────────────
	const { context: childContext, page: child } = await personContext(browser, testInfo);
	await signIn(child, cast.child.login);
	await openFeedback(child, 'How was your review?');
	await expect(child.getByRole('heading', { level: 1 })).toHaveText('Did you feel people listened to you?');
	await expect(child.getByRole('link', { name: 'Exit this page' })).toBeVisible();
	await checked(child);
	await child.getByRole('radio', { name: 'Mostly', exact: true }).check();
	await child.getByLabel('Do you want to say more?').fill(words.child);
	await next(child);
	await expect(child.getByRole('heading', { level: 1 })).toHaveText(`Did ${cast.iro.displayName} talk with you on your own before the meeting?`);
	await checked(child);
	await child.getByRole('radio', { name: 'Yes', exact: true }).check();
	// Going back saves this page first, and the page before still has the face and the words.
	await submitAndWait(child, () => child.getByRole('button', { name: 'Previous question' }).click());
	await expect(child.getByRole('radio', { name: 'Mostly', exact: true })).toBeChecked();
	await expect(child.getByLabel('Do you want to say more?')).toHaveValue(words.child);
	await next(child);
	await expect(child.getByRole('radio', { name: 'Yes', exact: true })).toBeChecked();
	await next(child);
	// Time and place (skipped), advocate, understood, agree.
	await skip(child, 4);
	await expect(child.getByRole('heading', { level: 1 })).toHaveText('Was anything hard about the meeting?');
	await child.getByRole('checkbox', { name: 'It went on too long' }).check();
	await checked(child);
	await next(child);
	await skip(child, 2); // report format, one thing better
	await sendFrom(child, ['Mostly', words.child, 'It went on too long']);
	await submitAndWait(child, () => child.getByRole('link', { name: 'Back to start' }).click());
	await expect(child.getByTestId('feedback-card')).toContainText('You told us how it went. Thank you.');
	expect(stored(cast.child.login)).toMatchObject({
		status: 'sent',
		answers: { 'fb-listened': { kind: 'choice', value: 'happy' }, 'fb-listened-words': { kind: 'text', text: words.child }, 'fb-iro-alone': { kind: 'choice', value: 'yes' } }
	});

	// ── The parent ───────────────────────────────────────────────────────────────────────────
	const { context: parentContext, page: parent } = await personContext(browser, testInfo);
	await signIn(parent, cast.parent.login);
	await openFeedback(parent, 'How was the review?');
	await expect(parent.getByRole('heading', { level: 1 })).toHaveText('Were you invited to the meeting, or asked for your views if you could not come?');
	await parent.getByRole('radio', { name: 'Yes', exact: true }).check();
	await checked(parent);
	await next(parent);
	await skip(parent, 2, false); // reports, taking part
	await expect(parent.getByRole('heading', { level: 1 })).toHaveText('Did you feel heard?');
	await parent.getByRole('radio', { name: 'No', exact: true }).check();
	await parent.getByLabel('Do you want to say more?').fill(words.parent);
	await checked(parent);
	await next(parent);
	await skip(parent, 1, false); // understood
	await expect(parent.getByRole('heading', { level: 1 })).toHaveText('Did you get the written record of the review on time?');
	await expect(parent.getByRole('radio', { name: 'Not yet', exact: true })).toBeVisible();
	await checked(parent);
	await next(parent);
	await parent.getByLabel('What one thing would make the next review better?').fill(words.parentBetter);
	await checked(parent);
	await next(parent);
	await sendFrom(parent, [words.parent, words.parentBetter]);

	// ── The carer ────────────────────────────────────────────────────────────────────────────
	const { context: carerContext, page: carer } = await personContext(browser, testInfo);
	await signIn(carer, cast.carer.login);
	await openFeedback(carer, 'How was the review?');
	await expect(carer.getByRole('heading', { level: 1 })).toHaveText('Was your report used in the meeting?');
	await carer.getByRole('radio', { name: 'Yes', exact: true }).check();
	await carer.getByLabel('Do you want to say more?').fill(words.carer);
	await checked(carer);
	await next(carer);
	await expect(carer.getByRole('heading', { level: 1 })).toHaveText('Did the meeting cover the support you need, and what you can decide day to day?');
	await carer.getByRole('radio', { name: 'Not sure', exact: true }).check();
	if (jsEnabled) {
		// With JavaScript the Back link saves the page first as well; without it, "Previous question" does.
		await submitAndWait(carer, () => carer.getByRole('link', { name: 'Back', exact: true }).click());
	} else {
		await submitAndWait(carer, () => carer.getByRole('button', { name: 'Previous question' }).click());
	}
	await expect(carer.getByLabel('Do you want to say more?')).toHaveValue(words.carer);
	await next(carer);
	await expect(carer.getByRole('radio', { name: 'Not sure', exact: true })).toBeChecked();
	await next(carer);
	await skip(carer, 3, false);
	await sendFrom(carer, [words.carer, 'Not sure']);

	// ── The IRO sees who answered and what they said ─────────────────────────────────────────
	await iro.reload();
	await expect(iro.getByTestId('feedback-people').getByText('Sent', { exact: true })).toHaveCount(3);
	const named = iro.getByTestId('feedback-named');
	await expect(named).toHaveCount(3);
	await expect(named.filter({ hasText: name })).toContainText('Mostly');
	await expect(named.filter({ hasText: name })).toContainText(words.child);
	await expect(named.filter({ hasText: cast.parent.displayName })).toContainText(words.parent);
	await expect(named.filter({ hasText: cast.parent.displayName })).toContainText(words.parentBetter);
	await expect(named.filter({ hasText: cast.carer.displayName })).toContainText(words.carer);
	await checked(iro);

	await carerContext.close();
	await parentContext.close();
	await childContext.close();
	await iroContext.close();
});
