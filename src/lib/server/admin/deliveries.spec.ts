import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Access } from '../access/require';
import type { Actor } from '../auth/actor';
import * as outbox from '../data/outbox';
import * as users from '../data/users';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import { deliverDue } from '../jobs/outbox';
import { listDeliveries, maskAddress, retryDelivery } from './deliveries';

/**
 * REL-16: failed and waiting deliveries are listed for the admin, with "Try again now" (audited),
 * and never a whole address or any content (SECURITY §2 admin "delivery status").
 */
let t: TestDatabase;
let f: Family;
vi.mock('$lib/server/db', async (importOriginal) => ({ ...(await importOriginal<typeof import('$lib/server/db')>()), database: () => t.db }));

const T0 = Date.UTC(2029, 10, 1, 9, 0, 0);

beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, T0);
});
afterEach(async () => {
	await t?.close();
});

function admin(): Access<'deliveries.manage'> {
	const actor: Actor = { id: f.adminId, role: 'admin', displayName: 'Ade Admin', childId: null, locale: null };
	return { actor, action: 'deliveries.manage', childId: null, reviewId: null } as unknown as Access<'deliveries.manage'>;
}

describe('maskAddress', () => {
	it.each([
		['jo.reed@example.org', 'j•••@e•••.org'],
		['duty@council.gov.uk', 'd•••@c•••.uk'],
		['x@localhost', 'x•••@•••'],
		['not-an-address', '•••'],
		[null, null]
	])('PRIV-14: %s is shown as %s', (address, masked) => {
		expect(maskAddress(address)).toBe(masked);
	});
});

describe('REL-16: the admin’s deliveries list', () => {
	it('REL-16: a failed message and a waiting one are listed with role, tries and error class, addresses masked', async () => {
		await users.setNotifyEmail(t.db, f.parentId, 'jo.reed@example.org');
		await outbox.enqueue(t.db, f.carerId, 'reminder', T0);
		await outbox.enqueue(t.db, f.parentId, 'invitation', T0, T0 + 86_400_000);
		await outbox.enqueueAddress(t.db, 'duty@council.gov.uk', 'something-new', T0);
		await t.db.updateTable('outbox').set({ next_attempt_at: T0 + 1 }).where('recipient_address', '=', 'duty@council.gov.uk').execute();
		const transport = { kind: 'test' as const, send: vi.fn(), close() {} };
		await deliverDue(t.db, transport, T0);
		expect(transport.send).not.toHaveBeenCalled();

		const list = await listDeliveries(admin());
		expect(list.failed).toEqual([expect.objectContaining({ template: 'reminder', recipient: 'carer', maskedAddress: null, attempts: 1, lastError: 'no-address', failedAt: T0 })]);
		expect(list.pending.map((r) => [r.template, r.recipient, r.maskedAddress]).sort()).toEqual([
			['invitation', 'parent', 'j•••@e•••.org'],
			['something-new', 'service', 'd•••@c•••.uk']
		]);
		const json = JSON.stringify(list);
		for (const secret of ['jo.reed@example.org', 'duty@council.gov.uk', 'Jo Reed', 'Pat Green']) expect(json).not.toContain(secret);
	});

	it('REL-16: “Try again now” makes a failed message due at once, and is audited', async () => {
		await outbox.enqueue(t.db, f.carerId, 'reminder', T0);
		await deliverDue(t.db, { kind: 'test', send: vi.fn(), close() {} }, T0);
		const [failed] = (await listDeliveries(admin())).failed;
		expect(await retryDelivery(admin(), failed!.id, T0 + 5000, 'req-1')).toBe(true);
		const after = await listDeliveries(admin());
		expect(after.failed).toEqual([]);
		expect(after.pending).toEqual([expect.objectContaining({ id: failed!.id, nextAttemptAt: T0 + 5000, failedAt: null })]);
		const rows = await t.db.selectFrom('audit_event').select(['action', 'actor_id', 'resource_type', 'resource_id']).where('action', '=', 'delivery_retried').execute();
		expect(rows).toEqual([{ action: 'delivery_retried', actor_id: f.adminId, resource_type: 'outbox', resource_id: failed!.id }]);
		expect(await retryDelivery(admin(), 'aaaaaaaaaaaaaaaaaaaaaaaa', T0, 'req-2')).toBe(false);
	});
});
