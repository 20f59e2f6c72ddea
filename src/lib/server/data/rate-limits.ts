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

/** Is this key over its limit right now? Reads only; failures are counted by `recordFailure`. */
export async function check(db: Db, limit: Limit, key: string, now: number): Promise<LimitState> {
	const row = await db
		.selectFrom('rate_limit')
		.select(['window_start', 'count'])
		.where('bucket', '=', limit.bucket)
		.where('key', '=', key)
		.executeTakeFirst();
	if (!row || now >= row.window_start + limit.windowMs || row.count < limit.max) return { blocked: false };
	return { blocked: true, retryAfterSeconds: Math.max(1, Math.ceil((row.window_start + limit.windowMs - now) / 1000)) };
}

/** Counts one failure, starting a new window when the old one has passed. */
export async function recordFailure(db: Db, limit: Limit, key: string, now: number): Promise<void> {
	const row = await db
		.selectFrom('rate_limit')
		.select(['window_start'])
		.where('bucket', '=', limit.bucket)
		.where('key', '=', key)
		.executeTakeFirst();
	if (row && now < row.window_start + limit.windowMs) {
		await db
			.updateTable('rate_limit')
			.set((eb) => ({ count: eb('count', '+', 1) }))
			.where('bucket', '=', limit.bucket)
			.where('key', '=', key)
			.execute();
		return;
	}
	await db
		.insertInto('rate_limit')
		.values({ bucket: limit.bucket, key, window_start: now, count: 1 })
		.onConflict((oc) => oc.columns(['bucket', 'key']).doUpdateSet({ window_start: now, count: 1 }))
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
