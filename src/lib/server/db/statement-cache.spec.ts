import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './open';

describe('withStatementCache (issue 10: SQLite statements prepared once)', () => {
	let raw: SQLite.Database;
	afterEach(() => raw?.open && raw.close());

	it('hands back the same prepared statement for the same SQL, and a new one for other SQL', () => {
		raw = new SQLite(':memory:');
		const db = withStatementCache(raw);
		expect(db.prepare('select 1 as n')).toBe(db.prepare('select 1 as n'));
		expect(db.prepare('select 2 as n')).not.toBe(db.prepare('select 1 as n'));
	});

	it('never hands out a statement that is still iterating', () => {
		raw = new SQLite(':memory:');
		const db = withStatementCache(raw);
		const sqlText = 'select value from json_each(?)';
		const first = db.prepare(sqlText) as unknown as SQLite.Statement;
		const it1 = first.iterate('[1,2,3]');
		it1.next();
		const second = db.prepare(sqlText) as unknown as SQLite.Statement;
		expect(second).not.toBe(first);
		expect(second.all('[4,5]')).toEqual([{ value: 4 }, { value: 5 }]);
		expect([...it1].map((r) => (r as { value: number }).value)).toEqual([2, 3]);
	});

	it('keeps at most `size` statements, dropping the least recently used', () => {
		raw = new SQLite(':memory:');
		const db = withStatementCache(raw, 2);
		const a = db.prepare('select 1');
		db.prepare('select 2');
		expect(db.prepare('select 1')).toBe(a);
		db.prepare('select 3');
		expect(db.prepare('select 1')).toBe(a);
		expect(db.prepare('select 2')).not.toBe(undefined);
	});

	it('runs Kysely queries and sees a schema change made after a statement was cached', async () => {
		raw = new SQLite(':memory:');
		const k = new Kysely<{ t: { a: number; b?: number } }>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
		await sql`create table t (a integer)`.execute(k);
		await k.insertInto('t').values({ a: 1 }).execute();
		await k.insertInto('t').values({ a: 2 }).execute();
		expect(await k.selectFrom('t').selectAll().orderBy('a').execute()).toEqual([{ a: 1 }, { a: 2 }]);
		await sql`alter table t add column b integer default 7`.execute(k);
		expect(await k.selectFrom('t').selectAll().orderBy('a').execute()).toEqual([{ a: 1, b: 7 }, { a: 2, b: 7 }]);
		await k.transaction().execute(async (trx) => {
			await trx.insertInto('t').values({ a: 3 }).execute();
		});
		expect((await k.selectFrom('t').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n).toBe(3);
		await k.destroy();
	});
});
