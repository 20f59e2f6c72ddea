import * as outbox from '../data/outbox';
import type { Db } from '../db';
import { errorClass, renderNeutral, type MailTransport } from './mail';

/**
 * Delivers the outbox (REL-16): at least once, with backoff, failures kept and listed for the admin.
 * Rows are claimed in a short transaction (FOR UPDATE SKIP LOCKED on Postgres); the sending happens
 * after it commits, never inside a transaction (STYLE §4.5), and each result is written on its own.
 */

const MINUTE = 60_000;
/** Waits after the 1st, 2nd, 3rd and 4th failed attempt; then every 6 hours (*our default*). */
export const BACKOFF_MS: readonly number[] = [1 * MINUTE, 5 * MINUTE, 15 * MINUTE, 60 * MINUTE];
export const LATER_BACKOFF_MS = 6 * 60 * MINUTE;
/** After this many failed attempts the message is marked failed: still unsent, for the admin (REL-16). */
export const MAX_ATTEMPTS = 8;
/** How long a claim holds before another worker may take the row (longer than any SMTP timeout). */
export const LEASE_MS = 10 * MINUTE;

/** The wait after `attempts` failed attempts. */
export function backoffAfter(attempts: number): number {
	return BACKOFF_MS[attempts - 1] ?? LATER_BACKOFF_MS;
}

export interface DeliverOptions {
	/** Most messages per call. */
	batch?: number;
	/** The service's public origin, for the one link a message carries; none, no link. */
	publicUrl?: string | null;
}

export interface DeliverResult {
	sent: number;
	retrying: number;
	/** Marked failed on this call (retries ran out, or there is nowhere to send it). */
	failed: number;
}

/** Delivers the messages due at `now`. Safe to run from several instances at once on Postgres. */
export async function deliverDue(db: Db, transport: MailTransport, now: number, opts: DeliverOptions = {}): Promise<DeliverResult> {
	// STYLE §4.5: mail is never sent inside a transaction (SQLite would block every query meanwhile).
	if (db.isTransaction) throw new Error('deliverDue runs on the database, never inside a transaction');
	const result: DeliverResult = { sent: 0, retrying: 0, failed: 0 };
	const due = await outbox.claimDue(db, now, opts.batch ?? 20, LEASE_MS);
	if (due.length === 0) return result;
	const people = await outbox.recipients(db, due.flatMap((m) => (m.recipientId ? [m.recipientId] : [])));
	const link = opts.publicUrl ? `${opts.publicUrl}/` : null;
	for (const m of due) {
		const attempts = m.attempts + 1;
		const person = m.recipientId ? people.get(m.recipientId) : undefined;
		const to = m.recipientAddress ?? (person?.active ? person.address : null);
		if (!to) {
			// Nowhere to send it (no address of their own, or the account was closed): give up at once, visibly.
			await outbox.markFailed(db, m.id, { attempts, error: person && !person.active ? 'inactive' : 'no-address', nextAttemptAt: now, failedAt: now });
			result.failed++;
			continue;
		}
		try {
			await transport.send({ to, ...renderNeutral(person?.locale ?? null, link) });
			await outbox.markSent(db, m.id, attempts, now);
			result.sent++;
		} catch (e) {
			const giveUp = attempts >= MAX_ATTEMPTS;
			await outbox.markFailed(db, m.id, { attempts, error: errorClass(e), nextAttemptAt: now + backoffAfter(attempts), failedAt: giveUp ? now : null });
			if (giveUp) result.failed++;
			else result.retrying++;
		}
	}
	return result;
}
