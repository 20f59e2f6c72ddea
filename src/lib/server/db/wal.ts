import { sql, type Kysely } from 'kysely';

/**
 * REL-11, REL-9: `PRAGMA wal_checkpoint(TRUNCATE)` copies every committed page from the `-wal`
 * file into the database and truncates the `-wal` to zero bytes, so space taken by a burst of
 * writes comes back. Run at shutdown, before the database closes. `busy` is 1 when a reader or
 * writer held it back (the file is then not truncated), `log` and `checkpointed` are frames.
 */
export async function walCheckpoint(db: Kysely<any>): Promise<{ busy: number; log: number; checkpointed: number }> {
	const { rows } = await sql<{ busy: number; log: number; checkpointed: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(db);
	const r = rows[0] ?? { busy: 1, log: -1, checkpointed: -1 };
	return { busy: Number(r.busy), log: Number(r.log), checkpointed: Number(r.checkpointed) };
}
