/**
 * SECURITY §10, D20: the allocated IRO marks a held review's pack "saved to the case record" from
 * the pack, with JavaScript on and off; the pack then says when and by whom, and the day the
 * answers will be deleted from the app (the retention job's part is unit-tested under a fake clock:
 * src/lib/server/jobs/content-erasure.spec.ts). The mark is audited once; a second post changes
 * nothing. axe on each state.
 *
 * A private `node build` over a copy of the e2e database per project, with the replay cast's held
 * review (REPLAY_FEEDBACK_CAST), so no other test's pack changes.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test';
import Database from 'better-sqlite3';
import { REPLAY_FEEDBACK_CAST, STAFF_PASSWORD } from '../fixtures/personas';
import { expect, test } from './support/fixtures';
import { snapshotE2eDatabase, startPrivateServer, type PrivateServer } from './support/private-server';
import { checked, submitAndWait } from './support/session';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let server: PrivateServer;
let dbPath: string;
let context: BrowserContext;
let page: Page;
let reviewId: string;

function db<T>(fn: (d: Database.Database) => T): T {
	const d = new Database(dbPath, { readonly: true, fileMustExist: true });
	try {
		return fn(d);
	} finally {
		d.close();
	}
}

test.beforeAll(async ({ browser }: { browser: Browser }, testInfo: TestInfo) => {
	dbPath = join(testInfo.outputPath('db'), 'case-record.sqlite');
	snapshotE2eDatabase(dbPath);
	server = await startPrivateServer({ databasePath: dbPath });
	reviewId = db(
		(d) =>
			(d.prepare('select review.id as id from review join child on child.id = review.child_id where child.preferred_name = ? and review.held_date is not null').get(REPLAY_FEEDBACK_CAST.child.displayName) as { id: string })
				.id
	);
	context = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 360, height: 740 }, javaScriptEnabled: testInfo.project.use.javaScriptEnabled !== false });
	page = await context.newPage();
	await page.goto('/sign-in/staff');
	await page.getByLabel('Email address').fill(REPLAY_FEEDBACK_CAST.iro.login);
	await page.getByLabel('Password').fill(STAFF_PASSWORD);
	await submitAndWait(page, () => page.getByRole('button', { name: 'Sign in' }).click());
	await expect(page).toHaveURL(/\/iro$/);
});

test.afterAll(async () => {
	await context?.close();
	await server?.kill();
});

const audited = () => db((d) => (d.prepare("select count(*) as n from audit_event where action = 'change' and resource_type = 'case-record' and resource_id = ?").get(reviewId) as { n: number }).n);

test('D20: the IRO marks the held pack saved to the case record; the pack says when, by whom, and when the answers go', async () => {
	await page.goto(`/iro/review/${reviewId}/pack`);
	const section = page.getByTestId('case-record');
	await expect(section.getByRole('heading', { level: 2, name: 'Saved to the case record' })).toBeVisible();
	await expect(section).toContainText('90 days after the meeting the answers are then deleted from this app');
	await checked(page);
	expect(audited()).toBe(0);

	await section.getByRole('button', { name: 'The pack is saved to the case record' }).click();
	await expect(section).toContainText(`by ${REPLAY_FEEDBACK_CAST.iro.displayName}.`);
	await expect(section).toContainText('The answers will be deleted from this app on');
	await expect(section.getByRole('button')).toHaveCount(0);
	await checked(page);

	const row = db((d) => d.prepare('select held_date as held, case_record_saved_at as at, case_record_saved_by as by from review where id = ?').get(reviewId)) as { held: string; at: number; by: string };
	expect(Date.now() - row.at).toBeLessThan(120_000);
	expect(row.by).toBeTruthy();
	expect(audited(), 'one audit row').toBe(1);
	// The deletion day is the meeting plus 90 days.
	const [y, m, d] = row.held.split('-').map(Number);
	const day = new Date(Date.UTC(y!, m! - 1, d! + 90));
	const words = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(day);
	await expect(section).toContainText(`deleted from this app on ${words}`);
});

test('D20: marking again (a double click, a replayed post) changes nothing and records nothing more', async () => {
	const res = await page.request.post(`/iro/review/${reviewId}/pack?/saved-to-record`, {
		headers: { origin: server.origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		data: 'confirm=yes',
		maxRedirects: 0
	});
	expect(res.status()).toBe(303);
	expect(audited()).toBe(1);
	const forged = await page.request.post(`/iro/review/${reviewId}/pack?/saved-to-record`, {
		headers: { origin: server.origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		data: 'confirm=yes&reviewId=x',
		maxRedirects: 0
	});
	expect(forged.status()).toBe(400);
});
