/**
 * `npm run backup [-- <file>]` (REL-10): an online backup of the SQLite database, consistent while
 * the server keeps writing. better-sqlite3's backup API copies every page in one step (after its
 * first, empty step the progress callback asks for 2^31 pages), so the copy is one read transaction
 * of a WAL database: writers carry on, and the copy can't be torn. The copy is checked with `PRAGMA integrity_check`, made
 * mode 0600 and only then moved into place, so a half-written file never looks like a backup.
 *
 * Runs with plain `node` (type stripping): only better-sqlite3 and `node:` imports, no build.
 * Reads DATABASE_PATH (default data/my-review.sqlite) and BACKUP_DIR (default backups/). Postgres
 * (DATABASE_URL=postgres://…) is backed up with its own tools (pg_dump or PITR), not here.
 * Prints one JSON line: { file, pages, bytes, integrity }.
 */
import { chmodSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';

export async function backupSqlite(source: string, dest: string): Promise<{ file: string; pages: number; bytes: number; integrity: string }> {
	const file = resolve(dest);
	mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
	const tmp = `${file}.partial`;
	rmSync(tmp, { force: true });
	const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 5000 });
	let pages = 0;
	try {
		const progress = await db.backup(tmp, { progress: () => 0x7fffffff });
		pages = progress.totalPages;
	} finally {
		db.close();
	}
	const copy = new Database(tmp);
	let integrity: string;
	try {
		integrity = String(copy.pragma('integrity_check', { simple: true }));
		// A single self-contained file: no -wal beside it.
		copy.pragma('journal_mode = DELETE');
	} finally {
		copy.close();
	}
	if (integrity !== 'ok') {
		rmSync(tmp, { force: true });
		throw new Error(`backup failed integrity_check: ${integrity}`);
	}
	chmodSync(tmp, 0o600);
	renameSync(tmp, file);
	return { file, pages, bytes: statSync(file).size, integrity };
}

function stamp(d = new Date()): string {
	return d.toISOString().replace(/[:.]/g, '-');
}

async function main(): Promise<void> {
	if (/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL?.trim() ?? '')) {
		console.error('DATABASE_URL is Postgres: back it up with pg_dump or point-in-time recovery (SECURITY REL-10).');
		process.exit(2);
	}
	const source = process.env.DATABASE_PATH?.trim() || 'data/my-review.sqlite';
	const dest = process.argv[2] || join(process.env.BACKUP_DIR?.trim() || 'backups', `my-review-${stamp()}.sqlite`);
	console.log(JSON.stringify(await backupSqlite(source, dest)));
}

if (import.meta.url === `file://${resolve(process.argv[1] ?? '')}`) {
	main().catch((e: unknown) => {
		console.error(`backup failed: ${(e as Error).message}`);
		process.exit(1);
	});
}
