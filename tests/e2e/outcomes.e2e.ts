/**
 * Issue 5, after the meeting, end to end: the IRO records the meeting facts (a child who didn't
 * come but sent their views in My Review is suggested PN6, DOMAIN §4.1), confirms the code, adds
 * two decisions linked to the child's answer, sends the decisions and the My Review Report; the
 * child signs in, reads their report and reacts ("I have a question", with words); the IRO sees
 * the reaction (DOMAIN §7); an escalation is opened and closed against its 20-working-day clock.
 * JavaScript on and off, 360 px, axe on every page and state visited.
 *
 * Each project has its own cast (OUTCOME_PERSONAS), so the two runs never share a session (D18).
 */
import type { Page } from '@playwright/test';
import { OUTCOME_PERSONAS, type OutcomeCast } from '../fixtures/personas';
import { expect, test } from './support/fixtures';
import { labelOf, openPack, question, signIn, staffSignIn } from './support/consultation';
import { checked, personContext } from './support/session';

function castFor(project: string): OutcomeCast {
	return OUTCOME_PERSONAS[project === 'chromium' ? 'js' : 'nojs'];
}

/** A date `days` from today, as a date input takes it. */
function daysFromNow(days: number): string {
	return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** From the pack's "After the meeting", follow one of its links. */
async function fromPack(page: Page, reviewPath: string, link: string): Promise<void> {
	await page.goto(`${reviewPath}/pack`);
	await page.getByTestId('after-meeting').getByRole('link', { name: link, exact: true }).click();
}

test('the IRO records the meeting, decisions and the report; the child reads it and asks a question; the IRO sees it', async ({ browser, jsEnabled }, testInfo) => {
	test.setTimeout(180_000);
	const cast = castFor(testInfo.project.name);
	const name = cast.child.displayName;
	const answerLabel = labelOf(question('young-person-13-plus', cast.answer.questionId), { childName: name, iroName: cast.iro.displayName, carerName: '' });

	// ── The IRO ──────────────────────────────────────────────────────────────────────────────
	const { context: iroContext, page: iro } = await personContext(browser, testInfo);
	await staffSignIn(iro, cast.iro.login);
	await openPack(iro, name);
	const reviewPath = new URL(iro.url()).pathname.replace(/\/pack$/, '');
	await expect(iro.getByTestId('after-meeting')).toContainText('Not yet');
	await checked(iro);

	// 1. The meeting facts. "Sent their views in My Review" is pre-filled from the child's form.
	await iro.getByTestId('after-meeting').getByRole('link', { name: 'Meeting facts', exact: true }).click();
	await expect(iro).toHaveURL(new RegExp(`${reviewPath}/meeting$`));
	await expect(iro.getByRole('heading', { level: 1 })).toHaveText(`The meeting: ${name}`);
	const sentViews = iro.getByRole('checkbox', { name: 'They sent their views in My Review' });
	await expect(sentViews).toBeChecked();
	await iro.getByRole('group', { name: `Did ${name} come to any part of the meeting?` }).getByRole('radio', { name: 'No', exact: true }).check();
	if (jsEnabled) await expect(iro.getByTestId('live-code')).toContainText('PN6');
	else await expect(iro.getByTestId('live-code')).toHaveCount(0);
	await checked(iro);
	await iro.getByRole('button', { name: 'Save the facts' }).click();
	await expect(iro.getByTestId('suggested-code')).toHaveText('Suggested from the facts: PN6: did not come but gave their views another way');
	await checked(iro);

	// 2. Confirm the suggestion.
	await expect(iro.getByRole('radio', { name: 'PN6: did not come but gave their views another way' })).toBeChecked();
	await iro.getByRole('button', { name: 'Confirm the code' }).click();
	await expect(iro).toHaveURL(new RegExp(`${reviewPath}/pack#after-meeting$`));
	await expect(iro.getByTestId('after-meeting')).toContainText('PN6, confirmed');

	// Recording the meeting set up the next review (DOMAIN §3.1 chaining); the caseload keeps this
	// one in view, by its nearest deadline, until its decisions and record have gone out.
	await iro.goto('/iro');
	const row = iro.getByRole('row', { name: new RegExp(name) });
	await expect(row.getByRole('link', { name: /^Last review: decisions due / })).toHaveAttribute('href', `${reviewPath}/decisions`);
	await expect(row.getByRole('link', { name, exact: true })).not.toHaveAttribute('href', `${reviewPath}/pack`);
	await checked(iro);

	// 3. Two decisions, each linked to what the child said; an empty one first shows the errors.
	await fromPack(iro, reviewPath, 'Decisions');
	await expect(iro.getByRole('heading', { level: 1 })).toHaveText(`Decisions and actions: ${name}`);
	await iro.getByRole('button', { name: 'Add the decision' }).click();
	await expect(iro.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
	await expect(iro).toHaveTitle(/^Error: /);
	await checked(iro);
	const decisions = [
		{ text: 'You will see your sister every Saturday afternoon.', owner: 'Social worker' },
		{ text: 'Your carer will help you phone your sister on Wednesdays.', owner: 'Carer' }
	];
	for (const [i, d] of decisions.entries()) {
		await iro.getByRole('textbox', { name: 'Decision or action' }).fill(d.text);
		await iro.getByRole('textbox', { name: 'Who will do it' }).fill(d.owner);
		await iro.getByLabel('By when', { exact: true }).fill(daysFromNow(14));
		await iro.getByRole('checkbox', { name: answerLabel }).check();
		await iro.getByRole('button', { name: 'Add the decision' }).click();
		await expect(iro.locator('section.app-card')).toHaveCount(i + 1);
		await expect(iro.locator('section.app-card').nth(i)).toContainText(d.text);
		await expect(iro.locator('section.app-card').nth(i)).toContainText(answerLabel);
	}
	await checked(iro);
	await iro.getByRole('button', { name: 'Mark the decisions as sent' }).click();
	await expect(iro.getByText(/^The decisions were sent on /)).toBeVisible();
	await expect(iro.getByText(/, on time$/)).toBeVisible();

	// 4. The My Review Report, with the child's answers and the decisions beside it.
	await fromPack(iro, reviewPath, 'Report');
	await expect(iro.getByRole('heading', { level: 1 })).toHaveText(`My Review Report: ${name}`);
	await expect(iro.getByText(cast.answer.text)).toBeVisible();
	await checked(iro);
	const letter = `Dear ${name.split(' ')[0]},\n\nThank you for telling me about your sister. Here is what we decided.`;
	await iro.getByLabel(`Your report to ${name}`).fill(letter);
	await iro.getByRole('button', { name: `Send to ${name}` }).click();
	await expect(iro.getByTestId('report-sent')).toBeVisible();
	await iro.goto(`${reviewPath}/pack`);
	await expect(iro.getByTestId('after-meeting')).toContainText('Sent');

	// ── The child ────────────────────────────────────────────────────────────────────────────
	const { context: childContext, page: child } = await personContext(browser, testInfo);
	await signIn(child, cast.child.login);
	await checked(child);
	await child.getByRole('link', { name: 'Read your report from your meeting' }).click();
	await expect(child).toHaveURL(new RegExp(`/me/review/[a-z2-7]{24}/report$`));
	await expect(child.getByRole('heading', { level: 1 })).toHaveText('Your report');
	await expect(child.getByTestId('report-body')).toHaveText(letter);
	await expect(child.getByText(cast.answer.text)).toBeVisible();
	await checked(child);
	const first = child.locator('section.app-card').first();
	await expect(first).toContainText(decisions[0]!.text);
	await expect(first).toContainText(decisions[0]!.owner);
	await first.getByRole('radio', { name: 'I have a question' }).check();
	await first.getByLabel('Do you want to say more? (optional)').fill('Can my carer drive me there?');
	await first.getByRole('button', { name: /^Send/ }).click();
	await expect(child.locator('section.app-card').first().getByTestId('my-reaction')).toHaveText('You said: I have a question');
	await expect(child.locator('section.app-card').first().getByRole('radio', { name: 'I have a question' })).toBeChecked();
	await checked(child);

	// ── The IRO sees the reaction ────────────────────────────────────────────────────────────
	await iro.goto(`${reviewPath}/report`);
	const reactions = iro.getByTestId('reactions');
	await expect(reactions).toContainText('Has a question');
	await expect(reactions).toContainText('Can my carer drive me there?');
	await expect(reactions).toContainText('No reaction yet');
	await checked(iro);

	// ── An escalation on the review, with its 20-working-day clock, opened and closed ─────────
	await fromPack(iro, reviewPath, 'Escalations');
	await expect(iro.getByRole('heading', { level: 1 })).toHaveText(`Escalations: ${name}`);
	await iro.getByRole('radio', { name: 'Stage 1: team manager' }).check();
	await iro.getByRole('textbox', { name: 'Raised to (name and role)' }).fill('Dana Reid, team manager');
	await iro.getByRole('button', { name: 'Open the escalation' }).click();
	const escalation = iro.locator('section.app-card');
	await expect(escalation).toHaveCount(1);
	await expect(escalation).toContainText('Dana Reid, team manager');
	await expect(escalation).toContainText('Open');
	await checked(iro);
	await escalation.getByRole('textbox', { name: 'Outcome' }).fill('The plan now includes Saturday visits.');
	await escalation.getByRole('button', { name: 'Close the escalation' }).click();
	await expect(iro.locator('section.app-card')).toContainText(/Closed on .*, in time/);
	await expect(iro.locator('section.app-card')).toContainText('The plan now includes Saturday visits.');

	await childContext.close();
	await iroContext.close();
});
