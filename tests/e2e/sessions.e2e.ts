/**
 * SEC-S1, SEC-S3, SEC-S4, SEC-S6, SEC-S7 on the production build: expired, forged, tampered,
 * malformed and signed-out tokens are refused (sign-in page, cookie deleted); sign-in always
 * makes a new session (a fixed cookie is never adopted) and a respondent's new sign-in ends the
 * old one; staff deactivation ends the person's sessions at once. A private `node build` over a
 * copy of the e2e database, so the test can age a session in the database (its own copy) and
 * sign the shared personas in without ending anyone else's session.
 *
 * Request API only, no browser: the no-JS project skips it.
 */
import { join } from 'node:path';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import Database from 'better-sqlite3';
import type { PersonaName, SeededIds } from '../fixtures/personas';
import { expect, test } from './support/fixtures';
import { snapshotE2eDatabase, startPrivateServer, type PrivateServer } from './support/private-server';
import { readSeededIds, signIn } from './support/routes';

test.describe.configure({ mode: 'serial' });

let server: PrivateServer;
let ids: SeededIds;
let dbPath: string;
const contexts: APIRequestContext[] = [];

test.beforeAll(async ({}, testInfo) => {
	if (testInfo.project.name === 'chromium-no-js') return;
	dbPath = join(testInfo.outputPath('db'), 'sessions.sqlite');
	snapshotE2eDatabase(dbPath);
	server = await startPrivateServer({ databasePath: dbPath });
	ids = readSeededIds();
});

test.afterAll(async () => {
	for (const c of contexts) await c.dispose();
	await server?.kill();
});

test.beforeEach(({ jsEnabled }) => {
	test.skip(!jsEnabled, 'request API only: one run covers both projects');
});

async function context(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }): Promise<APIRequestContext> {
	const c = await playwright.request.newContext({ baseURL: server.baseURL, extraHTTPHeaders: { accept: 'text/html,application/xhtml+xml' } });
	contexts.push(c);
	return c;
}

async function tokenOf(api: APIRequestContext): Promise<string> {
	const c = (await api.storageState()).cookies.find((x) => x.name === 'session');
	expect(c, 'a session cookie').toBeDefined();
	return c!.value;
}

/** A bare request with only this cookie: no context state to muddy what is being tested. */
async function withCookie(token: string, path = '/me'): Promise<APIResponse> {
	const res = await fetch(`${server.baseURL}${path}`, { headers: { cookie: `session=${token}`, accept: 'text/html' }, redirect: 'manual' });
	return { status: () => res.status, headers: () => Object.fromEntries(res.headers.entries()), setCookie: res.headers.getSetCookie() } as unknown as APIResponse & {
		setCookie: string[];
	};
}

/** Refused: sent to sign-in, and the cookie deleted (SEC-S7). */
async function expectRefused(token: string, path: string, why: string) {
	const res = (await withCookie(token, path)) as APIResponse & { setCookie: string[] };
	expect(res.status(), `${why}: status`).toBe(303);
	expect(res.headers()['location'], `${why}: to sign-in`).toMatch(/^\/sign-in/);
	const deleted = res.setCookie.some((c) => /^session=;/.test(c) && /(Max-Age=0|Expires=Thu, 01 Jan 1970)/i.test(c));
	expect(deleted, `${why}: the cookie is deleted (${res.setCookie.join(' | ')})`).toBe(true);
}

async function expectAccepted(token: string, path: string, why: string) {
	const res = await withCookie(token, path);
	expect(res.status(), why).toBe(200);
}

function flip(ch: string): string {
	return ch === 'A' ? 'B' : 'A';
}

test('SEC-S7: tampered, forged, malformed and swapped tokens are refused, and the cookie deleted', async ({ playwright }) => {
	const api = await context(playwright);
	await signIn(api, 'childC', server.origin);
	const token = await tokenOf(api);
	await expectAccepted(token, '/me', 'the real token');
	const [id, secret] = token.split('.') as [string, string];
	await expectRefused(`${id}.${flip(secret[0]!)}${secret.slice(1)}`, '/me', 'one character of the secret changed');
	await expectRefused(`${id}.${secret.slice(0, -1)}${flip(secret.at(-1)!)}`, '/me', 'the last character of the secret changed');
	await expectRefused(`${id.slice(0, -1)}${id.at(-1) === 'a' ? 'b' : 'a'}.${secret}`, '/me', 'the id changed');
	await expectRefused(`${'a'.repeat(24)}.${secret}`, '/me', 'a forged id with the real secret');
	await expectRefused(`${id}.${'A'.repeat(43)}`, '/me', 'the real id with a forged secret');
	for (const [bad, why] of [
		['not-a-token', 'no dot'],
		[`${id}.`, 'no secret'],
		[`.${secret}`, 'no id'],
		[`${id}.${secret}.extra`, 'three parts'],
		[`${id.toUpperCase()}.${secret}`, 'upper-case id'],
		[`${id}.${secret}${'x'.repeat(4000)}`, 'a huge secret'],
		["' OR 1=1 --", 'SQL'],
		[encodeURIComponent('<script>'), 'markup']
	] as const) {
		await expectRefused(bad, '/me', why);
	}
	// The real token still works after all that (nothing above ended it).
	await expectAccepted(token, '/me', 'the real token, afterwards');
});

test('SEC-S3: an idle or too-old session is refused on the server (fake clock: the session row aged in the database)', async ({ playwright }) => {
	const idle = await context(playwright);
	await signIn(idle, 'childC', server.origin);
	const idleToken = await tokenOf(idle);
	await expectAccepted(idleToken, '/me', 'fresh');
	const db = new Database(dbPath);
	try {
		// Young people: 20 min idle, 4 h absolute (SECURITY §3.2).
		db.prepare('update session set last_verified_at = last_verified_at - ? where id = ?').run(21 * 60_000, idleToken.split('.')[0]);
	} finally {
		db.close();
	}
	await expectRefused(idleToken, '/me', 'idle for 21 minutes');

	const old = await context(playwright);
	await signIn(old, 'iro2', server.origin);
	const oldToken = await tokenOf(old);
	await expectAccepted(oldToken, '/iro', 'fresh staff session');
	const db2 = new Database(dbPath);
	try {
		// Staff: 12 h absolute, however recently used.
		db2.prepare('update session set created_at = created_at - ? where id = ?').run(12 * 60 * 60_000 + 1000, oldToken.split('.')[0]);
	} finally {
		db2.close();
	}
	await expectRefused(oldToken, '/iro', 'signed in more than 12 hours ago');
	// The expired rows are gone, not just refused.
	const db3 = new Database(dbPath, { readonly: true });
	try {
		const left = db3.prepare('select count(*) as n from session where id in (?, ?)').get(idleToken.split('.')[0], oldToken.split('.')[0]) as { n: number };
		expect(left.n).toBe(0);
	} finally {
		db3.close();
	}
});

test('SEC-S4: a token reused after sign-out, or after "sign out of all devices", is refused', async ({ playwright }) => {
	const api = await context(playwright);
	await signIn(api, 'parentC', server.origin);
	const token = await tokenOf(api);
	await expectAccepted(token, '/parent', 'signed in');
	const out = await api.post('/sign-out?/now', { headers: { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' }, data: '', maxRedirects: 0 });
	expect(out.status()).toBeLessThan(400);
	await expectRefused(token, '/parent', 'after sign-out');

	// Staff may hold several sessions (D18); "everywhere" ends them all.
	const a = await context(playwright);
	const b = await context(playwright);
	await signIn(a, 'iro1', server.origin);
	await signIn(b, 'iro1', server.origin);
	const [ta, tb] = [await tokenOf(a), await tokenOf(b)];
	await expectAccepted(ta, '/iro', 'first device');
	await expectAccepted(tb, '/iro', 'second device');
	const all = await a.post('/sign-out?/everywhere', { headers: { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' }, data: '', maxRedirects: 0 });
	expect(all.status()).toBeLessThan(400);
	await expectRefused(ta, '/iro', 'this device after sign out everywhere');
	await expectRefused(tb, '/iro', 'the other device after sign out everywhere');
});

test('SEC-S1, SEC-S6: sign-in always makes a new session (a planted cookie is never adopted); a respondent’s new sign-in ends the old one', async ({ playwright }) => {
	// Session fixation: a cookie planted before sign-in is replaced, and the planted value means nothing.
	const planted = `${'b'.repeat(24)}.${'C'.repeat(43)}`;
	const api = await context(playwright);
	await api.storageState();
	const first = await api.post('/sign-in', {
		headers: { origin: server.origin, cookie: `session=${planted}` },
		form: { username: 'e2e-sibling-b-22', passphrase: 'e2e respondent passphrase' },
		maxRedirects: 0
	});
	expect(first.status()).toBe(303);
	const t1 = await tokenOf(api);
	expect(t1).not.toBe(planted);
	await expectAccepted(t1, '/me', 'the new session');
	await expectRefused(planted, '/me', 'the planted value');

	// Rotation: a second sign-in gets a new id and secret, and (one session per respondent) ends the first.
	const again = await context(playwright);
	await signIn(again, 'siblingB' satisfies PersonaName, server.origin);
	const t2 = await tokenOf(again);
	expect(t2.split('.')[0]).not.toBe(t1.split('.')[0]);
	expect(t2.split('.')[1]).not.toBe(t1.split('.')[1]);
	await expectAccepted(t2, '/me', 'the newest session');
	await expectRefused(t1, '/me', 'the older session of the same young person');
});

test('SEC-S4: deactivating a member of staff ends their sessions at once', async ({ playwright }) => {
	const iro = await context(playwright);
	await signIn(iro, 'previousIroA', server.origin);
	const token = await tokenOf(iro);
	await expectAccepted(token, '/iro', 'before deactivation');
	const admin = await context(playwright);
	await signIn(admin, 'admin', server.origin);
	const res = await admin.post('/admin?/deactivate', {
		headers: { origin: server.origin },
		form: { userId: ids.users.previousIroA },
		maxRedirects: 0
	});
	expect(res.status(), await res.text().then((t) => t.slice(0, 200))).toBeLessThan(400);
	await expectRefused(token, '/iro', 'after deactivation');
	// And they can't sign in again while deactivated.
	const back = await iro.post('/sign-in/staff', { headers: { origin: server.origin }, form: { email: 'e2e-iro-prev@example.test', password: 'e2e-staff-password-long' }, maxRedirects: 0 });
	expect(back.status()).not.toBe(303);
});
