/**
 * `npm run generate -- [--reviews N | --children N] [--seed N] [--year YYYY] [--out file.sqlite] [--force]`
 *
 * Writes a realistic synthetic year of a service (issue 8) into a fresh SQLite file (default
 * `.ci-out/synthetic.sqlite`), or into the database at `DATABASE_URL` when that is a postgres://
 * URL (an empty database: the app's migrations are run first). Same options, same rows: the
 * random seed is fixed (default 20261126). Nothing in it is real. Prints what it made.
 * `--admin-password P` lets its admin (admin@synthetic.invalid) sign in, e.g. to time the page.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashSecret } from '$lib/server/auth/password';
import { migrateToLatest } from '$lib/server/db/migrate';
import { openDatabase } from '$lib/server/db/open';
import { generateYear, writeDataset } from '$lib/server/reports/synthetic';

function options(args: string[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		if (a === "" || a === "--") continue;
		if (!a.startsWith("--")) throw new Error(`generate: unexpected argument ${JSON.stringify(a)}`);
		const [k, v] = a.slice(2).split('=', 2);
		if (k === 'force') out.force = '1';
		else out[k!] = v ?? args[++i] ?? '';
	}
	return out;
}

function whole(v: string | undefined, name: string): number | undefined {
	if (v === undefined) return undefined;
	const n = Number(v);
	if (!Number.isSafeInteger(n) || n < 1) throw new Error(`generate: --${name} must be a whole number of 1 or more`);
	return n;
}

export default async function generate(...args: string[]): Promise<void> {
	const o = options(args);
	const reviews = whole(o.reviews, 'reviews');
	const children = whole(o.children, 'children');
	const seed = whole(o.seed, 'seed') ?? 20261126;
	const year = whole(o.year, 'year') ?? 2025;
	const url = process.env.DATABASE_URL?.trim() ?? '';
	const target = /^postgres(ql)?:\/\//.test(url) ? url : resolve(o.out ?? '.ci-out/synthetic.sqlite');
	if (!target.startsWith('postgres')) {
		if (existsSync(target)) {
			if (!o.force) throw new Error(`generate: ${target} exists; pass --force to replace it`);
			for (const f of [target, `${target}-wal`, `${target}-shm`]) rmSync(f, { force: true });
		}
		mkdirSync(dirname(target), { recursive: true });
	}
	const t0 = performance.now();
	const { dataset, reviewsInYear, period } = generateYear({ reviews: reviews ?? (children ? undefined : 2000), children, seed, year });
	const t1 = performance.now();
	const { db } = openDatabase(target);
	try {
		await migrateToLatest(db);
		await writeDataset(db, dataset, Date.now());
		if (o['admin-password']) {
			const hash = await hashSecret(o['admin-password']);
			await db.updateTable('app_user').set({ password_hash: hash, activated_at: Date.now() }).where('email', '=', 'admin@synthetic.invalid').execute();
		}
	} finally {
		await db.destroy();
	}
	const t2 = performance.now();
	const where = target.startsWith('postgres') ? 'DATABASE_URL' : target;
	console.log(
		`generate: ${where}: financial year ${period.from} to ${period.to}, seed ${seed}\n` +
			`  ${dataset.children.length} children, ${reviewsInYear} reviews held in the year (${dataset.reviews.length} stored in all), ` +
			`${dataset.staff.length - 1} IROs, ${dataset.invitations.length} invitations, ${dataset.consultations.length} consultations, ` +
			`${dataset.escalations.length} escalations, ${dataset.alerts.length} alerts, ${dataset.requests.length} requests, ${dataset.feedback.length} feedback invitations\n` +
			`  made in ${((t1 - t0) / 1000).toFixed(1)} s, written in ${((t2 - t1) / 1000).toFixed(1)} s`
	);
}
