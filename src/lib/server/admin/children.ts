import { ageOn, londonDate } from '$lib/domain/calendar';
import { firstReviewDue, reviewMilestones } from '$lib/domain/review-schedule';
import type { FieldError } from '$lib/forms/types';
import { invalidateUserSessions } from '../auth/session';
import type { Access } from '../access/require';
import { database, type Db } from '../db';
import * as audit from '../data/audit';
import * as allocations from '../data/allocations';
import * as children from '../data/children';
import * as invitations from '../data/invitations';
import * as reviews from '../data/reviews';
import * as users from '../data/users';
import { enqueueInvitations } from '../notifications';
import { listRespondents } from '../people';
import { loadSettings } from '../settings';

/**
 * The admin's child records (issue 3 §4). Admins manage records, links, allocations and codes;
 * they never read answers (D15), so nothing here touches consultations' content.
 */
export async function listChildren(_access: Access<'admin.manage'>) {
	const db = database();
	const list = await children.list(db);
	const out = [];
	for (const c of list) {
		const iro = await allocations.currentIro(db, c.id, londonDate(Date.now()));
		const review = await reviews.currentForChild(db, c.id);
		out.push({ id: c.id, name: c.preferredName, iroName: iro?.displayName ?? null, dueDate: c.closed ? null : (review?.dueDate ?? null), scheduledDate: c.closed ? null : (review?.scheduledDate ?? null), closedOn: c.closed?.on ?? null });
	}
	return out;
}

/** Creates the child record, their (not yet activated) account and the first review, due 20 WD after they became looked after (reg. 33). */
export async function createChild(
	access: Access<'admin.manage'>,
	input: { name: string; dateOfBirth: string; lookedAfterSince: string; locale: string },
	now: number
): Promise<string> {
	const db = database();
	return db.transaction().execute(async (trx) => {
		const childId = await children.create(trx, { preferredName: input.name, dateOfBirth: input.dateOfBirth, lookedAfterSince: input.lookedAfterSince, preferredLocale: input.locale }, now);
		await users.createRespondent(trx, { role: 'young-person', displayName: input.name, childId }, now);
		await reviews.create(trx, { childId, sequence: 1, dueDate: firstReviewDue(input.lookedAfterSince) }, now);
		await record(trx, access, childId, 'child', childId, now);
		return childId;
	});
}

export async function childDetail(access: Access<'admin.manage'>, childId: string) {
	const db = database();
	const child = await children.get(db, childId);
	if (!child) return null;
	const people = await children.people(db, childId);
	const review = await reviews.currentForChild(db, childId);
	const iro = await allocations.currentIro(db, childId, londonDate(Date.now()));
	const iros = (await users.listByRole(db, 'iro')).filter((u) => u.active).map((u) => ({ id: u.id, name: u.displayName }));
	const respondents = await listRespondents(db, childId, review?.id ?? null, Date.now());
	const allocationHistory = await db
		.selectFrom('iro_allocation')
		.innerJoin('app_user', 'app_user.id', 'iro_allocation.iro_id')
		.select(['iro_allocation.id', 'app_user.display_name', 'iro_allocation.starts_on', 'iro_allocation.ends_on'])
		.where('iro_allocation.child_id', '=', childId)
		.orderBy('iro_allocation.starts_on', 'desc')
		.orderBy('iro_allocation.created_at', 'desc')
		.execute();
	return {
		allocationHistory: allocationHistory.map((a) => ({ id: a.id, iroName: a.display_name, from: a.starts_on, to: a.ends_on })),
		closeReasons: CLOSE_REASONS,
		child,
		iro,
		iros,
		review: review && { ...review, milestones: review.scheduledDate ? reviewMilestones(review.scheduledDate, (await loadSettings(db)).schedule) : null },
		respondents,
		canIssue: access.actor.role === 'admin'
	};
}

export async function allocate(access: Access<'admin.manage'>, childId: string, iroId: string, now: number): Promise<boolean> {
	const db = database();
	const iro = await users.get(db, iroId);
	if (!iro || iro.role !== 'iro' || !iro.active) return false;
	await db.transaction().execute(async (trx) => {
		await allocations.allocate(trx, childId, iroId, londonDate(now), now);
		// Who can read a child is decided here: audited (SECURITY §8).
		await record(trx, access, childId, 'allocation', iroId, now);
	});
	return true;
}

/** Links a parent (with or without parental responsibility) or a carer; invites them if the review is scheduled. */
export async function addPerson(
	access: Access<'admin.manage'>,
	childId: string,
	input: { relation: 'parent' | 'carer'; name: string; hasPr: boolean; startsOn: string; notifyEmail?: string | null },
	now: number
): Promise<void> {
	const db = database();
	await db.transaction().execute(async (trx) => {
		const userId = await users.createRespondent(trx, { role: input.relation, displayName: input.name }, now);
		// Optional: where content-free "something new" messages go (PRIV-H8); never shown to anyone else.
		if (input.notifyEmail) await users.setNotifyEmail(trx, userId, input.notifyEmail);
		await children.link(trx, { childId, userId, relation: input.relation, hasPr: input.hasPr, startsOn: input.startsOn });
		const review = await reviews.currentForChild(trx, childId);
		if (review?.scheduledDate) await invitations.ensure(trx, review.id, userId, input.relation, now);
		await record(trx, access, childId, 'child_link', userId, now);
	});
}

/**
 * Sets the meeting date and invites the child and everyone currently linked (DOMAIN §3.2 invitation).
 * A held review can't be moved: its next one is the current review (chaining, DOMAIN §3.1).
 */
/**
 * A review date can't be before the child became looked after (so never before their birth): such
 * a date broke every page of the child's journey (age on the review date; found by fuzz.e2e.ts).
 */
export async function scheduleDateError(childId: string, date: string, db: Db = database()): Promise<FieldError | null> {
	const child = await children.get(db, childId);
	return child && date < child.lookedAfterSince ? { key: 'errors.review-before-care' } : null;
}

export async function schedule(access: Access<'admin.manage'>, childId: string, input: { date: string; time: string }, now: number, db: Db = database()): Promise<boolean> {
	const review = await reviews.currentForChild(db, childId);
	if (!review || review.heldDate) return false;
	const today = londonDate(now);
	const people = (await children.people(db, childId)).filter((p) => p.startsOn <= today && (p.endsOn === null || p.endsOn > today));
	const account = await children.accountFor(db, childId);
	await db.transaction().execute(async (trx) => {
		await reviews.schedule(trx, review.id, input.date, input.time || null);
		await record(trx, access, childId, 'review', review.id, now);
		// Issue 5: only people invited now get the invitation message; a new date re-invites nobody (PRIV-5).
		const invitees = [...(account ? [account.userId] : []), ...people.map((p) => p.userId)];
		const fresh: string[] = [];
		for (const id of invitees) if (!(await invitations.exists(trx, review.id, id))) fresh.push(id);
		if (account) await invitations.ensure(trx, review.id, account.userId, 'young-person', now);
		for (const p of people) await invitations.ensure(trx, review.id, p.userId, p.relation, now);
		await enqueueInvitations(trx, fresh, input.date, now);
	});
	return true;
}

/**
 * Brings the current review earlier than reg. 33 requires, on request or a significant change
 * (DOMAIN §3.1; reg. 32(2), 33(3)(a)), with the reason kept. The new date is from today and before
 * the statutory date; the statutory date stays beside it. Returns field errors, or null when saved.
 */
export async function bringForward(
	access: Access<'admin.manage'>,
	childId: string,
	input: { dueDate: string; reason: string },
	now: number,
	db: Db = database()
): Promise<Record<string, FieldError> | null> {
	const review = await reviews.currentForChild(db, childId);
	if (!review || review.heldDate) return { dueDate: { key: 'errors.no-review-to-move' } };
	const statutory = review.earlier?.statutoryDueDate ?? review.dueDate;
	const today = londonDate(now);
	if (input.dueDate < today) return { dueDate: { key: 'errors.earlier-past' } };
	if (input.dueDate >= statutory) return { dueDate: { key: 'errors.earlier-not-earlier' } };
	await db.transaction().execute(async (trx) => {
		await reviews.bringForward(trx, review.id, { dueDate: input.dueDate, reason: input.reason, statutoryDueDate: statutory }, access.actor.id, now);
		await record(trx, access, childId, 'review', review.id, now);
	});
	return null;
}

/**
 * Ends a parent's or carer's link from `endsOn` (a placement ended): from that day they can't
 * answer, read shared answers or be reminded (SECURITY §2, T2), and their sessions end now.
 */
export async function endLink(access: Access<'admin.manage'>, childId: string, userId: string, endsOn: string, now: number, db: Db = database()): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		if (!(await children.endLink(trx, childId, userId, endsOn))) return false;
		if (endsOn <= londonDate(now)) await invalidateUserSessions(trx, userId);
		await record(trx, access, childId, 'child_link', userId, now);
		return true;
	});
}

/**
 * Why a record closes (issue 8: "close when they leave care; care leavers continue to 25"). A fixed
 * list, so nothing personal is typed here. A care leaver's record stays open until 25.
 */
export const CLOSE_REASONS = ['returned-home', 'adopted', 'special-guardianship', 'moved-authority', 'turned-18-not-care-leaver', 'turned-25', 'died', 'other'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/**
 * Closes a child's record: the IRO allocation ends, reviews not yet held are closed, the young
 * person's account is switched off and signed out, and the record stays readable for the audit and
 * retention (nothing is deleted here). Returns field errors, or null when done.
 */
export async function closeRecord(access: Access<'admin.manage'>, childId: string, input: { closedOn: string; reason: CloseReason }, now: number, db: Db = database()): Promise<Record<string, FieldError> | null> {
	const child = await children.get(db, childId);
	if (!child) return { closedOn: { key: 'errors.date-invalid' } };
	if (child.closed) return { closedOn: { key: 'errors.already-closed' } };
	const today = londonDate(now);
	if (input.closedOn > today) return { closedOn: { key: 'errors.date-future' } };
	if (input.closedOn < child.lookedAfterSince) return { closedOn: { key: 'errors.closed-before-looked-after' } };
	if (input.reason === 'turned-25' && ageOn(child.dateOfBirth, input.closedOn) < 25) return { reason: { key: 'errors.not-25-yet' } };
	await db.transaction().execute(async (trx) => {
		await children.close(trx, childId, input.closedOn, input.reason, now);
		await trx.updateTable('iro_allocation').set({ ends_on: input.closedOn }).where('child_id', '=', childId).where('ends_on', 'is', null).execute();
		await trx.updateTable('review').set({ status: 'closed' }).where('child_id', '=', childId).where('held_date', 'is', null).execute();
		const account = await children.accountFor(trx, childId);
		if (account) {
			await trx.updateTable('app_user').set({ active: 0 }).where('id', '=', account.userId).execute();
			await invalidateUserSessions(trx, account.userId);
		}
		await record(trx, access, childId, 'child', childId, now);
	});
	return null;
}

/** An audit row for an admin's change to a child's record (SECURITY §8: every change). */
function record(db: Db, access: Access<'admin.manage'>, childId: string, resourceType: string, resourceId: string, now: number) {
	return audit.record(db, { at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'change', childId, resourceType, resourceId });
}
