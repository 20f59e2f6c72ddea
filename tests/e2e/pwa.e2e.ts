/**
 * Issue 7: the installable, offline-tolerant app (REL-2, REL-3, REL-4, SEC-D3, SEC-D4, PRIV-H2).
 * - The manifest is neutral and installable; the worker precaches only the app shell.
 * - JS on: the connection drops as a child presses Continue; the answer is kept on the phone, the
 *   child is told plainly, and it arrives exactly once when the connection returns, however often
 *   it is sent again. Sign-out with an answer still kept warns first, then leaves nothing personal
 *   in Cache Storage, IndexedDB or localStorage. localStorage is never written at all (SECURITY §6:
 *   it may hold nothing; whether an answer may be waiting is the queue database existing).
 * - JS off: there is no offline queue (the server's save on each Continue covers page moves); the
 *   same form posted twice saves once, and sign-out asks the browser to clear the site.
 * 360 px, axe on every page and state visited.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { PWA_PERSONAS } from '../fixtures/personas';
import { expect, test } from './support/fixtures';
import { careWordsIn } from '../../src/lib/domain/app-name';
import { staffOnlyFiles, type ClientManifest } from '../../src/lib/pwa/shell';
import { questionsFor } from '../../src/lib/forms/define';
import { latestForm } from '../../src/lib/forms/registry';
import { signIn } from './support/consultation';
import { checked, personContext, readDb } from './support/session';

/** A page where a child types words, and the page after it (the seeded 14-year-olds' form). */
const PAGE = 'home-change';
const QUESTIONS = questionsFor(latestForm('young-person-13-plus'), 14);
const NEXT = QUESTIONS[QUESTIONS.findIndex((q) => q.id === PAGE) + 1]!.id;

function castFor(project: string) {
	return PWA_PERSONAS[project === 'chromium' ? 'js' : 'nojs'];
}

function reviewOf(login: string): string {
	return readDb((db) => (db.prepare("select i.review_id as r from invitation i join app_user u on u.id = i.respondent_id where u.username = ?").get(login) as { r: string }).r);
}

function answerOf(login: string, questionId: string): { value: string; updated_at: number } | undefined {
	return readDb(
		(db) =>
			db
				.prepare(
					'select a.value, a.updated_at from answer a join consultation c on c.id = a.consultation_id join app_user u on u.id = c.respondent_id where u.username = ? and a.question_id = ?'
				)
				.get(login, questionId) as { value: string; updated_at: number } | undefined
	);
}

function keyRows(key: string): number {
	return readDb((db) => (db.prepare("select count(*) as n from idempotency_key where key = ? and action = 'answer'").get(key) as { n: number }).n);
}

/** What the browser holds for this site: Cache Storage URLs, IndexedDB names and rows, localStorage. */
async function storage(page: Page): Promise<{ cached: string[]; databases: string[]; queued: number; local: number; session: string[]; sessionText: string }> {
	return page.evaluate(async () => {
		const cached: string[] = [];
		for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) cached.push(new URL(req.url).pathname);
		const databases = (await indexedDB.databases()).map((d) => d.name ?? '');
		let queued = 0;
		if (databases.includes('queue')) {
			queued = await new Promise<number>((resolve) => {
				const open = indexedDB.open('queue');
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains('pages')) return resolve(0);
					const count = db.transaction('pages').objectStore('pages').count();
					count.onsuccess = () => {
						resolve(count.result);
						db.close();
					};
				};
				open.onerror = () => resolve(-1);
			});
		}
		return { cached, databases, queued, local: localStorage.length, session: Object.keys(sessionStorage), sessionText: JSON.stringify(Object.values(sessionStorage)) };
	});
}

/**
 * Records every write to localStorage or sessionStorage by the app's own code, in every page of the
 * context, from before its first script runs (SECURITY §6). Kit's router writes its scroll
 * positions (`sveltekit:*`) to sessionStorage: numbers, nothing typed; those are left out.
 */
async function watchStorageWrites(context: BrowserContext): Promise<string[]> {
	const writes: string[] = [];
	await context.exposeBinding('__storageWrite', (_source, what: string) => void writes.push(what));
	await context.addInitScript(() => {
		const report = (window as unknown as { __storageWrite: (what: string) => void }).__storageWrite;
		const setItem = Storage.prototype.setItem;
		Storage.prototype.setItem = function (key: string, value: string) {
			const which = this === window.localStorage ? 'localStorage' : 'sessionStorage';
			if (which === 'localStorage' || !key.startsWith('sveltekit:')) void report(`${which}.setItem(${key})`);
			return setItem.call(this, key, value);
		};
	});
	return writes;
}

test('the manifest is neutral and installable, with maskable icons (PRIV-H2)', async ({ page, request }) => {
	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toBeTruthy();
	const res = await request.get(href!);
	expect(res.status()).toBe(200);
	const manifest = (await res.json()) as { name: string; short_name: string; start_url: string; display: string; theme_color: string; icons: { src: string; sizes: string; purpose: string; type: string }[] };
	expect(res.headers()['content-type']).toContain('application/manifest+json');
	// Served by a route with the service's APP_NAME (unset here: the default), checked by the word-list lint at start.
	expect(manifest.name).toBe('My Review');
	expect(manifest.short_name).toBe('My Review');
	expect(careWordsIn(manifest.name)).toEqual([]);
	expect(`${manifest.name} ${manifest.short_name}`).not.toMatch(/care|council|social|safeguard|child|looked/i);
	expect(manifest.start_url).toBe('/');
	expect(manifest.display).toBe('standalone');
	expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
	const sizes = (purpose: string) => manifest.icons.filter((i) => i.purpose === purpose && i.type === 'image/png').map((i) => i.sizes);
	expect(sizes('any')).toEqual(expect.arrayContaining(['192x192', '512x512']));
	expect(sizes('maskable')).toEqual(expect.arrayContaining(['192x192', '512x512']));
	for (const icon of manifest.icons) {
		const got = await request.get(icon.src);
		expect(got.status(), icon.src).toBe(200);
		expect(got.headers()['content-type']).toContain(icon.type);
	}
	await checked(page);
});

test('the service worker precaches only the app shell, never a page (REL-3, SEC-D3)', async ({ browser, jsEnabled }, testInfo) => {
	test.skip(!jsEnabled, 'no JavaScript, no service worker: every page comes from the network');
	const { context, page } = await personContext(browser, testInfo);
	const login = castFor(testInfo.project.name).offline;
	await page.goto('/');
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await expect.poll(async () => (await storage(page)).cached.length, { timeout: 15_000 }).toBeGreaterThan(5);
	const { cached } = await storage(page);
	for (const path of cached) expect(path, `cached: ${path}`).toMatch(/^\/(_app\/|icons\/|icon\.svg$|manifest\.webmanifest$|robots\.txt$|offline\.css$)/);
	expect(cached.some((p) => p.endsWith('.css'))).toBe(true);
	// The first visit fetches what respondents' pages use, not staff pages' code (issue 7: it was ~450 KB).
	const manifest = JSON.parse(readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8')) as ClientManifest;
	const nodesDir = '.svelte-kit/generated/client-optimized/nodes';
	const nodes = Object.fromEntries(readdirSync(nodesDir).map((f) => [`/${nodesDir}/${f}`, readFileSync(join(nodesDir, f), 'utf8')]));
	const staff = staffOnlyFiles(manifest, nodes);
	expect(staff.size, 'staff pages have code of their own').toBeGreaterThan(10);
	for (const path of cached) expect(staff.has(path.slice(1)), `staff-only code precached: ${path}`).toBe(false);
	const bytes = (paths: Iterable<string>) => [...paths].reduce((n, p) => n + statSync(join('build/client', p)).size, 0);
	const precached = bytes(cached.filter((p) => p.startsWith('/_app/')));
	console.log(`pwa precache: ${(precached / 1024).toFixed(0)} KB of build files (staff-only left out: ${(bytes([...staff].map((f) => `/${f}`)) / 1024).toFixed(0)} KB)`);
	// The queue's code is there, so an answer can be kept when the connection drops on a page opened before the worker was ready.
	const queueChunk = manifest['src/lib/pwa/queue.ts']?.file;
	if (queueChunk) expect(cached).toContain(`/${queueChunk}`);
	// Offline, a page isn't served from a cache: the worker's neutral offline page says so.
	await context.setOffline(true);
	await page.goto('/sign-in').catch(() => undefined);
	await expect(page.getByRole('heading', { level: 1, name: 'You are offline' })).toBeVisible();
	await expect(page.locator('body')).not.toContainText(login);
	await context.setOffline(false);
	await context.close();
});

test('an answer typed as the connection drops is kept, the child is told, and it arrives exactly once (REL-2, REL-4)', async ({ browser, jsEnabled }, testInfo) => {
	const login = castFor(testInfo.project.name).offline;
	const { context, page } = await personContext(browser, testInfo);
	const writes = await watchStorageWrites(context);
	await signIn(page, login);
	const url = `/me/review/${reviewOf(login)}/${PAGE}`;
	const typed = `Offline answer ${testInfo.project.name} 7q2`;
	await page.goto(url);
	await checked(page);
	await page.getByRole('textbox').fill(typed);
	const key = await page.locator('input[name="idempotency_key"]').inputValue();
	expect(key).toMatch(/^[0-9a-f-]{36}$/);
	const share = await page.locator(`input[name="${PAGE}-share"]:checked`).getAttribute('value');

	if (jsEnabled) {
		// The page must be running its JavaScript (hydrated) before the connection drops, as a child's would be after a few seconds on it.
		await page.waitForLoadState('networkidle');
		await context.setOffline(true);
		await page.getByRole('button', { name: 'Continue' }).click();
		const status = page.getByTestId('offline-status');
		await expect(status).toContainText('Not sent yet.');
		await expect(status).toContainText("We'll send it when you're back online.");
		await expect(page).toHaveURL(new RegExp(`${url}$`));
		await expect(page.getByRole('textbox')).toHaveValue(typed);
		expect(answerOf(login, PAGE)).toBeUndefined();
		expect((await storage(page)).queued).toBe(1);
		expect((await storage(page)).local).toBe(0);
		await checked(page);

		await context.setOffline(false);
		await expect(page).toHaveURL(new RegExp(`/${NEXT}$`), { timeout: 30_000 });
		await expect(page.getByTestId('offline-status')).toContainText('Sent.');
		await checked(page);
		expect((await storage(page)).queued).toBe(0);
		// Sent and nothing left: the queue database itself is gone, so later pages don't load the queue's code.
		await expect.poll(async () => (await storage(page)).databases).not.toContain('queue');
	} else {
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page).toHaveURL(new RegExp(`/${NEXT}$`));
	}
	const saved = answerOf(login, PAGE);
	expect(JSON.parse(saved!.value)).toEqual({ kind: 'text', text: typed });
	expect(keyRows(key)).toBe(1);

	// The same post again (a retry whose first reply was lost): the first outcome, nothing saved twice.
	const again = await page.request.post(url, {
		form: { [PAGE]: typed, ...(share ? { [`${PAGE}-share`]: share } : {}), idempotency_key: key },
		// text/html: what a browser's plain form post asks for (Kit answers `*/*` with its JSON form of the result).
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(again.status()).toBe(303);
	expect(again.headers().location).toMatch(new RegExp(`/${NEXT}$`));
	expect(keyRows(key)).toBe(1);
	expect(answerOf(login, PAGE)!.updated_at).toBe(saved!.updated_at);
	expect(writes, 'SECURITY §6: nothing is written to localStorage or sessionStorage').toEqual([]);
	await context.close();
});

test('sign-out with an answer still kept warns first, then leaves nothing personal on the phone (PRIV-H6, SEC-D4)', async ({ browser, jsEnabled }, testInfo) => {
	const login = castFor(testInfo.project.name).signOut;
	const { context, page } = await personContext(browser, testInfo);
	const writes = await watchStorageWrites(context);
	await signIn(page, login);
	const url = `/me/review/${reviewOf(login)}/${PAGE}`;
	const canary = `CANARY-PWA-${testInfo.project.name}-k9`;
	await page.goto(url);
	await page.getByRole('textbox').fill(canary);
	if (jsEnabled) {
		// The connection is "up" but every answer post fails, so the answer stays kept on the phone.
		await page.waitForLoadState('networkidle');
		await page.route(`**${url}`, (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.fallback()));
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.getByTestId('offline-status')).toContainText('Not sent yet.');
		expect((await storage(page)).queued).toBe(1);
		await page.getByRole('button', { name: 'Sign out' }).click();
		await expect(page.getByRole('alert')).toContainText('has not been sent yet');
		await checked(page);
		await page.getByRole('button', { name: 'Sign out anyway' }).click();
		await expect(page).toHaveURL(/\/sign-out/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('You have signed out');
		const after = await storage(page);
		expect(after.queued).toBe(0);
		expect(after.local).toBe(0);
		// Kit's router keeps scroll positions there (`sveltekit:scroll`, `sveltekit:snapshot`): numbers, nothing typed.
		for (const key of after.session) expect(key).toMatch(/^sveltekit:/);
		for (const path of after.cached) expect(path, `cached after sign-out: ${path}`).toMatch(/^\/(_app\/|icons\/|icon\.svg$|manifest\.webmanifest$|robots\.txt$|offline\.css$)/);
		expect(JSON.stringify(after)).not.toContain(canary);
	} else {
		const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/sign-out') && r.request().method() === 'POST'), page.getByRole('button', { name: 'Sign out' }).click()]);
		expect((await response.allHeaders())['clear-site-data']).toContain('"storage"');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('You have signed out');
	}
	expect(answerOf(login, PAGE)).toBeUndefined();
	expect(writes, 'SECURITY §6: nothing is written to localStorage or sessionStorage').toEqual([]);
	await checked(page);
	await context.close();
});
