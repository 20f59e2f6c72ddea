import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { env } from '../env';
import { log } from '../log';
import { checkLocalDisk } from './local-disk';
import { migrateToLatest } from './migrate';
import { openDatabase, type Dialect } from './open';
import type { Database } from './schema';
import { walCheckpoint } from './wal';

export type { Db } from './open';

let instance: { db: Kysely<Database>; dialect: Dialect } | undefined;

/** The process's database (one SQLite writer per process, D4), opened on first use. */
export function database(): Kysely<Database> {
	if (!instance) {
		const url = env().databaseUrl;
		if (!/^postgres/.test(url) && url !== ':memory:') mkdirSync(dirname(url), { recursive: true });
		instance = openDatabase(url);
	}
	return instance.db;
}

/**
 * Opens, migrates, and checks SQLite's version (SEC-K2: ≥3.51.3 for the WAL-reset fix). REL-8: a
 * SQLite file on a network filesystem is refused before it is opened, with a log line that says why.
 */
export async function startDatabase(): Promise<void> {
	const url = env().databaseUrl;
	if (!/^postgres/.test(url) && url !== ':memory:') {
		const disk = checkLocalDisk(url);
		if (!disk.ok) {
			log.fatal({ fstype: disk.fstype, mountpoint: disk.mountpoint }, 'refusing to start: the SQLite database is on a network filesystem; put DATABASE_PATH on a local disk, or use Postgres (REL-8, D4)');
			throw new Error(`The SQLite database is on a network filesystem (${disk.fstype} at ${disk.mountpoint}); use a local disk or Postgres`);
		}
	}
	const db = database();
	if (instance?.dialect === 'sqlite') {
		const { rows } = await sql<{ v: string }>`select sqlite_version() as v`.execute(db);
		const [major, minor, patch] = (rows[0]?.v ?? '0.0.0').split('.').map(Number);
		const ok = major! > 3 || (major === 3 && (minor! > 51 || (minor === 51 && patch! >= 3)));
		if (!ok) throw new Error(`SQLite ${rows[0]?.v} is older than 3.51.3`);
	}
	await migrateToLatest(db);
}

/** Closes the database on shutdown; SQLite's WAL is checkpointed and truncated first (REL-9, REL-11). */
export async function closeDatabase(): Promise<void> {
	if (instance?.dialect === 'sqlite') {
		const r = await walCheckpoint(instance.db).catch(() => null);
		if (!r || r.busy) log.warn({ busy: r?.busy ?? null }, 'WAL checkpoint at shutdown did not complete');
	}
	if (instance) await instance.db.destroy();
	instance = undefined;
}
