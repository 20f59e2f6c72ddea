/**
 * SEC-S5 (SECURITY §3.2, ASVS 7.5.1): the subject access export, the audit-log CSV and the reports
 * CSV need the password typed within the last 10 minutes. Signing in counts; once that is older,
 * each export sends the admin to "Confirm your password", which, with JavaScript on or off, checks
 * the password, records the time on the session (server side) and returns them to where they were,
 * filters and all. Wrong passwords get a message by the field; 10 in 15 minutes get 429 and a
 * retry time (SEC-R1). Every attempt is an audit row. axe on every page state.
 *
 * A private `node build` over a copy of the e2e database, so the test can age the session's
 * re-authentication time (its own copy) and lock the step without touching anyone else's run.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test';
import Database from 'better-sqlite3';
import { PERSONAS, STAFF_PASSWORD, type SeededIds } from '../fixtures/personas';
import { expect, test } from './support/fixtures';
import { snapshotE2eDatabase, startPrivateServer, type PrivateServer } from './support/private-server';
import { readSeededIds } from './support/routes';
import { checked, submitAndWait } from './support/session';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let server: PrivateServer;
let ids: SeededIds;
let dbPath: string;
let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser }: { browser: Browser }, testInfo: TestInfo) => {
	dbPath = join(testInfo.outputPath('db'), 'reauth.sqlite');
	snapshotE2eDatabase(dbPath);
	server = await startPrivateServer({ databasePath: dbPath });
	ids = readSeededIds();
	context = await browser.newContext({
		baseURL: server.baseURL,
		viewport: { width: 360, height: 740 },
		javaScriptEnabled: testInfo.project.use.javaScriptEnabled !== false
	});
	page = await context.newPage();
	await page.goto('/sign-in/staff');
	await page.getByLabel('Email address').fill(PERSONAS.admin.login);
	await page.getByLabel('Password').fill(STAFF_PASSWORD);
	await submitAndWait(page, () => page.getByRole('button', { name: 'Sign in' }).click());
	await expect(page).toHaveURL(/\/admin$/);
});

test.afterAll(async () => {
	await context?.close();
	await server?.kill();
});

function db<T>(fn: (d: Database.Database) => T): T {
	const d = new Database(dbPath, { fileMustExist: true });
	d.pragma('busy_timeout = 5000');
	try {
		return fn(d);
	} finally {
		d.close();
	}
}

/** The admin's password was last typed `minutes` ago (every session of theirs in this copy). */
function typedPasswordAgo(minutes: number): void {
	db((d) => d.prepare('update session set reauthenticated_at = ? where user_id = ?').run(Date.now() - minutes * 60_000, ids.users.admin));
}

function reauthAudit(): { action: string; outcome: string }[] {
	return db((d) => d.prepare("select action, outcome from audit_event where resource_type = 'reauth' and actor_id = ? order by at").all(ids.users.admin)) as {
		action: string;
		outcome: string;
	}[];
}

async function confirm(password: string): Promise<void> {
	await page.getByLabel('Password', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Confirm' }).click();
}

test('SEC-S5: just signed in, the subject access export opens without asking again', async () => {
	typedPasswordAgo(9);
	await page.goto(`/admin/children/${ids.childA.childId}/sar`);
	await expect(page.getByRole('heading', { level: 1, name: 'Subject access export' })).toBeVisible();
});

test('SEC-S5: after 10 minutes the subject access export asks for the password, then comes back to it', async () => {
	typedPasswordAgo(11);
	const before = reauthAudit().length;
	const sar = `/admin/children/${ids.childA.childId}/sar`;
	await page.goto(sar);
	await expect(page).toHaveURL(new RegExp(`/admin/confirm-password\\?returnTo=${encodeURIComponent(sar)}$`));
	await expect(page.getByRole('heading', { level: 1, name: 'Confirm your password' })).toBeVisible();
	await checked(page);

	// Wrong, then empty: a message by the field and in the summary; nothing unlocked.
	await confirm('not the password at all');
	await expect(page.locator('.govuk-error-summary')).toContainText('That password is not right');
	await expect(page.locator('#password-error')).toContainText('That password is not right');
	await expect(page).toHaveURL(/\/admin\/confirm-password\?returnTo=/);
	await checked(page);
	await confirm('');
	await expect(page.locator('#password-error')).toBeVisible();
	const stillLocked = await page.request.get(`${sar}/export`, { maxRedirects: 0 });
	expect(stillLocked.status()).toBe(303);

	const confirmedFrom = Date.now();
	await confirm(STAFF_PASSWORD);
	await page.waitForURL((u) => u.pathname === sar);
	const confirmedBy = Date.now();
	await expect(page.getByRole('heading', { level: 1, name: 'Subject access export' })).toBeVisible();
	await checked(page);
	// The time is on the session row (server side), and both attempts are audit rows.
	const at = db((d) => d.prepare('select max(reauthenticated_at) as at from session where user_id = ?').get(ids.users.admin)) as { at: number };
	expect(at.at).toBeGreaterThanOrEqual(confirmedFrom - 1000);
	expect(at.at).toBeLessThanOrEqual(confirmedBy);
	expect(reauthAudit().slice(before)).toEqual([
		{ action: 'sign_in_failed', outcome: 'failed' },
		{ action: 'sign_in', outcome: 'ok' }
	]);
	const json = await page.request.get(`${sar}/export`, { maxRedirects: 0 });
	expect(json.status()).toBe(200);
	expect(json.headers()['content-type']).toContain('application/json');
});

test('SEC-S5: the audit export asks first, returns to the viewer with the same filters, then downloads', async () => {
	typedPasswordAgo(11);
	const viewer = '/admin/audit?action=view&from=2026-01-01';
	await page.goto(viewer);
	await submitAndWait(page, () => page.getByRole('link', { name: 'Download these rows (CSV)' }).click());
	await expect(page).toHaveURL(/\/admin\/confirm-password\?returnTo=/);
	expect(new URL(page.url()).searchParams.get('returnTo')).toBe(viewer);
	await checked(page);
	await confirm(STAFF_PASSWORD);
	await page.waitForURL((u) => u.pathname + u.search === viewer);
	await expect(page.locator('#action')).toHaveValue('view');
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download these rows (CSV)' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
});

test('SEC-S5: the reports CSV asks first and returns to the report for the same period', async () => {
	typedPasswordAgo(11);
	const period = 'from=2026-04-01&to=2026-09-30';
	const refused = await page.request.get(`/admin/reports/csv?${period}&table=participation`, { maxRedirects: 0 });
	expect(refused.status()).toBe(303);
	expect(refused.headers()['location']).toBe(`/admin/confirm-password?returnTo=${encodeURIComponent(`/admin/reports?${period}`)}`);
	expect(refused.headers()['content-type'] ?? '').not.toContain('text/csv');
	await page.goto(refused.headers()['location']!);
	await confirm(STAFF_PASSWORD);
	await page.waitForURL((u) => u.pathname + u.search === `/admin/reports?${period}`);
	await checked(page);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-participation').click()]);
	expect(download.suggestedFilename()).toBe('report-participation-2026-04-01-to-2026-09-30.csv');
});

test('SEC-C7: a return address off /admin goes to /admin instead', async () => {
	typedPasswordAgo(11);
	await page.goto(`/admin/confirm-password?returnTo=${encodeURIComponent('//evil.example/admin')}`);
	await confirm(STAFF_PASSWORD);
	await page.waitForURL((u) => u.pathname === '/admin');
});

test('SEC-R1: 10 wrong passwords lock the step for 15 minutes: 429, a retry time, the message by the field', async () => {
	typedPasswordAgo(11);
	await page.goto(`/admin/confirm-password?returnTo=${encodeURIComponent('/admin/audit')}`);
	for (let i = 0; i < 10; i++) {
		await confirm(`wrong password ${i}`);
		await expect(page.locator('#password-error')).toContainText('That password is not right');
	}
	// The right password is refused too while locked: 429 with Retry-After (a plain form post, as without JavaScript)…
	const res = await page.request.post(`/admin/confirm-password?returnTo=${encodeURIComponent('/admin/audit')}`, {
		headers: { origin: server.origin, accept: 'text/html,application/xhtml+xml' },
		form: { password: STAFF_PASSWORD },
		maxRedirects: 0
	});
	expect(res.status()).toBe(429);
	expect(Number(res.headers()['retry-after'])).toBeGreaterThan(13 * 60);
	expect(await res.text()).toMatch(/Too many tries\. Try again in 1[45] minutes\./);
	// …and the page says when to try again, by the field.
	await confirm(STAFF_PASSWORD);
	await expect(page.locator('#password-error')).toContainText(/Too many tries\. Try again in 1[45] minutes\./);
	await checked(page);
	expect((await page.request.get('/admin/audit/export', { maxRedirects: 0 })).status()).toBe(303);
	expect(reauthAudit().at(-1)).toEqual({ action: 'sign_in_failed', outcome: 'denied' });
});
