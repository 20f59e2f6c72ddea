/**
 * Issue 10's benchmark suite (`npm run bench`; not part of `npm test`). Against the production
 * build (`node build`) on 127.0.0.1, with autocannon, each run bounded in time (BENCH_SECONDS, 5 by
 * default), and a bare `node:http` server answering a small fixed HTML page as the machine's
 * baseline in the same run:
 *   (a) node:http baseline   (b) a signed-in child's question page   (c) an answer autosave POST
 *   (SQLite, synchronous=FULL; a new idempotency key per request)   (d) the caseload of an IRO with
 *   70 children   (e) a review pack with 50 consultations   (f) the SvelteKit floor: an anonymous
 *   public page (/accessibility: the hooks run, no session, no query), what the framework itself
 *   costs against (a), so (b) and (c) can be read against what the stack allows.
 * Each as requests/s, p50/p95/p99 and the ratio to (a). Then the pack assembly p95 on its own
 * (target ≤30 ms), and cost growth: the caseload's and the pack's queries at 1×, 10× and 100× the
 * data (children, reviews, answers: other IROs' caseloads added around the same IRO), with SQLite's
 * query plan for each hot query. Written to .ci-out/bench.md and printed.
 *
 * BENCH_ONLY=c,… runs some scenarios; BENCH_SCALES=1,10 limits the growth step; BENCH_PORT (4700)
 * and the next port are used. With BENCH_DATABASE_URL=postgres://… (an empty database; it is seeded)
 * and BENCH_INSTANCES=1,2 (the default) it also runs
 * (c) on Postgres with one and with two app instances (issue 10's scale-out figure; see README).
 * BENCH_CPU_PROF=dir starts `node build` with --cpu-prof, writing a V8 CPU profile per server into
 * dir when it stops (open it in Chrome's DevTools; the figures are then slower, not for the table).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { addWorkingDays, londonDate } from '$lib/domain/calendar';
import { latestForm } from '$lib/forms/registry';
import type { Answer, AnswerValue, Question } from '$lib/forms/types';
import { hashSecret } from '$lib/server/auth/password';
import { loadCaseload } from '$lib/server/caseload';
import * as allocations from '$lib/server/data/allocations';
import * as answers from '$lib/server/data/answers';
import * as children from '$lib/server/data/children';
import * as consultations from '$lib/server/data/consultations';
import * as invitations from '$lib/server/data/invitations';
import * as reviews from '$lib/server/data/reviews';
import * as users from '$lib/server/data/users';
import { migrateToLatest } from '$lib/server/db/migrate';
import { openDatabase } from '$lib/server/db/open';
import type { Database as Schema } from '$lib/server/db/schema';
import { assemblePack, type PackRespondent } from '$lib/server/pack/assemble';

const SECONDS = Number(process.env.BENCH_SECONDS) || 5;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS) || 10;
const PORT = Number(process.env.BENCH_PORT) || 4700;
const ONLY = new Set((process.env.BENCH_ONLY ?? 'a,f,b,c,d,e,pack,growth').split(','));
const SCALES = (process.env.BENCH_SCALES ?? '1,10,100').split(',').map(Number);
const PASSPHRASE = 'bench river lantern orbit';
const PASSWORD = 'bench-password-not-for-use-anywhere';
const CASELOAD = 70;
const PACK = 50;

export interface Seeded {
	iroEmail: string;
	iroId: string;
	childLogin: string;
	childReviewId: string;
	question: Question;
	packReviewId: string;
}

function yearsBefore(today: string, years: number): string {
	const [y, m, d] = today.split('-').map(Number);
	return new Date(Date.UTC(y! - years, m! - 1, d! - 30)).toISOString().slice(0, 10);
}

function valueFor(q: Question, i: number): AnswerValue {
	if (q.kind === 'text') return { kind: 'text', text: `Answer ${i} with some words about home, school and friends. `.repeat(3) };
	if (q.kind === 'drawing') return { kind: 'drawing', strokes: [[10, 10, 50, 60, 90, 20]] };
	if (q.kind === 'date') return { kind: 'date', date: '2026-01-05' };
	if (q.kind === 'choices') return { kind: 'choices', values: [q.options[0]!] };
	return { kind: 'choice', value: q.options[i % q.options.length]! };
}

/**
 * The bench data: one IRO with 70 allocated children (each a review and an invited child), one of
 * whom can sign in and has started their form; another child's review with 50 sent consultations.
 * `scale` − 1 more copies of the caseload-and-answers volume belong to other IROs.
 */
export async function seed(path: string, scale: number, hashes: { staff: string; child: string }): Promise<Seeded> {
	const { db } = openDatabase(path);
	try {
		await migrateToLatest(db);
		const now = Date.now();
		const today = londonDate(now);
		const form = latestForm('young-person-13-plus');
		return await db.transaction().execute(async (trx) => {
			const caseload = async (tag: string, withAnswers: number) => {
				const iroId = await users.createStaff(trx, { role: 'iro', email: `bench-iro-${tag}@example.invalid`, displayName: `IRO ${tag}`, passwordHash: hashes.staff }, now);
				const out: { childId: string; reviewId: string; userId: string }[] = [];
				for (let n = 0; n < CASELOAD; n++) {
					const childId = await children.create(trx, { preferredName: `C${tag}-${n}`, dateOfBirth: yearsBefore(today, 15), lookedAfterSince: yearsBefore(today, 3), preferredLocale: 'en-GB' }, now);
					await allocations.allocate(trx, childId, iroId, yearsBefore(today, 1), now);
					const reviewId = await reviews.create(trx, { childId, sequence: 2, dueDate: addWorkingDays(today, 20 + (n % 30)) }, now);
					await reviews.schedule(trx, reviewId, addWorkingDays(today, 15 + (n % 30)), '10:00');
					const userId = await users.createRespondent(trx, { role: 'young-person', displayName: `C${tag}-${n}`, childId }, now);
					await invitations.ensure(trx, reviewId, userId, 'young-person', now);
					if (n < withAnswers) {
						const c = await consultations.start(trx, { reviewId, respondentId: userId, respondentKind: 'young-person', formId: form.id, formVersion: form.version }, now);
						for (const [i, q] of form.questions.entries()) await answers.save(trx, c.id, { questionId: q.id, value: valueFor(q, i), visibility: 'iro-only' } satisfies Answer, now);
						await consultations.markSubmitted(trx, c.id, now);
					}
					out.push({ childId, reviewId, userId });
				}
				return { iroId, kids: out };
			};
			const main = await caseload('main', 0);
			// The child who signs in (b, c): credentials, and a form started.
			const child = main.kids[0]!;
			const childLogin = 'bench-child-1';
			await users.setCredentials(trx, child.userId, childLogin, hashes.child, now);
			await consultations.start(trx, { reviewId: child.reviewId, respondentId: child.userId, respondentKind: 'young-person', formId: form.id, formVersion: form.version }, now);
			// The pack (e): the second child's review with 50 sent consultations.
			const packReviewId = main.kids[1]!.reviewId;
			for (let n = 0; n < PACK; n++) {
				const userId = n === 0 ? main.kids[1]!.userId : await users.createRespondent(trx, { role: 'young-person', displayName: `R${n}`, childId: null }, now);
				await invitations.ensure(trx, packReviewId, userId, 'young-person', now);
				const c = await consultations.start(trx, { reviewId: packReviewId, respondentId: userId, respondentKind: 'young-person', formId: form.id, formVersion: form.version }, now);
				for (const [i, q] of form.questions.entries()) {
					await answers.save(trx, c.id, { questionId: q.id, value: valueFor(q, i), visibility: i % 3 === 0 ? 'everyone' : 'iro-only' } satisfies Answer, now);
				}
				await consultations.markSubmitted(trx, c.id, now);
			}
			// Growth: other IROs' caseloads, each with as many sent forms as the pack holds.
			for (let k = 1; k < scale; k++) await caseload(`x${k}`, PACK);
			const question = form.questions.find((q) => q.kind === 'choice' || q.kind === 'yes-no')!;
			return { iroEmail: 'bench-iro-main@example.invalid', iroId: main.iroId, childLogin, childReviewId: child.reviewId, question, packReviewId };
		});
	} finally {
		await db.destroy();
	}
}

function pct(sorted: number[], p: number): number {
	return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
}

export interface Row {
	name: string;
	rps: number;
	p50: number;
	p95: number;
	p99: number;
	non2xx: number;
	errors: number;
	ratio?: number;
	/** The app server's CPU time per request (user + system, from /proc), when known. */
	cpuMs?: number;
}

/** A process's CPU time so far in ms (Linux /proc; NaN elsewhere). */
export function cpuTimeMs(pid: number | undefined): number {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
	} catch {
		return NaN;
	}
}

/** {@link cannon} against a server we started, with its CPU time per request. */
async function measured(app: ChildProcess, name: string, opts: autocannon.Options): Promise<Row> {
	const before = cpuTimeMs(app.pid);
	const row = await cannon(name, opts);
	row.cpuMs = (cpuTimeMs(app.pid) - before) / (row.rps * SECONDS);
	return row;
}

/** autocannon for SECONDS; latencies from each response, so p95 is exact. */
export async function cannon(name: string, opts: autocannon.Options): Promise<Row> {
	const latencies: number[] = [];
	const instance = autocannon({ connections: CONNECTIONS, duration: SECONDS, ...opts });
	instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
	const result = await instance;
	latencies.sort((a, b) => a - b);
	return {
		name,
		rps: result.requests.total / SECONDS,
		p50: pct(latencies, 50),
		p95: pct(latencies, 95),
		p99: pct(latencies, 99),
		non2xx: result.non2xx,
		errors: result.errors + result.timeouts
	};
}

const BASELINE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My Review</title></head><body><main><h1>Question 1 of 40</h1><p>${'How do you feel about where you live? '.repeat(20)}</p></main></body></html>`;

function baseline(port: number): Promise<Server> {
	const server = createServer((_req, res) => {
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(BASELINE_HTML) });
		res.end(BASELINE_HTML);
	});
	return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

/** Starts `node build` against a database; resolves once it answers. */
export async function startApp(port: number, env: Record<string, string>): Promise<ChildProcess> {
	// Something already answering there (a server left from another run) would be measured instead.
	const taken = await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
	if (taken) throw new Error(`port ${port} is already in use`);
	const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_CPU_PROF)}`] : [];
	const child = spawn(process.execPath, [...prof, 'build'], {
		cwd: process.cwd(),
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}`, NODE_ENV: 'production', LOG_LEVEL: 'error', OUTBOX_WORKER: 'off', ...env },
		stdio: ['ignore', 'inherit', 'inherit']
	});
	for (let i = 0; i < 200; i++) {
		if (child.exitCode !== null) throw new Error(`node build exited (${child.exitCode})`);
		try {
			if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return child;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill();
	throw new Error('node build did not answer within 20 s');
}

export async function stopApp(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return;
	const done = new Promise((r) => child.once('exit', r));
	child.kill('SIGTERM');
	await Promise.race([done, new Promise((r) => setTimeout(r, 5000))]);
	// adapter-node drains keep-alive connections for up to SHUTDOWN_TIMEOUT: don't leave it behind.
	if (child.exitCode === null && child.signalCode === null) {
		child.kill('SIGKILL');
		await done;
	}
}

/** Signs in through the real form; returns the Cookie header. */
export async function signIn(base: string, path: string, fields: Record<string, string>): Promise<string> {
	const res = await fetch(`${base}${path}`, {
		method: 'POST',
		body: new URLSearchParams(fields),
		headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		redirect: 'manual'
	});
	const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!).filter((c) => !c.endsWith('='));
	if (res.status !== 303 || !cookies.length) throw new Error(`sign-in at ${path} answered ${res.status}: ${(await res.text()).replace(/\s+/g, ' ').match(/govuk-error-message[^<]*<[^>]*>[^<]*<\/span>([^<]*)/)?.[1] ?? ''}`);
	return cookies.join('; ');
}

/** (c): each request a new idempotency key, as each Continue is. */
export function autosave(base: string, path: string, cookie: string, question: Question): autocannon.Options {
	return {
		url: `${base}${path}`,
		requests: [
			{
				method: 'POST',
				setupRequest: (req) => ({
					...req,
					headers: { cookie, origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
					body: new URLSearchParams({ [question.id]: question.kind === 'choice' || question.kind === 'yes-no' ? question.options[0]! : 'yes', idempotency_key: crypto.randomUUID() }).toString()
				})
			}
		]
	};
}

type Logged = { sql: string; parameters: readonly unknown[] };

/** In-process: the caseload's and the pack's queries at this scale, timed, with their query plans. */
async function growth(path: string, s: Seeded): Promise<{ caseload: number[]; pack: number[]; assembly: number[]; plans: Map<string, string[]> }> {
	const raw = new Database(path, { readonly: false });
	const logged: Logged[] = [];
	const db = new Kysely<Schema>({
		dialect: new SqliteDialect({ database: raw }),
		log: (e) => {
			if (e.level === 'query') logged.push({ sql: e.query.sql, parameters: e.query.parameters });
		}
	});
	const access = { actor: { id: s.iroId, role: 'iro' }, action: 'caseload.view', childId: null, reviewId: null, requestId: null } as unknown as Parameters<typeof loadCaseload>[0];
	const packLoad = async (): Promise<PackRespondent[]> => {
		const invited = await invitations.forReviews(db, [s.packReviewId]);
		const started = await consultations.forReviews(db, [s.packReviewId]);
		const map = await answers.forConsultations(db, started.map((c) => c.id));
		return invited.map((i) => {
			const c = started.find((x) => x.respondentId === i.respondentId)!;
			return { respondentId: i.respondentId, kind: i.respondentKind, displayName: i.displayName, invitedAt: i.invitedAt, consultation: { status: c.status, formId: c.formId, formVersion: c.formVersion, submittedAt: c.submittedAt }, answers: map.get(c.id) ?? new Map() };
		});
	};
	const times = { caseload: [] as number[], pack: [] as number[], assembly: [] as number[] };
	try {
		for (let r = 0; r < 60; r++) {
			let t0 = performance.now();
			const { rows } = await loadCaseload(access, Date.now(), db);
			if (rows.length !== CASELOAD) throw new Error(`caseload has ${rows.length} rows`);
			times.caseload.push(performance.now() - t0);
			t0 = performance.now();
			const respondents = await packLoad();
			times.pack.push(performance.now() - t0);
			t0 = performance.now();
			const pack = assemblePack(respondents, 'iro');
			times.assembly.push(performance.now() - t0);
			if (pack.sections.length !== PACK) throw new Error('pack is incomplete');
		}
		const plans = new Map<string, string[]>();
		for (const q of logged) {
			if (plans.has(q.sql)) continue;
			const rows = raw.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[];
			plans.set(q.sql, rows.map((x) => x.detail));
		}
		for (const k of Object.keys(times) as (keyof typeof times)[]) times[k].sort((a, b) => a - b);
		return { ...times, plans };
	} finally {
		await db.destroy();
	}
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');

export default async function bench(): Promise<void> {
	const out = resolve('.ci-out');
	mkdirSync(out, { recursive: true });
	const dir = mkdtempSync(join(tmpdir(), 'my-review-bench-'));
	const lines: string[] = [`# My Review benchmark (${new Date().toISOString()})`, '', `autocannon: ${CONNECTIONS} connections, ${SECONDS} s each, 127.0.0.1, production build (node build, SQLite WAL + synchronous=FULL).`, ''];
	const say = (s = '') => {
		lines.push(s);
		console.log(s);
	};
	const hashes = { staff: await hashSecret(PASSWORD), child: await hashSecret(PASSPHRASE) };
	const servers: ChildProcess[] = [];
	let base: Server | undefined;
	try {
		const path = join(dir, 'bench-1.sqlite');
		let t0 = performance.now();
		const s = await seed(path, 1, hashes);
		console.log(`seeded 1× in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
		const rows: Row[] = [];
		if (['a', 'b', 'c', 'd', 'e', 'f'].some((x) => ONLY.has(x))) {
			base = await baseline(PORT);
			const app = await startApp(PORT + 1, { DATABASE_PATH: path, DATABASE_URL: '' });
			servers.push(app);
			const url = `http://127.0.0.1:${PORT + 1}`;
			const childCookie = await signIn(url, '/sign-in', { username: s.childLogin, passphrase: PASSPHRASE });
			const iroCookie = await signIn(url, '/sign-in/staff', { email: s.iroEmail, password: PASSWORD });
			const qPath = `/me/review/${s.childReviewId}/${s.question.id}`;
			const check = await fetch(`${url}${qPath}`, { headers: { cookie: childCookie } });
			if (check.status !== 200) throw new Error(`question page answered ${check.status}`);
			if (ONLY.has('a')) rows.push(await cannon('(a) node:http baseline, small HTML', { url: `http://127.0.0.1:${PORT}/` }));
			if (ONLY.has('f')) rows.push(await measured(app, '(f) SvelteKit floor: public page, no DB', { url: `${url}/accessibility`, headers: { accept: 'text/html' } }));
			if (ONLY.has('b')) rows.push(await measured(app, '(b) child question page (signed in)', { url: `${url}${qPath}`, headers: { cookie: childCookie } }));
			if (ONLY.has('c')) rows.push(await measured(app, '(c) answer autosave POST (SQLite FULL)', autosave(url, qPath, childCookie, s.question)));
			if (ONLY.has('d')) rows.push(await measured(app, `(d) IRO caseload, ${CASELOAD} children`, { url: `${url}/iro`, headers: { cookie: iroCookie } }));
			if (ONLY.has('e')) rows.push(await measured(app, `(e) review pack, ${PACK} consultations`, { url: `${url}/iro/review/${s.packReviewId}/pack`, headers: { cookie: iroCookie } }));
			const a = rows.find((r) => r.name.startsWith('(a)'));
			for (const r of rows) r.ratio = a ? r.rps / a.rps : undefined;
			say('## Throughput and latency');
			say('');
			say('| scenario | req/s | p50 ms | p95 ms | p99 ms | vs (a) | target | server CPU ms/req | non-2xx | errors |');
			say('|---|---:|---:|---:|---:|---:|---|---:|---:|---:|');
			const target: Record<string, string> = { '(b)': '≥40 %', '(c)': '≥25 %' };
			for (const r of rows) {
				const t = target[r.name.slice(0, 3)];
				const verdict = t && r.ratio !== undefined ? `${t} ${r.ratio >= (t === '≥40 %' ? 0.4 : 0.25) ? '✓' : '✗'}` : '';
				say(`| ${r.name} | ${r.rps.toFixed(0)} | ${f1(r.p50)} | ${f1(r.p95)} | ${f1(r.p99)} | ${r.ratio !== undefined ? `${(r.ratio * 100).toFixed(0)} %` : '–'} | ${verdict} | ${r.cpuMs !== undefined ? f2(r.cpuMs) : '–'} | ${r.non2xx} | ${r.errors} |`);
			}
			say('');
			say('(c) answers with 303 to the next page, so its responses count as non-2xx; they are the successes. Server CPU per request');
			say('(from /proc) is the figure that holds when other work shares the machine; req/s and latency do not.');
			const f = rows.find((r) => r.name.startsWith('(f)'));
			if (f) {
				say('');
				say(`(f) is the most this stack serves (SvelteKit rendering a small page with our hooks, no session, no query): ${((f.ratio ?? NaN) * 100).toFixed(0)} % of (a). Against (f):`);
				for (const r of rows.filter((x) => /^\((b|c|d|e)\)/.test(x.name))) say(`- ${r.name.slice(0, 3)} ${((r.rps / f.rps) * 100).toFixed(0)} % of (f)`);
			}
			say('');
			await stopApp(app);
		}
		const pgUrl = process.env.BENCH_DATABASE_URL?.trim();
		if (pgUrl && /^postgres(ql)?:\/\//.test(pgUrl)) {
			// Issue 10's scale-out figure: (c) on Postgres with one app instance, then with several
			// sharing the load (each instance gets an equal share of the connections at once).
			const counts = (process.env.BENCH_INSTANCES ?? '1,2').split(',').map(Number);
			const ps = await seed(pgUrl, 1, hashes);
			say('## (c) on Postgres: one instance vs several');
			say('');
			say('| instances | req/s | p50 ms | p95 ms | ratio to 1 instance |');
			say('|---:|---:|---:|---:|---:|');
			let one: number | undefined;
			for (const n of counts) {
				const apps: ChildProcess[] = [];
				try {
					for (let i = 0; i < n; i++) {
						const a = await startApp(PORT + 2 + i, { DATABASE_URL: pgUrl, DATABASE_PATH: '' });
						apps.push(a);
						servers.push(a);
					}
					const urls = apps.map((_, i) => `http://127.0.0.1:${PORT + 2 + i}`);
					const cookie = await signIn(urls[0]!, '/sign-in', { username: ps.childLogin, passphrase: PASSPHRASE });
					const qPath = `/me/review/${ps.childReviewId}/${ps.question.id}`;
					const per = Math.max(1, Math.floor(CONNECTIONS / n));
					const parts = await Promise.all(urls.map((u) => cannon(`(c) pg ×${n}`, { ...autosave(u, qPath, cookie, ps.question), connections: per })));
					const rps = parts.reduce((t, r) => t + r.rps, 0);
					one ??= rps;
					say(`| ${n} | ${rps.toFixed(0)} | ${f1(Math.max(...parts.map((r) => r.p50)))} | ${f1(Math.max(...parts.map((r) => r.p95)))} | ${(rps / one).toFixed(2)}× |`);
				} finally {
					for (const a of apps) await stopApp(a);
				}
			}
			say('');
			say('On one machine the instances share its cores with the database and the load generator, so this shows that several instances are correct under load, not how they scale on separate hosts.');
			say('');
		}
		if (ONLY.has('pack') || ONLY.has('growth')) {
			say('## Cost growth (in-process: the same queries the pages run, 60 runs each)');
			say('');
			say('| data | children | answers | caseload p50 / p95 ms | pack queries p50 / p95 ms | pack assembly p50 / p95 ms (target p95 ≤30) |');
			say('|---|---:|---:|---:|---:|---:|');
			let plans: Map<string, string[]> | undefined;
			for (const scale of ONLY.has('growth') ? SCALES : [1]) {
				const p = scale === 1 ? path : join(dir, `bench-${scale}.sqlite`);
				if (scale !== 1) {
					t0 = performance.now();
					await seed(p, scale, hashes);
					console.log(`seeded ${scale}× in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
				}
				const g = await growth(p, scale === 1 ? s : { ...s, ...(await idsAt(p)) });
				const counts = new Database(p, { readonly: true });
				const kids = (counts.prepare('select count(*) as n from child').get() as { n: number }).n;
				const ans = (counts.prepare('select count(*) as n from answer').get() as { n: number }).n;
				counts.close();
				say(`| ${scale}× | ${kids} | ${ans} | ${f2(pct(g.caseload, 50))} / ${f2(pct(g.caseload, 95))} | ${f2(pct(g.pack, 50))} / ${f2(pct(g.pack, 95))} | ${f2(pct(g.assembly, 50))} / ${f2(pct(g.assembly, 95))} ${pct(g.assembly, 95) <= 30 ? '✓' : '✗'} |`);
				plans = g.plans;
			}
			say('');
			say('### Query plans of the hot queries (largest data set)');
			say('');
			for (const [q, plan] of plans ?? []) {
				const scan = plan.some((d) => /^SCAN /.test(d) && !/USING (COVERING )?INDEX/.test(d));
				say(`- ${scan ? '**SCAN** ' : ''}\`${q.length > 220 ? `${q.slice(0, 220)}…` : q}\``);
				for (const d of plan) say(`    - ${d}`);
			}
			say('');
		}
	} finally {
		for (const c of servers) await stopApp(c);
		base?.close();
		rmSync(dir, { recursive: true, force: true });
		writeFileSync(join(out, 'bench.md'), `${lines.join('\n')}\n`);
		console.log(`\nwritten to ${join(out, 'bench.md')}`);
	}
}

/** The ids of the main IRO's data in a database seeded at another scale. */
async function idsAt(path: string): Promise<Pick<Seeded, 'iroId' | 'packReviewId'>> {
	const db = new Database(path, { readonly: true });
	try {
		const iro = db.prepare(`select id from app_user where email = 'bench-iro-main@example.invalid'`).get() as { id: string };
		const pack = db.prepare('select review_id as id from invitation group by review_id order by count(*) desc limit 1').get() as { id: string };
		return { iroId: iro.id, packReviewId: pack.id };
	} finally {
		db.close();
	}
}
