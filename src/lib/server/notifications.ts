import { londonDate, parseIsoDate, type IsoDate } from '$lib/domain/calendar';
import { reviewMilestones } from '$lib/domain/review-schedule';
import type { Db } from './db';
import * as outbox from './data/outbox';
import { loadSettings } from './settings';

/**
 * The first instant of a London calendar day: 00:00 BST (23:00 UTC the day before) in summer,
 * 00:00 GMT in winter. Midnight is never inside a clock change in the UK (they happen at 01:00 UTC).
 */
export function startOfLondonDay(date: IsoDate): number {
	const { year, month, day } = parseIsoDate(date);
	const utcMidnight = Date.UTC(year, month - 1, day);
	const bst = utcMidnight - 3_600_000;
	return londonDate(bst) === date ? bst : utcMidnight;
}

/**
 * Issue 5, DOMAIN §3.2 "Invitation": each newly invited respondent who has an address of their own
 * gets the neutral message (PRIV-H8) when the consultation window opens, or at once if it is open
 * already. Written in the caller's transaction with the invitations (REL-16, REL-5). Staff, the
 * child's IRO included, get nothing here: they have the caseload.
 */
export async function enqueueInvitations(trx: Db, respondentIds: readonly string[], reviewDate: IsoDate, now: number): Promise<number> {
	if (respondentIds.length === 0) return 0;
	const reach = await outbox.reachable(trx, respondentIds);
	const opens = startOfLondonDay(reviewMilestones(reviewDate, (await loadSettings(trx)).schedule).windowOpens);
	let n = 0;
	for (const id of respondentIds) {
		if (!reach.has(id)) continue;
		await outbox.enqueue(trx, id, 'invitation', now, opens);
		n++;
	}
	return n;
}
