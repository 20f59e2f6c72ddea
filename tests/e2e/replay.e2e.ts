/**
 * REL-4, A11Y-8 (SECURITY §6 idempotency): every submitting action that carries an idempotency key,
 * sent twice with the same key, one after the other and all at once, makes exactly one record.
 * Sending a consultation (young person, parent, carer) and asking for help ("talk to my IRO", an
 * advocate, a change; a parent's and a carer's request) and sending feedback after the review are
 * posted as the page's own form would post them (the key is the hidden field the server rendered),
 * on a private `node build` over a copy of the e2e database, and the records are counted in that
 * database. Feedback uses a cast of its own (REPLAY_FEEDBACK_CAST): its IRO sends the decisions,
 * which asks the child for feedback, then the child's send is replayed.
 *
 * Request API only, no browser: the no-JS project skips it.
 */
import { join } from 'node:path';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import Database from 'better-sqlite3';
import { REPLAY_FEEDBACK_CAST, RESPONDENT_PASSPHRASE, STAFF_PASSWORD, type PersonaName, type SeededIds } from '../fixtures/personas';
import { expect, test } from './support/fixtures';
import { formFor } from './support/forms';
import { snapshotE2eDatabase, startPrivateServer, type PrivateServer } from './support/private-server';
import { readSeededIds, signIn } from './support/routes';

test.describe.configure({ mode: 'serial' });

let server: PrivateServer;
let ids: SeededIds;
let dbPath: string;

test.beforeAll(async ({}, testInfo) => {
	if (testInfo.project.name === 'chromium-no-js') return;
	dbPath = join(testInfo.outputPath('db'), 'replay.sqlite');
	snapshotE2eDatabase(dbPath);
	server = await startPrivateServer({ databasePath: dbPath });
	ids = readSeededIds();
});

test.afterAll(async () => {
	await server?.kill();
});

test.beforeEach(({ jsEnabled }) => {
	test.skip(!jsEnabled, 'request API only: one run covers both projects');
});

function count(sql: string, ...args: unknown[]): number {
	const db = new Database(dbPath, { readonly: true });
	try {
		return (db.prepare(sql).get(...args) as { n: number }).n;
	} finally {
		db.close();
	}
}

const FORM = () => ({ origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' });

async function persona(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, who: PersonaName): Promise<APIRequestContext> {
	const api = await playwright.request.newContext({ baseURL: server.baseURL, extraHTTPHeaders: { accept: 'text/html,application/xhtml+xml' } });
	await signIn(api, who, server.origin);
	return api;
}

/** The page's form filled the way a person would: a word in each text box, the first choice of each question. */
async function filled(api: APIRequestContext, path: string, search: string): Promise<string> {
	const f = formFor(await (await api.get(path)).text(), search, path);
	expect(f, `a form for ${search || 'the default action'} on ${path}`).not.toBeNull();
	const pairs = f!.fields.flatMap((x): [string, string][] => {
		if (x.options.length) return [[x.name, x.options[0]!]];
		if (x.type === 'hidden') return [[x.name, x.value]];
		if (x.type === 'textarea' || x.type === 'text') return [[x.name, x.value || 'Replay test words']];
		return [];
	});
	return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

/** Answers every page of a journey (so it can be sent); returns the consultation id. */
async function answerAll(api: APIRequestContext, base: string, who: PersonaName, reviewId: string): Promise<string> {
	await api.post(`${base}/start?/begin`, { headers: FORM(), data: '', maxRedirects: 0 });
	const check = await (await api.get(`${base}/check`)).text();
	const pages = [...new Set([...check.matchAll(new RegExp(`${base}/([a-z0-9-]+)\\?return=check`, 'g'))].map((m) => m[1]!))];
	expect(pages.length).toBeGreaterThan(3);
	for (const p of pages) {
		const res = await api.post(`${base}/${p}`, { headers: FORM(), data: await filled(api, `${base}/${p}`, ''), maxRedirects: 0 });
		expect(res.status(), `${who} answers ${p}`).toBe(303);
	}
	const db = new Database(dbPath, { readonly: true });
	try {
		return (db.prepare('select id from consultation where review_id = ? and respondent_id = ?').get(reviewId, ids.users[who]) as { id: string }).id;
	} finally {
		db.close();
	}
}

const sent = (id: string) => count(`select count(*) as n from audit_event where action = 'submitted' and resource_id = ?`, id);
const versions = (id: string) => count(`select count(*) as n from consultation where id = ? and status = 'submitted'`, id);

function location(res: APIResponse): string {
	return res.headers()['location'] ?? '';
}

test('REL-4: sending a consultation twice with the same key, one after the other, sends it once', async ({ playwright }) => {
	const api = await persona(playwright, 'childC');
	const base = `/me/review/${ids.childC.reviewId}`;
	const id = await answerAll(api, base, 'childC', ids.childC.reviewId);
	const body = await filled(api, `${base}/check`, '?/send');
	expect(body).toMatch(/idempotency_key=[0-9a-f-]{36}/);
	const first = await api.post(`${base}/check?/send`, { headers: FORM(), data: body, maxRedirects: 0 });
	const second = await api.post(`${base}/check?/send`, { headers: FORM(), data: body, maxRedirects: 0 });
	expect([first.status(), second.status()]).toEqual([303, 303]);
	expect(location(second)).toBe(location(first));
	expect(location(first)).toMatch(/\/sent$/);
	expect(sent(id), 'one "submitted" audit row').toBe(1);
	expect(versions(id)).toBe(1);
	const key = decodeURIComponent(/idempotency_key=([^&]+)/.exec(body)![1]!);
	expect(count(`select count(*) as n from idempotency_key where actor_id = ? and key = ?`, ids.users.childC, key), 'the key stored once').toBe(1);
	await api.dispose();
});

for (const [who, prefix, target] of [
	['parentC', 'parent', 'C'],
	['carerA', 'carer', 'A']
] as const) {
	test(`REL-4: a ${prefix}'s send posted 5 times at once with the same key sends once, and a later replay answers the same`, async ({ playwright }) => {
		const api = await persona(playwright, who);
		const reviewId = (target === 'C' ? ids.childC : ids.childA).reviewId;
		const base = `/${prefix}/review/${reviewId}`;
		const id = await answerAll(api, base, who, reviewId);
		const body = await filled(api, `${base}/check`, '?/send');
		const burst = await Promise.all(Array.from({ length: 5 }, () => api.post(`${base}/check?/send`, { headers: FORM(), data: body, maxRedirects: 0 })));
		for (const r of burst) {
			expect(r.status(), 'every copy is answered as the winner was, never an error').toBe(303);
			expect(location(r)).toMatch(/\/sent$/);
		}
		expect(sent(id), 'one "submitted" audit row').toBe(1);
		const later = await api.post(`${base}/check?/send`, { headers: FORM(), data: body, maxRedirects: 0 });
		expect(later.status()).toBe(303);
		expect(sent(id)).toBe(1);
		await api.dispose();
	});
}

for (const kind of ['talk', 'advocate', 'change'] as const) {
	test(`REL-4: a young person's "${kind}" request sent twice, then 4 times at once, with one key makes one request`, async ({ playwright }) => {
		const who: PersonaName = kind === 'talk' ? 'childC' : kind === 'advocate' ? 'childA' : 'siblingB';
		const api = await persona(playwright, who);
		const path = `/me/requests/${kind}`;
		const page = await api.get(path);
		expect(page.status(), `${path} opens`).toBe(200);
		const before = count(`select count(*) as n from help_request where requester_id = ?`, ids.users[who]);
		const body = await filled(api, path, '?/send');
		expect(body).toMatch(/idempotency_key=[0-9a-f-]{36}/);
		const first = await api.post(`${path}?/send`, { headers: FORM(), data: body, maxRedirects: 0 });
		expect(first.status(), await first.text().then((t) => t.replace(/\s+/g, ' ').slice(0, 300))).toBe(303);
		const second = await api.post(`${path}?/send`, { headers: FORM(), data: body, maxRedirects: 0 });
		expect(second.status()).toBe(303);
		expect(location(second)).toBe(location(first));
		const burst = await Promise.all(Array.from({ length: 4 }, () => api.post(`${path}?/send`, { headers: FORM(), data: body, maxRedirects: 0 })));
		for (const r of burst) expect(r.status()).toBe(303);
		expect(count(`select count(*) as n from help_request where requester_id = ?`, ids.users[who]) - before, 'exactly one new request').toBe(1);
		await api.dispose();
	});
}

for (const who of ['parentA', 'carerA'] as const) {
	test(`REL-4: a ${who === 'parentA' ? 'parent' : 'carer'}'s request sent 5 times at once, then twice more, with one key makes one request`, async ({ playwright }) => {
		const api = await persona(playwright, who);
		const path = `/${who === 'parentA' ? 'parent' : 'carer'}/requests/new`;
		const before = count(`select count(*) as n from help_request where requester_id = ?`, ids.users[who]);
		const body = await filled(api, path, '?/send');
		expect(body).toMatch(/idempotency_key=[0-9a-f-]{36}/);
		// All at once first (the double tap on a slow line), then twice more one after the other.
		const burst = await Promise.all(Array.from({ length: 5 }, () => api.post(`${path}?/send`, { headers: FORM(), data: body, maxRedirects: 0 })));
		for (const r of burst) expect(r.status(), await r.text().then((t) => t.replace(/\s+/g, ' ').slice(0, 300))).toBe(303);
		expect(new Set(burst.map(location)).size, 'every copy answered as the winner was').toBe(1);
		for (let i = 0; i < 2; i++) {
			const again = await api.post(`${path}?/send`, { headers: FORM(), data: body, maxRedirects: 0 });
			expect(again.status()).toBe(303);
			expect(location(again)).toBe(location(burst[0]!));
		}
		expect(count(`select count(*) as n from help_request where requester_id = ?`, ids.users[who]) - before, 'exactly one new request').toBe(1);
		await api.dispose();
	});
}

/** Signs one of the replay cast in through the real form. */
async function castMember(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, login: string, staff: boolean): Promise<APIRequestContext> {
	const api = await playwright.request.newContext({ baseURL: server.baseURL, extraHTTPHeaders: { accept: 'text/html,application/xhtml+xml' } });
	const res = await api.post(staff ? '/sign-in/staff' : '/sign-in', {
		headers: { origin: server.origin },
		form: staff ? { email: login, password: STAFF_PASSWORD } : { username: login, passphrase: RESPONDENT_PASSPHRASE },
		maxRedirects: 0
	});
	expect(res.status(), `${login} signs in`).toBe(303);
	return api;
}

test('REL-4: feedback sent 5 times at once, then twice more, with one key is sent once (one audit row, one sent response)', async ({ playwright }) => {
	const cast = REPLAY_FEEDBACK_CAST;
	const db = new Database(dbPath, { readonly: true });
	let found: { reviewId: string; childUser: string } | undefined;
	try {
		found = db
			.prepare(
				`select review.id as reviewId, app_user.id as childUser from review join child on child.id = review.child_id
				 join app_user on app_user.child_id = child.id where child.preferred_name = ? and review.held_date is not null`
			)
			.get(cast.child.displayName) as { reviewId: string; childUser: string } | undefined;
	} finally {
		db.close();
	}
	expect(found, 'the replay cast is seeded').toBeTruthy();
	const { reviewId, childUser } = found!;
	// The IRO sends the decisions, which asks the child how the review went (DOMAIN §7).
	const iro = await castMember(playwright, cast.iro.login, true);
	const decisions = await iro.post(`/iro/review/${reviewId}/decisions?/send`, { headers: FORM(), data: 'confirm=yes', maxRedirects: 0 });
	expect(decisions.status(), 'decisions sent').toBe(303);
	await iro.dispose();

	const api = await castMember(playwright, cast.child.login, false);
	const base = `/me/review/${reviewId}/feedback`;
	const body = await filled(api, `${base}/check`, '?/send');
	expect(body).toMatch(/idempotency_key=[0-9a-f-]{36}/);
	const sentResponses = () => count(`select count(*) as n from feedback_response where review_id = ? and respondent_id = ? and status = 'sent'`, reviewId, childUser);
	const audited = () =>
		count(`select count(*) as n from audit_event where action = 'feedback_sent' and actor_id = ? and resource_id in (select id from feedback_response where review_id = ?)`, childUser, reviewId);
	expect(sentResponses()).toBe(0);
	// All at once first, then twice more one after the other.
	const burst = await Promise.all(Array.from({ length: 5 }, () => api.post(`${base}/check?/send`, { headers: FORM(), data: body, maxRedirects: 0 })));
	for (const r of burst) {
		expect(r.status(), await r.text().then((t) => t.replace(/\s+/g, ' ').slice(0, 300))).toBe(303);
		expect(location(r), 'every copy is answered as the winner was').toMatch(/\/feedback\/sent$/);
	}
	for (let i = 0; i < 2; i++) {
		const again = await api.post(`${base}/check?/send`, { headers: FORM(), data: body, maxRedirects: 0 });
		expect(again.status()).toBe(303);
		expect(location(again)).toMatch(/\/feedback\/sent$/);
	}
	expect(sentResponses(), 'one sent response').toBe(1);
	expect(audited(), 'one "feedback_sent" audit row').toBe(1);
	await api.dispose();
});
