import { sql } from 'kysely';
import type { Db } from '../db';

/**
 * Fixed-window failure counters in the database, so they hold across instances (SECURITY §3.3).
 * Keys are opaque: an account id, a hash of a typed name, or an address.
 */
export interface Limit {
	bucket: string;
	max: number;
	windowMs: number;
}

export type LimitState = { blocked: false } | { blocked: true; retryAfterSeconds: number };

/**
 * Counts one attempt BEFORE the slow check it guards, in one statement, so parallel guesses
 * can't all pass a read-then-write gap (SEC-R1): a new window starts when the old has passed.
 * Blocked once the count goes over `max`. A success gives the attempt back with `release`.
 */
export async function consume(db: Db, limit: Limit, key: string, now: number): Promise<LimitState> {
	const expired = sql<boolean>`rate_limit.window_start + ${limit.windowMs} <= ${now}`;
	const row = await db
		.insertInto('rate_limit')
		.values({ bucket: limit.bucket, key, window_start: now, count: 1 })
		.onConflict((oc) =>
			oc.columns(['bucket', 'key']).doUpdateSet({
				count: sql<number>`case when ${expired} then 1 else rate_limit.count + 1 end`,
				window_start: sql<number>`case when ${expired} then ${now} else rate_limit.window_start end`
			})
		)
		.returning(['count', 'window_start'])
		.executeTakeFirstOrThrow();
	if (Number(row.count) <= limit.max) return { blocked: false };
	return { blocked: true, retryAfterSeconds: Math.max(1, Math.ceil((Number(row.window_start) + limit.windowMs - now) / 1000)) };
}

/** Gives back one attempt that turned out not to be a failure. */
export async function release(db: Db, limit: Limit, key: string): Promise<void> {
	await db
		.updateTable('rate_limit')
		.set({ count: sql<number>`case when count > 0 then count - 1 else 0 end` })
		.where('bucket', '=', limit.bucket)
		.where('key', '=', key)
		.execute();
}

/** Clears a key's failures after a success. */
export async function reset(db: Db, limit: Limit, key: string): Promise<void> {
	await db.deleteFrom('rate_limit').where('bucket', '=', limit.bucket).where('key', '=', key).execute();
}

const MIN = 60_000;
/** SECURITY §3.3 (our defaults). */
export const LIMITS = {
	staffSignIn: { bucket: 'staff-sign-in', max: 10, windowMs: 15 * MIN },
	respondentSignIn: { bucket: 'respondent-sign-in', max: 5, windowMs: 15 * MIN },
	signInByAddress: { bucket: 'sign-in-address', max: 50, windowMs: 15 * MIN },
	activationByAddress: { bucket: 'activation-address', max: 10, windowMs: 15 * MIN },
	activationService: { bucket: 'activation-service', max: 200, windowMs: 60 * MIN }
} satisfies Record<string, Limit>;
