/**
 * Issue 8, the annual-report figures, as an admin would use them: sign in, open the figures from
 * the admin page (last financial year by default), pick "The year before", narrow the period to
 * April–September with the form, get a bad range wrong once, download a table as CSV and read the
 * numbers back, and check the print view leaves the form out. JavaScript on and off, 360 px, axe
 * on every page and state visited. The year's facts are seeded by tests/fixtures/reports-e2e.ts.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parseCsv } from '../../src/lib/domain/reports/csv';
import { REPORT_PERSONAS, reportYear } from '../fixtures/reports-e2e';
import { staffSignIn } from './support/consultation';
import { expect, test } from './support/fixtures';
import { checked, personContext, submitAndWait } from './support/session';

function londonToday(): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function longDate(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

/** A row of a report table, by the row's label, as the cells' texts. */
async function rowOf(page: Page, table: string, label: string | RegExp): Promise<string[]> {
	const row = page.getByTestId(`table-${table}`).getByRole('row').filter({ has: page.getByRole('rowheader', { name: label }) });
	return row.getByRole('cell').allInnerTexts();
}

test('an admin produces the year’s tables, narrows the period, and downloads a table as CSV', async ({ browser }, testInfo) => {
	test.setTimeout(120_000);
	const admin = REPORT_PERSONAS[testInfo.project.name === 'chromium' ? 'js' : 'nojs'];
	const { context, page } = await personContext(browser, testInfo);
	const today = londonToday();
	const year = reportYear(today);

	// 1. From the admin page to the figures: the last financial year by default.
	await staffSignIn(page, admin.login, { home: /\/admin$/ });
	await submitAndWait(page, () => page.getByRole('link', { name: 'Figures for the annual report' }).click());
	await expect(page).toHaveURL(/\/admin\/reports$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Figures for the annual report');
	const lastFrom = `${Number(year.from.slice(0, 4)) + 1}-04-01`;
	const lastTo = `${Number(year.to.slice(0, 4)) + 1}-03-31`;
	await expect(page.getByTestId('report-period')).toHaveText(`Figures from ${longDate(lastFrom)} to ${longDate(lastTo)}`);
	await expect(page.getByLabel('From', { exact: true })).toHaveValue(lastFrom);
	await checked(page);

	// 2. "The year before": the seeded year. Every table states how it is counted.
	await submitAndWait(page, () => page.getByRole('link', { name: /^The year before/ }).click());
	await expect(page).toHaveURL(new RegExp(`/admin/reports\\?from=${year.from}&to=${year.to}$`));
	await expect(page.getByTestId('report-period')).toHaveText(`Figures from ${longDate(year.from)} to ${longDate(year.to)}`);
	expect(await rowOf(page, 'reviews', 'All reviews of children looked after')).toEqual(['12']);
	expect(await rowOf(page, 'timescale', 'All reviews')).toEqual(['12', '10', '83.3%']);
	expect(await rowOf(page, 'participation', /^PN0/)).toEqual(['2', '16.7%', '']);
	expect(await rowOf(page, 'participation', /^PN1/)).toEqual(['5', '41.7%', '50.0%']);
	expect(await rowOf(page, 'participation', 'Code not confirmed yet')).toEqual(['1', '8.3%', '10.0%']);
	expect(await rowOf(page, 'participation', 'Total')).toEqual(['12', '', '']);
	expect(await rowOf(page, 'consultation', 'Children 8 to 12')).toEqual(['10', '4', '40.0%', '33.3%']);
	expect(await rowOf(page, 'consultation', 'Parents')).toEqual(['12', '3', '25.0%', '25.0%']);
	expect(await rowOf(page, 'consultation', 'Carers')).toEqual(['12', '6', '50.0%', '50.0%']);
	expect(await rowOf(page, 'caseload', 'Report IRO One')).toEqual(['7']);
	await expect(page.getByTestId('chart-participation')).toBeVisible();
	await expect(page.getByTestId('report-participation').getByRole('heading', { name: 'How it is counted' })).toBeVisible();
	await expect(page.getByTestId('report-participation')).toContainText('% of reviews of children 4 and over: out of reviews where the child was 4 or over on the held date');
	expect(await rowOf(page, 'feedback-parent', 'Feedback sent')).toEqual(['0', '0', '–']);
	expect(await rowOf(page, 'requests', 'All requests')).toEqual(['0', '0', '0', '–', '–']);
	await checked(page);

	// 3. A last day before the first: the error is shown by the field, what was typed is kept.
	await page.getByLabel('From', { exact: true }).fill(`${year.from.slice(0, 4)}-09-30`);
	await page.getByLabel('To', { exact: true }).fill(year.from);
	await submitAndWait(page, () => page.getByRole('button', { name: 'Show the figures' }).click());
	await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
	await expect(page).toHaveTitle(/^Error: /);
	await expect(page.locator('#to-error')).toContainText('The last day must be the same as or after the first day');
	await expect(page.getByLabel('From', { exact: true })).toHaveValue(`${year.from.slice(0, 4)}-09-30`);
	await checked(page);

	// 4. April to September: six reviews.
	const half = { from: year.from, to: `${year.from.slice(0, 4)}-09-30` };
	await page.getByLabel('From', { exact: true }).fill(half.from);
	await page.getByLabel('To', { exact: true }).fill(half.to);
	await submitAndWait(page, () => page.getByRole('button', { name: 'Show the figures' }).click());
	await expect(page).toHaveURL(new RegExp(`from=${half.from}&to=${half.to}$`));
	await expect(page.getByTestId('report-period')).toHaveText(`Figures from ${longDate(half.from)} to ${longDate(half.to)}`);
	expect(await rowOf(page, 'reviews', 'All reviews of children looked after')).toEqual(['6']);
	expect(await rowOf(page, 'participation', /^PN1/)).toEqual(['3', '50.0%', '60.0%']);
	await checked(page);

	// 5. The participation table as CSV: the same numbers come back.
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-participation').click()]);
	expect(download.suggestedFilename()).toBe(`report-participation-${half.from}-to-${half.to}.csv`);
	const rows = parseCsv(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''));
	expect(rows[0]).toEqual(['Figure', 'Reviews', '% of all reviews', '% of reviews of children 4 and over']);
	expect(rows.find((r) => r[0]!.startsWith('PN1'))).toEqual(['PN1: attended and spoke for themselves', '3', '50', '60']);
	expect(rows.find((r) => r[0] === 'Total')).toEqual(['Total', '6', '', '']);

	// 6. For publishing: every table, small numbers hidden.
	const [published] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-all-publication').click()]);
	const text = readFileSync((await published.path())!, 'utf8');
	expect(text).toContain('PN1: attended and spoke for themselves,<5,<5,<5');
	expect(text).not.toContain('Report IRO One');

	// 7. Printed, the period form and the download links are left out; the tables stay.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: 'Show the figures' })).toBeHidden();
	await expect(page.getByTestId('table-participation')).toBeVisible();
	await page.emulateMedia({ media: 'screen' });
	await context.close();
});
