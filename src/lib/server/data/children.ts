import type { Db } from '../db';
import { newId } from '../ids';

export interface Child {
	id: string;
	preferredName: string;
	dateOfBirth: string;
	preferredLocale: string;
	lookedAfterSince: string;
	bandOverride: string | null;
	bandOverrideReason: string | null;
	/** The record was closed (they left care; a care leaver turned 25): when and why. */
	closed: { on: string; reason: string } | null;
}

export interface LinkedPerson {
	userId: string;
	displayName: string;
	relation: 'parent' | 'carer';
	hasPr: boolean;
	startsOn: string;
	endsOn: string | null;
	activated: boolean;
}

export async function create(
	db: Db,
	input: { preferredName: string; dateOfBirth: string; lookedAfterSince: string; preferredLocale: string },
	now: number
): Promise<string> {
	const id = newId();
	await db
		.insertInto('child')
		.values({ id, preferred_name: input.preferredName, date_of_birth: input.dateOfBirth, looked_after_since: input.lookedAfterSince, preferred_locale: input.preferredLocale, band_override: null, band_override_reason: null, created_at: now })
		.execute();
	return id;
}

type ChildRow = { id: string; preferred_name: string; date_of_birth: string; preferred_locale: string; looked_after_since: string; band_override: string | null; band_override_reason: string | null; closed_on: string | null; closed_reason: string | null };

function toChild(r: ChildRow): Child {
	return {
		id: r.id, preferredName: r.preferred_name, dateOfBirth: r.date_of_birth, preferredLocale: r.preferred_locale, lookedAfterSince: r.looked_after_since,
		bandOverride: r.band_override, bandOverrideReason: r.band_override_reason, closed: r.closed_on && r.closed_reason ? { on: r.closed_on, reason: r.closed_reason } : null
	};
}

/** Closes a child's record on `on` for `reason` (one of CLOSE_REASONS); false if already closed. */
export async function close(db: Db, id: string, on: string, reason: string, now: number): Promise<boolean> {
	const r = await db.updateTable('child').set({ closed_on: on, closed_reason: reason, closed_at: now }).where('id', '=', id).where('closed_on', 'is', null).executeTakeFirst();
	return Number(r.numUpdatedRows) > 0;
}

export async function get(db: Db, id: string): Promise<Child | undefined> {
	const r = await db.selectFrom('child').selectAll().where('id', '=', id).executeTakeFirst();
	return r && toChild(r);
}

/** Every child, for the admin's list (admins manage records, never answers: D15). */
export async function list(db: Db): Promise<Child[]> {
	const rows = await db.selectFrom('child').selectAll().orderBy('preferred_name').execute();
	return rows.map(toChild);
}

/** The IRO's band override for a child (DOMAIN §5.1), with its reason; null clears it. */
export async function setBandOverride(db: Db, childId: string, band: string | null, reason: string | null): Promise<void> {
	await db.updateTable('child').set({ band_override: band, band_override_reason: band ? reason : null }).where('id', '=', childId).execute();
}

/** Links a parent or carer to a child from a date (a placement for a carer). */
export async function link(
	db: Db,
	input: { childId: string; userId: string; relation: 'parent' | 'carer'; hasPr: boolean; startsOn: string }
): Promise<void> {
	await db
		.insertInto('child_link')
		.values({ id: newId(), child_id: input.childId, user_id: input.userId, relation: input.relation, has_pr: input.hasPr ? 1 : 0, starts_on: input.startsOn, ends_on: null })
		.execute();
}

/**
 * Ends a parent's or carer's current link on `endsOn` (from that day they are no longer linked: a
 * placement ended, a court order changed). Returns false when there was no current link to end.
 */
export async function endLink(db: Db, childId: string, userId: string, endsOn: string): Promise<boolean> {
	const r = await db
		.updateTable('child_link')
		.set({ ends_on: endsOn })
		.where('child_id', '=', childId)
		.where('user_id', '=', userId)
		.where('ends_on', 'is', null)
		.where('starts_on', '<=', endsOn)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) > 0;
}

/** The people linked to a child, current and past. */
export async function people(db: Db, childId: string): Promise<LinkedPerson[]> {
	const rows = await db
		.selectFrom('child_link')
		.innerJoin('app_user', 'app_user.id', 'child_link.user_id')
		.select(['child_link.user_id', 'app_user.display_name', 'child_link.relation', 'child_link.has_pr', 'child_link.starts_on', 'child_link.ends_on', 'app_user.activated_at'])
		.where('child_link.child_id', '=', childId)
		.orderBy('child_link.relation')
		.orderBy('app_user.display_name')
		.execute();
	return rows.map((r) => ({
		userId: r.user_id, displayName: r.display_name, relation: r.relation as 'parent' | 'carer', hasPr: r.has_pr === 1,
		startsOn: r.starts_on, endsOn: r.ends_on, activated: r.activated_at !== null
	}));
}

/** The young person's own account for a child, if one has been made. */
export async function accountFor(db: Db, childId: string): Promise<{ userId: string; activated: boolean } | undefined> {
	const r = await db.selectFrom('app_user').select(['id', 'activated_at']).where('child_id', '=', childId).executeTakeFirst();
	return r && { userId: r.id, activated: r.activated_at !== null };
}
