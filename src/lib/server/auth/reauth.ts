import { redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import type { Db } from '../db';
import * as audit from '../data/audit';
import { consume, reset, type Limit } from '../data/rate-limits';
import * as users from '../data/users';
import type { Actor } from './actor';
import { verifySecret } from './password';
import { markReauthenticated, type Session } from './session';

/**
 * Re-authentication before exports (SECURITY §3.2, SEC-S5, ASVS 7.5.1): the subject access export,
 * the audit-log CSV and the reports CSV need the password typed in this session within the last
 * 10 minutes. Signing in counts (the password was just typed); after that the admin confirms it
 * on `/admin/confirm-password`, which records the time on the session row (server side, never a
 * cookie) and sends them back where they were. Failures are limited per account like staff
 * sign-in (10 in 15 minutes, *our default*, SECURITY §3.3) in a bucket of their own, so a stolen
 * session can't guess for long and a locked confirm step never locks the person out of signing
 * in. Every attempt is an audit row (`sign_in` / `sign_in_failed`, resource type `reauth`).
 */
export const REAUTH_WINDOW_MS = 10 * 60_000;
export const CONFIRM_PATH = '/admin/confirm-password';
export const REAUTH_LIMIT: Limit = { bucket: 'reauth', max: 10, windowMs: 15 * 60_000 };

/** True when the password was typed in this session within the last 10 minutes. */
export function recentlyAuthenticated(session: Pick<Session, 'reauthenticatedAt'> | null, now: number): boolean {
	const at = session?.reauthenticatedAt;
	return at != null && now >= at && now - at < REAUTH_WINDOW_MS;
}

/**
 * Where the confirm step may send the admin back to (SEC-C7, widened for filters): a path under
 * `/admin`, one leading `/`, and a query of opaque ids, ISO dates and plain words only (the audit
 * and reports filters), never a name. Anything else is `/admin`.
 */
export function safeAdminReturn(value: string | null | undefined): string {
	if (!value || value.length > 400) return '/admin';
	return /^\/admin(?:\/[A-Za-z0-9\-_]+)*(?:\?[A-Za-z0-9\-_.=&]*)?$/.test(value) ? value : '/admin';
}

/** The confirm page's address, coming back to `returnTo` afterwards. */
export function confirmUrl(returnTo: string): string {
	return `${CONFIRM_PATH}?returnTo=${encodeURIComponent(safeAdminReturn(returnTo))}`;
}

/**
 * For loads and export handlers, AFTER `requireAccess` (so the wrong role still gets 404): when
 * the password is not fresh, 303 to the confirm step, which comes back to `returnTo`.
 */
export function requireRecentAuth(returnTo: string): void {
	const { locals } = getRequestEvent();
	if (!recentlyAuthenticated(locals.session, Date.now())) redirect(303, confirmUrl(returnTo));
}

/** The query string of `url` with only the keys given, for a return address. */
export function keepQuery(url: URL, keys: readonly string[]): string {
	const q = new URLSearchParams();
	for (const k of keys) {
		const v = url.searchParams.get(k);
		if (v) q.set(k, v);
	}
	const s = q.toString();
	return s ? `?${s}` : '';
}

export type ReauthResult = { kind: 'ok' } | { kind: 'invalid' } | { kind: 'limited'; retryAfterSeconds: number };

/** Checks the signed-in person's password again and, if right, records the time on their session. */
export async function reauthenticate(db: Db, actor: Actor, sessionId: string, password: string, now: number, requestId: string | null): Promise<ReauthResult> {
	// Counted before the slow check, like sign-in (SEC-R1): parallel guesses can't slip past.
	const state = await consume(db, REAUTH_LIMIT, actor.id, now);
	if (state.blocked) {
		await audit.record(db, { at: now, actorId: actor.id, actorRole: actor.role, action: 'sign_in_failed', resourceType: 'reauth', outcome: 'denied', requestId });
		return { kind: 'limited', retryAfterSeconds: state.retryAfterSeconds };
	}
	const creds = await users.credentialsById(db, actor.id);
	// Hashing is slow on purpose; outside any transaction (STYLE §4.5).
	const ok = await verifySecret(creds?.active ? creds.passwordHash : null, password);
	if (!ok) {
		await audit.record(db, { at: now, actorId: actor.id, actorRole: actor.role, action: 'sign_in_failed', resourceType: 'reauth', outcome: 'failed', requestId });
		return { kind: 'invalid' };
	}
	await reset(db, REAUTH_LIMIT, actor.id);
	await markReauthenticated(db, sessionId, now);
	await audit.record(db, { at: now, actorId: actor.id, actorRole: actor.role, action: 'sign_in', resourceType: 'reauth', requestId });
	return { kind: 'ok' };
}
