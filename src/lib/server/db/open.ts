import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type Db = Kysely<Database> | Transaction<Database>;
export type Dialect = 'sqlite' | 'postgres';

export interface OpenedDatabase {
	db: Kysely<Database>;
	dialect: Dialect;
}

/**
 * Opens the database named by `url`: `postgres://…` uses a pg Pool; anything else is a SQLite
 * file path (or `:memory:`). SQLite gets REL-7/D3's pragmas: WAL, synchronous=FULL (better-sqlite3
 * would otherwise run WAL at NORMAL, which can lose acknowledged commits on power loss),
 * foreign keys, busy_timeout and secure_delete (erased text must not linger).
 */
/**
 * Connections per app instance on Postgres (DATABASE_POOL_SIZE, default 10). With several instances
 * keep instances × pool size under the server's max_connections, less a few for admin (README).
 */
export function poolSize(value: string | undefined): number {
	if (!value?.trim()) return 10;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error('DATABASE_POOL_SIZE must be a whole number from 1 to 100');
	return n;
}

export function openDatabase(url: string): OpenedDatabase {
	if (/^postgres(ql)?:\/\//.test(url)) {
		// int8 (bigint instants, count()) as Number: epoch ms fit in 2^53 (STYLE §4.5).
		pg.types.setTypeParser(20, (v) => Number(v));
		const pool = new pg.Pool({ connectionString: url, max: poolSize(process.env.DATABASE_POOL_SIZE) });
		return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
	}
	const sqlite = new SQLite(url);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('secure_delete = ON');
	return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), dialect: 'sqlite' };
}
