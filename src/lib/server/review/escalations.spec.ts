import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import * as audit from '../data/audit';
import * as escalations from '../data/escalations';
import { closeEscalation, loadEscalations, openEscalation } from './escalations';
import { accessFor, addChild, bornBefore, post, type SeededChild } from './spec-helpers';

/** Dispute resolution (DOMAIN §3.2 DRP, §9 F11): stage, raised to whom, opened on, due 20 WD later, closed with the outcome. */
const NOW = Date.UTC(2026, 11, 15, 10, 0, 0); // Tue 15 Dec 2026

let t: TestDatabase;
let f: Family;
let c: SeededChild;

const iro = (x: SeededChild = c) => accessFor('review.record-outcome', { id: f.iroId, role: 'iro' }, x);
const opening = (over: Record<string, string> = {}) => post({ stage: '1', raisedTo: 'Dana Reid, team manager', openedOn: '2026-12-14', ...over });

beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, NOW);
	c = await addChild(t.db, f, { name: 'Nia', dateOfBirth: bornBefore('2026-12-01', 12), scheduled: '2026-12-01' }, NOW);
});
afterEach(async () => {
	await t?.close();
});

describe('opening an escalation', () => {
	it('is due 20 working days after it opened, over Christmas and New Year', async () => {
		expect((await openEscalation(t.db, iro(), opening(), NOW, 'req')).kind).toBe('done');
		const [e] = await escalations.forReview(t.db, c.reviewId);
		expect(e).toMatchObject({ stage: 1, raisedTo: 'Dana Reid, team manager', openedOn: '2026-12-14', dueOn: '2027-01-14', closedOn: null, outcome: null });
		expect((await audit.forResource(t.db, 'review-escalation', e!.id)).map((a) => a.action)).toEqual(['escalation_opened']);
	});

	it('any stage may be opened: the IRO may skip levels (DOMAIN §3.2)', async () => {
		await openEscalation(t.db, iro(), opening({ stage: '4', raisedTo: 'Director of Children’s Services' }), NOW, 'req');
		expect((await escalations.forReview(t.db, c.reviewId))[0]?.stage).toBe(4);
	});

	it('REL-4: the same escalation posted twice (a double tap) is opened once', async () => {
		await openEscalation(t.db, iro(), opening(), NOW, 'req');
		await openEscalation(t.db, iro(), opening(), NOW, 'req');
		expect(await escalations.forReview(t.db, c.reviewId)).toHaveLength(1);
	});

	it('one clock per dispute (DOMAIN §3.2: the whole process ≤ 20 WD): a higher stage opened while the first is open keeps its due date', async () => {
		await openEscalation(t.db, iro(), opening(), NOW, 'req');
		await openEscalation(t.db, iro(), opening({ stage: '2', raisedTo: 'Head of service', openedOn: '2026-12-15' }), NOW, 'req');
		expect((await escalations.forReview(t.db, c.reviewId)).map((e) => [e.stage, e.dueOn])).toEqual([[1, '2027-01-14'], [2, '2027-01-14']]);
	});

	it('once every stage is closed, the next escalation is a new dispute with its own clock', async () => {
		await openEscalation(t.db, iro(), opening({ openedOn: '2026-12-01' }), NOW, 'req');
		const [first] = await escalations.forReview(t.db, c.reviewId);
		await closeEscalation(t.db, iro(), post({ escalationId: first!.id, closedOn: '2026-12-10', outcome: 'Agreed.' }), NOW, 'req');
		await openEscalation(t.db, iro(), opening({ openedOn: '2026-12-14' }), NOW, 'req');
		expect((await escalations.forReview(t.db, c.reviewId)).map((e) => e.dueOn)).toEqual(['2026-12-31', '2027-01-14']);
	});

	it('shows the due date an escalation opened today would have', async () => {
		expect((await loadEscalations(t.db, iro(), NOW, 'req')).dueIfOpenedToday).toBe('2027-01-15');
	});

	it.each([
		['no stage', { stage: '' }, 'stage', 'errors.stage-choose'],
		['stage 5', { stage: '5' }, 'stage', 'errors.stage-choose'],
		['no one raised to', { raisedTo: ' ' }, 'raisedTo', 'errors.raised-to-empty'],
		['raised to over 200 characters', { raisedTo: 'r'.repeat(201) }, 'raisedTo', 'errors.raised-to-too-long'],
		['no date', { openedOn: '' }, 'openedOn', 'errors.opened-empty'],
		['a date in the future', { openedOn: '2026-12-16' }, 'openedOn', 'errors.opened-future'],
		['not a date', { openedOn: '14/12/2026' }, 'openedOn', 'errors.opened-invalid']
	] as const)('SECURITY §7: %s is refused by its field', async (_name, over, field, key) => {
		expect(await openEscalation(t.db, iro(), opening(over), NOW, 'req')).toMatchObject({ kind: 'invalid', errors: { [field]: { key } } });
		expect(await escalations.forReview(t.db, c.reviewId)).toEqual([]);
	});
});

describe('closing an escalation, and its clock', () => {
	let id: string;
	beforeEach(async () => {
		await openEscalation(t.db, iro(), opening(), NOW, 'req');
		id = (await escalations.forReview(t.db, c.reviewId))[0]!.id;
	});
	const closing = (over: Record<string, string> = {}) => post({ escalationId: id, closedOn: '2027-01-14', outcome: 'The plan now includes weekly family time.', ...over });

	it('an open escalation runs against its clock: open, then overdue in working days', async () => {
		expect((await loadEscalations(t.db, iro(), NOW, 'req')).escalations[0]?.clock).toEqual({ due: '2027-01-14', doneOn: null, state: 'not-yet', workingDaysLate: 0 });
		expect((await loadEscalations(t.db, iro(), Date.UTC(2027, 0, 18, 9), 'req')).escalations[0]?.clock).toMatchObject({ state: 'overdue', workingDaysLate: 2 });
	});

	it('closed on the 20th working day is in time, with its outcome', async () => {
		const later = Date.UTC(2027, 0, 14, 15);
		expect((await closeEscalation(t.db, iro(), closing(), later, 'req')).kind).toBe('done');
		const page = await loadEscalations(t.db, iro(), later, 'req');
		expect(page.escalations[0]).toMatchObject({ closedOn: '2027-01-14', outcome: 'The plan now includes weekly family time.', clock: { state: 'on-time' } });
	});

	it('closed the working day after is late', async () => {
		const later = Date.UTC(2027, 0, 15, 15);
		await closeEscalation(t.db, iro(), closing({ closedOn: '2027-01-15' }), later, 'req');
		expect((await loadEscalations(t.db, iro(), later, 'req')).escalations[0]?.clock).toMatchObject({ state: 'late', workingDaysLate: 1 });
	});

	it('a second close (a double tap) changes nothing', async () => {
		const later = Date.UTC(2027, 0, 20, 15);
		await closeEscalation(t.db, iro(), closing(), later, 'req');
		expect((await closeEscalation(t.db, iro(), closing({ closedOn: '2027-01-20', outcome: 'Other' }), later, 'req')).kind).toBe('done');
		expect((await escalations.forReview(t.db, c.reviewId))[0]).toMatchObject({ closedOn: '2027-01-14', outcome: 'The plan now includes weekly family time.' });
	});

	it.each([
		['no outcome', { outcome: '' }, 'outcome', 'errors.outcome-empty'],
		['closed before it opened', { closedOn: '2026-12-11' }, 'closedOn', 'errors.closed-before-opened'],
		['closed in the future', { closedOn: '2027-02-01' }, 'closedOn', 'errors.closed-future']
	] as const)('SECURITY §7: %s is refused by its field', async (_name, over, field, key) => {
		expect(await closeEscalation(t.db, iro(), closing(over), Date.UTC(2027, 0, 20), 'req')).toMatchObject({ kind: 'invalid', errors: { [field]: { key } } });
	});

	it('D14: an escalation of another review is not found; a forged id is malformed', async () => {
		const other = await addChild(t.db, f, { name: 'Ola', dateOfBirth: bornBefore('2026-12-01', 9), scheduled: '2026-12-01' }, NOW);
		expect(await closeEscalation(t.db, iro(other), closing(), Date.UTC(2027, 0, 20), 'req')).toEqual({ kind: 'missing' });
		expect(await closeEscalation(t.db, iro(), closing({ escalationId: '../../x' }), Date.UTC(2027, 0, 20), 'req')).toEqual({ kind: 'malformed' });
		expect((await escalations.forReview(t.db, c.reviewId))[0]?.closedOn).toBeNull();
	});
});
