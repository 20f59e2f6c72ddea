/**
 * REL-15, SEC-V1, SEC-V4, SEC-C5, SEC-Z1: an HTTP fuzz of every form action and endpoint on the
 * production build. The route tree is enumerated from src/routes (support/routes.ts, as the access
 * matrix does); each action is sent generated bad input by the persona the matrix allows, on a
 * private `node build` over a copy of the e2e database (so nothing here disturbs other files):
 * wrong types, huge strings, Unicode edge cases (NUL, controls, lone surrogates, bidi overrides,
 * invalid UTF-8), HTML and script, SQL fragments, missing, repeated and unknown fields, malformed
 * bodies, junk query strings, and ids forged from other children's records. Field names come from
 * the page's own form, so the inputs reach the validators rather than bouncing off the router.
 *
 * Holds: 0 responses 5xx; every 4xx carries a message (an error summary, an error page, or text);
 * a request to another family's record is 404 (D14); no stored value renders as markup anywhere
 * it is shown afterwards; the database passes integrity_check. Fixed seed (FUZZ_SEED), printed.
 * FUZZ_CASES sets the cases per action (default 50, to stay near two minutes on two cores; SECURITY §7 asks ≥2,000 each in a long run).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import Database from 'better-sqlite3';
import { MATRIX, type Target, type Who } from '../fixtures/access-matrix';
import type { PersonaName, SeededIds } from '../fixtures/personas';
import { expect, test } from './support/fixtures';
import { snapshotE2eDatabase, startPrivateServer, type PrivateServer } from './support/private-server';
import { formFor, type Form } from './support/forms';
import { ENDS_SESSION, enumerateRoutes, readSeededIds, signIn, urlFor, type Cell } from './support/routes';

const SEED = Number(process.env.FUZZ_SEED) || 20261126;
const CASES = Number(process.env.FUZZ_CASES) || 50;
const GET_CASES = Math.max(4, Math.round(CASES / 10));

/** mulberry32: small, fast, and the same sequence for the same seed. */
function rng(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (n: number) => Math.floor(next() * n),
		pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
		chance: (p: number) => next() < p
	};
}
type Rng = ReturnType<typeof rng>;

// ── Inputs ──────────────────────────────────────────────────────────────────────────────────

/** A value already percent-encoded (for bytes no JS string can hold: invalid UTF-8, raw surrogates). */
interface Encoded {
	enc: string;
}
type Value = string | Encoded;

/** The tag a stored value would become if it ever rendered as markup. */
const MARK = 'mr-fuzz';

function values(r: Rng, n: number, forged: string[]): Value[] {
	return [
		// wrong types
		r.pick(['1', '-1', '0', '-0', '3.14', '1e309', 'NaN', 'Infinity', 'true', 'false', 'null', 'undefined', '[]', '{}', '{"a":1}', '[1,2]', '9'.repeat(40)]),
		r.pick(['2026-02-30', '9999-12-31', '0000-00-00', '1900-01-01', '2026-13-01', '26/11/2026', '12:99', '25:00', 'yesterday', '2026-11-26T25:61:00Z']),
		// empty and whitespace
		r.pick(['', ' ', '\t', '\n\n\n', '\r\n', '\u00a0', '\u3000']),
		// huge
		r.pick(['a'.repeat(2001), 'x'.repeat(5001), 'word '.repeat(4000), '👍'.repeat(2001), 'é'.repeat(3000)]),
		// Unicode edge cases
		r.pick([
			'\u0000', 'a\u0000b', '\u0007bell', '\u001b[31mred', '\u007f', '\u0085', '\u009b', '\ufffe', '\uffff', '\ufeffbom',
			'\u202eevil\u202c', '\u2066isolate', 'e\u0301', 'Z\u0324\u0354\u0367\u0311\u0313a\u0316\u032d', '👨‍👩‍👧‍👦', '🏳️‍⚧️', 'ﷺ', 'İı', 'ß', '𝕳𝖊𝖑𝖑𝖔',
			'مرحبا بك', '你好，世界', '\u200b\u200c\u200d', 'a\u2028b\u2029c'
		]),
		r.pick<Encoded>([{ enc: '%ED%A0%80' }, { enc: 'a%ED%B0%80b' }, { enc: '%FF%FE' }, { enc: '%C0%AF' }, { enc: '%E2%82' }, { enc: '%F4%90%80%80' }, { enc: '%00' }]),
		// HTML and script (each carries the marker tag so a rendering is found afterwards)
		r.pick([
			`<${MARK}-${n}>`, `<script>alert(${n})</script><${MARK}>`, `"><img src=x onerror=alert(${n})><${MARK}>`, `</textarea><${MARK}>`,
			`<svg onload=alert(1)><${MARK}>`, 'javascript:alert(1)', "{{constructor.constructor('alert(1)')()}}", '${7*7}', '&lt;b&gt;', `<!--<${MARK}>-->`
		]),
		// SQL fragments
		r.pick(["' OR '1'='1", "'; DROP TABLE answer; --", '1; SELECT * FROM app_user', '" OR ""="', "%' --", "\\'", 'NULL', "') ON CONFLICT DO NOTHING; --", '1 UNION SELECT sqlite_version()']),
		// paths and ids
		r.pick(['../../etc/passwd', '//evil.example', '/\\evil.example', 'https://evil.example/', 'zzzzzzzzzzzzzzzzzzzzzzzz', 'aaaaaaaaaaaaaaaaaaaaaaaa', 'x'.repeat(24), ...forged])
	];
}

const enc = (v: Value) => (typeof v === 'string' ? encodeURIComponent(v) : v.enc);

/** One case: a body (and a kind, for the counts). */
function generate(r: Rng, n: number, form: Form | null, forged: string[]): { kind: string; body: string } {
	const pool = values(r, n, forged);
	const roll = r.next();
	// 8%: a body that is not a well-formed form at all.
	if (roll < 0.08) {
		const kind = 'malformed body';
		return { kind, body: r.pick(['%', '%zz', '&&==&', '=', 'a', '%00=%00', '&', 'a=1&a=2&a=3', 'k=v&'.repeat(3000), `${'n'.repeat(5000)}=1`, '']) };
	}
	// 2%: bigger than BODY_SIZE_LIMIT (512K): 413, never a crash.
	if (roll < 0.1) return { kind: 'oversized body', body: `a=${'x'.repeat(600 * 1024)}` };
	const fields = form?.fields ?? [];
	const pairs: [string, Value][] = [];
	// Start from what the form would send, then break it.
	for (const f of fields) {
		if (f.type === 'checkbox') {
			for (const o of f.options) if (r.chance(0.4)) pairs.push([f.name, o]);
		} else if (f.type === 'radio' || f.type === 'select') {
			if (f.options.length) pairs.push([f.name, r.pick(f.options)]);
		} else pairs.push([f.name, f.value || r.pick(pool)]);
	}
	const kinds: string[] = [];
	const mutations = 1 + r.int(3);
	for (let i = 0; i < mutations; i++) {
		const m = r.int(6);
		if (m <= 1 && pairs.length) {
			const j = r.int(pairs.length);
			pairs[j] = [pairs[j]![0], r.pick(pool)];
			kinds.push('bad value');
		} else if (m === 2 && pairs.length) {
			pairs.splice(r.int(pairs.length), 1);
			kinds.push('missing field');
		} else if (m === 3 && pairs.length) {
			const p = r.pick(pairs);
			pairs.push([p[0], r.pick(pool)]);
			kinds.push('repeated field');
		} else if (m === 4) {
			pairs.push([r.pick(['__proto__', 'constructor', 'idempotency_key', 'visibility', 'role', 'actor_id', 'childId', 'reviewId', 'x'.repeat(300), '<b>', 'a[0]', 'a.b']), r.pick(pool)]);
			kinds.push('unknown field');
		} else {
			for (let j = 0; j < pairs.length; j++) if (r.chance(0.5)) pairs[j] = [pairs[j]![0], r.pick(pool)];
			kinds.push('many bad values');
		}
	}
	return { kind: kinds[0] ?? 'bad value', body: pairs.map(([k, v]) => `${encodeURIComponent(k)}=${enc(v)}`).join('&') };
}

// ── Judging ─────────────────────────────────────────────────────────────────────────────────

/** Every 4xx explains itself: an error summary, an error page with a heading and words, or text. */
function hasMessage(res: APIResponse, body: string): boolean {
	const type = res.headers()['content-type'] ?? '';
	if (type.includes('text/html')) {
		const text = (html: string | undefined) => (html ?? '').replace(/<[^>]*>/g, '').trim();
		const summary = /class="govuk-error-summary"/.test(body) && text(/<ul class="govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(body)?.[1]).length > 0;
		const page = text(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(body)?.[1]).length > 0 && text(/<p class="govuk-body">([\s\S]*?)<\/p>/.exec(body)?.[1]).length > 0;
		return summary || page;
	}
	if (type.includes('json')) {
		try {
			const j = JSON.parse(body) as { message?: string; error?: { message?: string } };
			return !!(j.message || j.error?.message);
		} catch {
			return false;
		}
	}
	return body.trim().length > 0;
}

interface Tally {
	cases: number;
	byStatus: Map<number, number>;
	byKind: Map<string, number>;
	failures: string[];
}

// ── The run ─────────────────────────────────────────────────────────────────────────────────

let server: PrivateServer;

test.afterAll(async () => {
	await server?.kill();
});

test('REL-15: every action and endpoint survives generated bad input: 0 5xx, every 4xx with a message, forged ids 404, no stored markup', async ({ playwright, jsEnabled }, testInfo) => {
	test.skip(!jsEnabled, 'request API only: one run covers both projects');
	test.setTimeout(420_000);
	const started = Date.now();
	const dbPath = join(testInfo.outputPath('db'), 'fuzz.sqlite');
	snapshotE2eDatabase(dbPath);
	server = await startPrivateServer({ databasePath: dbPath });
	const ids: SeededIds = readSeededIds();
	const origin = server.origin;
	const forged = [ids.childA.childId, ids.childA.reviewId, ids.childA.userId, ids.siblingB.childId, ids.siblingB.reviewId, ...Object.values(ids.users)];

	// Each POST action and each endpoint, with the persona and target the matrix allows. Public
	// actions go out signed out (a signed-in sign-out would end the persona's session).
	const cells = enumerateRoutes().filter((c) => c.key in MATRIX);
	type Job = { cell: Cell; who: Who; target: Target | null };
	const jobs: Job[] = [];
	for (const cell of cells) {
		const rule = MATRIX[cell.key]!;
		if (Array.isArray(rule.allowed)) {
			const list = rule.allowed as readonly Who[];
			const who = list.includes('anonymous') || ENDS_SESSION.has(cell.key) ? 'anonymous' : list[0]!;
			jobs.push({ cell, who, target: null });
		} else {
			const per = rule.allowed as Record<Target, readonly Who[]>;
			if (per.C.length) jobs.push({ cell, who: per.C[0]!, target: 'C' });
			else if (per.A.length) jobs.push({ cell, who: per.A[0]!, target: 'A' });
		}
	}
	// Pages (GET) get junk query strings and forged ids too, fewer of them.
	const byWho = new Map<Who, Job[]>();
	for (const j of jobs) byWho.set(j.who, [...(byWho.get(j.who) ?? []), j]);

	const tally: Tally = { cases: 0, byStatus: new Map(), byKind: new Map(), failures: [] };
	const perCell = new Map<string, number>();
	const bodies: { key: string; kind: string; status: number; url: string; body: string; response: string }[] = [];
	const pagesOf = new Map<Who, string[]>();

	const resignIns = new Map<Who, number>();
	const request = (api: APIRequestContext, method: 'GET' | 'POST', url: string, body: string) =>
		method === 'GET'
			? api.get(url, { maxRedirects: 0 })
			: api.fetch(url, { method, headers: { origin, 'content-type': 'application/x-www-form-urlencoded' }, data: body, maxRedirects: 0 });
	const send = async (api: APIRequestContext, who: Who, method: 'GET' | 'POST', url: string, body: string, kind: string, key: string, expectStatus?: number) => {
		let res: APIResponse;
		let text: string;
		try {
			res = await request(api, method, url, body);
			// A fuzzed action that (validly) ended this persona's sessions elsewhere, e.g. an admin
			// ending sessions or a code reissue: sign in again and resend, counted in the summary.
			if (who !== 'anonymous' && res.status() === 303 && /^(https?:\/\/[^/]+)?\/sign-in/.test(res.headers()['location'] ?? '')) {
				resignIns.set(who, (resignIns.get(who) ?? 0) + 1);
				await signIn(api, who as PersonaName, origin);
				res = await request(api, method, url, body);
			}
			text = await res.text();
		} catch (e) {
			tally.failures.push(`${key} ${kind}: no response (${(e as Error).message.split('\n')[0]}) body[0..80]=${JSON.stringify(body.slice(0, 80))}`);
			return;
		}
		const s = res.status();
		tally.cases += 1;
		perCell.set(key, (perCell.get(key) ?? 0) + 1);
		tally.byStatus.set(s, (tally.byStatus.get(s) ?? 0) + 1);
		tally.byKind.set(kind, (tally.byKind.get(kind) ?? 0) + 1);
		const sample = JSON.stringify(body.length > 120 ? body.slice(0, 120) + '…' : body);
		url = url.length > 160 ? url.slice(0, 160) + '…' : url;
		if (s >= 500) tally.failures.push(`${key} ${kind}: ${s} for ${method} ${url} ${sample}`);
		else if (s >= 400 && !hasMessage(res, text)) tally.failures.push(`${key} ${kind}: ${s} without a message (${res.headers()['content-type']}) ${method} ${url} ${sample}`);
		if ((s >= 500 || (s >= 400 && !hasMessage(res, text))) && bodies.length < 30) bodies.push({ key, kind, status: s, url, body: body.slice(0, 2000), response: text.slice(0, 20000) });
		if (expectStatus !== undefined && s !== expectStatus) tally.failures.push(`${key} ${kind}: ${s}, expected ${expectStatus} for ${method} ${url}`);
	};

	// SEC-C5: nothing stored renders as markup. Every page the persona may open, afresh, right
	// after its own fuzz (before a reissue elsewhere can end a respondent's session).
	let scanned = 0;
	let escaped = 0;
	const markup: string[] = [];
	const scan = async (who: Who, api: APIRequestContext) => {
		const gets = jobs.filter((j) => j.who === who && j.cell.method === 'GET' && !j.cell.endpoint && !ENDS_SESSION.has(j.cell.key));
		for (const { cell, target } of gets) {
			for (const pageId of cell.params.includes('pageId') ? (pagesOf.get(who) ?? [ids.pageId]) : [ids.pageId]) {
				const res = await api.get(urlFor(cell, ids, target, pageId));
				const html = await res.text();
				scanned += 1;
				if (res.status() >= 500) markup.push(`${cell.key} as ${who}: ${res.status()}`);
				if (new RegExp(`<${MARK}|<script>alert|<img src=x|<svg onload`, 'i').test(html)) markup.push(`${cell.key} as ${who}: renders stored input as markup`);
				if (html.includes(`&lt;${MARK}`)) escaped += 1;
			}
		}
	};

	/**
	 * Before sending, every free-text page of the journey gets a valid answer made of markup, so
	 * the scans afterwards (check your answers now, the IRO's pack later) have stored markup to
	 * find escaped; without it the "renders as markup" check could pass by finding nothing.
	 */
	let plantedAnswers = 0;
	const plant = async (api: APIRequestContext, journey: Job, pageIds: string[]) => {
		const prefix = journey.cell.pattern.split('/')[1];
		const review = (journey.target === 'C' ? ids.childC : ids.childA).reviewId;
		for (const pageId of pageIds) {
			const url = `/${prefix}/review/${review}/${pageId}`;
			const form = formFor(await (await api.get(url)).text(), '', url);
			const text = form?.fields.find((f) => f.type === 'textarea');
			if (!form || !text) continue;
			const pairs = form.fields.flatMap((f): [string, string][] =>
				f === text ? [[f.name, `<${MARK}-planted> & "quoted" <script>alert(1)</script>`]] : f.options.length ? [[f.name, f.options[0]!]] : f.type === 'hidden' ? [[f.name, f.value]] : []
			);
			const res = await request(api, 'POST', url, pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));
			if (res.status() === 303) plantedAnswers += 1;
		}
	};

	const persona = async (who: Who, list: Job[]) => {
		const api = apis.get(who)!;
		const r = rng(SEED ^ [...who].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7));
		// Respondents: start the consultation, then read its page ids from check your answers.
		const journey = list.find((j) => /^\/(me|parent|carer)\/review\//.test(j.cell.pattern));
		let pageIds = [ids.pageId];
		if (journey) {
			const prefix = journey.cell.pattern.split('/')[1];
			const review = (journey.target === 'C' ? ids.childC : ids.childA).reviewId;
			await api.post(`/${prefix}/review/${review}/start?/begin`, { headers: { origin, 'content-type': 'application/x-www-form-urlencoded' }, data: '', maxRedirects: 0 });
			const check = await (await api.get(`/${prefix}/review/${review}/check`)).text();
			const found = [...check.matchAll(new RegExp(`/${prefix}/review/${review}/([a-z0-9-]+)\\?return=check`, 'g'))].map((m) => m[1]!);
			if (found.length) pageIds = [...new Set(found)];
		}
		pagesOf.set(who, pageIds);
		// State-changing last: sending, reopening, then the rest in route order.
		const rank = (j: Job) => (j.cell.method === 'GET' ? 0 : /\?\/(send|reopen|confirm|begin)$/.test(j.cell.key) ? 2 : 1);
		let planted = false;
		for (const job of [...list].sort((a, b) => rank(a) - rank(b))) {
			const { cell, target } = job;
			if (journey && !planted && rank(job) === 2) {
				planted = true;
				await plant(api, journey, pageIds);
				await scan(who, api);
			}
			const n = cell.method === 'GET' ? GET_CASES : CASES;
			const forms = new Map<string, Form | null>();
			for (let i = 0; i < n; i++) {
				const pageId = cell.params.includes('pageId') ? pageIds[i % pageIds.length]! : ids.pageId;
				const url = urlFor(cell, ids, target, pageId);
				const key = cell.key;
				// 5% of cases (on routes with ids): the same request against another family's record → 404 (D14).
				const other: Target | null = target === 'C' ? 'A' : target === 'A' ? 'C' : null;
				const rule = MATRIX[cell.key]!;
				const otherAllowed = other && !Array.isArray(rule.allowed) ? (rule.allowed as Record<Target, readonly Who[]>)[other].includes(who) : true;
				const forgeTarget = other !== null && !otherAllowed && r.chance(0.05);
				if (cell.method === 'GET') {
					// Query strings stay under Node's 16 KB header limit (beyond it Node itself answers a bare 431
					// before the app runs); huge values go in bodies.
					const junk = values(r, i, forged).map(enc).filter((v) => v.length < 2000);
					const q = `?return=${r.pick(junk)}&${r.pick(['x', 'return', 'filter', 'page', '__proto__'])}=${r.pick(junk)}`;
					const target2 = forgeTarget ? urlFor(cell, ids, other, pageId) : url;
					await send(api, who, 'GET', target2 + q, '', forgeTarget ? 'forged id' : 'junk query', key, forgeTarget ? 404 : undefined);
					continue;
				}
				if (!forms.has(pageId)) {
					const pageUrl = urlFor({ ...cell, search: '' }, ids, target, pageId);
					const html = await (await api.get(pageUrl)).text();
					forms.set(pageId, formFor(html, cell.search, pageUrl));
				}
				const c = generate(r, i, forms.get(pageId)!, forged);
				if (forgeTarget) await send(api, who, 'POST', urlFor(cell, ids, other, pageId), c.body, 'forged id', key, 404);
				else await send(api, who, 'POST', url, c.body, c.kind, key);
			}
		}
		await scan(who, api);
		await api.dispose();
	};
	// Everyone signs in before the fuzz starts: the anonymous sign-in fuzz soon reaches the
	// per-address limit (SEC-R1, 50 failures / 15 min), after which nobody at this address can.
	const apis = new Map<Who, APIRequestContext>();
	for (const who of byWho.keys()) {
		const api = await playwright.request.newContext({ baseURL: server.baseURL, extraHTTPHeaders: { accept: 'text/html,application/xhtml+xml' } });
		if (who !== 'anonymous') await signIn(api, who as PersonaName, origin);
		apis.set(who, api);
	}
	// Respondents first, then staff: an IRO's or admin's (valid) code reissue ends the respondent's
	// sessions and replaces the passphrase (T13), so the two groups can't run side by side.
	const staff = (w: Who) => ['iro1', 'iro2', 'previousIroA', 'advocate', 'admin'].includes(w);
	await Promise.all([...byWho].filter(([w]) => !staff(w)).map(([who, list]) => persona(who, list)));
	await Promise.all([...byWho].filter(([w]) => staff(w) && w !== 'admin').map(([who, list]) => persona(who, list)));
	// The admin last and alone: admins may end anyone's sessions.
	if (byWho.has('admin')) await persona('admin', byWho.get('admin')!);
	const alive = server.process.exitCode === null && server.process.signalCode === null;
	expect(alive, `the server died during the fuzz (seed ${SEED}):\n${server.output().slice(-4000)}`).toBe(true);

	await server.kill();
	const integrity = (() => {
		const db = new Database(dbPath, { readonly: true });
		try {
			return db.pragma('integrity_check', { simple: true });
		} finally {
			db.close();
		}
	})();

	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	const statuses = [...tally.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}:${n}`).join(' ');
	const kinds = [...tally.byKind].map(([k, n]) => `${k}:${n}`).join(', ');
	console.log(
		`fuzz: seed ${SEED}, ${tally.cases} cases over ${perCell.size} actions/endpoints/pages by ${byWho.size} personas in ${seconds} s; ` +
			`statuses ${statuses}; kinds ${kinds}; ${tally.failures.length} failures; ${scanned} pages scanned afterwards, ` +
			`${plantedAnswers} markup answers planted, ${escaped} pages showing stored markup escaped, ${markup.length} rendering it; sessions ended by fuzzed actions (signed in again): ${[...resignIns].map(([w, n]) => `${w}×${n}`).join(' ') || 'none'}; integrity_check ${integrity}`
	);
	const report = testInfo.outputPath('fuzz-failures.json');
	writeFileSync(report, JSON.stringify({ seed: SEED, failures: tally.failures, samples: bodies }, null, 2));
	writeFileSync(testInfo.outputPath('server.log'), server.output());
	await testInfo.attach('fuzz-failures.json', { path: report, contentType: 'application/json' });
	expect(tally.cases).toBeGreaterThan(1000);
	expect.soft(tally.failures.slice(0, 40), `seed ${SEED}: ${tally.failures.length} failure(s):\n${tally.failures.slice(0, 40).map((f) => f.slice(0, 300)).join('\n')}`).toEqual([]);
	expect.soft(markup, markup.join('\n')).toEqual([]);
	expect.soft(escaped, 'some fuzzed markup was stored and shown (escaped), so the markup check is not vacuous').toBeGreaterThan(0);
	expect(integrity).toBe('ok');
});
