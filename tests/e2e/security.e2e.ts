/**
 * The outer fences on the production build: headers on every kind of response (SEC-C4), forged
 * cross-site posts refused (SEC-C1), sign-out and Exit end the session on the server (SEC-S4,
 * A11Y-17), and no demo secret in the build (SEC-A4).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PERSONAS, RESPONDENT_PASSPHRASE, SPARE_YOUNG_PEOPLE } from '../fixtures/personas';
import { expectAccessible } from './support/a11y';
import { expect, test } from './support/fixtures';

const HEADERS: Record<string, string | RegExp> = {
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'referrer-policy': 'same-origin',
	'cache-control': 'no-store',
	'cross-origin-opener-policy': 'same-origin',
	'permissions-policy': /geolocation=\(\)/,
	'content-security-policy': /frame-ancestors 'none'/
};

test('SEC-C4: pages, redirects and 404s all carry the security headers, and pages a nonce CSP without unsafe-inline', async ({ request }) => {
	for (const [path, status] of [['/', 200], ['/me', 303], ['/no-such-page', 404], ['/iro/review/aaaaaaaaaaaaaaaaaaaaaaaa/pack', 303]] as const) {
		const res = await request.get(path, { maxRedirects: 0 });
		expect(res.status(), path).toBe(status);
		for (const [name, value] of Object.entries(HEADERS)) {
			const got = res.headers()[name];
			expect(got, `${path} ${name}`).toBeDefined();
			if (typeof value === 'string') expect(got, `${path} ${name}`).toBe(value);
			else expect(got, `${path} ${name}`).toMatch(value);
		}
		expect(res.headers()['x-powered-by']).toBeUndefined();
	}
	const csp = (await request.get('/')).headers()['content-security-policy']!;
	expect(csp).toMatch(/script-src 'self' 'nonce-/);
	expect(csp).not.toContain('unsafe-inline');
	expect(csp).not.toMatch(/https?:\/\//);
});

test('SEC-C1: a cross-site form post is refused with 403, with or without a content type', async ({ request }) => {
	for (const headers of <Record<string, string>[]>[
		{ origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
		{ origin: 'https://evil.example', 'content-type': 'text/plain' },
		{ 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' }
	]) {
		const res = await request.post('/sign-in', { headers, data: 'username=x&passphrase=y', maxRedirects: 0 });
		expect(res.status()).toBe(403);
	}
	// A same-origin post that isn't a plain form is refused too (415): actions take only what forms send.
	const json = await request.post('/sign-in', { headers: { origin: new URL(test.info().project.use.baseURL!).origin, 'content-type': 'application/json' }, data: '{}', maxRedirects: 0 });
	expect(json.status()).toBe(415);
});

test('SEC-S4, A11Y-17: Exit this page ends the session on the server and clears the site; the old cookie is refused', async ({ page, context, jsEnabled }) => {
	await page.goto('/sign-in');
	await page.getByLabel('Username').fill(jsEnabled ? SPARE_YOUNG_PEOPLE.exitJs : SPARE_YOUNG_PEOPLE.exitNoJs);
	await page.getByLabel('Passphrase').fill(RESPONDENT_PASSPHRASE);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/me$/);
	const exit = page.getByRole('link', { name: 'Exit this page' });
	await expect(exit).toHaveAttribute('href', '/exit');
	await expectAccessible(page);
	const cookies = await context.cookies();
	const session = cookies.find((c) => c.name === 'session')!;
	expect(session.httpOnly).toBe(true);
	expect(session.sameSite).toBe('Lax');
	const res = await page.request.get('/exit', { maxRedirects: 0 });
	expect(res.status()).toBe(303);
	expect(res.headers()['location']).toBe('https://www.bbc.co.uk/weather');
	expect(res.headers()['clear-site-data']).toContain('"storage"');
	// The server has forgotten the session: replaying the old cookie gets the sign-in page.
	const replay = await page.request.get('/me', { headers: { cookie: `session=${session.value}` }, maxRedirects: 0 });
	expect(replay.status()).toBe(303);
	expect(replay.headers()['location']).toBe('/sign-in');
});

test('SEC-S4: signing out ends the session on the server, clears the site, and Back shows no answers', async ({ page, context, jsEnabled }) => {
	await page.goto('/sign-in');
	await page.getByLabel('Username').fill(jsEnabled ? SPARE_YOUNG_PEOPLE.signOutJs : SPARE_YOUNG_PEOPLE.signOutNoJs);
	await page.getByLabel('Passphrase').fill(RESPONDENT_PASSPHRASE);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/me$/);
	const session = (await context.cookies()).find((c) => c.name === 'session')!;
	const signOut = page.waitForResponse((r) => r.url().includes('/sign-out') && r.request().method() === 'POST');
	await page.getByRole('button', { name: 'Sign out' }).click();
	const res = await signOut;
	expect((await res.allHeaders())['clear-site-data'] ?? '').toContain('"cache"');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('You have signed out');
	await expectAccessible(page);
	const replay = await page.request.get('/me', { headers: { cookie: `session=${session.value}` }, maxRedirects: 0 });
	expect(replay.status()).toBe(303);
	// PRIV-H4: Back does not show the signed-in page again.
	await page.goBack();
	await page.reload();
	await expect(page).not.toHaveURL(/\/me$/);
});

test('wrong and malformed codes get one clear message by the field, and what was typed stays', async ({ page }) => {
	await page.goto('/activate');
	await page.getByLabel('Enter your code').fill('ABCDE-FGHJK');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.locator('#code-error')).toContainText('That code is not right');
	await expect(page.getByLabel('Enter your code')).toHaveValue('ABCDE-FGHJK');
	await expect(page).toHaveTitle(/^Error: /);
	await expectAccessible(page);
	await page.getByLabel('Enter your code').fill('');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.locator('#code-error')).toContainText('Enter your code');
});

test('an unknown username and a wrong passphrase get the same message (SEC-A6)', async ({ page }) => {
	const messages: string[] = [];
	for (const username of [PERSONAS.parentC.login, 'no-such-user-99']) {
		await page.goto('/sign-in');
		await page.getByLabel('Username').fill(username);
		await page.getByLabel('Passphrase').fill('not the right passphrase');
		await page.getByRole('button', { name: 'Sign in' }).click();
		messages.push((await page.locator('#username-error').textContent())!.trim());
		await expect(page.getByLabel('Username')).toHaveValue(username);
	}
	expect(messages[0]).toBe(messages[1]);
	await expectAccessible(page);
});

test('SEC-A4: the production build holds no demo password or demo code', async () => {
	const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../build');
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const p = join(dir, name);
			if (statSync(p).isDirectory()) walk(p);
			else if (/\.(js|html|json|css|map)$/.test(p)) files.push(p);
		}
	};
	walk(root);
	expect(files.length).toBeGreaterThan(10);
	for (const f of files) {
		const text = readFileSync(f, 'utf8');
		expect(text.includes('demo-password'), f).toBe(false);
		expect(/DEMO-(TEEN|CHILD|YOUNG|PARENT|CARER)/.test(text), f).toBe(false);
	}
});
