import type { Kysely } from 'kysely';
import pg from 'pg';
import { londonDate } from '$lib/domain/calendar';
import * as allocations from '../data/allocations';
import * as children from '../data/children';
import * as invitations from '../data/invitations';
import * as reviews from '../data/reviews';
import * as users from '../data/users';
import { migrateToLatest } from './migrate';
import { openDatabase, type Dialect } from './open';
import type { Database } from './schema';

/**
 * A fresh, migrated database for one test (STYLE §4.12: "the same suite runs on Postgres via
 * `TEST_DATABASE_URL`"). With `TEST_DATABASE_URL` set (postgres://…) each call gets its own schema
 * `t_<random>`, reached through `search_path` on every pooled connection, so test files can run
 * in parallel against one cluster; otherwise a `:memory:` SQLite database. `close()` drops the
 * schema or destroys the database. Tests only: the app opens its database through `db/index.ts`.
 */
export interface TestDatabase {
	db: Kysely<Database>;
	dialect: Dialect;
	close(): Promise<void>;
}

export async function openTestDatabase(): Promise<TestDatabase> {
	const url = process.env.TEST_DATABASE_URL?.trim();
	if (url && /^postgres(ql)?:\/\//.test(url)) return openPostgres(url);
	const { db, dialect } = openDatabase(':memory:');
	try {
		await migrateToLatest(db);
	} catch (e) {
		await db.destroy();
		throw e;
	}
	return { db, dialect, close: () => db.destroy() };
}

async function adminQuery(url: string, text: string): Promise<void> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(text);
	} finally {
		await client.end();
	}
}

async function openPostgres(url: string): Promise<TestDatabase> {
	// The name is generated here from [a-z0-9] only, so interpolating it into DDL is safe.
	const schema = `t_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
	await adminQuery(url, `create schema ${schema}`);
	// libpq's `options` reach every connection the pool opens: unqualified names resolve to this schema only.
	const scoped = new URL(url);
	scoped.searchParams.set('options', `-c search_path=${schema}`);
	const { db } = openDatabase(scoped.toString());
	const close = async () => {
		try {
			await db.destroy();
		} finally {
			await adminQuery(url, `drop schema if exists ${schema} cascade`);
		}
	};
	try {
		await migrateToLatest(db);
	} catch (e) {
		await close();
		throw e;
	}
	return { db, dialect: 'postgres', close };
}

/** The people and records most DB specs need, seeded directly through the data modules (STYLE §4.12). */
export interface Family {
	adminId: string;
	iroId: string;
	otherIroId: string;
	advocateId: string;
	childId: string;
	youngPersonId: string;
	parentId: string;
	carerId: string;
	reviewId: string;
	/** A second child, allocated to the other IRO, with their own account and review. */
	otherChildId: string;
	otherYoungPersonId: string;
	otherReviewId: string;
	today: string;
}

/**
 * Seeds a family the way `demo/seed.ts` does: staff (no passwords), a child with an account, a
 * parent with parental responsibility and a carer, both linked from a year ago, a scheduled
 * review with all three invited, and the child allocated to `iroId` from a year ago; plus another
 * child allocated to `otherIroId`. Passwords are left to the spec (argon2 is slow: hash once).
 */
export async function seedFamily(db: Kysely<Database>, now: number): Promise<Family> {
	const today = londonDate(now);
	const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4, 8)}01`;
	const adminId = await users.createStaff(db, { role: 'admin', email: 'admin@example.org', displayName: 'Ade Admin', passwordHash: null }, now);
	const iroId = await users.createStaff(db, { role: 'iro', email: 'iro@example.org', displayName: 'Rowan Patel', passwordHash: null }, now);
	const otherIroId = await users.createStaff(db, { role: 'iro', email: 'iro2@example.org', displayName: 'Kit Morgan', passwordHash: null }, now);
	const advocateId = await users.createStaff(db, { role: 'advocate', email: 'advocate@example.org', displayName: 'Ash Advocate', passwordHash: null }, now);

	const childId = await children.create(db, { preferredName: 'Sam', dateOfBirth: '2011-05-01', lookedAfterSince: '2020-01-01', preferredLocale: 'en-GB' }, now);
	const youngPersonId = await users.createRespondent(db, { role: 'young-person', displayName: 'Sam', childId }, now);
	const parentId = await users.createRespondent(db, { role: 'parent', displayName: 'Jo Reed' }, now);
	const carerId = await users.createRespondent(db, { role: 'carer', displayName: 'Pat Green' }, now);
	await children.link(db, { childId, userId: parentId, relation: 'parent', hasPr: true, startsOn: yearAgo });
	await children.link(db, { childId, userId: carerId, relation: 'carer', hasPr: false, startsOn: yearAgo });
	await allocations.allocate(db, childId, iroId, yearAgo, now);
	const reviewId = await reviews.create(db, { childId, sequence: 1, dueDate: '2030-01-15' }, now);
	await reviews.schedule(db, reviewId, '2030-01-10', '16:00');
	for (const [id, kind] of [[youngPersonId, 'young-person'], [parentId, 'parent'], [carerId, 'carer']] as const) {
		await invitations.ensure(db, reviewId, id, kind, now);
	}

	const otherChildId = await children.create(db, { preferredName: 'Alex', dateOfBirth: '2016-02-02', lookedAfterSince: '2021-01-01', preferredLocale: 'en-GB' }, now);
	const otherYoungPersonId = await users.createRespondent(db, { role: 'young-person', displayName: 'Alex', childId: otherChildId }, now);
	await allocations.allocate(db, otherChildId, otherIroId, yearAgo, now);
	const otherReviewId = await reviews.create(db, { childId: otherChildId, sequence: 1, dueDate: '2030-02-15' }, now);
	await invitations.ensure(db, otherReviewId, otherYoungPersonId, 'young-person', now);

	return { adminId, iroId, otherIroId, advocateId, childId, youngPersonId, parentId, carerId, reviewId, otherChildId, otherYoungPersonId, otherReviewId, today };
}
