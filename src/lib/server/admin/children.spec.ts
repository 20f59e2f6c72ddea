import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import * as audit from '../data/audit';
import * as children from '../data/children';
import * as reviews from '../data/reviews';
import { saveMeeting } from '../review/meeting';
import { accessFor, post } from '../review/spec-helpers';
import { bringForward, endLink, schedule } from './children';

/**
 * Issue 5 admin changes to a child's review and people: bringing a review earlier with a reason
 * (DOMAIN §3.1), no moving a held review (chaining), and ending a parent's or carer's link.
 */
const NOW = Date.UTC(2026, 10, 5, 9); // Thu 5 Nov 2026
let t: TestDatabase;
let f: Family;
beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, NOW);
});
afterEach(async () => {
	await t?.close();
});
const admin = () => accessFor('admin.manage', { id: f.adminId, role: 'admin' }, { childId: f.childId, reviewId: f.reviewId });

describe('bringing the review forward (DOMAIN §3.1: on request or a significant change, with a reason)', () => {
	it('keeps the statutory date and the reason, and audits the change', async () => {
		const before = (await reviews.get(t.db, f.reviewId))!;
		expect(await bringForward(admin(), f.childId, { dueDate: '2026-12-01', reason: 'Placement move planned' }, NOW, t.db)).toBeNull();
		expect(await reviews.get(t.db, f.reviewId)).toMatchObject({ dueDate: '2026-12-01', earlier: { statutoryDueDate: before.dueDate, reason: 'Placement move planned' } });
		// Again, earlier still: the statutory date is still the law's, not the first earlier date.
		expect(await bringForward(admin(), f.childId, { dueDate: '2026-11-20', reason: 'Child asked' }, NOW, t.db)).toBeNull();
		expect(await reviews.get(t.db, f.reviewId)).toMatchObject({ dueDate: '2026-11-20', earlier: { statutoryDueDate: before.dueDate, reason: 'Child asked' } });
		expect((await audit.forResource(t.db, 'review', f.reviewId)).filter((a) => a.action === 'change')).toHaveLength(2);
	});

	it.each([
		['a date in the past', '2026-11-04', 'errors.earlier-past'],
		['a date not earlier than the statutory one', '2030-01-15', 'errors.earlier-not-earlier'],
		['a later date', '2031-01-01', 'errors.earlier-not-earlier']
	])('refuses %s, by the date field', async (_n, dueDate, key) => {
		expect(await bringForward(admin(), f.childId, { dueDate, reason: 'x' }, NOW, t.db)).toEqual({ dueDate: { key } });
		expect((await reviews.get(t.db, f.reviewId))?.earlier).toBeNull();
	});
});

describe('a held review is not moved; the next one is', () => {
	it('after the meeting, Schedule books the next review, never the held one', async () => {
		const iro = accessFor('review.record-outcome', { id: f.iroId, role: 'iro' }, { childId: f.childId, reviewId: f.reviewId });
		const held = Date.UTC(2030, 0, 11, 9);
		expect((await saveMeeting(t.db, iro, post({ heldDate: '2030-01-10', attended: 'yes', inMeeting: ['spoke-for-self'], outside: [], checks: [] }), held, 'req')).kind).toBe('done');
		expect(await schedule(admin(), f.childId, { date: '2030-03-20', time: '10:00' }, held, t.db)).toBe(true);
		expect(await reviews.get(t.db, f.reviewId)).toMatchObject({ scheduledDate: '2030-01-10', status: 'held' });
		expect(await reviews.next(t.db, f.childId, 1)).toMatchObject({ scheduledDate: '2030-03-20', status: 'scheduled', dueDate: '2030-04-10' });
	});
});

describe("ending a parent's or carer's link", () => {
	it('sets the end date, audits it, and refuses a second end or a date before the link began', async () => {
		expect(await endLink(admin(), f.childId, f.carerId, '2026-11-05', NOW, t.db)).toBe(true);
		const carer = (await children.people(t.db, f.childId)).find((p) => p.userId === f.carerId);
		expect(carer?.endsOn).toBe('2026-11-05');
		expect(await endLink(admin(), f.childId, f.carerId, '2026-11-06', NOW, t.db)).toBe(false);
		expect(await endLink(admin(), f.childId, f.parentId, '1990-01-01', NOW, t.db)).toBe(false);
		expect((await audit.forResource(t.db, 'child_link', f.carerId)).map((a) => a.action)).toEqual(['change']);
	});

	it("another child's person can't be ended through this child", async () => {
		expect(await endLink(admin(), f.otherChildId, f.carerId, '2026-11-05', NOW, t.db)).toBe(false);
	});
});

describe('staff deactivation (issue 8, SEC-S4)', () => {
	it('ends every session at once, is audited, can be undone, and an admin cannot deactivate themselves', async () => {
		const { setStaffActive, listStaff } = await import('./staff');
		const { createSession, validateSessionToken } = await import('../auth/session');
		const created = await createSession(t.db, { id: f.iroId, role: 'iro' }, NOW);
		expect((await listStaff(admin(), t.db)).find((s) => s.id === f.iroId)).toMatchObject({ active: true, children: 1 });
		expect(await setStaffActive(admin(), f.iroId, false, NOW, t.db)).toBe('done');
		expect((await validateSessionToken(t.db, created.token, NOW + 1000)).session).toBeNull();
		expect((await listStaff(admin(), t.db)).find((s) => s.id === f.iroId)?.active).toBe(false);
		expect((await audit.forResource(t.db, 'staff', f.iroId)).map((a) => a.action)).toEqual(['change']);
		expect(await setStaffActive(admin(), f.iroId, true, NOW, t.db)).toBe('done');
		expect(await setStaffActive(admin(), f.adminId, false, NOW, t.db)).toBe('self');
		expect(await setStaffActive(admin(), f.youngPersonId, false, NOW, t.db)).toBe('missing');
	});
});

describe('closing a child record (issue 8: when they leave care; care leavers to 25)', () => {
	it('ends the allocation, closes reviews not yet held, switches off and signs out the young person, and is audited', async () => {
		const { closeRecord } = await import('./children');
		const { createSession, validateSessionToken } = await import('../auth/session');
		const s = await createSession(t.db, { id: f.youngPersonId, role: 'young-person' }, NOW);
		expect(await closeRecord(admin(), f.childId, { closedOn: '2026-11-05', reason: 'returned-home' }, NOW, t.db)).toBeNull();
		expect(await children.get(t.db, f.childId)).toMatchObject({ closed: { on: '2026-11-05', reason: 'returned-home' } });
		expect((await reviews.get(t.db, f.reviewId))?.status).toBe('closed');
		expect(await t.db.selectFrom('iro_allocation').select('ends_on').where('child_id', '=', f.childId).execute()).toEqual([{ ends_on: '2026-11-05' }]);
		expect((await validateSessionToken(t.db, s.token, NOW + 1)).session).toBeNull();
		expect(await closeRecord(admin(), f.childId, { closedOn: '2026-11-05', reason: 'returned-home' }, NOW, t.db)).toEqual({ closedOn: { key: 'errors.already-closed' } });
	});

	it.each([
		['a future date', { closedOn: '2026-11-06', reason: 'adopted' as const }, { closedOn: { key: 'errors.date-future' } }],
		['before they became looked after', { closedOn: '2019-12-31', reason: 'adopted' as const }, { closedOn: { key: 'errors.closed-before-looked-after' } }],
		['"turned 25" for someone who is 15', { closedOn: '2026-11-05', reason: 'turned-25' as const }, { reason: { key: 'errors.not-25-yet' } }]
	])('refuses %s, by the field', async (_n, input, errors) => {
		const { closeRecord } = await import('./children');
		expect(await closeRecord(admin(), f.childId, input, NOW, t.db)).toEqual(errors);
		expect((await children.get(t.db, f.childId))?.closed).toBeNull();
	});
});
