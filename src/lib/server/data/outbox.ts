import { PostgresAdapter, type Transaction } from 'kysely';
import type { Db } from '../db';
import type { Database } from '../db/schema';
import { newId } from '../ids';

/**
 * Notifications go through the outbox, written in the business transaction (REL-16). Only a
 * template name is stored: every message is the neutral "You have something new in My Review"
 * and a link (PRIV-H8, PRIV-14); the name says why it was sent, for the admin's list only.
 * Delivery is `jobs/outbox.ts`: at least once, with backoff, never inside a transaction.
 */
export type Template = 'something-new' | 'invitation' | 'reminder';
export const TEMPLATES: readonly Template[] = ['something-new', 'invitation', 'reminder'];

/**
 * A message to an account. `notBefore` holds it back (an invitation waits for the consultation
 * window to open, DOMAIN §3.2); by default it is due at once.
 */
export async function enqueue(db: Db, recipientId: string, template: Template, now: number, notBefore: number = now): Promise<void> {
	await db
		.insertInto('outbox')
		.values({ id: newId(), recipient_id: recipientId, recipient_address: null, template, created_at: now, next_attempt_at: Math.max(now, notBefore), sent_at: null, last_error: null })
		.execute();
}

/** A message to a service address (the duty contact), not an account. */
export async function enqueueAddress(db: Db, address: string, template: Template, now: number): Promise<void> {
	await db
		.insertInto('outbox')
		.values({ id: newId(), recipient_id: null, recipient_address: address, template, created_at: now, next_attempt_at: now, sent_at: null, last_error: null })
		.execute();
}

export async function pendingCount(db: Db): Promise<number> {
	const r = await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('sent_at', 'is', null).executeTakeFirst();
	return Number(r?.n ?? 0);
}

/** One message claimed for delivery. */
export interface DueMessage {
	id: string;
	recipientId: string | null;
	recipientAddress: string | null;
	template: Template;
	/** Attempts before this one. */
	attempts: number;
}

/**
 * Claims up to `batch` due, unsent, not-given-up messages by moving their next attempt `leaseMs`
 * ahead, in one short transaction with no other IO (STYLE §4.5). On Postgres the rows are read
 * `FOR UPDATE SKIP LOCKED`, so two instances never claim the same row (REL-16, REL-19); SQLite has
 * one writer process (D4). If this process dies mid-send, the lease runs out and the message is
 * tried again: at least once, and neutral messages make a duplicate harmless.
 */
export async function claimDue(db: Db, now: number, batch: number, leaseMs: number): Promise<DueMessage[]> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	const claim = async (trx: Transaction<Database>) => {
		const rows = await trx
			.selectFrom('outbox')
			.select(['id', 'recipient_id', 'recipient_address', 'template', 'attempts'])
			.where('sent_at', 'is', null)
			.where('failed_at', 'is', null)
			.where('next_attempt_at', '<=', now)
			.orderBy('next_attempt_at')
			.orderBy('id')
			.limit(batch)
			.$if(pg, (qb) => qb.forUpdate().skipLocked())
			.execute();
		if (rows.length === 0) return [];
		await trx.updateTable('outbox').set({ next_attempt_at: now + leaseMs }).where('id', 'in', rows.map((r) => r.id)).execute();
		return rows.map((r) => ({ id: r.id, recipientId: r.recipient_id, recipientAddress: r.recipient_address, template: r.template as Template, attempts: r.attempts }));
	};
	return db.isTransaction ? claim(db as Transaction<Database>) : db.transaction().execute(claim);
}

/** Where an account's messages go, and in which language. */
export interface Recipient {
	role: string;
	/** Staff: their sign-in email. Respondents: their own notify address, if they gave one (PRIV-H8). */
	address: string | null;
	active: boolean;
	locale: string | null;
}

export async function recipients(db: Db, userIds: readonly string[]): Promise<Map<string, Recipient>> {
	const out = new Map<string, Recipient>();
	if (userIds.length === 0) return out;
	const rows = await db
		.selectFrom('app_user')
		.select(['id', 'role', 'email', 'notify_email', 'active', 'preferred_locale'])
		.where('id', 'in', [...new Set(userIds)])
		.execute();
	for (const r of rows) {
		const staff = r.role === 'admin' || r.role === 'iro' || r.role === 'advocate';
		out.set(r.id, { role: r.role, address: staff ? r.email : r.notify_email, active: r.active === 1, locale: r.preferred_locale });
	}
	return out;
}

/** Of these accounts, the active ones that can be reached (a respondent only through their own address). */
export async function reachable(db: Db, userIds: readonly string[]): Promise<Set<string>> {
	const found = await recipients(db, userIds);
	return new Set([...found].filter(([, r]) => r.active && r.address !== null).map(([id]) => id));
}

export async function markSent(db: Db, id: string, attempts: number, now: number): Promise<void> {
	await db.updateTable('outbox').set({ sent_at: now, attempts, last_error: null }).where('id', '=', id).where('sent_at', 'is', null).execute();
}

/** Records a failed attempt: the error class, when to try next, and `failedAt` once retries have run out. */
export async function markFailed(db: Db, id: string, input: { attempts: number; error: string; nextAttemptAt: number; failedAt: number | null }): Promise<void> {
	await db
		.updateTable('outbox')
		.set({ attempts: input.attempts, last_error: input.error.slice(0, 80), next_attempt_at: input.nextAttemptAt, failed_at: input.failedAt })
		.where('id', '=', id)
		.where('sent_at', 'is', null)
		.execute();
}

/** An unsent message as the admin's list shows it (REL-16): no content, and the address for masking only. */
export interface Undelivered {
	id: string;
	template: Template;
	/** The account's role, or null for a service address. */
	recipientRole: string | null;
	address: string | null;
	attempts: number;
	lastError: string | null;
	createdAt: number;
	nextAttemptAt: number;
	failedAt: number | null;
}

/** Unsent messages, those given up on first, oldest first within each. */
export async function undelivered(db: Db, limit: number): Promise<Undelivered[]> {
	const rows = await db
		.selectFrom('outbox')
		.leftJoin('app_user', 'app_user.id', 'outbox.recipient_id')
		.select([
			'outbox.id', 'outbox.template', 'outbox.recipient_address', 'outbox.attempts', 'outbox.last_error', 'outbox.created_at',
			'outbox.next_attempt_at', 'outbox.failed_at', 'app_user.role', 'app_user.email', 'app_user.notify_email'
		])
		.where('outbox.sent_at', 'is', null)
		.orderBy((eb) => eb.case().when('outbox.failed_at', 'is', null).then(1).else(0).end())
		.orderBy('outbox.created_at')
		.orderBy('outbox.id')
		.limit(limit)
		.execute();
	return rows.map((r) => {
		const staff = r.role === 'admin' || r.role === 'iro' || r.role === 'advocate';
		return {
			id: r.id, template: r.template as Template, recipientRole: r.role ?? null,
			address: r.recipient_address ?? (staff ? r.email : r.notify_email) ?? null,
			attempts: r.attempts, lastError: r.last_error, createdAt: r.created_at, nextAttemptAt: r.next_attempt_at, failedAt: r.failed_at
		};
	});
}

/** "Try again now": an unsent message becomes due at once, even one that had been given up on. */
export async function retryNow(db: Db, id: string, now: number): Promise<boolean> {
	const r = await db
		.updateTable('outbox')
		.set({ next_attempt_at: now, failed_at: null })
		.where('id', '=', id)
		.where('sent_at', 'is', null)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) > 0;
}
