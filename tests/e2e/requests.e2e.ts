/**
 * Issue 6, requests, end to end as new users would make them (DOMAIN §6):
 * 1. a child asks for an advocate (after a first try with nothing filled in shows the errors), with
 *    consent to share; the advocacy service opens it (the child's read receipt), accepts it and
 *    allocates an advocate; the child sees "Seen by the advocacy service" and their advocate's name;
 * 2. the child asks to talk to their IRO; the IRO finds it in their requests, opens it (read
 *    receipt) and answers; the child sees who read it, when, and the answer;
 * 3. the child stops a request, and the advocacy service can no longer open a referral after
 *    consent is withdrawn (404, SEC-Z9).
 * JavaScript on and off, 360 px, axe on every page and state visited.
 * Each project has its own cast (REQUEST_PERSONAS), so the two runs never share a session or a list.
 */
import type { Page } from '@playwright/test';
import { REQUEST_PERSONAS, type RequestCast } from '../fixtures/personas';
import { signIn, staffSignIn } from './support/consultation';
import { expect, test } from './support/fixtures';
import { checked, personContext, submitAndWait } from './support/session';

function castFor(project: string): RequestCast {
	return REQUEST_PERSONAS[project === 'chromium' ? 'js' : 'nojs'];
}

async function myRequests(page: Page): Promise<void> {
	await page.goto('/me');
	await submitAndWait(page, () => page.getByTestId('requests-link').click());
	await expect(page).toHaveURL(/\/me\/requests$/);
}

test.describe.configure({ mode: 'serial' });

test('a child asks for an advocate; the service accepts and allocates; the child sees it was seen, and who', async ({ browser }, testInfo) => {
	test.setTimeout(180_000);
	const cast = castFor(testInfo.project.name);
	const { context: childCtx, page: child } = await personContext(browser, testInfo);
	await signIn(child, cast.child.login);
	await checked(child);
	await myRequests(child);
	await expect(child.getByRole('heading', { level: 1 })).toHaveText('Things you asked for');
	await checked(child);

	await submitAndWait(child, () => child.getByRole('link', { name: 'I want an advocate' }).click());
	await expect(child.getByRole('heading', { name: 'What is an advocate?' })).toBeVisible();
	await expect(child.getByText('An advocate is someone on your side.')).toBeVisible();
	await checked(child);

	// Nothing chosen: every missing answer is named, and the title says so (A11Y-2, A11Y-3).
	await child.getByTestId('send-request').click();
	await expect(child.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
	await expect(child).toHaveTitle(/^Error: /);
	await expect(child.getByRole('link', { name: 'Choose how they should get in touch' })).toBeVisible();
	await expect(child.getByRole('link', { name: 'Choose yes or no' })).toBeVisible();
	await checked(child);

	await child.getByRole('checkbox', { name: 'Where I live' }).check();
	await child.getByRole('textbox', { name: 'Is there anything you want to say about it? (optional)' }).fill('I want to talk about moving.');
	await child.getByRole('radio', { name: 'Text message', exact: true }).check();
	await child.getByRole('textbox', { name: 'When is a safe time? (optional)' }).fill('After school');
	await child.getByRole('radio', { name: 'Soon', exact: true }).check();
	await child.getByRole('radio', { name: 'Yes, send it to them', exact: true }).check();
	await submitAndWait(child, () => child.getByTestId('send-request').click());
	await expect(child).toHaveURL(/\/me\/requests\?sent=1$/);
	await expect(child.getByTestId('request-sent')).toBeVisible();
	const mine = child.getByTestId('my-request').filter({ hasText: 'Asking for an advocate' });
	await expect(mine.getByTestId('request-status')).toContainText('Sent. Nobody has read it yet.');
	await checked(child);

	// ── The advocacy service ─────────────────────────────────────────────────────────────────
	const { context: serviceCtx, page: service } = await personContext(browser, testInfo);
	await staffSignIn(service, cast.service.login, { home: /\/advocate$/ });
	const row = service.getByTestId('request-row').filter({ hasText: cast.child.displayName });
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('Not read yet');
	await checked(service);
	await submitAndWait(service, () => row.getByRole('link', { name: cast.child.displayName }).click());
	await expect(service).toHaveURL(/\/advocate\/referrals\/[a-z2-7]{24}$/);
	await expect(service.getByTestId('request-details')).toContainText('I want to talk about moving.');
	await expect(service.getByTestId('request-history')).toContainText('Seen (read receipt)');
	await checked(service);
	const referralUrl = service.url();

	// Accept, then allocate to an advocate.
	await service.getByRole('radio', { name: 'Accept the referral', exact: true }).check();
	await service.getByTestId('save-request').click();
	await expect(service.getByTestId('request-history')).toContainText('Accepted');
	await checked(service);
	await service.getByRole('radio', { name: cast.advocate.displayName, exact: true }).check();
	await service.getByTestId('allocate').click();
	await expect(service.getByTestId('allocated-to')).toHaveText(`Allocated to ${cast.advocate.displayName}`);
	await checked(service);
	// The service's duty person is not the allocated advocate: the child's answers are not for them.
	await expect(service.getByTestId('advocate-shared')).not.toContainText(cast.shared.ticked);

	// ── The allocated advocate reads only what the child ticked "my advocate" (DOMAIN §5.6) ──────
	const { context: advocateCtx, page: advocate } = await personContext(browser, testInfo);
	await staffSignIn(advocate, cast.advocate.login, { home: /\/advocate$/ });
	const mineRow = advocate.getByTestId('request-row').filter({ hasText: cast.child.displayName });
	await expect(mineRow).toContainText(`Allocated to ${cast.advocate.displayName}`);
	await submitAndWait(advocate, () => mineRow.getByRole('link', { name: cast.child.displayName }).click());
	await expect(advocate.getByTestId('advocate-shared')).toContainText(cast.shared.ticked);
	await expect(advocate.locator('body')).not.toContainText(cast.shared.unticked);
	await checked(advocate);

	// ── The child sees the change and who ─────────────────────────────────────────────────────
	await myRequests(child);
	const status = child.getByTestId('my-request').filter({ hasText: 'Asking for an advocate' }).getByTestId('request-status');
	await expect(status.getByTestId('read-receipt')).toContainText('Seen by the advocacy service on');
	await expect(status).toContainText(`Your advocate is ${cast.advocate.displayName.split(' ')[0]}.`);
	await checked(child);

	// ── The child changes their mind: the service loses access at once (SEC-Z9) ────────────────
	const card = child.getByTestId('my-request').filter({ hasText: 'Asking for an advocate' });
	await submitAndWait(child, () => card.getByRole('button', { name: /Stop this request/ }).click());
	await expect(child.getByTestId('my-request').filter({ hasText: 'Asking for an advocate' }).getByTestId('request-status')).toContainText('You stopped this request.');
	await checked(child);
	const gone = await service.goto(referralUrl);
	expect(gone?.status()).toBe(404);
	const goneToo = await advocate.goto(referralUrl);
	expect(goneToo?.status()).toBe(404);
	await expect(advocate.locator('body')).not.toContainText(cast.shared.ticked);
	await advocateCtx.close();
	await service.goto('/advocate');
	await expect(service.getByTestId('request-row').filter({ hasText: cast.child.displayName })).toHaveCount(0);
	await checked(service);

	await serviceCtx.close();
	await childCtx.close();
});

test('a child asks to talk to their IRO; the IRO reads and answers; the child sees it', async ({ browser }, testInfo) => {
	test.setTimeout(180_000);
	const cast = castFor(testInfo.project.name);
	const { context: childCtx, page: child } = await personContext(browser, testInfo);
	await signIn(child, cast.child.login);
	await myRequests(child);
	await submitAndWait(child, () => child.getByRole('link', { name: 'I want to talk to my IRO' }).click());
	await expect(child.getByRole('heading', { level: 1 })).toHaveText(`Talk to ${cast.iro.displayName}`);
	await checked(child);
	await child.getByRole('radio', { name: 'On my own', exact: true }).check();
	await child.getByRole('radio', { name: 'Come and see me', exact: true }).check();
	await child.getByRole('textbox', { name: 'What do you want to talk about? (optional)' }).fill('School is hard at the moment.');
	await submitAndWait(child, () => child.getByTestId('send-request').click());
	const card = () => child.getByTestId('my-request').filter({ hasText: 'Talk to the IRO' });
	await expect(card().getByTestId('request-status')).toContainText('Sent. Nobody has read it yet.');
	await checked(child);

	// ── The IRO ──────────────────────────────────────────────────────────────────────────────
	const { context: iroCtx, page: iro } = await personContext(browser, testInfo);
	await staffSignIn(iro, cast.iro.login);
	await submitAndWait(iro, () => iro.getByTestId('iro-requests-link').click());
	await expect(iro.getByRole('heading', { level: 1 })).toHaveText('Requests');
	const row = iro.getByTestId('request-row').filter({ hasText: 'Talk to the IRO' });
	await expect(row).toContainText('Answer:');
	await checked(iro);
	await submitAndWait(iro, () => row.getByRole('link', { name: cast.child.displayName }).click());
	await expect(iro.getByTestId('request-details')).toContainText('School is hard at the moment.');
	await expect(iro.getByTestId('request-history')).toContainText('Seen (read receipt)');
	await checked(iro);

	// An answer needs words the child will read.
	await iro.getByRole('radio', { name: 'Replied', exact: true }).check();
	await iro.getByTestId('save-request').click();
	await expect(iro.getByRole('link', { name: 'Enter what the person who asked will read' })).toBeVisible();
	await checked(iro);
	await iro.getByRole('textbox', { name: 'What the person who asked will read' }).fill('I will come and see you on Thursday after school.');
	await iro.getByTestId('save-request').click();
	await expect(iro.getByTestId('request-history')).toContainText('Answered');
	await expect(iro.getByTestId('clocks')).toContainText('Answer: met');
	await checked(iro);

	// ── The child sees who read it, when, and the answer ─────────────────────────────────────
	await myRequests(child);
	const status = card().getByTestId('request-status');
	await expect(status.getByTestId('read-receipt')).toContainText(`Seen by ${cast.iro.displayName} on`);
	await expect(status).toContainText(`Someone is on it: ${cast.iro.displayName}.`);
	await expect(status.getByTestId('request-words')).toContainText('I will come and see you on Thursday after school.');
	await checked(child);

	await iroCtx.close();
	await childCtx.close();
});

test('a parent asks for an interpreter; the IRO arranges it; the parent sees it done', async ({ browser }, testInfo) => {
	test.setTimeout(180_000);
	const cast = castFor(testInfo.project.name);
	const { context: parentCtx, page: parent } = await personContext(browser, testInfo);
	await signIn(parent, cast.parent.login);
	await submitAndWait(parent, () => parent.getByTestId('requests-link').click());
	await expect(parent).toHaveURL(/\/parent\/requests$/);
	await checked(parent);
	await submitAndWait(parent, () => parent.getByRole('link', { name: 'Ask for an interpreter, a different time, or to talk to the IRO' }).click());
	await expect(parent.getByText(`About ${cast.child.displayName}`)).toBeVisible();
	await checked(parent);

	// An interpreter needs a language: the form says so, and keeps the choice.
	await parent.getByRole('radio', { name: 'An interpreter at the meeting', exact: true }).check();
	await parent.getByTestId('send-request').click();
	await expect(parent.getByRole('link', { name: 'Enter the language' })).toBeVisible();
	await expect(parent.getByRole('radio', { name: 'An interpreter at the meeting', exact: true })).toBeChecked();
	await checked(parent);
	await parent.getByRole('textbox', { name: 'Which language? (if you asked for an interpreter)' }).fill('Polish');
	await submitAndWait(parent, () => parent.getByTestId('send-request').click());
	const card = () => parent.getByTestId('my-request').filter({ hasText: 'An interpreter' });
	await expect(card()).toContainText(`About ${cast.child.displayName}`);
	await expect(card().getByTestId('request-status')).toContainText('Sent. Nobody has read it yet.');
	await checked(parent);

	const { context: iroCtx, page: iro } = await personContext(browser, testInfo);
	await staffSignIn(iro, cast.iro.login);
	await iro.goto('/iro?show=requests');
	await expect(iro.getByRole('row').filter({ hasText: cast.child.displayName })).toContainText(/requests? open/);
	await checked(iro);
	await iro.goto('/iro/requests');
	const row = iro.getByTestId('request-row').filter({ hasText: 'An interpreter' });
	await submitAndWait(iro, () => row.getByRole('link', { name: cast.child.displayName }).click());
	await expect(iro.getByTestId('request-details')).toContainText('Polish');
	await iro.getByRole('radio', { name: 'Done, with the outcome', exact: true }).check();
	await iro.getByRole('textbox', { name: 'What the person who asked will read' }).fill('A Polish interpreter is booked for the meeting.');
	await iro.getByTestId('save-request').click();
	await expect(iro.getByText('This request is closed.')).toBeVisible();
	await checked(iro);

	await parent.goto('/parent/requests');
	await expect(card().getByTestId('read-receipt')).toContainText(`Seen by ${cast.iro.displayName} on`);
	await expect(card().getByTestId('request-status')).toContainText('Done: A Polish interpreter is booked for the meeting.');
	await expect(card().getByRole('button', { name: /Stop this request/ })).toHaveCount(0);
	await checked(parent);

	await iroCtx.close();
	await parentCtx.close();
});
