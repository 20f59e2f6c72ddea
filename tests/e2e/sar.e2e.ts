/**
 * SECURITY §10 subject access (PRIV-G3): from child A's record the admin opens the subject access
 * export, which says it is the legal exception to D15, shows child A's answers and none of child
 * C's, and offers the same content as a JSON download. JavaScript on and off, axe on the page.
 */
import { CANARY, PERSONAS } from '../fixtures/personas';
import { staffSignIn } from './support/consultation';
import { expect, test } from './support/fixtures';
import { checked, submitAndWait } from './support/session';

test.describe('subject access export', () => {
	test.describe.configure({ timeout: 90_000 });

	test('the admin opens a child’s subject access export and downloads it as JSON', async ({ page }) => {
		await staffSignIn(page, PERSONAS.admin.login, { home: /\/admin$/ });
		await submitAndWait(page, () => page.getByRole('link', { name: PERSONAS.childA.displayName, exact: true }).click());
		await submitAndWait(page, () => page.getByTestId('sar-link').click());
		await expect(page.getByRole('heading', { level: 1, name: 'Subject access export' })).toBeVisible();
		await expect(page.getByTestId('sar-legal-note')).toContainText('Admins do not read answers at any other time');
		await expect(page.getByTestId('sar-consultations')).toContainText(CANARY.iroOnly);
		await expect(page.locator('main')).not.toContainText(PERSONAS.childC.displayName);
		await checked(page);

		const href = await page.getByTestId('sar-download').getAttribute('href');
		const res = await page.request.get(href!);
		expect(res.status()).toBe(200);
		expect(res.headers()['content-type']).toContain('application/json');
		const body = await res.text();
		expect(body).toContain(CANARY.iroOnly);
		expect(body).not.toContain(PERSONAS.childC.displayName);
	});
});
