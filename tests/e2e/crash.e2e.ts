/**
 * REL-12, D3 (SECURITY §9): "acknowledge only after commit", proven with kill -9. A private
 * `node build` on a temporary SQLite file (a copy of the e2e database); three respondents (a child,
 * a parent and a carer, each with their own consultation) write free-text answers as fast as the
 * server will take them, each recording every write the server acknowledged (the 303 to the next
 * page). At a random moment (seeded) the server gets SIGKILL; the writers stop; the database is
 * opened as the restarted server would find it: `PRAGMA integrity_check` must be ok, and every
 * question must hold its last acknowledged answer, or a later one that was sent but not yet
 * acknowledged when the server died (it may have committed). Nothing acknowledged may be missing
 * or older. Then the server restarts on the same file and the next cycle begins: CRASH_CYCLES
 * (default 20) in `npm test`, more in a long run.
 *
 * Request API only, no browser: the no-JS project skips it.
 */
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import type { PersonaName, SeededIds } from '../fixtures/personas';
import { expect, test } from './support/fixtures';
import { formFor } from './support/forms';
import { snapshotE2eDatabase, startPrivateServer, type PrivateServer } from './support/private-server';
import { readSeededIds, signIn } from './support/routes';

const CYCLES = Number(process.env.CRASH_CYCLES) || 20;
const SEED = Number(process.env.CRASH_SEED) || 4242;

function rng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface Writer {
	who: PersonaName;
	prefix: 'me' | 'parent' | 'carer';
	reviewId: string;
	api: APIRequestContext;
	/** Free-text pages and the other fields each page's form needs (visibility and the like). */
	pages: { questionId: string; textField: string; rest: [string, string][] }[];
	seq: number;
	/** Per question: the last acknowledged text, and texts sent after it without an answer. */
	acked: Map<string, string>;
	uncertain: Map<string, string[]>;
	acks: number;
}

let server: PrivateServer | undefined;

test.afterAll(async () => {
	await server?.kill('SIGKILL');
});

test('REL-12: SIGKILL at random moments loses no acknowledged answer and leaves the database intact', async ({ playwright, jsEnabled }, testInfo) => {
	test.skip(!jsEnabled, 'request API only: one run covers both projects');
	test.setTimeout(360_000);
	const random = rng(SEED);
	const dbPath = join(testInfo.outputPath('db'), 'crash.sqlite');
	snapshotE2eDatabase(dbPath);
	server = await startPrivateServer({ databasePath: dbPath });
	const s = server;
	const ids: SeededIds = readSeededIds();
	const origin = s.origin;
	const form = { origin, 'content-type': 'application/x-www-form-urlencoded' };

	// Child C (their own review), child C's parent, and child A's carer: three respondents, three consultations.
	const cast: { who: PersonaName; prefix: Writer['prefix']; reviewId: string }[] = [
		{ who: 'childC', prefix: 'me', reviewId: ids.childC.reviewId },
		{ who: 'parentC', prefix: 'parent', reviewId: ids.childC.reviewId },
		{ who: 'carerA', prefix: 'carer', reviewId: ids.childA.reviewId }
	];
	const writers: Writer[] = [];
	for (const c of cast) {
		const api = await playwright.request.newContext({ baseURL: s.baseURL, extraHTTPHeaders: { accept: 'text/html,application/xhtml+xml' } });
		await signIn(api, c.who, origin);
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
		writers.push({ ...c, api, pages, seq: 0, acked: new Map(), uncertain: new Map(), acks: 0 });
	}

	let running = false;
	let interrupted = 0;
	/** One writer: sequential posts, flat out, until told to stop. */
	const write = async (w: Writer) => {
		while (running) {
			const page = w.pages[w.seq % w.pages.length]!;
			const text = `crash ${w.who} ${++w.seq}`;
			const body = ([[page.textField, text], ...page.rest] as [string, string][]).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
			// Sent: from now it may be committed, acknowledged or not.
			w.uncertain.set(page.questionId, [...(w.uncertain.get(page.questionId) ?? []), text]);
			try {
				const res = await w.api.post(`/${w.prefix}/review/${w.reviewId}/${page.questionId}`, { headers: form, data: body, maxRedirects: 0, timeout: 5000 });
				if (res.status() === 303 && !(res.headers()['location'] ?? '').includes('sign-in')) {
					w.acked.set(page.questionId, text);
					w.uncertain.set(page.questionId, []);
					w.acks += 1;
				} else if (res.status() >= 500) {
					throw new Error(`${w.who}: ${res.status()} while the server was up`);
				}
			} catch (e) {
				if (!running) return;
				if (/while the server was up/.test(String(e))) throw e;
				// The server died under this request: stop; the check decides what it left behind.
				interrupted += 1;
				return;
			}
		}
	};

	const expectedText = (w: Writer, questionId: string) => [w.acked.get(questionId), ...(w.uncertain.get(questionId) ?? [])].filter(Boolean) as string[];
	let checked = 0;
	const problems: string[] = [];
	const started = Date.now();
	for (let cycle = 1; cycle <= CYCLES; cycle++) {
		running = true;
		const loops = writers.map(write);
		// Let them write for 0.4–2 s, then kill -9 with requests in flight.
		await new Promise((r) => setTimeout(r, 400 + Math.floor(random() * 1600)));
		await s.kill('SIGKILL');
		running = false;
		await Promise.all(loops);

		// What the restarted server will find. Opening the file runs SQLite's WAL recovery.
		const db = new Database(dbPath);
		try {
			const integrity = db.pragma('integrity_check', { simple: true });
			if (integrity !== 'ok') problems.push(`cycle ${cycle}: integrity_check ${String(integrity)}`);
			for (const w of writers) {
				const rows = db
					.prepare(
						`select a.question_id as q, a.value as v from answer a join consultation c on c.id = a.consultation_id
						 where c.review_id = ? and c.respondent_id = ?`
					)
					.all(w.reviewId, ids.users[w.who]) as { q: string; v: string }[];
				const stored = new Map(rows.map((r) => [r.q, (JSON.parse(r.v) as { text?: string }).text ?? null]));
				for (const page of w.pages) {
					const acked = w.acked.get(page.questionId);
					if (acked === undefined) continue;
					const got = stored.get(page.questionId) ?? null;
					const allowed = expectedText(w, page.questionId);
					if (got === null || !allowed.includes(got)) {
						problems.push(`cycle ${cycle}: ${w.who} ${page.questionId}: stored ${JSON.stringify(got)}, last acknowledged ${JSON.stringify(acked)}`);
					}
					checked += 1;
					// What is stored is now the known state for the next cycle.
					if (got !== null && got !== acked) w.acked.set(page.questionId, got);
					w.uncertain.set(page.questionId, []);
				}
			}
		} finally {
			db.close();
		}
		await s.restart();
	}
	const acks = writers.reduce((n, w) => n + w.acks, 0);
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	console.log(
		`crash: seed ${SEED}, ${CYCLES} SIGKILL cycles in ${seconds} s, ${acks} acknowledged writes ` +
			`(${writers.map((w) => `${w.who} ${w.acks}`).join(', ')}), ${interrupted} writes cut off by the kill, ${checked} question states checked against the last acknowledged write, ${problems.length} lost or corrupt`
	);
	expect(problems, problems.join('\n')).toEqual([]);
	expect(acks, 'the writers got writes acknowledged (else the test proves nothing)').toBeGreaterThan(CYCLES * 10);
	expect(interrupted, 'kills landed with writes in flight').toBeGreaterThan(CYCLES);
	// After the last restart the server still answers and reads what was written.
	const last = writers[0]!;
	const res = await last.api.get(`/${last.prefix}/review/${last.reviewId}/check`, { maxRedirects: 0 });
	expect(res.status()).toBe(200);
	for (const w of writers) await w.api.dispose();
});
