import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding, encodeBase64urlNoPadding, encodeHexLowerCase, decodeHex } from '@oslojs/encoding';
import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db';
import { isRole, type Actor, type Role } from './actor';

/**
 * Sessions after Lucia's reference design (STYLE §4.3, SECURITY §3.2). The token is
 * `id.secret`: a 120-bit id and a 32-byte secret, both from `crypto.getRandomValues`. Only
 * sha256(secret) is stored and it is compared in constant time, so a leaked table can't be
 * replayed. Idle time runs from `last_verified_at` (bumped at most once a minute), absolute time
 * from `created_at`. Nothing automatic extends a session beyond its absolute limit.
 */
export type SessionKind = 'full' | 'activation';

export interface Session {
	id: string;
	userId: string;
	kind: SessionKind;
	activationCodeId: string | null;
	createdAt: number;
	lastVerifiedAt: number;
	/** When the session ends if nothing happens (idle) and at the latest (absolute). */
	idleExpiresAt: number;
	absoluteExpiresAt: number;
	/** SEC-S5: when the password was last typed in this session (sign-in or re-authentication), or null. */
	reauthenticatedAt: number | null;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** SECURITY §3.2, D1: short limits for children on shared phones; staff per ASVS L2. */
export const SESSION_LIMITS: Record<Role | 'activation', { idle: number; absolute: number }> = {
	'young-person': { idle: 20 * MINUTE, absolute: 4 * HOUR },
	parent: { idle: 30 * MINUTE, absolute: 8 * HOUR },
	carer: { idle: 30 * MINUTE, absolute: 8 * HOUR },
	advocate: { idle: 30 * MINUTE, absolute: 12 * HOUR },
	iro: { idle: 30 * MINUTE, absolute: 12 * HOUR },
	admin: { idle: 15 * MINUTE, absolute: 8 * HOUR },
	activation: { idle: 10 * MINUTE, absolute: 15 * MINUTE }
};

/** Roles allowed only one session at a time (SEC-S6, D18). */
const SINGLE_SESSION: readonly Role[] = ['young-person', 'parent', 'carer'];

function limitsFor(kind: SessionKind, role: Role) {
	return SESSION_LIMITS[kind === 'activation' ? 'activation' : role];
}

function randomBytes(n: number): Uint8Array {
	const bytes = new Uint8Array(n);
	crypto.getRandomValues(bytes);
	return bytes;
}

function hashSecret(secret: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

/** Creates a session; for respondents it first ends any other session of theirs (SEC-S6). */
export async function createSession(
	db: Db,
	user: { id: string; role: Role },
	now: number,
	kind: SessionKind = 'full',
	activationCodeId: string | null = null
): Promise<{ token: string; session: Session }> {
	const id = encodeBase32LowerCaseNoPadding(randomBytes(15));
	const secret = encodeBase64urlNoPadding(randomBytes(32));
	if (SINGLE_SESSION.includes(user.role) || kind === 'activation') {
		await db.deleteFrom('session').where('user_id', '=', user.id).execute();
	}
	await db
		.insertInto('session')
		.values({ id, user_id: user.id, secret_hash: hashSecret(secret), kind, activation_code_id: activationCodeId, created_at: now, last_verified_at: now })
		.execute();
	const limits = limitsFor(kind, user.role);
	return {
		token: `${id}.${secret}`,
		session: {
			id, userId: user.id, kind, activationCodeId, createdAt: now, lastVerifiedAt: now, idleExpiresAt: now + limits.idle, absoluteExpiresAt: now + limits.absolute,
			reauthenticatedAt: null
		}
	};
}

export type Validated = { session: Session; actor: Actor } | { session: null; actor: null };
const NONE: Validated = { session: null, actor: null };

/** Checks a token; expired sessions are deleted. Bumps `last_verified_at` at most once a minute. */
export async function validateSessionToken(db: Db, token: string, now: number): Promise<Validated> {
	const [id, secret, extra] = token.split('.');
	if (!id || !secret || extra !== undefined || !/^[a-z2-7]{24}$/.test(id)) return NONE;
	const row = await db
		.selectFrom('session')
		.innerJoin('app_user', 'app_user.id', 'session.user_id')
		.select([
			'session.id', 'session.secret_hash', 'session.kind', 'session.activation_code_id', 'session.created_at',
			'session.last_verified_at', 'session.reauthenticated_at', 'app_user.id as user_id', 'app_user.role', 'app_user.display_name',
			'app_user.child_id', 'app_user.preferred_locale', 'app_user.active'
		])
		.where('session.id', '=', id)
		.executeTakeFirst();
	if (!row) return NONE;
	const expected = decodeHex(row.secret_hash);
	const given = decodeHex(hashSecret(secret));
	if (!constantTimeEqual(expected, given) || !isRole(row.role)) return NONE;
	const kind = row.kind as SessionKind;
	const limits = limitsFor(kind, row.role);
	if (!row.active || now >= row.last_verified_at + limits.idle || now >= row.created_at + limits.absolute) {
		await invalidateSession(db, row.id);
		return NONE;
	}
	let lastVerifiedAt = row.last_verified_at;
	if (now - lastVerifiedAt >= MINUTE) {
		lastVerifiedAt = now;
		await db.updateTable('session').set({ last_verified_at: now }).where('id', '=', row.id).execute();
	}
	return {
		session: {
			id: row.id, userId: row.user_id, kind, activationCodeId: row.activation_code_id, createdAt: row.created_at, lastVerifiedAt,
			idleExpiresAt: lastVerifiedAt + limits.idle, absoluteExpiresAt: row.created_at + limits.absolute,
			reauthenticatedAt: row.reauthenticated_at ?? null
		},
		actor: { id: row.user_id, role: row.role, displayName: row.display_name, childId: row.child_id, locale: row.preferred_locale }
	};
}

/** SEC-S5: the password was just typed again in this session (sign-in or the confirm-password step). */
export async function markReauthenticated(db: Db, sessionId: string, now: number): Promise<void> {
	await db.updateTable('session').set({ reauthenticated_at: now }).where('id', '=', sessionId).execute();
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

/** Ends every session of a person: sign out everywhere, deactivation, code reissue (SEC-S4). */
export async function invalidateUserSessions(db: Db, userId: string): Promise<void> {
	await db.deleteFrom('session').where('user_id', '=', userId).execute();
}

/** `__Host-session` on https, `session` over http (Kit drops Secure on http://localhost). */
export function sessionCookieName(url: URL): string {
	return url.protocol === 'https:' ? '__Host-session' : 'session';
}

/** No Max-Age: the cookie dies with the browser; the server holds the real limits (§3.2). */
export function setSessionCookie(cookies: Cookies, url: URL, token: string): void {
	cookies.set(sessionCookieName(url), token, { httpOnly: true, sameSite: 'lax', path: '/', secure: url.protocol === 'https:' });
}

export function deleteSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(sessionCookieName(url), { httpOnly: true, sameSite: 'lax', path: '/', secure: url.protocol === 'https:' });
}
