import { londonDate } from '$lib/domain/calendar';
import type { OverdueEvent } from '$lib/domain/request-state';
import type { Db } from '../db';
import * as allocations from '../data/allocations';
import * as outbox from '../data/outbox';
import * as requests from '../data/requests';
import { log } from '../log';
import { requestClocks } from '../requests/service';
import { loadSettings } from '../settings';

/**
 * DOMAIN §6.5 "overdue → IRO or advocacy service" (the admin's list shows them anyway): when one of
 * a request's clocks runs out, whoever has the request is told once, with the neutral message only
 * (PRIV-14), and the history says so. Run by the worker with the reminders (hourly). Each request
 * is its own short transaction; the history's per-request order makes a second writer fail, not
 * repeat (REL-19).
 */
export async function notifyOverdueRequests(db: Db, now: number): Promise<number> {
	const open = await requests.open(db);
	if (open.length === 0) return 0;
	const settings = await loadSettings(db);
	const history = await requests.events(db, open.map((r) => r.id));
	let service: string[] | null = null;
	let told = 0;
	for (const r of open) {
		for (const c of await requestClocks(db, r, settings, now)) {
			if (c.state !== 'overdue') continue;
			const event: OverdueEvent = `overdue-${c.name}`;
			if (history.some((e) => e.requestId === r.id && e.event === event)) continue;
			let to: string[];
			if (r.handler === 'advocacy') to = service ??= (await requests.advocates(db)).map((a) => a.id);
			else {
				const iro = await allocations.currentIro(db, r.childId, londonDate(now));
				to = iro ? [iro.iroId] : [];
			}
			const reach = await outbox.reachable(db, to);
			try {
				await db.transaction().execute(async (trx) => {
					await requests.addEvent(trx, { requestId: r.id, at: now, actorId: null, actorRole: null, event, state: r.status, note: null });
					for (const id of to) if (reach.has(id)) await outbox.enqueue(trx, id, 'something-new', now);
				});
				told++;
			} catch (e) {
				log.error({ errorClass: e instanceof Error ? e.constructor.name : typeof e }, 'overdue request notice failed');
			}
		}
	}
	return told;
}
