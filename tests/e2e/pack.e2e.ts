/**
 * The IRO's pack beyond the slice: the JSON export for case systems (DOMAIN §8.3) and the A4
 * print view (issue 5: no clipped content, checked by layout measurements, not pixels).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CANARY, PERSONAS, STAFF_PASSWORD, type SeededIds } from '../fixtures/personas';
import { expect, test } from './support/fixtures';
import { checked, readDb } from './support/session';

function seeded(): SeededIds {
	return JSON.parse(readFileSync(resolve(dirname(process.env.E2E_DATABASE_PATH!), 'personas.json'), 'utf8')) as SeededIds;
}

async function signInIro(page: import('@playwright/test').Page) {
	await page.goto('/sign-in/staff');
	await page.getByLabel('Email address').fill(PERSONAS.iro1.login);
	await page.getByLabel('Password').fill(STAFF_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/iro$/);
}

test('the JSON export is the social-worker view: schema my-review-pack v1, no IRO-only answers, and it is audited', async ({ page }) => {
	const { childA } = seeded();
	await signInIro(page);
	const before = readDb((db) => (db.prepare("select count(*) as n from audit_event where action = 'export' and resource_id = ?").get(childA.reviewId) as { n: number }).n);
	const res = await page.request.get(`/iro/review/${childA.reviewId}/export`);
	expect(res.status()).toBe(200);
	expect(res.headers()['content-disposition']).toContain('attachment');
	expect(res.headers()['cache-control']).toBe('no-store');
	const body = await res.json();
	expect(body).toMatchObject({ schema: 'my-review-pack', schemaVersion: 2, view: 'social-worker' });
	const text = JSON.stringify(body);
	expect(text).toContain(CANARY.everyone);
	expect(text).not.toContain(CANARY.iroOnly);
	expect(text).not.toContain(CANARY.notWho);
	const child = body.respondents.find((r: { role: string }) => r.role === 'young-person');
	expect(child.withheldCount).toBeGreaterThan(0);
	const after = readDb((db) => (db.prepare("select count(*) as n from audit_event where action = 'export' and resource_id = ?").get(childA.reviewId) as { n: number }).n);
	// Both projects may export at once, so at least this one was recorded.
	expect(after).toBeGreaterThanOrEqual(before + 1);
});

test('the pack prints on A4 with nothing clipped: every line fits the printable width', async ({ page }) => {
	const { childA } = seeded();
	await signInIro(page);
	await page.goto(`/iro/review/${childA.reviewId}/pack`);
	await checked(page);
	// Issue 5: every date around the review is shown with it (DOMAIN §3.2).
	const dates = page.getByTestId('key-dates');
	for (const text of ['Questions open', 'Reminders', 'Pack locks at the end of', 'Decisions due', 'Record and report due']) await expect(dates).toContainText(text);
	// A4 at 96 dpi is 794 px wide; with 14 mm margins the printable width is about 688 px.
	await page.setViewportSize({ width: 688, height: 1000 });
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.app-header')).toBeHidden();
	await expect(page.locator('.app-print-header')).toBeVisible();
	await expect(page.locator('.app-print-footer')).toBeVisible();
	const overflow = await page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		const bad: string[] = [];
		for (const el of document.querySelectorAll<HTMLElement>('main *')) {
			const r = el.getBoundingClientRect();
			if (r.width > 0 && (r.right > width + 1 || r.left < -1)) bad.push(`${el.tagName}.${el.className} ${Math.round(r.left)}–${Math.round(r.right)}`);
			if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'hidden') bad.push(`${el.tagName} clips`);
		}
		return { width, scroll: document.documentElement.scrollWidth, bad: bad.slice(0, 10) };
	});
	expect(overflow.bad).toEqual([]);
	expect(overflow.scroll).toBeLessThanOrEqual(overflow.width);
	// Text is at least 11 pt (about 14.6 px) in print.
	const smallest = await page.evaluate(() =>
		Math.min(...[...document.querySelectorAll<HTMLElement>('.app-answer, .govuk-summary-list__key')].map((e) => parseFloat(getComputedStyle(e).fontSize)))
	);
	expect(smallest).toBeGreaterThanOrEqual(14.6);
	// Each respondent starts a new page.
	expect(await page.locator('.app-respondent').first().evaluate((e) => getComputedStyle(e).breakBefore)).toBe('page');
});
