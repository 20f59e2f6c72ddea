import type { Access } from '../access/require';
import { database } from '../db';
import * as audit from '../data/audit';
import * as outbox from '../data/outbox';

/**
 * The admin's view of the outbox (REL-16: failures listed for the admin; SECURITY §2 "delivery
 * status"). Never content (there is none: one neutral message) and never a whole address: the
 * admin needs to see that a message is stuck and why, not where it was going.
 */
export interface DeliveryRow {
	id: string;
	template: outbox.Template;
	/** The recipient's role, or 'service' for a service address (the duty contact). */
	recipient: string;
	maskedAddress: string | null;
	attempts: number;
	lastError: string | null;
	createdAt: number;
	nextAttemptAt: number;
	failedAt: number | null;
}

/** `jo.reed@example.org` → `j•••@e•••.org`: enough to tell two apart, not enough to read one. */
export function maskAddress(address: string | null): string | null {
	if (!address) return null;
	const at = address.lastIndexOf('@');
	if (at < 1) return '•••';
	const domain = address.slice(at + 1);
	const dot = domain.lastIndexOf('.');
	if (dot < 1) return `${address[0]}•••@•••`;
	return `${address[0]}•••@${domain[0]}•••${domain.slice(dot)}`;
}

export async function listDeliveries(_access: Access<'deliveries.manage'>): Promise<{ failed: DeliveryRow[]; pending: DeliveryRow[] }> {
	const rows = (await outbox.undelivered(database(), 200)).map((r) => ({
		id: r.id, template: r.template, recipient: r.recipientRole ?? 'service', maskedAddress: maskAddress(r.address),
		attempts: r.attempts, lastError: r.lastError, createdAt: r.createdAt, nextAttemptAt: r.nextAttemptAt, failedAt: r.failedAt
	}));
	return { failed: rows.filter((r) => r.failedAt !== null), pending: rows.filter((r) => r.failedAt === null) };
}

/** "Try again now": due at once, even after retries ran out; the worker picks it up on its next pass. Audited. */
export async function retryDelivery(access: Access<'deliveries.manage'>, id: string, now: number, requestId: string): Promise<boolean> {
	const db = database();
	return db.transaction().execute(async (trx) => {
		if (!(await outbox.retryNow(trx, id, now))) return false;
		await audit.record(trx, { at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'delivery_retried', resourceType: 'outbox', resourceId: id, requestId });
		return true;
	});
}
