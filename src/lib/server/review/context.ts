import { londonDate } from '$lib/domain/calendar';
import type { Access } from '../access/require';
import type { database, Db } from '../db';
import * as audit from '../data/audit';
import type { AuditAction } from '../data/audit';
import * as children from '../data/children';
import type { Child } from '../data/children';
import * as reviews from '../data/reviews';
import type { Review } from '../data/reviews';
import { log } from '../log';

/** The process's database, or a test's: use-cases open their own transactions on it. */
export type AppDb = ReturnType<typeof database>;

/**
 * What every after-the-meeting use-case starts from: the review and child the guard let through.
 * `requireAccess` has already proved the review exists and the relation holds, so both are there.
 */
export async function reviewAndChild(db: Db, access: Access): Promise<{ review: Review; child: Child }> {
	const review = (await reviews.get(db, access.reviewId!))!;
	const child = (await children.get(db, review.childId))!;
	return { review, child };
}

/** The names the child's question wording is filled with (DOMAIN §5.8), as the pack does. */
export async function wordingNames(db: Db, child: Child, iroName: string, now: number): Promise<{ childName: string; iroName: string; carerName: string }> {
	const today = londonDate(now);
	const carer = (await children.people(db, child.id)).find((p) => p.relation === 'carer' && p.startsOn <= today && (p.endsOn === null || p.endsOn > today));
	return { childName: child.preferredName, iroName, carerName: carer?.displayName ?? '' };
}

/** One audit row about this review (SECURITY §8): reads of the review record, and every change. */
export async function auditReview(db: Db, access: Access, action: AuditAction, resourceType: string, resourceId: string, now: number, requestId: string | null): Promise<void> {
	await audit.record(db, { at: now, actorId: access.actor.id, actorRole: access.actor.role, action, childId: access.childId, resourceType, resourceId, requestId });
}

/**
 * Runs one business operation in one short transaction (REL-5, STYLE §4.5). A failed write is
 * logged and reported, never thrown at the person: they get their words back and Try again (REL-18).
 */
export async function write(db: AppDb, requestId: string | null, fn: (trx: Db) => Promise<void>): Promise<boolean> {
	try {
		await db.transaction().execute(fn);
		return true;
	} catch (e) {
		log.error({ err: e, requestId }, 'after-the-meeting write failed');
		return false;
	}
}
