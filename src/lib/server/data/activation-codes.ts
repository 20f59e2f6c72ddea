import type { Db } from '../db';
import { newId } from '../ids';

export interface CodeRecord {
	id: string;
	userId: string;
	reviewId: string | null;
	expiresAt: number;
	claimedUntil: number | null;
	usedAt: number | null;
	revokedAt: number | null;
}

/**
 * Stores a new code's hash. Earlier unused codes for the same person are revoked, so only the
 * newest letter works (a reissue, SECURITY §3.1).
 */
export async function insert(
	db: Db,
	input: { codeHash: string; userId: string; reviewId: string | null; issuedBy: string; expiresAt: number },
	now: number
): Promise<string> {
	await db
		.updateTable('activation_code')
		.set({ revoked_at: now })
		.where('user_id', '=', input.userId)
		.where('used_at', 'is', null)
		.where('revoked_at', 'is', null)
		.execute();
	const id = newId();
	await db
		.insertInto('activation_code')
		.values({ id, code_hash: input.codeHash, user_id: input.userId, review_id: input.reviewId, issued_by: input.issuedBy, created_at: now, expires_at: input.expiresAt, claimed_until: null, used_at: null, revoked_at: null })
		.execute();
	return id;
}

function toRecord(r: { id: string; user_id: string; review_id: string | null; expires_at: number; claimed_until: number | null; used_at: number | null; revoked_at: number | null }): CodeRecord {
	return { id: r.id, userId: r.user_id, reviewId: r.review_id, expiresAt: r.expires_at, claimedUntil: r.claimed_until, usedAt: r.used_at, revokedAt: r.revoked_at };
}

const COLUMNS = ['id', 'user_id', 'review_id', 'expires_at', 'claimed_until', 'used_at', 'revoked_at'] as const;

export async function byHash(db: Db, codeHash: string): Promise<CodeRecord | undefined> {
	const r = await db.selectFrom('activation_code').select(COLUMNS).where('code_hash', '=', codeHash).executeTakeFirst();
	return r && toRecord(r);
}

export async function get(db: Db, id: string): Promise<CodeRecord | undefined> {
	const r = await db.selectFrom('activation_code').select(COLUMNS).where('id', '=', id).executeTakeFirst();
	return r && toRecord(r);
}

/** Claims an unclaimed (or lapsed-claim) code for `until`. Returns false if someone else holds it. */
export async function claim(db: Db, id: string, now: number, until: number): Promise<boolean> {
	const res = await db
		.updateTable('activation_code')
		.set({ claimed_until: until })
		.where('id', '=', id)
		.where('used_at', 'is', null)
		.where('revoked_at', 'is', null)
		.where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]))
		.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}

/** Consumes a code once; false if it was already used (two concurrent completions make one account). */
export async function consume(db: Db, id: string, now: number): Promise<boolean> {
	const res = await db
		.updateTable('activation_code')
		.set({ used_at: now })
		.where('id', '=', id)
		.where('used_at', 'is', null)
		.where('revoked_at', 'is', null)
		.where('expires_at', '>', now)
		.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}

/** The latest code issued for each of these people (admin: shows issued / used, never the code). */
export async function latestFor(db: Db, userIds: readonly string[]): Promise<Map<string, CodeRecord>> {
	const out = new Map<string, CodeRecord>();
	if (userIds.length === 0) return out;
	const rows = await db.selectFrom('activation_code').select([...COLUMNS, 'created_at']).where('user_id', 'in', userIds).orderBy('created_at').execute();
	for (const r of rows) out.set(r.user_id, toRecord(r));
	return out;
}
