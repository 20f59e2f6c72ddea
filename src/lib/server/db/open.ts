import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase, type Transaction } from 'kysely';
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
	return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }), dialect: 'sqlite' };
}

/**
 * Kysely's SQLite driver prepares every query afresh (SQLite parses and plans it each time): 7 % of a
 * question page's server time (issue 10). This keeps the most recent `size` prepared statements by
 * their SQL. A statement is SQL text only (values are bound per run) and belongs to this connection,
 * so nothing is shared between requests or instances; SQLite re-prepares one itself after a schema
 * change. One still iterating (a streamed query) is never handed out twice: a fresh one is prepared.
 */
export function withStatementCache(sqlite: SQLite.Database, size = 500): SqliteDatabase {
	const cache = new Map<string, SQLite.Statement>();
	return {
		close: () => sqlite.close(),
		prepare(sql: string) {
			let stmt = cache.get(sql);
			if (stmt && !stmt.busy) {
				// Most recently used last, so the oldest is the first key.
				cache.delete(sql);
				cache.set(sql, stmt);
				return stmt;
			}
			stmt = sqlite.prepare(sql);
			cache.set(sql, stmt);
			if (cache.size > size) cache.delete(cache.keys().next().value!);
			return stmt;
		}
	};
}
