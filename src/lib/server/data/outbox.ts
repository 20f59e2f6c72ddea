import type { Db } from '../db';
import { newId } from '../ids';

/**
 * Notifications go through the outbox, written in the business transaction (REL-16). Only a
 * template name is stored: every message is the neutral "You have something new in My Review"
 * and a link (PRIV-14); delivery arrives with the IRO workspace issue.
 */
export type Template = 'something-new';

export async function enqueue(db: Db, recipientId: string, template: Template, now: number): Promise<void> {
	await db
		.insertInto('outbox')
		.values({ id: newId(), recipient_id: recipientId, recipient_address: null, template, created_at: now, next_attempt_at: now, sent_at: null, last_error: null })
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
