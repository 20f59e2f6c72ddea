import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reviewMilestones } from '$lib/domain/review-schedule';
import * as outbox from '../data/outbox';
import * as users from '../data/users';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import { startOfLondonDay } from '../notifications';
import type { MailTransport, OutgoingMail } from './mail';
import { createJobs } from './worker';

/** The background loop: reminders and delivery in one pass (issue 5), and a clean stop (REL-9). */
const T0 = Date.UTC(2029, 10, 1, 9, 0, 0);

let t: TestDatabase;
let f: Family;

beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, T0);
	await users.setNotifyEmail(t.db, f.parentId, 'jo@example.org');
});
afterEach(async () => {
	await t?.close();
});

function transport(gate?: Promise<void>): MailTransport & { sent: OutgoingMail[]; closed: boolean } {
	const s = {
		kind: 'test' as const,
		sent: [] as OutgoingMail[],
		closed: false,
		async send(mail: OutgoingMail) {
			if (gate) await gate;
			s.sent.push(mail);
		},
		close() {
			s.closed = true;
		}
	};
	return s;
}

describe('the outbox worker', () => {
	it('REL-16, PRIV-5: one pass on a reminder day queues the reminder and delivers it as the neutral message', async () => {
		const day = reviewMilestones('2030-01-10').reminders[0]!;
		const mail = transport();
		const jobs = createJobs({ db: () => t.db, transport: mail, publicUrl: 'https://myreview.example.org', now: () => startOfLondonDay(day) + 9 * 3_600_000 });
		await jobs.tick();
		expect(mail.sent).toEqual([{ to: 'jo@example.org', subject: 'You have something new in My Review', text: 'You have something new in My Review.\n\nhttps://myreview.example.org/\n' }]);
		// Overlapping and later passes the same day send nothing more.
		await Promise.all([jobs.tick(), jobs.tick()]);
		expect(mail.sent).toHaveLength(1);
		await jobs.stop();
	});

	it('REL-9: stopping waits for the message in flight, then closes the transport', async () => {
		await outbox.enqueue(t.db, f.iroId, 'something-new', T0);
		let release!: () => void;
		const mail = transport(new Promise<void>((r) => (release = r)));
		const jobs = createJobs({ db: () => t.db, transport: mail, publicUrl: null, now: () => T0 });
		const pass = jobs.tick();
		let stopped = false;
		const stopping = jobs.stop().then(() => (stopped = true));
		await new Promise((r) => setTimeout(r, 20));
		expect(stopped).toBe(false);
		release();
		await Promise.all([pass, stopping]);
		expect(mail.sent).toHaveLength(1);
		expect(mail.closed).toBe(true);
		expect(await outbox.pendingCount(t.db)).toBe(0);
	});

	it('SECURITY §10: the first pass runs the retention job, then not again for a day', async () => {
		const DAY = 86_400_000;
		let at = T0;
		const key = (k: string, created: number) => ({ actor_id: f.parentId, key: k, action: 'test', fields_hash: 'h', location: '/x', created_at: created });
		await t.db.insertInto('idempotency_key').values([key('old', T0 - 8 * DAY), key('new', T0 - DAY)]).execute();
		const jobs = createJobs({ db: () => t.db, transport: transport(), publicUrl: null, now: () => at });
		await jobs.tick();
		expect((await t.db.selectFrom('idempotency_key').select('key').execute()).map((r) => r.key)).toEqual(['new']);
		at = T0 + 7 * DAY;
		await jobs.tick();
		expect((await t.db.selectFrom('idempotency_key').select('key').execute()).map((r) => r.key)).toEqual([]);
		await jobs.stop();
	});
});
