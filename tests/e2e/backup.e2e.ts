/**
 * REL-10: `npm run backup` while the server is writing, then `npm run restore` and `node build` on
 * the restored file. A private server over a copy of the e2e database; a young person writes
 * answers flat out the whole time; the backup command (plain `node`, no build) runs in the middle.
 * The restored database passes integrity_check, is mode 0600, the server starts on it and shows the
 * young person's answers, and every answer acknowledged before the backup began is there (the same
 * or a later write of that question: the copy is one consistent read taken after it).
 *
 * Request API only, no browser: the no-JS project skips it.
 */
import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import type { SeededIds } from '../fixtures/personas';
import { expect, test } from './support/fixtures';
import { formFor } from './support/forms';
import { ROOT, snapshotE2eDatabase, startPrivateServer, type PrivateServer } from './support/private-server';
import { readSeededIds, signIn } from './support/routes';

const run = promisify(execFile);
const servers: PrivateServer[] = [];

test.afterAll(async () => {
	for (const s of servers) await s.kill('SIGKILL');
});

test('REL-10: an online backup taken while answers are being written restores to a working server with every answer acknowledged before it', async ({ playwright, jsEnabled }, testInfo) => {
	test.skip(!jsEnabled, 'request API only: one run covers both projects');
	test.setTimeout(180_000);
	const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
	expect(pkg.scripts.backup).toBe('node src/lib/server/db/backup.ts');
	expect(pkg.scripts.restore).toBe('node src/lib/server/db/restore.ts');

	const dir = testInfo.outputPath('db');
	const live = join(dir, 'live.sqlite');
	snapshotE2eDatabase(live);
	const server = await startPrivateServer({ databasePath: live });
	servers.push(server);
	const ids: SeededIds = readSeededIds();
	const headers = { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' };
	const api = await playwright.request.newContext({ baseURL: server.baseURL, extraHTTPHeaders: { accept: 'text/html,application/xhtml+xml' } });
	await signIn(api, 'childC', server.origin);
	const base = `/me/review/${ids.childC.reviewId}`;
	await api.post(`${base}/start?/begin`, { headers, data: '', maxRedirects: 0 });
	const check = await (await api.get(`${base}/check`)).text();
	const pageIds = [...new Set([...check.matchAll(new RegExp(`${base}/([a-z0-9-]+)\\?return=check`, 'g'))].map((m) => m[1]!))];
	const pages: { q: string; text: string; rest: [string, string][] }[] = [];
	for (const q of pageIds) {
		const f = formFor(await (await api.get(`${base}/${q}`)).text(), '', `${base}/${q}`);
		const text = f?.fields.find((x) => x.type === 'textarea');
		if (!f || !text) continue;
		pages.push({ q, text: text.name, rest: f.fields.filter((x) => x !== text).flatMap((x): [string, string][] => (x.options.length ? [[x.name, x.options[0]!]] : x.type === 'hidden' ? [[x.name, x.value]] : [])) });
	}
	expect(pages.length).toBeGreaterThan(0);

	const acked = new Map<string, number>();
	let seq = 0;
	let writing = true;
	const writer = (async () => {
		while (writing) {
			const p = pages[seq % pages.length]!;
			const n = ++seq;
			const body = ([[p.text, `backup ${n}`], ...p.rest] as [string, string][]).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
			const res = await api.post(`${base}/${p.q}`, { headers, data: body, maxRedirects: 0 });
			if (res.status() === 303) acked.set(p.q, n);
		}
	})();
	// Write for a while, note what is acknowledged, then back up while the writing goes on.
	await new Promise((r) => setTimeout(r, 1500));
	const before = new Map(acked);
	const backupFile = join(dir, 'backups', 'backup.sqlite');
	const out = await run(process.execPath, ['src/lib/server/db/backup.ts', backupFile], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: live, DATABASE_URL: '' } });
	const report = JSON.parse(out.stdout.trim().split('\n').at(-1)!) as { file: string; integrity: string; pages: number };
	await new Promise((r) => setTimeout(r, 500));
	writing = false;
	await writer;
	const writesDuring = seq;
	await server.kill('SIGTERM');
	expect(report.integrity).toBe('ok');
	expect(statSync(backupFile).mode & 0o777, 'the backup is mode 0600').toBe(0o600);
	expect(before.size, 'answers were acknowledged before the backup').toBeGreaterThan(0);

	// Restore into a new place and start the real server on it.
	const restored = join(dir, 'restored.sqlite');
	await run(process.execPath, ['src/lib/server/db/restore.ts', backupFile], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: restored, DATABASE_URL: '' } });
	const db = new Database(restored, { readonly: true });
	const missing: string[] = [];
	try {
		expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
		const rows = db
			.prepare('select a.question_id as q, a.value as v from answer a join consultation c on c.id = a.consultation_id where c.review_id = ? and c.respondent_id = ?')
			.all(ids.childC.reviewId, ids.users.childC) as { q: string; v: string }[];
		const stored = new Map(rows.map((r) => [r.q, Number(/^backup (\d+)$/.exec((JSON.parse(r.v) as { text?: string }).text ?? '')?.[1] ?? -1)]));
		for (const [q, n] of before) if ((stored.get(q) ?? -1) < n) missing.push(`${q}: acknowledged "backup ${n}" before the backup, restored ${stored.get(q) ?? 'nothing'}`);
	} finally {
		db.close();
	}
	const again = await startPrivateServer({ databasePath: restored });
	servers.push(again);
	const api2 = await playwright.request.newContext({ baseURL: again.baseURL, extraHTTPHeaders: { accept: 'text/html,application/xhtml+xml' } });
	await signIn(api2, 'childC', again.origin);
	const page = await api2.get(`${base}/check`);
	expect(page.status()).toBe(200);
	expect(await page.text()).toContain('backup ');
	console.log(`backup: ${report.pages} pages copied while ${writesDuring} answers were written; ${before.size} questions acknowledged before it checked in the restore, ${missing.length} missing`);
	expect(missing).toEqual([]);
	await api.dispose();
	await api2.dispose();
});
