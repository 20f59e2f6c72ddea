import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { londonDate } from '$lib/domain/calendar';
import { reviewMilestones } from '$lib/domain/review-schedule';
import type { Access } from './access/require';
import { schedule } from './admin/children';
import type { Actor } from './auth/actor';
import * as children from './data/children';
import * as reviews from './data/reviews';
import * as users from './data/users';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from './db/test-db';
import { startOfLondonDay } from './notifications';

/**
 * Issue 5: when a review is scheduled, each newly invited respondent with an address of their own
 * gets the neutral invitation (PRIV-H8) through the outbox, in the same transaction as the
 * invitations (REL-16), due when the consultation window opens (DOMAIN §3.2). The IRO gets nothing.
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

function admin(): Access<'admin.manage'> {
	const actor: Actor = { id: f.adminId, role: 'admin', displayName: 'Ade Admin', childId: null, locale: null };
	return { actor, action: 'admin.manage', childId: null, reviewId: null } as unknown as Access<'admin.manage'>;
}

/** A child with an account, a parent with an address and a carer without, and an unscheduled review. */
async function newFamily() {
	const childId = await children.create(t.db, { preferredName: 'Robin', dateOfBirth: '2015-03-03', lookedAfterSince: '2024-01-01', preferredLocale: 'en-GB' }, T0);
	const childUser = await users.createRespondent(t.db, { role: 'young-person', displayName: 'Robin', childId }, T0);
	const parent = await users.createRespondent(t.db, { role: 'parent', displayName: 'Morgan Lee' }, T0);
	const carer = await users.createRespondent(t.db, { role: 'carer', displayName: 'Kim Shaw' }, T0);
	await children.link(t.db, { childId, userId: parent, relation: 'parent', hasPr: true, startsOn: '2024-01-01' });
	await children.link(t.db, { childId, userId: carer, relation: 'carer', hasPr: false, startsOn: '2024-01-01' });
	await users.setNotifyEmail(t.db, childUser, 'robin@example.org');
	await users.setNotifyEmail(t.db, parent, 'morgan@example.org');
	const reviewId = await reviews.create(t.db, { childId, sequence: 1, dueDate: '2030-03-01' }, T0);
	return { childId, childUser, parent, carer, reviewId };
}

const outboxRows = () => t.db.selectFrom('outbox').select(['recipient_id', 'template', 'next_attempt_at', 'created_at']).orderBy('recipient_id').execute();

describe('startOfLondonDay', () => {
	it.each([
		['2030-01-10', Date.UTC(2030, 0, 10, 0, 0)],
		['2030-07-10', Date.UTC(2030, 6, 9, 23, 0)],
		['2030-03-31', Date.UTC(2030, 2, 31, 0, 0)],
		['2030-10-27', Date.UTC(2030, 9, 26, 23, 0)]
	])('DOMAIN §3: %s starts at London midnight, BST or GMT', (date, expected) => {
		expect(startOfLondonDay(date)).toBe(expected);
		expect(londonDate(expected)).toBe(date);
		expect(londonDate(expected - 1)).not.toBe(date);
	});
});

describe('issue 5: the invitation message when a review is scheduled', () => {
	it('REL-16, PRIV-H8: scheduling queues one invitation for each invited respondent with an address, due when the window opens', async () => {
		const n = await newFamily();
		expect(await schedule(admin(), n.childId, { date: '2030-02-20', time: '10:00' }, T0)).toBe(true);
		const opens = startOfLondonDay(reviewMilestones('2030-02-20').windowOpens);
		expect(opens).toBeGreaterThan(T0);
		expect(await outboxRows()).toEqual(
			[n.childUser, n.parent].sort().map((id) => ({ recipient_id: id, template: 'invitation', next_attempt_at: opens, created_at: T0 }))
		);
		// The carer has no address of their own: invited, but no message. The IRO gets nothing.
		const invited = await t.db.selectFrom('invitation').select('respondent_id').where('review_id', '=', n.reviewId).execute();
		expect(invited.map((i) => i.respondent_id).sort()).toEqual([n.childUser, n.parent, n.carer].sort());
	});

	it('DOMAIN §3.2: when the window is already open the invitation is due at once', async () => {
		const n = await newFamily();
		const soon = londonDate(T0 + 10 * 86_400_000);
		await schedule(admin(), n.childId, { date: soon, time: '' }, T0);
		const rows = await outboxRows();
		expect(rows).toHaveLength(2);
		expect(rows.every((r) => r.next_attempt_at === T0)).toBe(true);
	});

	it('PRIV-5: moving the meeting to a new date invites nobody twice', async () => {
		const n = await newFamily();
		await schedule(admin(), n.childId, { date: '2030-02-20', time: '10:00' }, T0);
		await schedule(admin(), n.childId, { date: '2030-02-25', time: '11:00' }, T0 + 86_400_000);
		expect(await outboxRows()).toHaveLength(2);
	});

	it('REL-5: the invitations and their messages commit together: a failure leaves neither', async () => {
		const n = await newFamily();
		// The outbox write fails (a full disk, say): the whole transaction rolls back.
		const spy = vi.spyOn(await import('./data/outbox'), 'enqueue').mockRejectedValueOnce(new Error('disk full'));
		await expect(schedule(admin(), n.childId, { date: '2030-02-20', time: '' }, T0)).rejects.toThrow('disk full');
		spy.mockRestore();
		expect(await outboxRows()).toEqual([]);
		expect(await t.db.selectFrom('invitation').select('id').where('review_id', '=', n.reviewId).execute()).toEqual([]);
		expect((await reviews.get(t.db, n.reviewId))?.status).toBe('planned');
	});
});
