import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import * as audit from '../data/audit';
import * as reports from '../data/review-reports';
import * as users from '../data/users';
import { saveMeeting } from './meeting';
import { loadReport, saveReport, sendReport } from './report';
import { accessFor, addChild, bornBefore, post, type SeededChild } from './spec-helpers';

/**
 * After the meeting, step 3: the My Review Report to the child, and the record's timeliness: due
 * 15 WD after the meeting (DOMAIN §3.2 "Record / My Review Report"; F14), over bank holidays.
 */
// Held Mon 21 Dec 2026: 25 and 28 Dec 2026 and 1 Jan 2027 are bank holidays, so 15 WD after is Thu 14 Jan 2027.
const HELD = '2026-12-21';
const RECORD_DUE = '2027-01-14';
const T_HELD = Date.UTC(2026, 11, 22, 10, 0, 0);
const BODY = 'Dear Nia,\n\nThank you for telling me about your brother.';

let t: TestDatabase;
let f: Family;
let c: SeededChild;

const iro = () => accessFor('review.record-outcome', { id: f.iroId, role: 'iro' }, c);

beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, T_HELD);
	c = await addChild(t.db, f, { name: 'Nia', dateOfBirth: bornBefore(HELD, 12), scheduled: HELD }, T_HELD);
});
afterEach(async () => {
	await t?.close();
});

async function held(): Promise<void> {
	expect((await saveMeeting(t.db, iro(), post({ heldDate: HELD, attended: 'yes', inMeeting: ['spoke-for-self'], outside: [], checks: [] }), T_HELD, 'req')).kind).toBe('done');
}

async function outbox(recipient: string): Promise<number> {
	return (await t.db.selectFrom('outbox').select('id').where('recipient_id', '=', recipient).execute()).length;
}

describe('writing and sending the report', () => {
	it('SEC-Z7: no report before the meeting is recorded (409)', async () => {
		expect(await saveReport(t.db, iro(), post({ body: BODY }), T_HELD, 'req')).toEqual({ kind: 'conflict' });
		expect(await sendReport(t.db, iro(), post({ body: BODY }), T_HELD, 'req')).toEqual({ kind: 'conflict' });
	});

	it('a draft keeps the words, line breaks and all, and stays a draft', async () => {
		await held();
		expect((await saveReport(t.db, iro(), post({ body: `${BODY}\r\n` }), T_HELD, 'req')).kind).toBe('done');
		expect(await reports.get(t.db, c.reviewId)).toMatchObject({ body: BODY, status: 'draft', sentAt: null, recordSentAt: null });
		expect((await loadReport(t.db, iro(), T_HELD, 'req')).report).toEqual({ body: BODY, status: 'draft', sentAt: null });
	});

	it('an empty report is not sent; one over 5,000 characters is not saved', async () => {
		await held();
		expect(await sendReport(t.db, iro(), post({ body: '  ' }), T_HELD, 'req')).toMatchObject({ kind: 'invalid', errors: { body: { key: 'errors.report-empty' } } });
		expect(await saveReport(t.db, iro(), post({ body: 'x'.repeat(5001) }), T_HELD, 'req')).toMatchObject({ kind: 'invalid', raw: { body: 'x'.repeat(5001) }, errors: { body: { key: 'errors.report-too-long' } } });
		expect(await reports.get(t.db, c.reviewId)).toBeUndefined();
	});

	it('sending records the record as sent, tells the child "something new" (REL-16) and audits it, in one go', async () => {
		await held();
		await users.setNotifyEmail(t.db, c.userId, 'child@example.test');
		const sentAt = Date.UTC(2027, 0, 14, 16, 0);
		expect(await sendReport(t.db, iro(), post({ body: BODY }), sentAt, 'req')).toEqual({ kind: 'done', location: `/iro/review/${c.reviewId}/report#reactions` });
		expect(await reports.get(t.db, c.reviewId)).toMatchObject({ body: BODY, status: 'sent', sentAt, recordSentAt: sentAt });
		expect(await outbox(c.userId)).toBe(1);
		expect((await audit.forResource(t.db, 'review-report', c.reviewId)).map((a) => a.action)).toContain('report_sent');
	});

	it('a child with no address for messages gets none queued: the row could only fail (REL-16)', async () => {
		await held();
		await sendReport(t.db, iro(), post({ body: BODY }), Date.UTC(2027, 0, 14, 16, 0), 'req');
		expect(await outbox(c.userId)).toBe(0);
	});

	it('sending again (or saving changes) keeps the first send’s time and does not notify again', async () => {
		await held();
		await users.setNotifyEmail(t.db, c.userId, 'child@example.test');
		await sendReport(t.db, iro(), post({ body: BODY }), Date.UTC(2027, 0, 4, 9), 'req');
		await sendReport(t.db, iro(), post({ body: `${BODY} PS.` }), Date.UTC(2027, 0, 20, 9), 'req');
		await saveReport(t.db, iro(), post({ body: `${BODY} PPS.` }), Date.UTC(2027, 0, 21, 9), 'req');
		expect(await reports.get(t.db, c.reviewId)).toMatchObject({ body: `${BODY} PPS.`, status: 'sent', sentAt: Date.UTC(2027, 0, 4, 9), recordSentAt: Date.UTC(2027, 0, 4, 9) });
		expect(await outbox(c.userId)).toBe(1);
	});
});

describe('F14: the record against its due date (15 WD after the meeting, DOMAIN §3.2)', () => {
	it('the due date runs over Christmas, the Boxing Day substitute and New Year', async () => {
		await held();
		expect((await loadReport(t.db, iro(), T_HELD, 'req')).timeliness).toEqual({
			decisions: { due: '2026-12-30', doneOn: null, state: 'not-yet', workingDaysLate: 0 },
			record: { due: RECORD_DUE, doneOn: null, state: 'not-yet', workingDaysLate: 0 }
		});
	});

	it.each([
		['on the due day', Date.UTC(2027, 0, 14, 17, 0), { doneOn: RECORD_DUE, state: 'on-time', workingDaysLate: 0 }],
		['the working day after', Date.UTC(2027, 0, 15, 9, 0), { doneOn: '2027-01-15', state: 'late', workingDaysLate: 1 }],
		['a week early', Date.UTC(2027, 0, 7, 9, 0), { doneOn: '2027-01-07', state: 'on-time', workingDaysLate: 0 }]
	] as const)('sent %s', async (_name, sentAt, expected) => {
		await held();
		await sendReport(t.db, iro(), post({ body: BODY }), sentAt, 'req');
		expect((await loadReport(t.db, iro(), Date.UTC(2027, 1, 1), 'req')).timeliness?.record).toEqual({ due: RECORD_DUE, ...expected });
	});
});
