/**
 * The generated access matrix (SECURITY §2 "Generated matrix"; SEC-Z1, SEC-Z2, SEC-Z3, D14, D15).
 *
 * Every route in `src/routes` (a directory with `+page.server.ts`, `+server.ts` or `+page.svelte`)
 * and every method on it (GET, each form action, each `+server` export) is requested by every
 * persona, against child A's resources, child C's ("another family", T2) and an id that matches
 * nothing (D14). Each answer is checked against `tests/fixtures/access-matrix.ts`, and every
 * response body is searched for child A's canary answers and the children's names.
 *
 * The test fails when a route or action has no entry in the table, or an entry has no route:
 * a new route cannot ship without a decision about who may use it.
 *
 * Request API only (no browser page), so the no-JS project skips this file. Requests go to
 * `node build` with ORIGIN set (D27); every POST carries the Origin header (D5) and an empty
 * form body. Sign-in goes through the real forms; one request context per persona.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import ts from 'typescript';
import { HOME, MATRIX, SIGN_IN, STATEFUL_LAST, SUBJECT_ACCESS_ROUTES, TERMINAL, WHO, WITHOUT_SESSION, sensitiveStrings, type Rule, type Target, type Who } from '../fixtures/access-matrix';
import { CANARY, PERSONAS, RESPONDENT_PASSPHRASE, STAFF_PASSWORD, type PersonaName, type SeededIds } from '../fixtures/personas';
import { expect, test } from './support/fixtures';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const routesDir = join(root, 'src/routes');

// ── Route enumeration ────────────────────────────────────────────────────────────────────────

interface Cell {
	/** `METHOD /pattern[?/action]`, the key into MATRIX. */
	key: string;
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	pattern: string;
	/** `?/name` for a named action, '' otherwise. */
	search: string;
	action: string | null;
	params: string[];
	file: string;
}

const ROUTE_FILES = ['+page.server.ts', '+server.ts', '+page.svelte'];

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		return statSync(p).isDirectory() ? walk(p) : [p];
	});
}

/** `(young-person)/me/review/[reviewId=id]/start` → `/me/review/[reviewId]/start`. */
function patternOf(dir: string): { pattern: string; params: string[] } {
	const params: string[] = [];
	const segments = relative(routesDir, dir)
		.split(sep)
		.filter((s) => s !== '' && !/^\(.+\)$/.test(s))
		.map((s) => {
			if (!s.includes('[')) return s;
			const m = /^\[([A-Za-z]+)(?:=[A-Za-z]+)?\]$/.exec(s);
			if (!m) throw new Error(`access matrix: can't map route segment "${s}" in ${dir} (rest or optional params need handling here)`);
			params.push(m[1]!);
			return `[${m[1]}]`;
		});
	return { pattern: '/' + segments.join('/'), params };
}

function parse(file: string): ts.SourceFile {
	return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function exported(node: ts.Node): boolean {
	return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function unwrap(e: ts.Expression): ts.Expression {
	while (ts.isSatisfiesExpression(e) || ts.isAsExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
	return e;
}

/** The keys of `export const actions = { … }` in a `+page.server.ts`. */
function actionsOf(file: string): string[] {
	const names: string[] = [];
	for (const stmt of parse(file).statements) {
		if (!ts.isVariableStatement(stmt) || !exported(stmt)) continue;
		for (const d of stmt.declarationList.declarations) {
			if (!ts.isIdentifier(d.name) || d.name.text !== 'actions') continue;
			const init = d.initializer && unwrap(d.initializer);
			if (!init || !ts.isObjectLiteralExpression(init)) throw new Error(`access matrix: ${file}: \`actions\` must be an object literal to be enumerated`);
			for (const p of init.properties) {
				const n = p.name;
				if (!n || !(ts.isIdentifier(n) || ts.isStringLiteral(n))) throw new Error(`access matrix: ${file}: can't read an action name (spread or computed key)`);
				names.push(n.text);
			}
		}
	}
	return names;
}

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'fallback'] as const;

/** The exported handlers of a `+server.ts`. */
function handlersOf(file: string): string[] {
	const names: string[] = [];
	for (const stmt of parse(file).statements) {
		if (!exported(stmt)) continue;
		if (ts.isFunctionDeclaration(stmt) && stmt.name) names.push(stmt.name.text);
		if (ts.isVariableStatement(stmt)) for (const d of stmt.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
	}
	return names.filter((n) => (HTTP_METHODS as readonly string[]).includes(n));
}

function enumerate(): Cell[] {
	const dirs = new Map<string, string[]>();
	for (const f of walk(routesDir)) {
		const base = f.slice(f.lastIndexOf(sep) + 1);
		if (!ROUTE_FILES.includes(base)) continue;
		const d = dirname(f);
		dirs.set(d, [...(dirs.get(d) ?? []), base]);
	}
	const cells: Cell[] = [];
	for (const [dir, files] of [...dirs].sort(([a], [b]) => a.localeCompare(b))) {
		const { pattern, params } = patternOf(dir);
		const rel = relative(root, dir);
		const add = (method: Cell['method'], action: string | null, file: string) => {
			const search = action && action !== 'default' ? `?/${action}` : '';
			cells.push({ key: `${method} ${pattern}${search}`, method, pattern, search, action, params, file: join(rel, file) });
		};
		if (files.includes('+server.ts')) {
			for (const h of handlersOf(join(dir, '+server.ts'))) {
				if (h !== 'GET' && h !== 'POST' && h !== 'PUT' && h !== 'PATCH' && h !== 'DELETE') {
					throw new Error(`access matrix: ${rel}/+server.ts exports ${h}; teach the matrix how to request it`);
				}
				add(h, null, '+server.ts');
			}
		}
		if (files.includes('+page.server.ts') || files.includes('+page.svelte')) {
			add('GET', null, files.includes('+page.server.ts') ? '+page.server.ts' : '+page.svelte');
			if (files.includes('+page.server.ts')) for (const a of actionsOf(join(dir, '+page.server.ts'))) add('POST', a, '+page.server.ts');
		}
	}
	return cells;
}

// ── Expectations ────────────────────────────────────────────────────────────────────────────

type TargetName = Target | 'missing';
type Outcome = 'allowed' | 'denied' | 'sign-in';

function prefixOf(path: string): string | undefined {
	return Object.keys(SIGN_IN).find((p) => path === p || path.startsWith(p + '/'));
}

function allowedSet(rule: Rule, target: TargetName | null): readonly Who[] {
	if (Array.isArray(rule.allowed)) return rule.allowed as readonly Who[];
	if (target === null) throw new Error('access matrix: a per-target rule on a route without ids');
	// D14: a well-formed id with no record is refused to everyone, exactly as a refusal.
	if (target === 'missing') return [];
	return (rule.allowed as Record<Target, readonly Who[]>)[target];
}

function expected(cell: Cell, rule: Rule, target: TargetName | null, who: Who): Outcome {
	if (allowedSet(rule, target).includes(who)) return 'allowed';
	// Fence 1: no session under a signed-in prefix → that audience's sign-in page.
	if (who === 'anonymous' && prefixOf(cell.pattern)) return 'sign-in';
	return 'denied';
}

// ── Running ─────────────────────────────────────────────────────────────────────────────────

interface Run {
	cell: Cell;
	target: TargetName | null;
	url: string;
	/** Kit's data request for the page (`…/__data.json`): the same fences, the load's raw data. */
	data: boolean;
}

interface Result extends Run {
	who: Who;
	expected: Outcome;
	status: number;
	location: string | null;
	body: string;
	problem: string | null;
}

const MISSING_ID = 'zzzzzzzzzzzzzzzzzzzzzzzz'; // matches the id matcher, matches no record
/** Route params that name a record of target A or C. */
const ID_PARAMS = ['reviewId', 'childId', 'requestId', 'referralId'] as const;

function runsFor(cells: Cell[], ids: SeededIds): Run[] {
	// Issue 6: each target also has a request to its IRO (`requestId`) and an advocate referral
	// (`referralId`: A's shared with consent, C's without, so the advocate's rule is the consent gate).
	const targets: Record<TargetName, Record<(typeof ID_PARAMS)[number], string>> = {
		A: { ...ids.childA, ...ids.requests.A },
		C: { ...ids.childC, ...ids.requests.C },
		missing: { reviewId: MISSING_ID, childId: MISSING_ID, requestId: MISSING_ID, referralId: MISSING_ID }
	};
	const runs: Run[] = [];
	for (const cell of cells) {
		const fill = (t: TargetName | null) =>
			cell.pattern.replace(/\[([A-Za-z]+)\]/g, (_, name: string) => {
				if (name === 'pageId') return ids.pageId;
				// Issue 8 question bank: a form id (its routes are admin-only and take no record id).
				if (name === 'formId') return 'parent';
				if (t && (ID_PARAMS as readonly string[]).includes(name)) return targets[t][name as (typeof ID_PARAMS)[number]];
				throw new Error(`access matrix: no value for [${name}] in ${cell.pattern}; add one in runsFor()`);
			}) + cell.search;
		const hasIds = cell.params.some((p) => (ID_PARAMS as readonly string[]).includes(p));
		const page = cell.method === 'GET' && !cell.file.endsWith('+server.ts');
		for (const t of hasIds ? (['A', 'C', 'missing'] as const) : [null]) {
			const url = fill(t);
			runs.push({ cell, target: t, url, data: false });
			if (page) runs.push({ cell, target: t, url: url.replace(/\/$/, '') + '/__data.json', data: true });
		}
	}
	return runs;
}

/** GETs, then POSTs, then state-changing actions; terminal requests are handled separately. */
function order(runs: Run[]): Run[] {
	const rank = (r: Run) => (r.cell.method === 'GET' ? 0 : STATEFUL_LAST.includes(r.cell.action ?? '') ? 2 : 1);
	return [...runs].sort((a, b) => rank(a) - rank(b));
}

/**
 * Kit answers a data request 200 with a JSON body that says what happened: a redirect, or nodes
 * of which one may be an error with its status. Read as the page's own status and location.
 */
function dataOutcome(res: APIResponse, body: string): { status: number; location: string | null } {
	if (res.status() !== 200) return { status: res.status(), location: res.headers()['location'] ?? null };
	let json: { type?: string; location?: string; status?: number; nodes?: ({ type?: string; status?: number } | null)[] };
	try {
		json = JSON.parse(body);
	} catch {
		return { status: 500, location: null };
	}
	if (json.type === 'redirect') return { status: 303, location: json.location ?? null };
	if (json.type === 'error') return { status: json.status ?? 500, location: null };
	const failed = (json.nodes ?? []).find((n) => n?.type === 'error');
	return { status: failed ? (failed.status ?? 500) : 200, location: null };
}

async function send(api: APIRequestContext, run: Run, origin: string): Promise<APIResponse> {
	const { method } = run.cell;
	if (method === 'GET') return api.get(run.url, { maxRedirects: 0 });
	return api.fetch(run.url, {
		method,
		headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
		data: '',
		maxRedirects: 0
	});
}

async function signIn(api: APIRequestContext, name: PersonaName, origin: string): Promise<void> {
	const p = PERSONAS[name];
	const staff = p.role === 'admin' || p.role === 'iro' || p.role === 'advocate';
	const res = await api.post(staff ? '/sign-in/staff' : '/sign-in', {
		headers: { origin },
		form: staff ? { email: p.login, password: STAFF_PASSWORD } : { username: p.login, passphrase: RESPONDENT_PASSPHRASE },
		maxRedirects: 0
	});
	const cookies = (await api.storageState()).cookies.map((c) => c.name);
	if (res.status() !== 303 || !cookies.includes('session')) {
		const body = (await res.text()).replace(/\s+/g, ' ').slice(0, 400);
		throw new Error(`access matrix: ${name} could not sign in: ${res.status()} ${res.headers()['location'] ?? ''} cookies=[${cookies}] ${body}`);
	}
}

function pathOf(location: string | null, base: string): string | null {
	if (location === null) return null;
	const u = new URL(location, base);
	return u.origin === new URL(base).origin ? u.pathname : u.href;
}

function judge(r: Omit<Result, 'problem'>, base: string): string | null {
	const s = r.status;
	const to = pathOf(r.location, base);
	switch (r.expected) {
		case 'allowed':
			if (r.cell.method !== 'GET' && s === 400) return null;
			if (s === 200) return null;
			if (s === 303) {
				// A signed-in persona bounced to sign-in has lost its session: not a real "allowed".
				if (r.who !== 'anonymous' && (to === '/sign-in' || to === '/sign-in/staff')) return `303 to ${to} (session lost?)`;
				return null;
			}
			return `${s}${to ? ` → ${to}` : ''}`;
		case 'denied':
			return s === 404 ? null : `${s}${to ? ` → ${to}` : ''}`;
		case 'sign-in': {
			const want = SIGN_IN[prefixOf(r.cell.pattern)!];
			return s === 303 && to === want ? null : `${s}${to ? ` → ${to}` : ''} (wanted 303 → ${want})`;
		}
	}
}

const WANT: Record<Outcome, string> = { allowed: 'allowed (200/303, or 400 for an empty POST)', denied: 'denied (404)', 'sign-in': 'sign-in (303)' };

function describe(r: Result): string {
	const t = (r.target ? ` [${r.target}]` : '') + (r.data ? ' (__data.json)' : '');
	return `  ${r.cell.key}${t} as ${r.who}: expected ${WANT[r.expected]}, got ${r.problem}   (${r.cell.method} ${r.url})`;
}

// ── The test ────────────────────────────────────────────────────────────────────────────────

const CELLS = enumerate();

test.describe('access matrix (SECURITY §2, SEC-Z1)', () => {
	test('every route and action has an entry, and every entry a route', () => {
		const found = new Set(CELLS.map((c) => c.key));
		const noEntry = CELLS.filter((c) => !(c.key in MATRIX)).map((c) => `  ${c.key}   (${c.file})`);
		const noRoute = Object.keys(MATRIX).filter((k) => !found.has(k)).map((k) => `  ${k}`);
		const badTarget = CELLS.filter((c) => c.key in MATRIX && !Array.isArray(MATRIX[c.key]!.allowed) && !c.params.some((p) => (ID_PARAMS as readonly string[]).includes(p)));
		const terminal = [...TERMINAL, ...WITHOUT_SESSION].filter((k) => !found.has(k));
		// A request sent without a session must follow one that ended it.
		const unsafe = WITHOUT_SESSION.filter((k) => TERMINAL.indexOf(k) < 1);
		expect(
			[...noEntry, ...noRoute, ...terminal, ...unsafe, ...badTarget.map((c) => c.key)],
			[
				noEntry.length ? `Routes or actions with no entry in tests/fixtures/access-matrix.ts (decide who may use them from SECURITY §2):\n${noEntry.join('\n')}` : '',
				noRoute.length ? `Entries with no route (remove them, or the route went missing):\n${noRoute.join('\n')}` : '',
				terminal.length ? `TERMINAL or WITHOUT_SESSION lists requests that no longer exist: ${terminal.join(', ')}` : '',
				unsafe.length ? `WITHOUT_SESSION requests must be in TERMINAL after one that ends the session: ${unsafe.join(', ')}` : '',
				badTarget.length ? `Per-target (A/C) rules on routes without ids: ${badTarget.map((c) => c.key).join(', ')}` : ''
			]
				.filter(Boolean)
				.join('\n\n')
		).toEqual([]);
	});

	test('every persona gets exactly what SECURITY §2 allows, and no response leaks', async ({ playwright, baseURL }, testInfo) => {
		// About 6,000 requests; on a loaded 2-core machine this took 204 s, so leave room.
		test.setTimeout(600_000);
		const base = baseURL!;
		const origin = new URL(base).origin;
		const started = Date.now();
		const ids = JSON.parse(readFileSync(resolve(dirname(process.env.E2E_DATABASE_PATH!), 'personas.json'), 'utf8')) as SeededIds;
		const cells = CELLS.filter((c) => c.key in MATRIX);
		const all = runsFor(cells, ids);
		const main = order(all.filter((r) => !TERMINAL.includes(r.cell.key)));
		const finale = TERMINAL.flatMap((k) => all.filter((r) => r.cell.key === k && !r.data));
		const runsPerPersona = main.length + finale.length;
		const secrets = sensitiveStrings(CANARY, { childA: PERSONAS.childA.displayName, siblingB: PERSONAS.siblingB.displayName, childC: PERSONAS.childC.displayName });

		const results: Result[] = [];
		const leaks: string[] = [];
		const sessionProblems: string[] = [];

		const record = async (api: APIRequestContext, run: Run, who: Who) => {
			const rule = MATRIX[run.cell.key]!;
			const res = await send(api, run, origin);
			const body = await res.text();
			const answer = run.data ? dataOutcome(res, body) : { status: res.status(), location: res.headers()['location'] ?? null };
			const partial = { ...run, who, expected: expected(run.cell, rule, run.target, who), ...answer, body };
			const result: Result = { ...partial, problem: judge(partial, base) };
			results.push(result);
			// A denied answer shows none of the secrets; an allowed one only those this persona may see.
			const refused = result.expected !== 'allowed' || result.status === 404;
			for (const s of secrets) {
				if (!body.includes(s.text)) continue;
				// The subject access export is the one place an admin sees a child's answers (§10, the D15 exception).
				const sarException = who === 'admin' && SUBJECT_ACCESS_ROUTES.has(run.cell.key);
				if (refused || !((s.sees as readonly Who[]).includes(who) || sarException)) {
					leaks.push(`  ${run.cell.key}${run.target ? ` [${run.target}]` : ''}${run.data ? ' (__data.json)' : ''} as ${who} (${result.status}${refused ? ', refused' : ''}): contains ${s.label}   (${run.url})`);
				}
			}
			return result;
		};

		const persona = async (who: Who) => {
			// A browser's Accept: Kit answers a form POST that accepts JSON with JSON, not a redirect.
			const api = await playwright.request.newContext({ baseURL: base, extraHTTPHeaders: { accept: 'text/html,application/xhtml+xml' } });
			try {
				if (who !== 'anonymous') await signIn(api, who, origin);
				for (const run of main) await record(api, run, who);
				// The terminal requests end the session: each gets a fresh sign-in, then the old
				// cookie must no longer open the persona's start page (SEC-S4, D12, D13). The
				// WITHOUT_SESSION ones go out signed out, so they can't end other files' sessions.
				for (const run of finale) {
					const live = who !== 'anonymous' && !WITHOUT_SESSION.includes(run.cell.key);
					if (live) await signIn(api, who, origin);
					await record(api, run, who);
					if (!live) continue;
					const home = await api.get(HOME[who], { maxRedirects: 0 });
					const to = pathOf(home.headers()['location'] ?? null, base);
					if (!(home.status() === 303 && to?.startsWith('/sign-in'))) {
						sessionProblems.push(`  ${run.cell.key} as ${who}: afterwards ${HOME[who]} answered ${home.status()}${to ? ` → ${to}` : ''}, not a redirect to sign-in`);
					}
				}
			} finally {
				await api.dispose();
			}
		};
		// Personas side by side, each one's requests in order (one session per respondent: D18).
		await Promise.all(WHO.map(persona));

		// The canaries work: IRO-1, allocated to A, reads A's pack and sees the IRO-only answer.
		const proof = results.find((r) => r.cell.key === 'GET /iro/review/[reviewId]/pack' && r.target === 'A' && r.who === 'iro1');
		expect(proof?.status, 'IRO-1 opens child A’s pack').toBe(200);
		expect(proof?.body, 'child A’s pack shows IRO-1 the IRO-only canary (else the leak check proves nothing)').toContain(CANARY.iroOnly);

		expect(results.length, 'every persona made every request').toBe(WHO.length * runsPerPersona);
		const mismatches = results.filter((r) => r.problem !== null);
		const routes = new Set(cells.map((c) => c.pattern)).size;
		const seconds = ((Date.now() - started) / 1000).toFixed(1);
		const summary = `access matrix: ${routes} routes × ${WHO.length} personas × ${cells.length} methods = ${results.length} requests, ${leaks.length} leaks`;
		// Requests = each route-method × each persona × each target (A, C, a missing id) it has, pages also as __data.json.
		console.log(`${summary} (${mismatches.length} mismatches; targets A, C and a missing id; pages also as __data.json; ${seconds} s)`);
		// Every request and its answer, for reading a failure (bodies left out).
		const table = testInfo.outputPath('access-matrix.json');
		writeFileSync(table, JSON.stringify(results.map(({ body: _body, cell, ...r }) => ({ key: cell.key, ...r })), null, 2));
		await testInfo.attach('access-matrix.json', { contentType: 'application/json', path: table });

		expect.soft(mismatches.map(describe), `${mismatches.length} answer(s) differ from SECURITY §2 (tests/fixtures/access-matrix.ts):\n${mismatches.map(describe).join('\n')}\n`).toEqual([]);
		expect.soft(leaks, `${leaks.length} leak(s):\n${leaks.join('\n')}\n`).toEqual([]);
		expect.soft(sessionProblems, `sessions that survived sign-out or Exit:\n${sessionProblems.join('\n')}\n`).toEqual([]);
	});
});
