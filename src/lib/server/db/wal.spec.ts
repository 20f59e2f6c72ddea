import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from './open';
import { walCheckpoint } from './wal';

/** REL-11: wal_checkpoint(TRUNCATE) gives back the space a burst of writes took in the -wal file. */
let dir: string;
let file: string;
let opened: OpenedDatabase;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'rel11-'));
	file = join(dir, 'wal.sqlite');
	opened = openDatabase(file);
});
afterEach(async () => {
	await opened.db.destroy();
	rmSync(dir, { recursive: true, force: true });
});

const walSize = () => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);

describe('REL-11: the -wal file', () => {
	it('grows with writes, and TRUNCATE takes it back to 0 bytes with every row kept', async () => {
		const db = opened.db;
		await sql`create table t (id integer primary key, v text not null)`.execute(db);
		// One transaction (synchronous=FULL makes each commit an fsync); 2 MB of pages in the log.
		const filler = 'x'.repeat(4000);
		await db.transaction().execute(async (trx) => {
			for (let i = 0; i < 500; i++) await sql`insert into t (v) values (${filler})`.execute(trx);
		});
		const before = walSize();
		expect(before, 'the writes are in the -wal file').toBeGreaterThan(1_000_000);
		const r = await walCheckpoint(db);
		expect(r.busy).toBe(0);
		expect(r.checkpointed).toBe(r.log);
		expect(walSize()).toBe(0);
		const { rows } = await sql<{ n: number }>`select count(*) as n from t`.execute(db);
		expect(Number(rows[0]!.n)).toBe(500);
		// Still in WAL mode afterwards, and writing again works.
		const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
		expect(mode.rows[0]!.journal_mode).toBe('wal');
		await sql`insert into t (v) values ('after')`.execute(db);
		expect(walSize()).toBeGreaterThan(0);
	});

	it('a reader holding an old snapshot keeps the checkpoint from truncating (busy), and it truncates once the reader is gone', async () => {
		const db = opened.db;
		await sql`create table t (id integer primary key, v text not null)`.execute(db);
		await sql`insert into t (v) values ('first')`.execute(db);
		const Reader = (await import('better-sqlite3')).default;
		const reader = new Reader(file, { readonly: true });
		try {
			reader.prepare('begin').run();
			reader.prepare('select count(*) from t').get();
			await sql`insert into t (v) values (${'y'.repeat(20_000)})`.execute(db);
			// Don't wait out the busy timeout: a held checkpoint answers busy at once.
			await sql`pragma busy_timeout = 0`.execute(db);
			const held = await walCheckpoint(db);
			expect(held.busy).toBe(1);
			expect(walSize()).toBeGreaterThan(0);
			reader.prepare('commit').run();
		} finally {
			reader.close();
		}
		expect((await walCheckpoint(db)).busy).toBe(0);
		expect(walSize()).toBe(0);
	});
});
