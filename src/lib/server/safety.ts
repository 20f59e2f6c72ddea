import { londonDate } from '$lib/domain/calendar';
import type { Db } from './db';
import * as alerts from './data/alerts';
import * as allocations from './data/allocations';
import * as audit from './data/audit';
import * as outbox from './data/outbox';
import { env } from './env';
import { dutyContact } from './settings';

/**
 * Raises a safety alert inside the caller's transaction (DOMAIN §5.7, PRIV-17): the allocated IRO
 * and the duty contact are told at once through content-free notifications; nothing about sharing
 * choices or pack locks holds it back. Repeats of "I need help now" within 10 minutes join the open
 * alert (SECURITY §3.3) rather than piling up.
 */
export async function raiseAlert(
	db: Db,
	input: { childId: string; reviewId: string | null; raisedBy: string; source: 'answer' | 'help-now'; questionId: string | null },
	now: number
): Promise<string> {
	if (input.source === 'help-now') {
		const open = await alerts.recentOpen(db, input.childId, now - 10 * 60_000);
		if (open) return open;
	}
	const iro = await allocations.currentIro(db, input.childId, londonDate(now));
	// Issue 8: the service's duty contact setting, else the server's DUTY_CONTACT_EMAIL.
	const duty = await dutyContact(db, env().dutyContactEmail);
	const sharedWith = [...(iro ? ['iro'] : []), ...(duty ? ['duty'] : [])];
	const id = await alerts.raise(db, { ...input, sharedWith }, now);
	if (iro) await outbox.enqueue(db, iro.iroId, 'something-new', now);
	if (duty) await outbox.enqueueAddress(db, duty, 'something-new', now);
	await audit.record(db, { at: now, actorId: input.raisedBy, actorRole: 'young-person', action: 'alert_raised', childId: input.childId, resourceType: 'safety_alert', resourceId: id });
	return id;
}
