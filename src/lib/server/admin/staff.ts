import type { Access } from '../access/require';
import { database } from '../db';
import * as users from '../data/users';
import { issueCode } from '../codes';

/** Staff accounts: made by an admin, activated by the person with a one-time code (SECURITY §3.1). */
export async function listStaff(_access: Access<'admin.manage'>) {
	const db = database();
	const [admins, iros, advocates] = await Promise.all([users.listByRole(db, 'admin'), users.listByRole(db, 'iro'), users.listByRole(db, 'advocate')]);
	return [...admins, ...iros, ...advocates].map((u) => ({ id: u.id, name: u.displayName, role: u.role, email: u.email, activated: u.activatedAt !== null }));
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
