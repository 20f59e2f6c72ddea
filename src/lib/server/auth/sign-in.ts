import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Db } from '../db';
import * as audit from '../data/audit';
import { LIMITS, consume, release, reset, type Limit } from '../data/rate-limits';
import * as users from '../data/users';
import type { Actor } from './actor';
import { verifySecret } from './password';
import { createSession, markReauthenticated } from './session';
import { normaliseUsername } from './username';

/**
 * Sign-in for staff (email + password) and respondents (username + passphrase). Unknown names
 * and wrong secrets get one answer and the same work (a dummy hash), and failures are counted
 * per account (or per hash of the typed name) and per address, so limits never reveal whether
 * an account exists (SEC-A6, T11).
 */
export type SignInResult =
	| { kind: 'ok'; token: string; userId: string; role: Actor['role'] }
	| { kind: 'invalid' }
	| { kind: 'limited'; retryAfterSeconds: number };

function nameKey(name: string): string {
	return 'name:' + encodeHexLowerCase(sha256(new TextEncoder().encode(name)));
}

async function attempt(
	db: Db,
	input: { name: string; secret: string; address: string; staff: boolean },
	now: number
): Promise<SignInResult> {
	const accountLimit: Limit = input.staff ? LIMITS.staffSignIn : LIMITS.respondentSignIn;
	const creds = input.staff ? await users.credentialsByEmail(db, input.name) : await users.credentialsByUsername(db, input.name);
	const staffRoles = ['admin', 'iro', 'advocate'];
	const usable = creds && creds.active && staffRoles.includes(creds.role) === input.staff ? creds : undefined;
	const accountKey = usable ? usable.id : nameKey(input.name);
	// Each attempt is counted before the hash is checked, and given back if it succeeds (SEC-R1).
	for (const [limit, key] of [[accountLimit, accountKey], [LIMITS.signInByAddress, input.address]] as const) {
		const state = await consume(db, limit, key, now);
		if (state.blocked) return { kind: 'limited', retryAfterSeconds: state.retryAfterSeconds };
	}
	// Hashing is slow on purpose; it runs outside any transaction (STYLE §4.5).
	const ok = await verifySecret(usable?.passwordHash ?? null, input.secret);
	if (!ok || !usable) {
		await audit.record(db, { at: now, actorId: usable?.id ?? null, actorRole: usable?.role ?? null, action: 'sign_in_failed', outcome: 'failed' });
		return { kind: 'invalid' };
	}
	await reset(db, accountLimit, accountKey);
	await release(db, LIMITS.signInByAddress, input.address);
	const { token, session } = await createSession(db, { id: usable.id, role: usable.role }, now);
	// SEC-S5: the password was just typed, so exports need no second prompt for the next 10 minutes.
	if (input.staff) await markReauthenticated(db, session.id, now);
	await audit.record(db, { at: now, actorId: usable.id, actorRole: usable.role, action: 'sign_in' });
	return { kind: 'ok', token, userId: usable.id, role: usable.role };
}

export function signInStaff(db: Db, input: { email: string; password: string; address: string }, now: number) {
	return attempt(db, { name: input.email.trim().toLowerCase(), secret: input.password, address: input.address, staff: true }, now);
}

export function signInRespondent(db: Db, input: { username: string; passphrase: string; address: string }, now: number) {
	return attempt(db, { name: normaliseUsername(input.username), secret: input.passphrase, address: input.address, staff: false }, now);
}
