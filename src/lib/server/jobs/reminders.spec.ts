import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '$lib/domain/calendar';
import { reviewMilestones } from '$lib/domain/review-schedule';
import * as children from '../data/children';
import * as consultations from '../data/consultations';
import * as invitations from '../data/invitations';
import * as reminders from '../data/reminders';
import * as users from '../data/users';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import { startOfLondonDay } from '../notifications';
import { MAX_REMINDERS, sendReminders } from './reminders';

/**
 * DOMAIN §3.2 reminders (10 and 5 WD before, only to people who haven't sent) and PRIV-5 (no
 * nagging: at most 2 per review per person). Idempotent: the job runs hourly and on every instance.
 * Runs on SQLite and, with TEST_DATABASE_URL, Postgres.
 */
const T0 = Date.UTC(2029, 10, 1, 9, 0, 0);
const HOUR = 3_600_000;

let t: TestDatabase;
let f: Family;
/** The family's review is on 2030-01-10 (seedFamily): its reminder days and lock day. */
let first: string;
let second: string;
let locks: string;

const noonOn = (date: string) => startOfLondonDay(date) + 12 * HOUR;

beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, T0);
	for (const [id, address] of [[f.youngPersonId, 'sam@example.org'], [f.parentId, 'jo@example.org'], [f.carerId, 'pat@example.org']] as const) {
		await users.setNotifyEmail(t.db, id, address);
	}
	const m = reviewMilestones('2030-01-10');
	[first, second] = m.reminders as [string, string];
	locks = m.packLocks;
});
afterEach(async () => {
	await t?.close();
});

async function queued(): Promise<{ recipient_id: string | null; template: string }[]> {
	return t.db.selectFrom('outbox').select(['recipient_id', 'template']).orderBy('recipient_id').execute();
}

async function send(userId: string, kind: 'young-person' | 'parent' | 'carer', at: number) {
	const c = await consultations.start(t.db, { reviewId: f.reviewId, respondentId: userId, respondentKind: kind, formId: `${kind}-form`, formVersion: 1 }, at);
	await consultations.markSubmitted(t.db, c.id, at);
}

describe('DOMAIN §3.2, PRIV-5: reminders before the pack locks', () => {
	it('DOMAIN §3.2: the job uses the review clock\'s two reminder days, both before the pack locks', () => {
		expect(reviewMilestones('2030-01-10').reminders).toEqual([first, second]);
		expect(first < second && second < locks).toBe(true);
		expect(MAX_REMINDERS).toBe(2);
	});

	it('PRIV-5: on each reminder day each person who has not sent gets one reminder; a second run that day sends nothing', async () => {
		await send(f.carerId, 'carer', T0 + HOUR);
		expect(await sendReminders(t.db, noonOn(first))).toBe(2);
		expect(await queued()).toEqual(
			[f.youngPersonId, f.parentId].sort().map((id) => ({ recipient_id: id, template: 'reminder' }))
		);
		// Hourly runs, a restart, another instance: the same day sends nothing twice.
		expect(await sendReminders(t.db, noonOn(first) + HOUR)).toBe(0);
		expect(await sendReminders(t.db, noonOn(addDays(first, 1)))).toBe(0);
		expect(await sendReminders(t.db, noonOn(second))).toBe(2);
		expect(await sendReminders(t.db, noonOn(second) + 2 * HOUR)).toBe(0);
		const rows = await queued();
		expect(rows).toHaveLength(4);
		expect(rows.filter((r) => r.recipient_id === f.carerId)).toEqual([]);
		// Stored for "invited on / reminded on" in the pack.
		const byPerson = await reminders.forReview(t.db, f.reviewId);
		expect(byPerson.get(f.parentId)).toEqual([noonOn(first), noonOn(second)]);
		expect(byPerson.has(f.carerId)).toBe(false);
	});

	it('PRIV-5: a person already reminded twice for this review gets no third reminder', async () => {
		await reminders.record(t.db, { reviewId: f.reviewId, respondentId: f.parentId, date: '2029-12-01' }, T0);
		await reminders.record(t.db, { reviewId: f.reviewId, respondentId: f.parentId, date: '2029-12-02' }, T0);
		expect(await sendReminders(t.db, noonOn(first))).toBe(2);
		expect((await queued()).map((r) => r.recipient_id).sort()).toEqual([f.youngPersonId, f.carerId].sort());
	});

	it('DOMAIN §3.2: someone who sends after the first reminder gets no second one', async () => {
		expect(await sendReminders(t.db, noonOn(first))).toBe(3);
		await send(f.parentId, 'parent', noonOn(first) + HOUR);
		expect(await sendReminders(t.db, noonOn(second))).toBe(2);
		expect((await reminders.forReview(t.db, f.reviewId)).get(f.parentId)).toHaveLength(1);
	});

	it('PRIV-5: a missed reminder day is not made up: after a gap only the latest day is sent, once', async () => {
		expect(await sendReminders(t.db, noonOn(addDays(second, 1)))).toBe(3);
		const sent = await reminders.sentFor(t.db, [f.reviewId]);
		expect(sent.get(`${f.reviewId} ${f.parentId}`)).toEqual([second]);
		expect(await sendReminders(t.db, noonOn(addDays(second, 2)))).toBe(0);
	});

	it('PRIV-H8: nobody is reminded without an address of their own, a closed account, or an ended placement', async () => {
		await users.setNotifyEmail(t.db, f.youngPersonId, null);
		await t.db.updateTable('app_user').set({ active: 0 }).where('id', '=', f.parentId).execute();
		await t.db.updateTable('child_link').set({ ends_on: '2029-12-20' }).where('user_id', '=', f.carerId).execute();
		expect(await sendReminders(t.db, noonOn(first))).toBe(0);
		expect(await queued()).toEqual([]);
	});

	it('DOMAIN §3.2: nothing before the first reminder day, or once the pack has locked', async () => {
		expect(await sendReminders(t.db, noonOn(addDays(first, -1)))).toBe(0);
		expect(await sendReminders(t.db, noonOn(addDays(locks, 1)))).toBe(0);
		expect(await queued()).toEqual([]);
	});

	it('PRIV-5: someone invited on a reminder day was just told, and is not reminded that day', async () => {
		const newParent = await users.createRespondent(t.db, { role: 'parent', displayName: 'Lee New' }, noonOn(first));
		await users.setNotifyEmail(t.db, newParent, 'lee@example.org');
		await children.link(t.db, { childId: f.childId, userId: newParent, relation: 'parent', hasPr: true, startsOn: '2029-12-01' });
		await invitations.ensure(t.db, f.reviewId, newParent, 'parent', noonOn(first) - HOUR);
		expect(await sendReminders(t.db, noonOn(first))).toBe(3);
		expect((await queued()).some((r) => r.recipient_id === newParent)).toBe(false);
		expect(await sendReminders(t.db, noonOn(second))).toBe(4);
	});
});
