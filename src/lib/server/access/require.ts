import { error, redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { londonDate } from '$lib/domain/calendar';
import type { Actor } from '../auth/actor';
import { database } from '../db';
import * as audit from '../data/audit';
import { log } from '../log';
import { can, type Action } from './policy';
import { loadFacts, type ResourceRef } from './relationships';

declare const granted: unique symbol;

/** Proof that `requireAccess` ran: use-cases take it first, so the compiler proves the guard. */
export interface Access<A extends Action = Action> {
	readonly actor: Actor;
	readonly action: A;
	readonly childId: string | null;
	readonly reviewId: string | null;
	/** Issue 6: the request the guard let through, if the resource was one. */
	readonly requestId: string | null;
	readonly [granted]: true;
}

/**
 * The guard every load and action calls (SEC-Z3, STYLE §4.2). A refusal is written to the
 * audit log as `authz_denied` and answers 404, the same as a missing record (D14).
 */
export async function requireAccess<A extends Action>(action: A, ref: ResourceRef = {}): Promise<Access<A>> {
	const event = getRequestEvent();
	const actor = event.locals.actor;
	const now = Date.now();
	const db = database();
	let allowed = false;
	let childId: string | null = null;
	try {
		if (actor) {
			const facts = await loadFacts(db, actor, ref, londonDate(now));
			childId = facts.exists ? facts.childId : null;
			allowed = can(actor, action, facts);
		}
	} catch (e) {
		// SEC-L6: a throwing policy denies.
		log.error({ err: e, requestId: event.locals.requestId }, 'policy failed');
		allowed = false;
	}
	if (!allowed) {
		// SEC-L3: a wrong-role request is recorded against the person who made it.
		const who = actor ?? event.locals.deniedActor ?? null;
		await audit.record(db, {
			at: now, actorId: who?.id ?? null, actorRole: who?.role ?? null, action: 'authz_denied',
			childId, resourceType: ref.requestId ? 'request' : ref.reviewId ? 'review' : ref.childId ? 'child' : action, resourceId: ref.requestId ?? ref.reviewId ?? ref.childId ?? null,
			outcome: 'denied', requestId: event.locals.requestId
		});
		log.warn({ requestId: event.locals.requestId, route: event.route.id, action, actorId: who?.id ?? null }, 'access denied');
		error(404, { message: 'Not found', code: 'not-found', id: event.locals.requestId });
	}
	return { actor: actor!, action, childId, reviewId: ref.reviewId ?? null, requestId: ref.requestId ?? null } as Access<A>;
}

/**
 * For the few public pages that act on the signed-in person themselves (activation steps,
 * sign-out): the person, or a redirect to `otherwise`. No other resource is involved.
 */
export function requireSelf(kind: 'full' | 'activation', otherwise: string): Actor {
	const { locals } = getRequestEvent();
	if (!locals.actor || locals.session?.kind !== kind) redirect(303, otherwise);
	return locals.actor;
}
