/**
 * Issue 8's figures: how long each annual-report figure takes at 10,000 and 100,000 reviews held in
 * a year, and the whole read the report page does (`computeReport`: every query and every table).
 * Run with `npm run bench:reports [-- 10000 100000]`. SQLite in a temp directory with the app's
 * pragmas (synchronous=FULL, WAL); Postgres too when `BENCH_DATABASE_URL` (postgres://, an empty
 * database) is set, which `npm run bench:reports` does with a throwaway PostgreSQL 15 cluster
 * (.ci/bench-reports.sh; BENCH_PG=0 skips it). A benchmark, not a test (rule 7): it prints p50/p95
 * and how the cost grows.
 *
 * "From scratch" means no report kept in memory: each page read runs every query and every table.
 * The report summary (migration 1300) is part of the database, kept up to date by its triggers,
 * so the page read includes bringing it up to date (nothing to do when nothing changed); the
 * bench also times the summary's full build (after a bulk import) and a read after 1% of the
 * year's reviews changed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import * as defs from '$lib/domain/reports/definitions';
import { DEFAULT_SERVICE_SETTINGS } from '$lib/domain/service-settings';
import { resolveScheduleSettings, reviewMilestones } from '$lib/domain/review-schedule';
import type { Period } from '$lib/domain/reports/types';
import * as facts from '$lib/server/data/report-facts';
import { migrateToLatest } from '$lib/server/db/migrate';
import { openDatabase } from '$lib/server/db/open';
import * as summary from '$lib/server/data/report-summary';
import { computeReport } from '$lib/server/reports/load';
import { generateYear, writeDataset } from '$lib/server/reports/synthetic';

const RUNS = Number(process.env.BENCH_RUNS) || 10;
const TODAY = '2026-11-26';

function pct(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Wall-clock and CPU time of this process (user + system). better-sqlite3 runs in this thread, so
 * on SQLite the CPU time is what the work costs on an idle core, even when a busy machine stretches
 * the wall clock; on Postgres the server backends' CPU (from /proc) is added, so the figure is the whole cost on an idle machine.
 */
/**
 * On Postgres, the CPU the server's backends used too (from /proc: the bench's own connections,
 * found in pg_stat_activity; Linux, with the server on this machine), in ms; else 0.
 */
let serverCpu: () => Promise<Map<number, number>> = async () => new Map();
function cpuOf(pid: number): number {
	try {
		const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		return (Number(f[11]) + Number(f[12])) * 10; // clock ticks of 10 ms
	} catch {
		return 0;
	}
}
function serverDelta(a: Map<number, number>, b: Map<number, number>): number {
	let ms = 0;
	for (const [pid, v] of b) ms += v - (a.get(pid) ?? 0);
	return Math.max(0, ms);
}

async function time(fn: () => unknown | Promise<unknown>, runs = RUNS): Promise<{ p50: number; p95: number; cpu50: number; cpu95: number }> {
	await fn();
	const xs: number[] = [];
	const cpu: number[] = [];
	for (let i = 0; i < runs; i++) {
		const s0 = await serverCpu();
		const c0 = process.cpuUsage();
		const t0 = performance.now();
		await fn();
		xs.push(performance.now() - t0);
		const c = process.cpuUsage(c0);
		cpu.push((c.user + c.system) / 1000 + serverDelta(s0, await serverCpu()));
	}
	xs.sort((a, b) => a - b);
	cpu.sort((a, b) => a - b);
	return { p50: pct(xs, 50), p95: pct(xs, 95), cpu50: pct(cpu, 50), cpu95: pct(cpu, 95) };
}

type Row = { size: number; dialect: string; name: string; p50: number; p95: number; cpu50: number; cpu95: number };

async function benchOne(size: number, url: string, dialect: string, rows: Row[]): Promise<void> {
	const t0 = performance.now();
	const { dataset, reviewsInYear, period } = generateYear({ reviews: size, seed: 8 });
	const { db } = openDatabase(url);
	try {
		await migrateToLatest(db);
		await writeDataset(db, dataset, Date.now());
		// The summary's full build, as after a bulk import or the migration (every held review dirty).
		const b0 = performance.now();
		const c0 = process.cpuUsage();
		const built = await summary.refresh(db);
		const bc = process.cpuUsage(c0);
		const buildMs = performance.now() - b0;
		if (dialect === 'postgres') {
			await sql`analyze`.execute(db);
			serverCpu = async () => {
				const r = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(db);
				return new Map(r.rows.map((x) => [Number(x.pid), cpuOf(Number(x.pid))]));
			};
		} else serverCpu = async () => new Map();
		console.log(`${dialect} ${size}: ${dataset.children.length} children, ${reviewsInYear} reviews in the year, ${dataset.invitations.length} invitations; built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
		const p: Period = period;
		const add = (name: string, r: { p50: number; p95: number; cpu50: number; cpu95: number }) => {
			rows.push({ size, dialect, name, ...r });
			// Printed as measured, so a long run still leaves its figures.
			console.log([size, dialect, r.p50.toFixed(1), r.p95.toFixed(1), r.cpu50.toFixed(1), r.cpu95.toFixed(1), name].join('\t'));
		};
		rows.push({ size, dialect, name: `summary: full build (${built} reviews, once)`, p50: buildMs, p95: buildMs, cpu50: (bc.user + bc.system) / 1000, cpu95: (bc.user + bc.system) / 1000 });
		add('page read: computeReport (all queries + all tables)', await time(() => computeReport(db, p, TODAY)));
		// 1% of the year's reviews changed since the last read (a busy day is a few dozen): the read recounts them first.
		const held = await db.selectFrom('review').where('held_date', '>=', p.from).where('held_date', '<=', p.to).select('id').execute();
		const some = held.filter((_, k) => k % 100 === 0).map((r) => ({ review_id: r.id }));
		if (process.env.BENCH_CHANGED !== '0') add(`page read after ${some.length} reviews changed`, await time(async () => {
			for (let k = 0; k < some.length; k += 1000) await db.insertInto('report_dirty').values(some.slice(k, k + 1000)).onConflict((oc) => oc.doNothing()).execute();
			await computeReport(db, p, TODAY);
		}));
		const reviews = await facts.reviews(db, p);
		const returns = await facts.returns(db, p);
		const escalations = await facts.escalations(db, p);
		const allocations = await facts.allocations(db, p.to);
		const alerts = await facts.alerts(db, p);
		const requests = await facts.requests(db, p);
		const feedback = await facts.feedback(db, p);
		add('query: reviews', await time(() => facts.reviews(db, p)));
		add('query: returns by audience and age', await time(() => facts.returns(db, p)));
		add('query: escalations', await time(() => facts.escalations(db, p)));
		add('query: allocations', await time(() => facts.allocations(db, p.to)));
		add('query: alerts', await time(() => facts.alerts(db, p)));
		add('query: requests', await time(() => facts.requests(db, p)));
		add('query: feedback', await time(() => facts.feedback(db, p)));
		const { cla, pathway } = defs.reviewsInPeriod(reviews, p);
		const schedule = resolveScheduleSettings(DEFAULT_SERVICE_SETTINGS.schedule);
		const lockOf = (d: string) => reviewMilestones(d, schedule).packLocks;
		add('F15 feedback', await time(() => defs.feedbackTables(feedback)));
		const now = Date.parse(`${TODAY}T12:00:00Z`);
		add('F3 reviews held', await time(() => defs.reviewsTable(cla, pathway)));
		add('F4 in timescale', await time(() => defs.timescaleTable(cla)));
		add('F5 participation', await time(() => defs.participationTable(cla)));
		add('F6-F7 taking part', await time(() => defs.participationSummaryTable(cla)));
		add('F8 consultation returns', await time(() => defs.consultationTable(returns, cla.length)));
		add('F8/F14/F17 before and after', await time(() => defs.recordTable(cla, schedule)));
		add('F9 advocacy', await time(() => defs.advocacyTable(cla, requests, p, DEFAULT_SERVICE_SETTINGS, lockOf, now)));
		add('F10 requests', await time(() => defs.requestsTable(requests, p, DEFAULT_SERVICE_SETTINGS, lockOf, now)));
		add('F11 escalations', await time(() => defs.escalationsTable(escalations, p)));
		add('F12 caseload', await time(() => defs.caseloadTable(allocations, p.to)));
		add('F16 safety alerts', await time(() => defs.alertsTable(alerts, p, DEFAULT_SERVICE_SETTINGS.hours)));
		add('all tables (pure buildReport)', await time(() => defs.buildReport({ reviews, returns, escalations, allocations, alerts, requests, feedback }, p, TODAY)));
	} finally {
		await db.destroy();
	}
}

export default async function bench(...args: string[]): Promise<void> {
	const sizes = args.length ? args.map(Number) : [10_000, 100_000];
	const rows: Row[] = [];
	for (const size of sizes) {
		const dir = mkdtempSync(join(tmpdir(), 'my-review-reports-'));
		try {
			// BENCH_SQLITE=0: Postgres only.
			if (process.env.BENCH_SQLITE !== '0') await benchOne(size, join(dir, 'bench.sqlite'), 'sqlite', rows);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
		const pg = process.env.BENCH_DATABASE_URL?.trim();
		if (pg && /^postgres(ql)?:\/\//.test(pg)) {
			const { db } = openDatabase(pg);
			await sql`drop schema public cascade; create schema public`.execute(db).catch(() => undefined);
			await db.destroy();
			await benchOne(size, pg, 'postgres', rows);
		}
	}
	console.log(`\n${RUNS} runs each after one warm-up; milliseconds of wall clock and of CPU (this process, plus the server's backends on Postgres); load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`);
	console.log(['size', 'db', 'wall p50', 'wall p95', 'cpu p50', 'cpu p95', 'what'].join('\t'));
	for (const r of rows) console.log([r.size, r.dialect, r.p50.toFixed(1), r.p95.toFixed(1), r.cpu50.toFixed(1), r.cpu95.toFixed(1), r.name].join('\t'));
	const page = rows.filter((r) => r.name.startsWith('page read:'));
	for (const d of new Set(page.map((r) => r.dialect))) {
		const xs = page.filter((r) => r.dialect === d);
		if (xs.length >= 2) {
			const [a, b] = [xs[0]!, xs[xs.length - 1]!];
			console.log(`${d}: page read grows ×${(b.p95 / a.p95).toFixed(1)} (wall p95), ×${(b.cpu95 / a.cpu95).toFixed(1)} (CPU p95) from ${a.size} to ${b.size} reviews (×${(b.size / a.size).toFixed(0)} the data)`);
		}
	}
}
