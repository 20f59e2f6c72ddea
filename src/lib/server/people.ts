import type { Access } from './access/require';
import type { Db } from './db';
import { database } from './db';
import * as codes from './data/activation-codes';
import * as children from './data/children';
import * as invitations from './data/invitations';
import * as reviews from './data/reviews';
import { childBand, reviewDateFor, type FormBand } from '$lib/domain/age-band';
import { londonDate } from '$lib/domain/calendar';
import * as audit from './data/audit';
import { issueCode } from './codes';

export interface Respondent {
	userId: string;
	name: string;
	kind: 'young-person' | 'parent' | 'carer';
	activated: boolean;
	current: boolean;
	code: 'none' | 'issued' | 'used' | 'expired';
	invited: boolean;
}

/** The child and their linked people, with where each stands with their one-time code. Never the code itself. */
export async function listRespondents(db: Db, childId: string, reviewId: string | null, now: number): Promise<Respondent[]> {
	const child = await children.get(db, childId);
	if (!child) return [];
	const people = await children.people(db, childId);
	const account = await children.accountFor(db, childId);
	const latest = await codes.latestFor(db, [...(account ? [account.userId] : []), ...people.map((p) => p.userId)]);
	const invited = reviewId ? await invitations.forReviews(db, [reviewId]) : [];
	const codeState = (userId: string): Respondent['code'] => {
		const c = latest.get(userId);
		if (!c) return 'none';
		if (c.usedAt) return 'used';
		if (c.revokedAt || c.expiresAt <= now) return 'expired';
		return 'issued';
	};
	return [
		...(account ? [{ userId: account.userId, name: child.preferredName, kind: 'young-person' as const, activated: account.activated, current: true }] : []),
		...people.map((p) => ({ userId: p.userId, name: p.displayName, kind: p.relation, activated: p.activated, current: p.endsOn === null }))
	].map((r) => ({ ...r, code: codeState(r.userId), invited: invited.some((i) => i.respondentId === r.userId) }));
}

/** A one-time code for one of this child's people, bound to the current review (SEC-A3). */
export async function issueFor(access: Access<'code.issue'>, childId: string, userId: string, now: number): Promise<{ code: string; name: string } | null> {
	const db = database();
	const known = (await listRespondents(db, childId, null, now)).find((r) => r.userId === userId && r.current);
	if (!known) return null;
	const review = await reviews.currentForChild(db, childId);
	const code = await db.transaction().execute((trx) => issueCode(trx, access, { userId, reviewId: review?.id ?? null }, now));
	return { code, name: known.name };
}

/** The child's form band now: by age on the review date, or the IRO's override (DOMAIN §5.1). */
export async function bandOf(db: Db, childId: string): Promise<{ effective: string | null; override: string | null; reason: string | null }> {
	const child = await children.get(db, childId);
	if (!child) return { effective: null, override: null, reason: null };
	const review = await reviews.currentForChild(db, childId);
	const date = reviewDateFor({ scheduled: review?.scheduledDate ?? null, due: review?.dueDate ?? londonDate(Date.now()) });
	return { effective: childBand(child.dateOfBirth, date, (child.bandOverride as FormBand | null) ?? null), override: child.bandOverride, reason: child.bandOverrideReason };
}

/**
 * The IRO's override, with its reason (e.g. a learning disability). A consultation already
 * started keeps its form (DOMAIN §5.1 pinning); the next one follows the override. Audited.
 */
export async function setBand(access: Access<'child.set-band'>, band: FormBand | null, reason: string | null, now: number): Promise<void> {
	const db = database();
	await db.transaction().execute(async (trx) => {
		await children.setBandOverride(trx, access.childId!, band, reason);
		await audit.record(trx, { at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'band_changed', childId: access.childId, resourceType: 'child', resourceId: access.childId });
	});
}
