import { expectAccessible } from './support/a11y';
import { expect, test } from './support/fixtures';

test('the landing page answers 200 in British English and passes axe', async ({ page }) => {
	const response = await page.goto('/');
	expect(response?.status()).toBe(200);
	expect(await response?.text()).toMatch(/<html[^>]*\blang="en-GB"/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
	await expectAccessible(page);
});
