import type { FieldError } from '$lib/forms/types';
import type { Db } from '../db';
import * as codes from '../data/activation-codes';
import * as audit from '../data/audit';
import { LIMITS, consume, release } from '../data/rate-limits';
import * as users from '../data/users';
import { CODE_CLAIM_MS, hashCode, looksLikeCode } from './activation';
import type { Role } from './actor';
import { checkPassphrase } from './passphrase';
import { hashSecret } from './password';
import { createSession, type Session } from './session';
import { generateUsername } from './username';

/**
 * Activation (SECURITY §3.1, SEC-A3): a one-time code claims a short activation session; choosing
 * a passphrase consumes the code in one transaction and signs the person in. Unknown and
 * malformed codes get one answer; used or expired codes may say so.
 */
export type ClaimResult =
	| { kind: 'ok'; token: string }
	| { kind: 'invalid' | 'used' | 'expired' | 'in-use' }
	| { kind: 'limited'; retryAfterSeconds: number };

export async function claimCode(db: Db, input: { code: string; address: string }, now: number): Promise<ClaimResult> {
	for (const [limit, key] of [[LIMITS.activationByAddress, input.address], [LIMITS.activationService, 'service']] as const) {
		const state = await consume(db, limit, key, now);
		if (state.blocked) return { kind: 'limited', retryAfterSeconds: state.retryAfterSeconds };
	}
	const record = looksLikeCode(input.code) ? await codes.byHash(db, hashCode(input.code)) : undefined;
	// Attempts were counted above; a wrong code keeps its count (SEC-A3).
	const fail = async (kind: 'invalid' | 'used' | 'expired' | 'in-use') => ({ kind });
	if (!record || record.revokedAt !== null) return fail('invalid');
	if (record.usedAt !== null) return fail('used');
	if (record.expiresAt <= now) return fail('expired');
	const user = await users.get(db, record.userId);
	if (!user || !user.active) return fail('invalid');
	if (!(await codes.claim(db, record.id, now, now + CODE_CLAIM_MS))) return fail('in-use');
	await release(db, LIMITS.activationByAddress, input.address);
	await release(db, LIMITS.activationService, 'service');
	const { token } = await createSession(db, { id: user.id, role: user.role }, now, 'activation', record.id);
	await audit.record(db, { at: now, actorId: user.id, actorRole: user.role, action: 'code_claimed', resourceType: 'activation_code', resourceId: record.id });
	return { kind: 'ok', token };
}

export type CompleteResult =
	| { kind: 'ok'; token: string; role: Role }
	| { kind: 'invalid'; error: FieldError }
	| { kind: 'gone' };

const STAFF: readonly Role[] = ['admin', 'iro', 'advocate'];

/** Sets the passphrase (staff: password, ≥12), consumes the code, and signs in with a new session. */
export async function completeActivation(db: Db, session: Session, passphrase: string, now: number): Promise<CompleteResult> {
	if (session.kind !== 'activation' || !session.activationCodeId) return { kind: 'gone' };
	const user = await users.get(db, session.userId);
	if (!user) return { kind: 'gone' };
	const staff = STAFF.includes(user.role);
	const username = user.username ?? (staff ? null : await freshUsername(db));
	const firstName = user.displayName.split(/\s+/)[0] ?? null;
	const error = checkPassphrase(passphrase, { username, firstName, minLength: staff ? 12 : 8 });
	if (error) return { kind: 'invalid', error };
	// argon2 runs before the transaction: no slow work while SQLite's one connection is held.
	const hash = await hashSecret(passphrase);
	return db.transaction().execute(async (trx) => {
		if (!(await codes.consume(trx, session.activationCodeId!, now))) return { kind: 'gone' } as const;
		await users.setCredentials(trx, user.id, username, hash, now);
		// A new passphrase ends every other session of this person (SECURITY §3.2).
		await trx.deleteFrom('session').where('user_id', '=', user.id).execute();
		const { token } = await createSession(trx, { id: user.id, role: user.role }, now);
		await audit.record(trx, { at: now, actorId: user.id, actorRole: user.role, action: 'activated', resourceType: 'activation_code', resourceId: session.activationCodeId });
		return { kind: 'ok', token, role: user.role } as const;
	});
}

async function freshUsername(db: Db): Promise<string> {
	for (let i = 0; i < 20; i++) {
		const name = generateUsername();
		if (!(await users.usernameTaken(db, name))) return name;
	}
	throw new Error('could not find a free username');
}
