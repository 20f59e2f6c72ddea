import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import * as decisions from '../data/decisions';
import * as reviews from '../data/reviews';
import { react } from './child-report';
import { addDecision, sendDecisions, updateDecision } from './decisions';
import { confirmCode, saveMeeting } from './meeting';
import { sendReport } from './report';
import { openEscalation } from './escalations';
import { accessFor, addChild, bornBefore, post, type SeededChild } from './spec-helpers';
import { afterMeeting } from './summary';

/** The pack's "After the meeting" and "Last review's decisions and actions" (DOMAIN §8.1 items 9 and 11). */
const HELD = '2026-11-04';
const NOW = Date.UTC(2026, 10, 5, 10, 0, 0);

let t: TestDatabase;
let f: Family;
let c: SeededChild;
const iro = (x: SeededChild = c) => accessFor('review.record-outcome', { id: f.iroId, role: 'iro' }, x);
const pack = (reviewId: string) => accessFor('review.read-pack', { id: f.iroId, role: 'iro' }, { reviewId, childId: c.childId });

beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, NOW);
	c = await addChild(t.db, f, { name: 'Nia', dateOfBirth: bornBefore(HELD, 12), scheduled: HELD }, NOW);
});
afterEach(async () => {
	await t?.close();
});

describe('afterMeeting', () => {
	it('before the meeting: nothing held, nothing due yet', async () => {
		expect(await afterMeeting(t.db, pack(c.reviewId), NOW)).toMatchObject({
			heldDate: null, code: null, checks: null, decisionsCount: 0, decisions: null, record: null, openEscalations: [], previous: null
		});
	});

	it('after it: held, code confirmed, decisions and record against their dates, open escalations', async () => {
		await saveMeeting(t.db, iro(), post({ heldDate: HELD, attended: 'yes', inMeeting: ['spoke-for-self'], outside: [], checks: ['private-talk'] }), NOW, 'req');
		await confirmCode(t.db, iro(), post({ code: 'PN1', reason: '' }), NOW, 'req');
		await addDecision(t.db, iro(), post({ text: 'A', owner: 'B', dueOn: '2026-12-01', links: [] }), NOW, 'req');
		await sendDecisions(t.db, iro(), post({ confirm: 'yes' }), NOW, 'req');
		await openEscalation(t.db, iro(), post({ stage: '2', raisedTo: 'Head of service', openedOn: '2026-11-05' }), NOW, 'req');
		const a = await afterMeeting(t.db, pack(c.reviewId), NOW);
		expect(a).toMatchObject({
			heldDate: HELD,
			code: { suggested: 'PN1', confirmed: 'PN1' },
			checks: { privateTalkHeld: true, advocacyExplained: false },
			decisionsCount: 1,
			decisions: { due: '2026-11-11', doneOn: '2026-11-05', state: 'on-time' },
			record: { due: '2026-11-25', doneOn: null, state: 'not-yet' },
			openEscalations: [{ stage: 2, dueOn: '2026-12-03', overdue: false }]
		});
	});

	it('the next review’s pack shows last time’s decisions, what became of them and the child’s reaction', async () => {
		await saveMeeting(t.db, iro(), post({ heldDate: HELD, attended: 'yes', inMeeting: ['spoke-for-self'], outside: [], checks: [] }), NOW, 'req');
		await addDecision(t.db, iro(), post({ text: 'Family time fortnightly.', owner: 'Social worker', dueOn: '2026-12-01', links: [] }), NOW, 'req');
		const [d] = await decisions.forReview(t.db, c.reviewId);
		await sendReport(t.db, iro(), post({ body: 'Dear Nia' }), NOW, 'req');
		await react(t.db, accessFor('review.react', { id: c.userId, role: 'young-person', childId: c.childId }, c), post({ decisionId: d!.id, reaction: 'disagree', words: 'Weekly please.' }), NOW, 'req');
		await updateDecision(t.db, iro(), post({ decisionId: d!.id, text: d!.text, owner: d!.owner, dueOn: d!.dueOn, status: 'partly', statusReason: 'Two sessions were missed.' }), NOW, 'req');
		// Recording the meeting created the next review (DOMAIN §3.1 chaining), due three months on.
		const next = (await reviews.next(t.db, c.childId, 1))!.id;
		expect((await reviews.get(t.db, next))?.dueDate).toBe('2027-02-04');
		const a = await afterMeeting(t.db, pack(next), NOW);
		expect(a.previous).toMatchObject({
			sequence: 1,
			heldDate: HELD,
			href: `/iro/review/${c.reviewId}/decisions`,
			decisions: [{ text: 'Family time fortnightly.', status: 'partly', statusReason: 'Two sessions were missed.', reaction: { reaction: 'disagree', words: 'Weekly please.' } }]
		});
	});
});
