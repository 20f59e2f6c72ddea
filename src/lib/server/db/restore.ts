/**
 * `npm run restore -- <backup file>` (REL-10): puts a backup made by `npm run backup` in place of
 * DATABASE_PATH. Stop the server first. The backup is checked (`integrity_check`) before anything
 * is touched; the current database is kept beside it as `<name>.before-restore-<time>`; the stale
 * `-wal`/`-shm` files are removed so SQLite can't replay them over the restored file. Start the
 * server afterwards: migrations run at start, so an older backup is brought up to date.
 * Erasures done after the backup was taken must be done again (SECURITY §10; there is no erasure
 * log yet to re-apply automatically).
 *
 * Runs with plain `node` (type stripping): only better-sqlite3 and `node:` imports.
 */
import { chmodSync, copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';

export function restoreSqlite(backup: string, target: string, now = new Date()): { restored: string; previous: string | null; integrity: string } {
	const from = resolve(backup);
	const to = resolve(target);
	const check = new Database(from, { readonly: true, fileMustExist: true });
	let integrity: string;
	try {
		integrity = String(check.pragma('integrity_check', { simple: true }));
	} finally {
		check.close();
	}
	if (integrity !== 'ok') throw new Error(`the backup fails integrity_check: ${integrity}`);
	const tmp = `${to}.restoring`;
	copyFileSync(from, tmp);
	chmodSync(tmp, 0o600);
	let previous: string | null = null;
	if (existsSync(to)) {
		previous = `${to}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
		renameSync(to, previous);
	}
	for (const f of [`${to}-wal`, `${to}-shm`, `${to}-journal`]) rmSync(f, { force: true });
	renameSync(tmp, to);
	return { restored: to, previous, integrity };
}

if (import.meta.url === `file://${resolve(process.argv[1] ?? '')}`) {
	const backup = process.argv[2];
	if (!backup) {
		console.error('usage: npm run restore -- <backup file>   (restores into DATABASE_PATH; stop the server first)');
		process.exit(2);
	}
	try {
		console.log(JSON.stringify(restoreSqlite(backup, process.env.DATABASE_PATH?.trim() || 'data/my-review.sqlite')));
	} catch (e) {
		console.error(`restore failed: ${(e as Error).message}`);
		process.exit(1);
	}
}
