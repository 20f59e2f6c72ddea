import { CODE_VALID_MS, generateCode, hashCode } from './auth/activation';
import type { Access } from './access/require';
import type { Db } from './db';
import * as codes from './data/activation-codes';
import * as audit from './data/audit';
import * as users from './data/users';
import { invalidateUserSessions } from './auth/session';

/**
 * Issues a one-time code for one person (and review): shown once, stored only as a hash
 * (SEC-A3). An earlier unused code for the same person stops working (reissue). Taking the
 * Access proves the caller may issue codes for this child (an admin or the allocated IRO).
 */
export async function issueCode(db: Db, access: Access<'code.issue'> | Access<'admin.manage'>, input: { userId: string; reviewId: string | null }, now: number): Promise<string> {
	const code = generateCode();
	// A reissue ends every session the person has and replaces the passphrase (SECURITY §3.1,
	// §3.2, T13): whoever activated first loses access until the new code is used. The username stays.
	await invalidateUserSessions(db, input.userId);
	await users.clearPassword(db, input.userId);
	const id = await codes.insert(db, { codeHash: hashCode(code), userId: input.userId, reviewId: input.reviewId, issuedBy: access.actor.id, expiresAt: now + CODE_VALID_MS }, now);
	await audit.record(db, { at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'code_issued', childId: access.childId, resourceType: 'activation_code', resourceId: id });
	return code;
}
