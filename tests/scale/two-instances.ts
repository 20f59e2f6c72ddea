/**
 * Issue 10's scale-out check (run by `npm test` after the build, when Postgres is available): two
 * built app instances on different ports against ONE Postgres database.
 *
 * 1. Both start at once on an empty database: migrations run once (Kysely's migrator holds a
 *    Postgres advisory lock), each exactly once in its table, and both instances come up.
 * 2. Sessions are shared: signed in on A, the same cookie works on B.
 * 3. Replay: the same idempotency key POSTed to both instances at once → every response the same,
 *    one idempotency record, one answer.
 * 4. Rate limits are shared: wrong passphrases spread over A and B lock the account on both.
 * 5. Outbox: messages queued while both workers run are sent once each (FOR UPDATE SKIP LOCKED):
 *    0 duplicates, 0 lost, across both instances' deliveries.
 *
 * Usage: node .ci/vite-run.mjs tests/scale/two-instances.ts <report.json>   (TEST_DATABASE_URL set)
 * Writes a Vitest-shaped JSON report (numPassedTests / numFailedTests) for .ci/summarise.mjs.
 * `… two-instances.ts <report.json> bench` also times (c), the answer autosave, with one instance
 * and with two (issue 10's scale-out figure), and prints the ratio.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { addWorkingDays, londonDate } from '$lib/domain/calendar';
import { latestForm } from '$lib/forms/registry';
import type { ChoiceQuestion } from '$lib/forms/types';
import { hashSecret } from '$lib/server/auth/password';
import * as children from '$lib/server/data/children';
import * as consultations from '$lib/server/data/consultations';
import * as invitations from '$lib/server/data/invitations';
import * as outbox from '$lib/server/data/outbox';
import * as reviews from '$lib/server/data/reviews';
import * as users from '$lib/server/data/users';
import { openDatabase } from '$lib/server/db/open';
import { autosave, cannon, signIn, startApp, stopApp } from '../bench/http.bench';

const PORT_A = Number(process.env.SCALE_PORT) || 4720;
const PORT_B = PORT_A + 1;
const PASSPHRASE = 'scale harbour kettle moss';
const MESSAGES = 60;

type Result = { title: string; status: 'passed' | 'failed'; failureMessages: string[] };

export default async function twoInstances(reportPath = '.ci-out/scale-out.json', mode = ''): Promise<void> {
	const url = process.env.TEST_DATABASE_URL;
	if (!url || !/^postgres/.test(url)) throw new Error('two-instances: TEST_DATABASE_URL (postgres://…) is not set');
	const results: Result[] = [];
	const check = async (title: string, fn: () => Promise<void>) => {
		try {
			await fn();
			results.push({ title, status: 'passed', failureMessages: [] });
			console.log(`  ✓ ${title}`);
		} catch (e) {
			results.push({ title, status: 'failed', failureMessages: [String(e instanceof Error ? e.stack : e)] });
			console.log(`  ✗ ${title}\n    ${e instanceof Error ? e.message : e}`);
		}
	};
	const dbName = `scale_${process.pid}_${Date.now()}`;
	const admin = new Pool({ connectionString: url, max: 1 });
	await admin.query(`create database ${dbName}`);
	const dbUrl = url.replace(/\/[^/?]+(\?|$)/, `/${dbName}$1`);
	const pool = new Pool({ connectionString: dbUrl, max: 2 });
	const dir = mkdtempSync(join(tmpdir(), 'my-review-scale-'));
	const apps: ChildProcess[] = [];
	let opened: ReturnType<typeof openDatabase> | undefined;
	pool.on('error', () => {});
	admin.on('error', () => {});
	const env = (name: string) => ({ DATABASE_URL: dbUrl, OUTBOX_WORKER: 'on', OUTBOX_CAPTURE_PATH: join(dir, `${name}.jsonl`), DATABASE_POOL_SIZE: '5' });
	const base = (port: number) => `http://127.0.0.1:${port}`;
	try {
		console.log(`two instances on ${base(PORT_A)} and ${base(PORT_B)}, one Postgres database (${dbName})`);
		await check('both instances start at once on an empty database; each migration runs once', async () => {
			const [a, b] = await Promise.all([startApp(PORT_A, env('a')), startApp(PORT_B, env('b'))]);
			apps.push(a, b);
			const files = readdirSync('migrations').filter((f) => f.endsWith('.ts')).length;
			const { rows } = await pool.query<{ name: string; n: string }>('select name, count(*) as n from kysely_migration group by name');
			if (rows.length !== files) throw new Error(`${rows.length} migrations recorded, ${files} files`);
			if (rows.some((r) => Number(r.n) !== 1)) throw new Error('a migration was recorded twice');
		});
		if (apps.length !== 2) throw new Error('the instances did not start');

		// A child who can sign in, with a form started.
		opened = openDatabase(dbUrl);
		const { db } = opened;
		const now = Date.now();
		const today = londonDate(now);
		const form = latestForm('young-person-13-plus');
		const question = form.questions.find((q): q is ChoiceQuestion => q.kind === 'choice' || q.kind === 'yes-no')!;
		const login = 'scale-child-1';
		const reviewId = await db.transaction().execute(async (trx) => {
			const childId = await children.create(trx, { preferredName: 'Scale', dateOfBirth: `${Number(today.slice(0, 4)) - 15}-01-01`, lookedAfterSince: '2020-01-01', preferredLocale: 'en-GB' }, now);
			const userId = await users.createRespondent(trx, { role: 'young-person', displayName: 'Scale', childId }, now);
			await users.setCredentials(trx, userId, login, await hashSecret(PASSPHRASE), now);
			const id = await reviews.create(trx, { childId, sequence: 2, dueDate: addWorkingDays(today, 20) }, now);
			await reviews.schedule(trx, id, addWorkingDays(today, 15), '10:00');
			await invitations.ensure(trx, id, userId, 'young-person', now);
			await consultations.start(trx, { reviewId: id, respondentId: userId, respondentKind: 'young-person', formId: form.id, formVersion: form.version }, now);
			const other = await children.create(trx, { preferredName: 'Locked', dateOfBirth: `${Number(today.slice(0, 4)) - 14}-01-01`, lookedAfterSince: '2020-01-01', preferredLocale: 'en-GB' }, now);
			const locked = await users.createRespondent(trx, { role: 'young-person', displayName: 'Locked', childId: other }, now);
			await users.setCredentials(trx, locked, 'scale-child-2', await hashSecret(PASSPHRASE), now);
			return id;
		});
		const path = `/me/review/${reviewId}/${question.id}`;
		let cookie = '';

		await check('a session made on one instance is valid on the other', async () => {
			cookie = await signIn(base(PORT_A), '/sign-in', { username: login, passphrase: PASSPHRASE });
			const res = await fetch(`${base(PORT_B)}${path}`, { headers: { cookie }, redirect: 'manual' });
			if (res.status !== 200) throw new Error(`instance B answered ${res.status} with A's session`);
		});

		await check('replay: one idempotency key sent to both instances at once → one record, one answer, the same outcome', async () => {
			const key = crypto.randomUUID();
			const body = new URLSearchParams({ [question.id]: question.options[0]!, idempotency_key: key }).toString();
			const post = (port: number) =>
				fetch(`${base(port)}${path}`, {
					method: 'POST',
					body,
					headers: { cookie, origin: base(port), accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
					redirect: 'manual'
				});
			const responses = await Promise.all([PORT_A, PORT_B, PORT_A, PORT_B, PORT_A, PORT_B].map(post));
			const outcomes = new Set(responses.map((r) => `${r.status} ${r.headers.get('location') ?? ''}`));
			if (outcomes.size !== 1 || !responses.every((r) => r.status === 303)) throw new Error(`outcomes differ: ${[...outcomes].join(' | ')}`);
			const keys = await pool.query('select count(*) as n from idempotency_key where key = $1', [key]);
			if (Number(keys.rows[0].n) !== 1) throw new Error(`${keys.rows[0].n} idempotency records for one key`);
			const saved = await pool.query('select count(*) as n from answer a join consultation c on c.id = a.consultation_id where c.review_id = $1 and a.question_id = $2', [reviewId, question.id]);
			if (Number(saved.rows[0].n) !== 1) throw new Error(`${saved.rows[0].n} answers saved`);
		});

		await check('rate limits are shared: wrong passphrases on both instances lock the sign-in on both', async () => {
			let limited = 0;
			for (let i = 0; i < 30 && limited === 0; i++) {
				const port = i % 2 ? PORT_B : PORT_A;
				const res = await fetch(`${base(port)}/sign-in`, {
					method: 'POST',
					body: new URLSearchParams({ username: 'scale-child-2', passphrase: 'not the passphrase' }),
					headers: { origin: base(port), accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
					redirect: 'manual'
				});
				if (res.status === 429) limited = i + 1;
			}
			if (!limited) throw new Error('30 wrong tries across A and B were never limited');
			for (const port of [PORT_A, PORT_B]) {
				const res = await fetch(`${base(port)}/sign-in`, {
					method: 'POST',
					body: new URLSearchParams({ username: 'scale-child-2', passphrase: PASSPHRASE }),
					headers: { origin: base(port), accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
					redirect: 'manual'
				});
				if (res.status !== 429) throw new Error(`instance on ${port} let the right passphrase in after ${limited} wrong tries elsewhere (${res.status})`);
			}
		});

		await check(`outbox: ${MESSAGES} messages with two workers → each sent exactly once (0 duplicates, 0 lost)`, async () => {
			const t = Date.now();
			for (let i = 0; i < MESSAGES; i++) await outbox.enqueueAddress(db, `person-${i}@example.invalid`, 'something-new', t);
			const deadline = Date.now() + 60_000;
			while (Date.now() < deadline && (await outbox.pendingCount(db)) > 0) await new Promise((r) => setTimeout(r, 500));
			const sentTo: string[] = [];
			const perInstance: Record<string, number> = {};
			for (const name of ['a', 'b']) {
				let lines: string[] = [];
				try {
					lines = readFileSync(join(dir, `${name}.jsonl`), 'utf8').split('\n').filter(Boolean);
				} catch {
					// this instance sent nothing
				}
				perInstance[name] = lines.length;
				for (const l of lines) sentTo.push((JSON.parse(l) as { to: string }).to);
			}
			const distinct = new Set(sentTo);
			const duplicates = sentTo.length - distinct.size;
			const lost = MESSAGES - [...distinct].filter((a) => /^person-\d+@example\.invalid$/.test(a)).length;
			const { rows } = await pool.query('select count(*) as n from outbox where sent_at is not null');
			console.log(`    sent by A: ${perInstance.a}, by B: ${perInstance.b}; duplicates ${duplicates}, lost ${lost}; rows marked sent ${rows[0].n}`);
			if (duplicates || lost) throw new Error(`${duplicates} duplicates, ${lost} lost`);
			if (Number(rows[0].n) !== MESSAGES) throw new Error(`${rows[0].n} rows marked sent`);
		});
		if (mode === 'bench') {
			const a = await cannon('(c) autosave, Postgres, 1 instance', autosave(base(PORT_A), path, cookie, question));
			const half = async (port: number) => cannon(`(c) on ${port}`, { ...autosave(base(port), path, cookie, question), connections: 5 });
			const [x, y] = await Promise.all([half(PORT_A), half(PORT_B)]);
			const two = x.rps + y.rps;
			const line = `(c) answer autosave on Postgres: 1 instance ${a.rps.toFixed(0)} req/s (p95 ${a.p95.toFixed(1)} ms); 2 instances ${two.toFixed(0)} req/s (p95 ${Math.max(x.p95, y.p95).toFixed(1)} ms); ratio ${(two / a.rps).toFixed(2)}×`;
			console.log(line);
			writeFileSync('.ci-out/bench-postgres.md', `${line}\n`);
		}
	} catch (e) {
		results.push({ title: 'the checks ran to the end', status: 'failed', failureMessages: [String(e instanceof Error ? e.stack : e)] });
		console.log(`  ✗ ${e instanceof Error ? e.stack : e}`);
	} finally {
		await opened?.db.destroy();
		for (const app of apps) await stopApp(app);
		await pool.end();
		await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => {});
		await admin.end();
		rmSync(dir, { recursive: true, force: true });
		const failed = results.filter((r) => r.status === 'failed').length;
		writeFileSync(
			reportPath,
			JSON.stringify({
				numPassedTests: results.length - failed,
				numFailedTests: failed,
				numFailedTestSuites: failed ? 1 : 0,
				testResults: [{ name: 'tests/scale/two-instances.ts', assertionResults: results }]
			})
		);
		console.log(`${results.length - failed} passed, ${failed} failed (scale-out)`);
	}
	const failed = results.filter((r) => r.status === 'failed').length;
	if (failed) throw new Error(`${failed} scale-out check(s) failed`);
}
