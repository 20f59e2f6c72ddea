import { londonDate } from '$lib/domain/calendar';
import type { Access } from '../access/require';
import { invalidateUserSessions } from '../auth/session';
import { database, type Db } from '../db';
import * as audit from '../data/audit';
import * as users from '../data/users';
import { issueCode } from '../codes';

/** Staff accounts: made by an admin, activated by the person with a one-time code (SECURITY §3.1). */
export async function listStaff(access: Access<'admin.manage'>, db: Db = database()) {
	const [admins, iros, advocates] = await Promise.all([users.listByRole(db, 'admin'), users.listByRole(db, 'iro'), users.listByRole(db, 'advocate')]);
	// An IRO's open allocations: deactivating them leaves these children without an IRO until reallocated.
	const today = londonDate(Date.now());
	const counts = await db
		.selectFrom('iro_allocation')
		.select(['iro_id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('ends_on', 'is', null)
		.where('starts_on', '<=', today)
		.groupBy('iro_id')
		.execute();
	const allocated = new Map(counts.map((c) => [c.iro_id, Number(c.n)]));
	return [...admins, ...iros, ...advocates].map((u) => ({
		id: u.id, name: u.displayName, role: u.role, email: u.email, activated: u.activatedAt !== null, active: u.active,
		children: allocated.get(u.id) ?? 0, self: u.id === access.actor.id
	}));
}

/**
 * Deactivates or reactivates a member of staff (issue 8; SECURITY §3.2 SEC-S4): deactivation ends
 * every session they have at once, in the same transaction, and is audited. An admin can't
 * deactivate themselves (the service would lose its last way in). Respondents are not staff here.
 */
export async function setStaffActive(access: Access<'admin.manage'>, userId: string, active: boolean, now: number, db: Db = database()): Promise<'done' | 'self' | 'missing'> {
	if (userId === access.actor.id) return 'self';
	const user = await users.get(db, userId);
	if (!user || !['admin', 'iro', 'advocate'].includes(user.role)) return 'missing';
	await db.transaction().execute(async (trx) => {
		await trx.updateTable('app_user').set({ active: active ? 1 : 0 }).where('id', '=', userId).execute();
		if (!active) await invalidateUserSessions(trx, userId);
		await audit.record(trx, { at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'change', resourceType: 'staff', resourceId: userId });
	});
	return 'done';
}

export type CreateStaffResult = { kind: 'ok'; code: string; name: string } | { kind: 'email-taken' };

export async function createStaff(
	access: Access<'admin.manage'>,
	input: { role: 'admin' | 'iro' | 'advocate'; name: string; email: string },
	now: number
): Promise<CreateStaffResult> {
	const db = database();
	if (await users.emailTaken(db, input.email)) return { kind: 'email-taken' };
	const code = await db.transaction().execute(async (trx) => {
		const userId = await users.createStaff(trx, { role: input.role, email: input.email, displayName: input.name, passwordHash: null }, now);
		return issueCode(trx, access, { userId, reviewId: null }, now);
	});
	return { kind: 'ok', code, name: input.name };
}
