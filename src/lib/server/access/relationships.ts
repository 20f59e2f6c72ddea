import type { Actor } from '../auth/actor';
import type { Db } from '../db';
import type { Facts, Relation, RequestFacts } from './policy';

export interface ResourceRef {
	reviewId?: string;
	childId?: string;
	/** Issue 6: a request; its child decides the relation, its row the request facts. */
	requestId?: string;
}

/**
 * Loads the facts `can()` decides from: does the resource exist, how does the actor stand to
 * its child today, and is the actor invited to the review. A link counts while
 * starts_on ≤ today < ends_on (a carer's placement "active today").
 */
export async function loadFacts(db: Db, actor: Actor, ref: ResourceRef, today: string): Promise<Facts & { childId: string | null }> {
	let childId = ref.childId ?? null;
	let request: RequestFacts | undefined;
	if (ref.requestId) {
		const r = await db
			.selectFrom('help_request')
			.select(['child_id', 'requester_id', 'handler', 'kind', 'consent', 'status', 'consent_withdrawn_at', 'advocate_id'])
			.where('id', '=', ref.requestId)
			.executeTakeFirst();
		if (!r || (childId && r.child_id !== childId)) return { exists: false, relation: 'none', invited: false, childId: null };
		childId = r.child_id;
		const handler = r.handler === 'advocacy' ? 'advocacy' : 'iro';
		request = {
			requester: r.requester_id === actor.id,
			handler,
			shared: handler === 'advocacy' && r.kind === 'advocate' && r.consent === 1 && r.consent_withdrawn_at === null && r.status !== 'withdrawn',
			allocatedToActor: r.advocate_id !== null && r.advocate_id === actor.id
		};
	}
	if (ref.reviewId) {
		const review = await db.selectFrom('review').select('child_id').where('id', '=', ref.reviewId).executeTakeFirst();
		if (!review || (childId && review.child_id !== childId)) return { exists: false, relation: 'none', invited: false, childId: null };
		childId = review.child_id;
	} else if (childId) {
		const child = await db.selectFrom('child').select('id').where('id', '=', childId).executeTakeFirst();
		if (!child) return { exists: false, relation: 'none', invited: false, childId: null };
	}
	if (!childId) return { exists: true, relation: 'none', invited: false, childId: null };
	// (A request always has a child, so `request` is never dropped here.)

	let relation: Relation = 'none';
	if (actor.role === 'young-person') {
		relation = actor.childId === childId ? 'self' : 'none';
	} else if (actor.role === 'iro') {
		const a = await db
			.selectFrom('iro_allocation')
			.select('id')
			.where('child_id', '=', childId)
			.where('iro_id', '=', actor.id)
			.where('starts_on', '<=', today)
			.where('ends_on', 'is', null)
			.executeTakeFirst();
		relation = a ? 'allocated-iro' : 'none';
	} else if (actor.role === 'parent' || actor.role === 'carer') {
		const link = await db
			.selectFrom('child_link')
			.select('id')
			.where('child_id', '=', childId)
			.where('user_id', '=', actor.id)
			.where('relation', '=', actor.role)
			.where('starts_on', '<=', today)
			.where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>', today)]))
			.executeTakeFirst();
		relation = link ? actor.role : 'none';
	}
	let invited = false;
	if (ref.reviewId && (actor.role === 'parent' || actor.role === 'carer' || actor.role === 'young-person')) {
		const inv = await db
			.selectFrom('invitation')
			.select('id')
			.where('review_id', '=', ref.reviewId)
			.where('respondent_id', '=', actor.id)
			.executeTakeFirst();
		invited = inv !== undefined;
	}
	return { exists: true, relation, invited, childId, ...(request ? { request } : {}) };
}
