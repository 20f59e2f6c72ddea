import type { Db } from '../db';

/**
 * Idempotency keys (REL-4, SECURITY §6): the server renders a random key in every creating
 * form; the first use stores the action, a hash of the fields and where it led. Same key and
 * fields → the stored outcome; different fields → conflict.
 */
export type Replay = { kind: 'new' } | { kind: 'replay'; location: string } | { kind: 'conflict' };

export async function lookup(db: Db, actorId: string, key: string, action: string, fieldsHash: string): Promise<Replay> {
	const r = await db
		.selectFrom('idempotency_key')
		.select(['action', 'fields_hash', 'location'])
		.where('actor_id', '=', actorId)
		.where('key', '=', key)
		.executeTakeFirst();
	if (!r) return { kind: 'new' };
	if (r.action !== action || r.fields_hash !== fieldsHash) return { kind: 'conflict' };
	return { kind: 'replay', location: r.location };
}

export async function store(
	db: Db,
	input: { actorId: string; key: string; action: string; fieldsHash: string; location: string },
	now: number
): Promise<void> {
	await db
		.insertInto('idempotency_key')
		.values({ actor_id: input.actorId, key: input.key, action: input.action, fields_hash: input.fieldsHash, location: input.location, created_at: now })
		.execute();
}
