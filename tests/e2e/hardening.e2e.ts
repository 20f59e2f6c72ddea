/**
 * Quick proofs on the production build (SECURITY §3.3, §4, §8):
 * - SEC-R1: a burst of sign-in failures, of wrong activation codes and of new requests each gets
 *   429 with `Retry-After` and a message, in the person's language, saying when to try again;
 *   what was typed into the request form is still there.
 * - SEC-K3: the repository, environment and build files are not served: `/.git/HEAD` and the like
 *   get 404.
 * - SEC-L4, SEC-L6: failing requests carrying a canary answer and a session token (in the body,
 *   the query, the cookie and an Authorization header) leave neither in the server's log, even at
 *   `debug`; Kit's refusals (404, 405, 415) are info lines, not "server error".
 *
 * A private `node build` over a copy of the e2e database, so limits can be used up and the log
 * read without upsetting anyone else's run. Request API only: the no-JS project skips it.
 */
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { PERSONAS, type PersonaName, type SeededIds } from '../fixtures/personas';
import { expect, test } from './support/fixtures';
import { formFor } from './support/forms';
import { snapshotE2eDatabase, startPrivateServer, type PrivateServer } from './support/private-server';
import { readSeededIds, signIn } from './support/routes';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let server: PrivateServer;
let ids: SeededIds;
const contexts: APIRequestContext[] = [];

test.beforeAll(async ({}, testInfo) => {
	if (testInfo.project.name === 'chromium-no-js') return;
	const dbPath = join(testInfo.outputPath('db'), 'hardening.sqlite');
	snapshotE2eDatabase(dbPath);
	// debug: everything the server would ever log is in the output the SEC-L4 test reads.
	server = await startPrivateServer({ databasePath: dbPath, env: { LOG_LEVEL: 'debug' } });
	ids = readSeededIds();
});

test.afterAll(async () => {
	for (const c of contexts) await c.dispose();
	await server?.kill();
});

test.beforeEach(({ jsEnabled }) => {
	test.skip(!jsEnabled, 'request API only: one run covers both projects');
});

type Playwright = { request: { newContext: (o: object) => Promise<APIRequestContext> } };

async function context(playwright: Playwright, lang?: string): Promise<APIRequestContext> {
	const c = await playwright.request.newContext({
		baseURL: server.baseURL,
		extraHTTPHeaders: { accept: 'text/html,application/xhtml+xml', origin: server.origin, ...(lang ? { cookie: `lang=${lang}` } : {}) }
	});
	contexts.push(c);
	return c;
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

test('SEC-R1: 6 wrong passphrases in a row: the 6th is 429 with a retry time, in English and in Welsh', async ({ playwright }) => {
	for (const [who, lang, message] of [
		['siblingB', undefined, /Too many tries\. Try again in 15 minutes\./],
		['parentC', 'cy', /Gormod o gynigion\. Rho gynnig arall arni ymhen 15 munud\./]
	] as const) {
		const api = await context(playwright, lang);
		const statuses: number[] = [];
		let last = '';
		let retryAfter = '';
		for (let i = 0; i < 6; i++) {
			const res = await api.post('/sign-in', { form: { username: PERSONAS[who].login, passphrase: `not it ${i}` }, maxRedirects: 0 });
			statuses.push(res.status());
			last = await res.text();
			retryAfter = res.headers()['retry-after'] ?? '';
		}
		expect(statuses, `${who}: five failures, then limited`).toEqual([400, 400, 400, 400, 400, 429]);
		expect(Number(retryAfter)).toBeGreaterThan(14 * 60);
		expect(text(last)).toMatch(message);
	}
});

test('SEC-R1, SEC-A6: an unknown username is limited exactly like a known one', async ({ playwright }) => {
	const api = await context(playwright);
	const statuses: number[] = [];
	for (let i = 0; i < 6; i++) statuses.push((await api.post('/sign-in', { form: { username: 'nobody-here-00', passphrase: `not it ${i}` }, maxRedirects: 0 })).status());
	expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
});

test('SEC-R1, SEC-A3: 11 wrong activation codes from one address: the 11th is 429 with a retry time', async ({ playwright }) => {
	const api = await context(playwright);
	const statuses: number[] = [];
	let last = '';
	let retryAfter = '';
	for (let i = 0; i < 11; i++) {
		const res = await api.post('/activate', { form: { code: `ZZZZZ-ZZZZ${'ABCDEFGHJKM'[i]}` }, maxRedirects: 0 });
		statuses.push(res.status());
		last = await res.text();
		retryAfter = res.headers()['retry-after'] ?? '';
	}
	expect(statuses).toEqual([...Array(10).fill(400), 429]);
	expect(Number(retryAfter)).toBeGreaterThan(14 * 60);
	expect(text(last)).toMatch(/Too many tries\. Try again in 15 minutes\./);
	// The page still shows what was typed, by the field.
	expect(last).toContain('ZZZZZ-ZZZZM');
});

/** The request form as the page renders it, each text box filled, with a fresh idempotency key. */
async function requestBody(api: APIRequestContext, path: string, words: string): Promise<string> {
	const f = formFor(await (await api.get(path)).text(), '?/send', path);
	expect(f, `a send form on ${path}`).not.toBeNull();
	const pairs = f!.fields.flatMap((x): [string, string][] => {
		if (x.name === 'idempotency_key') return [[x.name, crypto.randomUUID()]];
		if (x.options.length) return [[x.name, x.options[0]!]];
		if (x.type === 'hidden') return [[x.name, x.value]];
		if (x.type === 'textarea' || x.type === 'text') return [[x.name, words]];
		return [];
	});
	return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

test('SEC-R1: the 21st new request in an hour is 429: when to try again, Childline, and the words typed kept', async ({ playwright }) => {
	const who: PersonaName = 'childC';
	const api = await context(playwright);
	await signIn(api, who, server.origin);
	const path = '/me/requests/talk';
	const statuses: number[] = [];
	for (let i = 0; i < 20; i++) {
		const res = await api.post(`${path}?/send`, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: await requestBody(api, path, `burst ${i}`), maxRedirects: 0 });
		statuses.push(res.status());
	}
	expect(new Set(statuses), 'the first 20 are sent').toEqual(new Set([303]));
	const res = await api.post(`${path}?/send`, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: await requestBody(api, path, 'the twenty-first'), maxRedirects: 0 });
	expect(res.status()).toBe(429);
	expect(Number(res.headers()['retry-after'])).toBeGreaterThan(50 * 60);
	const html = await res.text();
	expect(text(html)).toMatch(/You can send another one in (59|60) minutes\..*Childline free on 0800 1111/);
	expect(html).toContain('the twenty-first');
});

test('SEC-K3: repository, environment and build files are not served (404)', async ({ playwright }) => {
	const api = await context(playwright);
	const probes = [
		'/.git/HEAD', '/.git/config', '/.git/index', '/.env', '/.env.local', '/.env.production', '/.npmrc', '/.DS_Store', '/.gitignore',
		'/.svelte-kit/output/server/index.js', '/.ci-out/e2e/e2e.sqlite', '/.tools/node/bin/node', '/package.json', '/package-lock.json',
		'/svelte.config.js', '/src/hooks.server.ts', '/src/lib/server/env.ts', '/build/handler.js', '/build/index.js', '/node_modules/.package-lock.json',
		'/migrations/2026_11_26_0100_create_foundation.ts', '/e2e.sqlite', '/data.sqlite', '/.well-known/../.git/HEAD'
	];
	const served: string[] = [];
	for (const p of probes) {
		for (const method of ['GET', 'HEAD'] as const) {
			const res = await api.fetch(p, { method, maxRedirects: 0 });
			if (res.status() !== 404) served.push(`${method} ${p}: ${res.status()}`);
		}
	}
	expect(served, 'every probe is 404').toEqual([]);
	// Encoded traversal never reaches a file outside the build either.
	for (const p of ['/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2f.git%2fHEAD', '/_app/..%2f..%2f.git/HEAD']) {
		const res = await api.get(p, { maxRedirects: 0 });
		expect([400, 404], `${p}: ${res.status()}`).toContain(res.status());
		expect(await res.text()).not.toMatch(/root:|ref: refs\//);
	}
});

const ANSWER = 'CANARY-L4-my-carer-shouts-at-me';

test('SEC-L4, SEC-L6: failing requests carrying a canary answer and the session token leave neither in the log', async ({ playwright }) => {
	const api = await context(playwright);
	await signIn(api, 'childA', server.origin);
	const token = (await api.storageState()).cookies.find((c) => c.name === 'session')!.value;
	const secret = token.split('.')[1]!;
	const before = server.output().length;
	const page = `/me/review/${ids.childA.reviewId}/${ids.pageId}`;
	const form = { 'content-type': 'application/x-www-form-urlencoded' };
	const statuses = [
		// 415: an action posted as text/plain.
		(await api.post(page, { headers: { 'content-type': 'text/plain' }, data: `answer=${ANSWER}&token=${token}`, maxRedirects: 0 })).status(),
		// 405: a page with no actions.
		(await api.post('/me', { headers: form, data: `answer=${ANSWER}&token=${token}`, maxRedirects: 0 })).status(),
		// 404: no such page, with the canary in the path and query and the token in a header.
		(await api.get(`/me/${ANSWER}?answer=${ANSWER}&token=${token}`, { headers: { authorization: `Bearer ${token}` }, maxRedirects: 0 })).status(),
		// Unknown and repeated fields on a question page (ignored or refused; either way carrying the canary).
		(await api.post(page, { headers: form, data: `answer=${ANSWER}&answer=${ANSWER}&idempotency_key=${token}`, maxRedirects: 0 })).status(),
		// 403: a cross-site post.
		(await api.post(page, { headers: { ...form, origin: 'https://evil.example' }, data: `answer=${ANSWER}`, maxRedirects: 0 })).status(),
		// 404: another child's review.
		(await api.post(`/me/review/${ids.childC.reviewId}/${ids.pageId}`, { headers: form, data: `answer=${ANSWER}`, maxRedirects: 0 })).status()
	];
	expect(statuses.filter((s) => s >= 400).length, `${statuses}`).toBeGreaterThanOrEqual(5);
	for (const s of statuses) expect(s, `${statuses}`).toBeLessThan(500);
	await new Promise((r) => setTimeout(r, 300));
	const log = server.output().slice(before);
	expect(log, 'the log was captured').toMatch(/"msg":"request refused"/);
	expect(log).not.toContain('CANARY');
	expect(log).not.toContain(secret);
	expect(log).not.toContain(token.split('.')[0]!);
	expect(log, 'no 4xx is logged as a server error').not.toMatch(/"level":"error"/);
});
