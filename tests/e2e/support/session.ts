/**
 * Helpers for journeys as a new user would make them: a browser context per person (their own
 * cookies), with the project's JavaScript setting, and axe on every page visited.
 */
import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test';
import Database from 'better-sqlite3';
import { expectAccessible } from './a11y';

export async function personContext(browser: Browser, testInfo: TestInfo): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({
		baseURL: testInfo.project.use.baseURL,
		viewport: { width: 360, height: 740 },
		javaScriptEnabled: testInfo.project.use.javaScriptEnabled !== false
	});
	return { context, page: await context.newPage() };
}

/** Clicks and waits for the URL to change (a full page load with JS off, client navigation with it). */
export async function submitAndWait(page: Page, click: () => Promise<void>): Promise<void> {
	const before = page.url();
	await click();
	await page.waitForURL((u) => u.href !== before);
	await page.waitForLoadState('load');
}

/** Axe on the page as it is now (A11Y-1). */
export async function checked(page: Page): Promise<void> {
	await expectAccessible(page);
}

/** Read-only look at the e2e database (never to seed or change it). */
export function readDb<T>(fn: (db: Database.Database) => T): T {
	const path = process.env.E2E_DATABASE_PATH;
	if (!path) throw new Error('E2E_DATABASE_PATH is not set');
	const db = new Database(path, { readonly: true, fileMustExist: true });
	try {
		return fn(db);
	} finally {
		db.close();
	}
}

/** A suffix that keeps two projects' new users apart when they run side by side. */
export function uniqueSuffix(testInfo: TestInfo): string {
	return `${testInfo.project.name === 'chromium' ? 'js' : 'nojs'}${Date.now().toString(36).slice(-5)}`;
}
