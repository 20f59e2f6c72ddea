import type { Db } from '../db';

/**
 * The child's reaction to each decision in their My Review Report (DOMAIN §7): agree, don't agree
 * or "I have a question", with optional words. One per decision per child; a new one replaces it.
 */
export const REACTIONS = ['agree', 'disagree', 'question'] as const;
export type ReactionKind = (typeof REACTIONS)[number];

export interface Reaction {
	decisionId: string;
	childId: string;
	reaction: ReactionKind;
	words: string | null;
	updatedAt: number;
}

type Row = { decision_id: string; child_id: string; reaction: string; words: string | null; updated_at: number };
const COLUMNS = ['decision_id', 'child_id', 'reaction', 'words', 'updated_at'] as const;

function toReaction(r: Row): Reaction {
	return { decisionId: r.decision_id, childId: r.child_id, reaction: r.reaction as ReactionKind, words: r.words, updatedAt: r.updated_at };
}

export async function get(db: Db, decisionId: string, childId: string): Promise<Reaction | undefined> {
	const r = await db.selectFrom('decision_reaction').select(COLUMNS).where('decision_id', '=', decisionId).where('child_id', '=', childId).executeTakeFirst();
	return r && toReaction(r);
}

/** Saves the child's reaction: an upsert on (decision, child), so a replay lands on the same row (REL-4). */
export async function save(
	db: Db,
	input: { decisionId: string; childId: string; reaction: ReactionKind; words: string | null; by: string },
	now: number
): Promise<void> {
	await db
		.insertInto('decision_reaction')
		.values({ decision_id: input.decisionId, child_id: input.childId, reaction: input.reaction, words: input.words, reacted_by: input.by, created_at: now, updated_at: now })
		.onConflict((oc) => oc.columns(['decision_id', 'child_id']).doUpdateSet({ reaction: input.reaction, words: input.words, reacted_by: input.by, updated_at: now }))
		.execute();
}

/** Reactions to these decisions. */
export async function forDecisions(db: Db, decisionIds: readonly string[]): Promise<Reaction[]> {
	if (decisionIds.length === 0) return [];
	const rows = await db.selectFrom('decision_reaction').select(COLUMNS).where('decision_id', 'in', decisionIds).orderBy('updated_at').execute();
	return rows.map(toReaction);
}
