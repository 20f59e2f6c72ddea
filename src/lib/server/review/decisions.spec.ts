import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import * as decisions from '../data/decisions';
import * as reports from '../data/review-reports';
import { addDecision, loadDecisions, sendDecisions, updateDecision } from './decisions';
import { saveMeeting } from './meeting';
import { accessFor, addChild, bornBefore, consult, post, type SeededChild } from './spec-helpers';

/**
 * After the meeting, step 2: decisions and actions linked to the child's answers, and when they were
 * sent against their due date, 5 WD after the meeting, over bank holidays (DOMAIN §3.2, F14).
 */
// Held Mon 21 Dec 2026. 25 and 28 Dec are bank holidays, so 5 WD after is Wed 30 Dec.
const HELD = '2026-12-21';
const DUE = '2026-12-30';
const T_HELD = Date.UTC(2026, 11, 22, 10, 0, 0);
const SENT = Date.UTC(2026, 11, 18, 10, 0, 0);

let t: TestDatabase;
let f: Family;
let c: SeededChild;

const iro = (x: SeededChild = c) => accessFor('review.record-outcome', { id: f.iroId, role: 'iro' }, x);
const decision = (over: Record<string, string | readonly string[]> = {}) => post({ text: 'You will see your brother every fortnight.', owner: 'Social worker', dueOn: '2027-01-29', links: [], ...over });

async function held(x: SeededChild): Promise<void> {
	const out = await saveMeeting(t.db, iro(x), post({ heldDate: HELD, attended: 'no', inMeeting: [], outside: ['consultation-sent'], checks: [] }), T_HELD, 'req');
	expect(out.kind).toBe('done');
}

beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, T_HELD);
	c = await addChild(t.db, f, { name: 'Nia', dateOfBirth: bornBefore(HELD, 12), scheduled: HELD }, T_HELD);
	await consult(t.db, c, 'young-person-8-12', {
		'home-feel': { kind: 'choice', value: 'happy' },
		'home-change': { kind: 'text', text: 'I want to see my brother more.' },
		'since-good': { kind: 'skipped' },
		'home-talk': { kind: 'choice', value: 'rather-not-say' }
	}, SENT, SENT);
});
afterEach(async () => {
	await t?.close();
});

describe('adding decisions', () => {
	it('SEC-Z7: nothing is decided before the meeting is recorded (409)', async () => {
		expect(await addDecision(t.db, iro(), decision(), T_HELD, 'req')).toEqual({ kind: 'conflict' });
	});

	it('offers only the answers the child actually gave, with the wording they saw (skipped ones are left out)', async () => {
		await held(c);
		const page = await loadDecisions(t.db, iro(), null, T_HELD, 'req');
		expect(page.answers.map((a) => [a.questionId, a.wording])).toEqual([
			['home-feel', 'young-person-8-12.home-feel'],
			['home-change', 'young-person-8-12.home-change']
		]);
	});

	it('stores the text, owner, due date and the answers it responds to, in order', async () => {
		await held(c);
		expect(await addDecision(t.db, iro(), decision({ links: ['home-change'] }), T_HELD, 'req')).toEqual({ kind: 'done', location: `/iro/review/${c.reviewId}/decisions#decisions` });
		await addDecision(t.db, iro(), decision({ text: 'You stay where you live now.', owner: 'IRO', links: ['home-feel', 'home-change'] }), T_HELD, 'req');
		expect((await decisions.forReview(t.db, c.reviewId)).map((d) => [d.position, d.text, d.owner, d.dueOn, d.linkedQuestions, d.status])).toEqual([
			[1, 'You will see your brother every fortnight.', 'Social worker', '2027-01-29', ['home-change'], 'open'],
			[2, 'You stay where you live now.', 'IRO', '2027-01-29', ['home-feel', 'home-change'], 'open']
		]);
	});

	it.each([
		['no text', { text: '   ' }, 'text', 'errors.decision-empty'],
		['text over 2,000 characters', { text: 'a'.repeat(2001) }, 'text', 'errors.decision-too-long'],
		['a hidden control character', { text: 'Bad\u0007' }, 'text', 'errors.text-bad-characters'],
		['no owner', { owner: '' }, 'owner', 'errors.owner-empty'],
		['an owner over 200 characters', { owner: 'b'.repeat(201) }, 'owner', 'errors.owner-too-long'],
		['an owner on two lines', { owner: 'Social\nworker' }, 'owner', 'errors.text-bad-characters'],
		['no due date', { dueOn: '' }, 'dueOn', 'errors.due-empty'],
		['a due date that does not exist', { dueOn: '2027-02-29' }, 'dueOn', 'errors.due-invalid'],
		['a due date before the meeting', { dueOn: '2026-12-20' }, 'dueOn', 'errors.due-before-meeting']
	] as const)('SECURITY §7: %s is refused by its field, and everything typed comes back', async (_name, over, field, key) => {
		await held(c);
		const out = await addDecision(t.db, iro(), decision({ links: ['home-feel'], ...over }), T_HELD, 'req');
		expect(out).toMatchObject({ kind: 'invalid', errors: { [field]: { key } } });
		if (out.kind === 'invalid') expect(out.raw.links).toEqual(['home-feel']);
		expect(await decisions.forReview(t.db, c.reviewId)).toEqual([]);
	});

	it('REL-4: the same decision posted twice (a double tap) is added once', async () => {
		await held(c);
		await addDecision(t.db, iro(), decision({ links: ['home-change'] }), T_HELD, 'req');
		await addDecision(t.db, iro(), decision({ links: ['home-change'] }), T_HELD, 'req');
		expect(await decisions.forReview(t.db, c.reviewId)).toHaveLength(1);
	});

	it('SEC-Z6: a link to a question the child did not answer, or an unknown field, is malformed (400)', async () => {
		await held(c);
		expect(await addDecision(t.db, iro(), decision({ links: ['since-good'] }), T_HELD, 'req')).toEqual({ kind: 'malformed' });
		expect(await addDecision(t.db, iro(), decision({ links: ['home-feel', 'home-feel'] }), T_HELD, 'req')).toEqual({ kind: 'malformed' });
		expect(await addDecision(t.db, iro(), decision({ status: 'done' }), T_HELD, 'req')).toEqual({ kind: 'malformed' });
	});
});

describe('changing a decision, and whether it was done (DOMAIN §8.1 item 9)', () => {
	let id: string;
	beforeEach(async () => {
		await held(c);
		await addDecision(t.db, iro(), decision(), T_HELD, 'req');
		id = (await decisions.forReview(t.db, c.reviewId))[0]!.id;
	});
	const change = (over: Record<string, string | readonly string[]> = {}) =>
		post({ decisionId: id, text: 'Changed.', owner: 'Carer', dueOn: '2027-02-01', links: ['home-feel'], status: 'open', statusReason: '', ...over });

	it('changes the words, owner, date, links and status', async () => {
		expect((await updateDecision(t.db, iro(), change({ status: 'done' }), T_HELD + 1000, 'req')).kind).toBe('done');
		expect((await decisions.forReview(t.db, c.reviewId))[0]).toMatchObject({ text: 'Changed.', owner: 'Carer', dueOn: '2027-02-01', linkedQuestions: ['home-feel'], status: 'done', statusReason: null });
	});

	it('"partly" and "not done" need a reason; "done" drops one', async () => {
		expect(await updateDecision(t.db, iro(), change({ status: 'partly' }), T_HELD, 'req')).toMatchObject({ errors: { statusReason: { key: 'errors.status-reason-needed' } } });
		expect((await updateDecision(t.db, iro(), change({ status: 'not-done', statusReason: 'The contact centre closed.' }), T_HELD, 'req')).kind).toBe('done');
		expect((await decisions.forReview(t.db, c.reviewId))[0]).toMatchObject({ status: 'not-done', statusReason: 'The contact centre closed.' });
		await updateDecision(t.db, iro(), change({ status: 'done', statusReason: 'left over' }), T_HELD, 'req');
		expect((await decisions.forReview(t.db, c.reviewId))[0]?.statusReason).toBeNull();
	});

	it('D14: a decision of another review is not found (404), and nothing changes', async () => {
		const other = await addChild(t.db, f, { name: 'Ola', dateOfBirth: bornBefore(HELD, 10), scheduled: HELD }, T_HELD);
		await held(other);
		expect(await updateDecision(t.db, iro(other), post({ decisionId: id, text: 'Hijack', owner: 'X', dueOn: '2027-02-01', status: 'open', statusReason: '' }), T_HELD, 'req')).toEqual({ kind: 'missing' });
		expect((await decisions.forReview(t.db, c.reviewId))[0]?.text).toBe('You will see your brother every fortnight.');
	});

	it('SEC-Z6: a forged or missing decision id is malformed (400), not a typing slip', async () => {
		expect(await updateDecision(t.db, iro(), change({ decisionId: 'not-an-id' }), T_HELD, 'req')).toEqual({ kind: 'malformed' });
		expect(await updateDecision(t.db, iro(), new FormData(), T_HELD, 'req')).toEqual({ kind: 'malformed' });
	});
});

describe('F14: decisions sent against their due date (5 WD after the meeting, DOMAIN §3.2)', () => {
	const send = () => post({ confirm: 'yes' });

	it('the due date skips Christmas Day and the Boxing Day substitute', async () => {
		await held(c);
		expect((await loadDecisions(t.db, iro(), null, T_HELD, 'req')).sent).toEqual({ due: DUE, doneOn: null, state: 'not-yet', workingDaysLate: 0 });
	});

	it('sent on the due day (late evening, London time) is on time', async () => {
		await held(c);
		await addDecision(t.db, iro(), decision(), T_HELD, 'req');
		expect((await sendDecisions(t.db, iro(), send(), Date.UTC(2026, 11, 30, 23, 30), 'req')).kind).toBe('done');
		expect((await loadDecisions(t.db, iro(), null, Date.UTC(2027, 0, 4, 9), 'req')).sent).toEqual({ due: DUE, doneOn: DUE, state: 'on-time', workingDaysLate: 0 });
	});

	it('sent the next working day is late by one working day', async () => {
		await held(c);
		await addDecision(t.db, iro(), decision(), T_HELD, 'req');
		await sendDecisions(t.db, iro(), send(), Date.UTC(2026, 11, 31, 9), 'req');
		expect((await loadDecisions(t.db, iro(), null, Date.UTC(2027, 0, 4, 9), 'req')).sent).toMatchObject({ doneOn: '2026-12-31', state: 'late', workingDaysLate: 1 });
	});

	it('not sent by then is overdue, counted in working days (1 Jan is a holiday)', async () => {
		await held(c);
		expect((await loadDecisions(t.db, iro(), null, Date.UTC(2027, 0, 4, 9), 'req')).sent).toMatchObject({ state: 'overdue', workingDaysLate: 2 });
	});

	it('the first send stands: a repeat changes nothing', async () => {
		await held(c);
		await addDecision(t.db, iro(), decision(), T_HELD, 'req');
		await sendDecisions(t.db, iro(), send(), Date.UTC(2026, 11, 23, 9), 'req');
		await sendDecisions(t.db, iro(), send(), Date.UTC(2027, 0, 5, 9), 'req');
		expect((await reports.get(t.db, c.reviewId))?.decisionsSentAt).toBe(Date.UTC(2026, 11, 23, 9));
	});

	it('nothing to send, an empty post, or before the meeting: refused without a change', async () => {
		expect(await sendDecisions(t.db, iro(), send(), T_HELD, 'req')).toEqual({ kind: 'conflict' });
		await held(c);
		expect(await sendDecisions(t.db, iro(), send(), T_HELD, 'req')).toMatchObject({ kind: 'invalid', errors: { send: { key: 'errors.decisions-none' } } });
		expect(await sendDecisions(t.db, iro(), new FormData(), T_HELD, 'req')).toEqual({ kind: 'malformed' });
		expect(await reports.get(t.db, c.reviewId)).toBeUndefined();
	});
});
