/**
 * Issue 5 (and 8's service settings), end to end: the admin opens Service settings from their
 * start page, a bad value is refused by its field with what they typed kept, and a good one saves;
 * the service's name shows in staff headers; a bad duty contact and an audit retention under a year
 * are refused by their fields.
 * Saved values equal the defaults, so other files' dates never change under them. On a child's
 * record: bringing a review forward needs a future date earlier than the due date and a reason;
 * ending a link before it began is refused. The audit log (issue 8, SECURITY §8) filters by child
 * and dates and exports CSV. JavaScript on and off, axe on every state visited.
 */
import { PERSONAS } from '../fixtures/personas';
import { openPack, staffSignIn } from './support/consultation';
import { expect, test } from './support/fixtures';
import { checked, personContext, submitAndWait } from './support/session';

test.describe('issue 5 and 8: service settings, review dates, the audit log', () => {
	// Many full page loads with JavaScript off, on a busy 2-core machine.
	test.describe.configure({ timeout: 90_000 });

	test('the admin changes a setting: a bad value is refused by its field, a good one is saved', async ({ page }) => {
		await staffSignIn(page, PERSONAS.admin.login, { home: /\/admin$/ });
		await submitAndWait(page, () => page.getByRole('link', { name: 'Service settings' }).click());
		await expect(page.getByRole('heading', { level: 1, name: 'Service settings' })).toBeVisible();
		await expect(page.getByLabel('The record and the child\'s report are due this many working days after the review')).toHaveValue('15');
		await expect(page.getByLabel('Reminders go this many working days before the review')).toHaveValue('10, 5');
		await checked(page);

		await page.getByLabel('The record and the child\'s report are due this many working days after the review').fill('25');
		await page.getByLabel('Reminders go this many working days before the review').fill('30, 5');
		await page.getByRole('button', { name: 'Save review dates' }).click();
		await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
		await expect(page).toHaveTitle(/^Error: /);
		await expect(page.locator('#recordWdAfter-error')).toContainText('Enter a whole number of working days from 15 to 20');
		// Typed values come back, so nothing is lost.
		await expect(page.getByLabel('The record and the child\'s report are due this many working days after the review')).toHaveValue('25');
		await expect(page.getByLabel('Reminders go this many working days before the review')).toHaveValue('30, 5');
		await checked(page);

		await page.getByLabel('Start').fill('17:00');
		await page.getByLabel('End').fill('09:00');
		await page.getByRole('button', { name: 'Save working hours' }).click();
		await expect(page.locator('#end-error')).toContainText('The end must be later than the start');
		await page.getByLabel('Start').fill('09:00');
		await page.getByLabel('End').fill('17:00');
		await page.getByRole('button', { name: 'Save working hours' }).click();
		await expect(page.getByRole('status')).toContainText('Saved');
		await checked(page);
	});

	test('the admin names the service (staff headers show it), and retention below the audit floor is refused by its field', async ({ page }) => {
		await staffSignIn(page, PERSONAS.admin.login, { home: /\/admin$/ });
		await submitAndWait(page, () => page.getByRole('link', { name: 'Service settings' }).click());
		const name = page.getByLabel('Name of your service, shown to staff');
		await expect(name).toHaveValue('');
		await expect(page.getByLabel('Email address of the duty team')).toBeVisible();
		await expect(page.getByRole('group', { name: 'Languages children, parents and carers can choose' }).getByRole('checkbox')).toHaveCount(9);
		await expect(page.getByLabel('Polski')).toBeChecked();

		await page.getByLabel('Email address of the duty team').fill('not an address');
		await page.getByRole('button', { name: 'Save duty contact' }).click();
		await expect(page.locator('#dutyContactEmail-error')).toContainText('Enter an email address in the correct format');
		await expect(page.getByLabel('Email address of the duty team')).toHaveValue('not an address');
		await checked(page);

		await page.getByLabel('The audit log (at least a year)').fill('100');
		await page.getByRole('button', { name: 'Save how long records are kept' }).click();
		await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
		await expect(page.locator('#auditDays-error')).toContainText('Enter a whole number of days from 365 to 3650');
		await expect(page.getByLabel('The audit log (at least a year)')).toHaveValue('100');
		await checked(page);
		// The default again: saved, nothing changes for other tests.
		await page.getByLabel('The audit log (at least a year)').fill('730');
		await page.getByRole('button', { name: 'Save how long records are kept' }).click();
		await expect(page.getByRole('status')).toContainText('Saved');

		await page.getByLabel('Name of your service, shown to staff').fill('Northshire IRO Service');
		await page.getByRole('button', { name: 'Save service name' }).click();
		await expect(page.getByRole('status')).toContainText('Saved');
		await expect(page.getByTestId('service-name')).toHaveText('Northshire IRO Service');
		await checked(page);
		await submitAndWait(page, () => page.getByRole('link', { name: 'Back' }).click());
		await expect(page.getByTestId('service-name')).toHaveText('Northshire IRO Service');
		// Cleared again (the default: no name).
		await submitAndWait(page, () => page.getByRole('link', { name: 'Service settings' }).click());
		await page.getByLabel('Name of your service, shown to staff').fill('');
		await page.getByRole('button', { name: 'Save service name' }).click();
		await expect(page.getByRole('status')).toContainText('Saved');
		await expect(page.getByTestId('service-name')).toHaveCount(0);
	});

	test("on a child's record, bringing the review forward and ending a link are checked by the field", async ({ page }) => {
		await staffSignIn(page, PERSONAS.admin.login, { home: /\/admin$/ });
		await submitAndWait(page, () => page.getByRole('link', { name: PERSONAS.childA.displayName, exact: true }).click());
		await expect(page.getByRole('heading', { level: 2, name: 'Bring the review forward' })).toBeVisible();
		await page.getByLabel('New date to hold it by').fill('2020-01-01');
		await page.getByLabel('Why it is being brought forward').fill('Placement move planned');
		await page.getByRole('button', { name: 'Bring forward' }).click();
		await expect(page.locator('#dueDate-error')).toContainText('The new date must be today or later');
		await expect(page.getByLabel('Why it is being brought forward')).toHaveValue('Placement move planned');
		await checked(page);

		await page.getByText(`End ${PERSONAS.carerA.displayName}'s link to this child`).click();
		const endsOn = page.getByLabel(`Date ${PERSONAS.carerA.displayName}'s link ends`);
		await endsOn.fill('1990-01-01');
		await page.getByRole('button', { name: `End link ${PERSONAS.carerA.displayName}` }).click();
		await expect(page.getByText('The date must be on or after the date the link started').first()).toBeVisible();
		await checked(page);
	});

	test('the audit log shows who looked at a child, filters by GET form, refuses a bad date by its field, and exports CSV', async ({ page, browser }, testInfo) => {
		// The allocated IRO reads child A's pack: that read is what the admin then finds.
		const iro = await personContext(browser, testInfo);
		await staffSignIn(iro.page, PERSONAS.iro1.login);
		await openPack(iro.page, PERSONAS.childA.displayName);
		await iro.context.close();

		await staffSignIn(page, PERSONAS.admin.login, { home: /\/admin$/ });
		await submitAndWait(page, () => page.getByRole('link', { name: 'Audit log' }).click());
		await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
		await checked(page);
		await page.getByLabel('Child').selectOption({ label: PERSONAS.childA.displayName });
		await submitAndWait(page, () => page.getByRole('button', { name: 'Show' }).click());
		// The filter travels as an opaque id, never a name (PRIV-4).
		expect(page.url()).not.toContain(PERSONAS.childA.displayName);
		const table = page.getByTestId('audit-table');
		await expect(table).toBeVisible();
		await expect(table.locator('tbody tr', { hasText: PERSONAS.iro1.displayName }).first()).toContainText(PERSONAS.childA.displayName);
		await checked(page);

		await page.getByLabel('From').fill('2026-11-10');
		await page.getByLabel('To (including this day)').fill('2026-11-01');
		await submitAndWait(page, () => page.getByRole('button', { name: 'Show' }).click());
		await expect(page.locator('#to-error')).toContainText('The end date must be on or after the start date');
		await expect(page).toHaveTitle(/^Error: /);
		await checked(page);

		await page.goto('/admin/audit');
		const href = await page.getByRole('link', { name: 'Download these rows (CSV)' }).getAttribute('href');
		const res = await page.request.get(href!);
		expect(res.status()).toBe(200);
		expect(res.headers()['content-type']).toContain('text/csv');
		expect((await res.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Time (UTC),Who,Role,Action,Child,Record,Record id,Outcome,Reference');
	});
});
