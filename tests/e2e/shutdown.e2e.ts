/**
 * REL-9 (SECURITY §9): a graceful stop under load. A private `node build` with the outbox worker on
 * (messages to its capture file) takes answers from three respondents writing flat out, and requests
 * whose messages the worker delivers; it then gets SIGTERM with writes in flight. adapter-node stops
 * taking connections and lets the requests it has finish; on `sveltekit:shutdown` the worker finishes
 * the message in hand, then the database checkpoints its WAL and closes. Proven: no 5xx at any point
 * (a write is answered or refused a connection, never half-done), the process exits 0, the `-wal`
 * file is empty or gone, `integrity_check` is ok, every acknowledged answer is in the database, and
 * every message the capture file holds is marked sent (nothing sent twice on the next start).
 *
 * Request API only, no browser: the no-JS project skips it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import type { PersonaName, SeededIds } from '../fixtures/personas';
import { expect, test } from './support/fixtures';
import { formFor } from './support/forms';
import { snapshotE2eDatabase, startPrivateServer, type PrivateServer } from './support/private-server';
import { readSeededIds, signIn } from './support/routes';

const ROUNDS = Number(process.env.SHUTDOWN_ROUNDS) || 3;

interface Writer {
	who: PersonaName;
	prefix: 'me' | 'parent' | 'carer';
	reviewId: string;
	api: APIRequestContext;
	pages: { questionId: string; textField: string; rest: [string, string][] }[];
	seq: number;
	acked: Map<string, string>;
	acks: number;
}

let server: PrivateServer | undefined;

test.afterAll(async () => {
	await server?.kill('SIGKILL');
});

test('REL-9: SIGTERM under load: no 5xx, exit 0, the -wal file empty, every acknowledged write kept, the outbox consistent', async ({ playwright, jsEnabled }, testInfo) => {
	test.skip(!jsEnabled, 'request API only: one run covers both projects');
	test.setTimeout(300_000);
	const dbPath = join(testInfo.outputPath('db'), 'shutdown.sqlite');
	const capture = join(testInfo.outputPath('db'), 'outbox-capture.jsonl');
	snapshotE2eDatabase(dbPath);
	server = await startPrivateServer({ databasePath: dbPath, env: { OUTBOX_WORKER: 'on', OUTBOX_CAPTURE_PATH: capture, SHUTDOWN_TIMEOUT: '30' } });
	const s = server;
	const ids: SeededIds = readSeededIds();
	const form = { origin: s.origin, 'content-type': 'application/x-www-form-urlencoded' };

	const cast: { who: PersonaName; prefix: Writer['prefix']; reviewId: string }[] = [
		{ who: 'childC', prefix: 'me', reviewId: ids.childC.reviewId },
		{ who: 'parentC', prefix: 'parent', reviewId: ids.childC.reviewId },
		{ who: 'carerA', prefix: 'carer', reviewId: ids.childA.reviewId }
	];
	const writers: Writer[] = [];
	const setUp = async () => {
		for (const w of writers) await w.api.dispose();
		writers.length = 0;
		for (const c of cast) {
			const api = await playwright.request.newContext({ baseURL: s.baseURL, extraHTTPHeaders: { accept: 'text/html,application/xhtml+xml' } });
			await signIn(api, c.who, s.origin);
			const base = `/${c.prefix}/review/${c.reviewId}`;
			await api.post(`${base}/start?/begin`, { headers: form, data: '', maxRedirects: 0 });
			const check = await (await api.get(`${base}/check`)).text();
			const pageIds = [...new Set([...check.matchAll(new RegExp(`${base}/([a-z0-9-]+)\\?return=check`, 'g'))].map((m) => m[1]!))];
			const pages: Writer['pages'] = [];
			for (const questionId of pageIds) {
				const f = formFor(await (await api.get(`${base}/${questionId}`)).text(), '', `${base}/${questionId}`);
				const text = f?.fields.find((x) => x.type === 'textarea');
				if (!f || !text) continue;
				const rest = f.fields.filter((x) => x !== text).flatMap((x): [string, string][] => (x.options.length ? [[x.name, x.options[0]!]] : x.type === 'hidden' ? [[x.name, x.value]] : []));
				pages.push({ questionId, textField: text.name, rest });
			}
			expect(pages.length, `${c.who} has free-text pages to write`).toBeGreaterThan(0);
			writers.push({ ...c, api, pages, seq: 0, acked: new Map(), acks: 0 });
		}
	};

	const fiveHundreds: string[] = [];
	let refused = 0;
	let running = false;
	const write = async (w: Writer, round: number) => {
		while (running) {
			const page = w.pages[w.seq % w.pages.length]!;
			const text = `shutdown ${round} ${w.who} ${++w.seq}`;
			const body = ([[page.textField, text], ...page.rest] as [string, string][]).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
			try {
				const res = await w.api.post(`/${w.prefix}/review/${w.reviewId}/${page.questionId}`, { headers: form, data: body, maxRedirects: 0, timeout: 10_000 });
				if (res.status() >= 500) fiveHundreds.push(`${w.who} ${page.questionId}: ${res.status()}`);
				else if (res.status() === 303 && !(res.headers()['location'] ?? '').includes('sign-in')) {
					w.acked.set(page.questionId, text);
					w.acks += 1;
				}
			} catch {
				// The server stopped taking connections: this write was never acknowledged.
				refused += 1;
				return;
			}
		}
	};

	/** A request from the child, whose message to the IRO the worker delivers (REL-16). */
	const requests = async (api: APIRequestContext) => {
		let n = 0;
		while (running) {
			const f = formFor(await (await api.get('/me/requests/talk').catch(() => null))?.text().catch(() => '') ?? '', '?/send', '/me/requests/talk');
			if (!f) return n;
			const data = f.fields
				.flatMap((x): [string, string][] => (x.options.length ? [[x.name, x.options[0]!]] : x.type === 'hidden' ? [[x.name, x.value]] : x.type === 'textarea' || x.type === 'text' ? [[x.name, `shutdown ${n}`]] : []))
				.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
				.join('&');
			try {
				const res = await api.post('/me/requests/talk?/send', { headers: form, data, maxRedirects: 0, timeout: 10_000 });
				if (res.status() >= 500) fiveHundreds.push(`request: ${res.status()}`);
				n += 1;
			} catch {
				return n;
			}
			await new Promise((r) => setTimeout(r, 150));
		}
		return n;
	};

	const sentBefore = (() => {
		const db = new Database(dbPath, { readonly: true });
		try {
			return (db.prepare('select count(*) as n from outbox where sent_at is not null').get() as { n: number }).n;
		} finally {
			db.close();
		}
	})();
	let totalAcks = 0;
	let totalRequests = 0;
	const problems: string[] = [];
	for (let round = 1; round <= ROUNDS; round++) {
		await setUp();
		const requester = await playwright.request.newContext({ baseURL: s.baseURL, extraHTTPHeaders: { accept: 'text/html,application/xhtml+xml' } });
		await signIn(requester, 'childA', s.origin);
		running = true;
		const loops = writers.map((w) => write(w, round));
		const asking = requests(requester);
		await new Promise((r) => setTimeout(r, 1500 + 500 * round));
		// SIGTERM with writes in flight; the writers keep going until the server stops answering.
		const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => s.process.once('exit', (code, signal) => r({ code, signal })));
		s.process.kill('SIGTERM');
		const outcome = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 45_000))]);
		running = false;
		await Promise.all(loops);
		totalRequests += await asking;
		await requester.dispose();
		if (outcome === 'hung') {
			problems.push(`round ${round}: the server did not exit within 45 s of SIGTERM`);
			break;
		}
		if (outcome.code !== 0) problems.push(`round ${round}: exit code ${outcome.code}, signal ${outcome.signal}`);
		const wal = `${dbPath}-wal`;
		const walBytes = existsSync(wal) ? statSync(wal).size : 0;
		if (walBytes !== 0) problems.push(`round ${round}: the -wal file holds ${walBytes} bytes after shutdown`);

		const db = new Database(dbPath, { readonly: true });
		try {
			const integrity = db.pragma('integrity_check', { simple: true });
			if (integrity !== 'ok') problems.push(`round ${round}: integrity_check ${String(integrity)}`);
			for (const w of writers) {
				const rows = db
					.prepare(`select a.question_id as q, a.value as v from answer a join consultation c on c.id = a.consultation_id where c.review_id = ? and c.respondent_id = ?`)
					.all(w.reviewId, ids.users[w.who]) as { q: string; v: string }[];
				const stored = new Map(rows.map((r) => [r.q, (JSON.parse(r.v) as { text?: string }).text ?? null]));
				for (const [q, text] of w.acked) {
					// Each writer writes its pages in turn, so the last acknowledged text per page is the last committed one.
					if (stored.get(q) !== text) problems.push(`round ${round}: ${w.who} ${q}: stored ${JSON.stringify(stored.get(q))}, acknowledged ${JSON.stringify(text)}`);
				}
				totalAcks += w.acks;
			}
		} finally {
			db.close();
		}
		await s.restart();
	}
	await s.kill('SIGTERM');

	// The outbox: every captured message is marked sent, so the next start sends none of them again.
	const db = new Database(dbPath, { readonly: true });
	const sentAfter = (db.prepare('select count(*) as n from outbox where sent_at is not null').get() as { n: number }).n;
	db.close();
	const captured = existsSync(capture) ? readFileSync(capture, 'utf8').split('\n').filter(Boolean).length : 0;
	console.log(
		`shutdown: ${ROUNDS} SIGTERM rounds under load, ${totalAcks} acknowledged writes checked, ${refused} writes refused a connection after the stop, ` +
			`${totalRequests} requests sent, ${captured} messages delivered (${sentAfter - sentBefore} marked sent), ${fiveHundreds.length} 5xx, ${problems.length} problems`
	);
	expect(fiveHundreds, fiveHundreds.join('\n')).toEqual([]);
	expect(problems, problems.join('\n')).toEqual([]);
	expect(captured, 'each delivered message is marked sent, once').toBe(sentAfter - sentBefore);
	expect(totalAcks, 'writes were acknowledged (else the test proves nothing)').toBeGreaterThan(ROUNDS * 10);
	expect(refused, 'the stop landed while writers were writing').toBeGreaterThan(0);
	for (const w of writers) await w.api.dispose();
});
