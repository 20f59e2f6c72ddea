import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnswerValue } from '$lib/forms/types';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import * as audit from '../data/audit';
import * as meetings from '../data/meetings';
import * as reviews from '../data/reviews';
import { saveSettingGroup } from '../settings';
import { confirmCode, loadMeeting, saveMeeting } from './meeting';
import { accessFor, addChild, bornBefore, consult, post, type SeededChild } from './spec-helpers';

/**
 * After the meeting, step 1 (DOMAIN §4): facts → suggested PN code through the use-case, with the
 * consultation pre-fill from the child's own form; the IRO confirms or overrides with a reason.
 * Runs on SQLite and, with TEST_DATABASE_URL, Postgres.
 */
const HELD = '2026-11-04';
const SENT = Date.UTC(2026, 10, 2, 15, 0, 0); // Mon 2 Nov 2026, before the meeting
const NOW = Date.UTC(2026, 10, 5, 9, 0, 0); // the morning after

let t: TestDatabase;
let f: Family;

beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, NOW);
});
afterEach(async () => {
	await t?.close();
});

const iro = (c: SeededChild) => accessFor('review.record-outcome', { id: f.iroId, role: 'iro' }, c);

type Consultation = 'sent' | 'draft' | 'rather-not-say' | 'none';
type Row = {
	name: string;
	age: number;
	birthdayToday?: boolean;
	attended: 'yes' | 'no';
	inMeeting: string[];
	outside: string[];
	consultation: Consultation;
	code: string;
};

const faces = (value: string): AnswerValue => ({ kind: 'choice', value });

/** DOMAIN §4.1's table, row by row, as the IRO would record it (the consultation rows come from the pre-fill). */
const TABLE: Row[] = [
	{ name: '3, attended, spoke → PN0 (under 4, even if present)', age: 3, attended: 'yes', inMeeting: ['spoke-for-self'], outside: [], consultation: 'none', code: 'PN0' },
	{ name: '4 (birthday that day), did not attend, nothing → PN7', age: 4, birthdayToday: true, attended: 'no', inMeeting: [], outside: [], consultation: 'none', code: 'PN7' },
	{ name: '9, attended, spoke → PN1', age: 9, attended: 'yes', inMeeting: ['spoke-for-self'], outside: [], consultation: 'none', code: 'PN1' },
	{ name: '15, attended, spoke and an advocate spoke too → PN1', age: 15, attended: 'yes', inMeeting: ['spoke-for-self', 'advocate-spoke'], outside: [], consultation: 'none', code: 'PN1' },
	{ name: '17, attended by video, spoke → PN1 (remote counts)', age: 17, attended: 'yes', inMeeting: ['spoke-for-self'], outside: [], consultation: 'none', code: 'PN1' },
	{ name: '12, attended, an advocate spoke, the child didn’t → PN2', age: 12, attended: 'yes', inMeeting: ['advocate-spoke'], outside: [], consultation: 'none', code: 'PN2' },
	{ name: '6, attended, pointed and played → PN3', age: 6, attended: 'yes', inMeeting: ['non-verbal'], outside: [], consultation: 'none', code: 'PN3' },
	{ name: '6, attended, non-verbal and an advocate spoke → PN2', age: 6, attended: 'yes', inMeeting: ['non-verbal', 'advocate-spoke'], outside: [], consultation: 'none', code: 'PN2' },
	{ name: '10, attended, none → PN4', age: 10, attended: 'yes', inMeeting: [], outside: [], consultation: 'none', code: 'PN4' },
	{ name: '14, did not attend, briefed an advocate → PN5', age: 14, attended: 'no', inMeeting: [], outside: ['briefed-advocate'], consultation: 'none', code: 'PN5' },
	{ name: '14, did not attend, briefed an advocate and sent a consultation → PN5', age: 14, attended: 'no', inMeeting: [], outside: ['briefed-advocate'], consultation: 'sent', code: 'PN5' },
	{ name: '8, did not attend, consultation sent → PN6', age: 8, attended: 'no', inMeeting: [], outside: [], consultation: 'sent', code: 'PN6' },
	{ name: '16, did not attend, told the IRO beforehand → PN6', age: 16, attended: 'no', inMeeting: [], outside: ['views-otherwise'], consultation: 'none', code: 'PN6' },
	{ name: '11, did not attend, consultation still a draft → PN7', age: 11, attended: 'no', inMeeting: [], outside: [], consultation: 'draft', code: 'PN7' },
	{ name: '13, did not attend, sent with every answer “rather not say” → PN7', age: 13, attended: 'no', inMeeting: [], outside: [], consultation: 'rather-not-say', code: 'PN7' }
];

async function childFor(row: Row): Promise<SeededChild> {
	const c = await addChild(t.db, f, { name: `Child ${row.age}`, dateOfBirth: bornBefore(HELD, row.age, row.birthdayToday ? 0 : 10), scheduled: HELD }, NOW);
	const formId = row.age >= 13 ? 'young-person-13-plus' : 'young-person-8-12';
	if (row.consultation === 'sent') await consult(t.db, c, formId, { 'home-feel': faces('happy') }, SENT, NOW);
	if (row.consultation === 'draft') await consult(t.db, c, formId, { 'home-feel': faces('happy') }, null, NOW);
	if (row.consultation === 'rather-not-say') await consult(t.db, c, formId, { 'home-feel': faces('rather-not-say'), 'home-change': { kind: 'skipped' } }, SENT, NOW);
	return c;
}

describe('DOMAIN §4.1: the meeting facts suggest the code, for every row of the table', () => {
	it.each(TABLE.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
		const c = await childFor(row);
		// The page pre-fills "sent their views in My Review" from the child's own form (DOMAIN §4.1).
		const page = await loadMeeting(t.db, iro(c), NOW, 'req');
		expect(page.defaults.consultationSubmitted).toBe(row.consultation === 'sent');
		const outside = [...row.outside, ...(page.defaults.consultationSubmitted ? ['consultation-sent'] : [])];
		const outcome = await saveMeeting(t.db, iro(c), post({ heldDate: HELD, attended: row.attended, inMeeting: row.inMeeting, outside, checks: [] }), NOW, 'req');
		expect(outcome.kind).toBe('done');
		expect((await meetings.get(t.db, c.reviewId))?.suggestedCode).toBe(row.code);
		expect((await loadMeeting(t.db, iro(c), NOW, 'req')).meeting?.suggestedCode).toBe(row.code);
	});
});

describe('recording the facts', () => {
	let c: SeededChild;
	beforeEach(async () => {
		c = await addChild(t.db, f, { name: 'Nia', dateOfBirth: bornBefore(HELD, 8), scheduled: HELD }, NOW);
		await consult(t.db, c, 'young-person-8-12', { 'home-feel': faces('okay') }, SENT, NOW);
	});
	const facts = (over: Record<string, string | readonly string[]> = {}) =>
		post({ heldDate: HELD, attended: 'no', inMeeting: [], outside: ['consultation-sent'], checks: ['private-talk'], ...over });

	it('marks the review held on that date (DOMAIN §8.4) and stores every fact, with an audit row', async () => {
		expect(await saveMeeting(t.db, iro(c), facts(), NOW, 'req')).toEqual({ kind: 'done', location: `/iro/review/${c.reviewId}/meeting#participation-code` });
		expect(await reviews.get(t.db, c.reviewId)).toMatchObject({ heldDate: HELD, status: 'held' });
		expect(await meetings.get(t.db, c.reviewId)).toMatchObject({
			heldDate: HELD, attended: false, consultationSubmitted: true, privateTalkHeld: true, advocacyExplained: false, suggestedCode: 'PN6', confirmedCode: null
		});
		expect((await audit.forResource(t.db, 'review-meeting', c.reviewId)).map((a) => a.action)).toContain('meeting_recorded');
	});

	it('a consultation sent after the held date is not pre-filled (DOMAIN §4.1: "on or before the held date")', async () => {
		const late = await addChild(t.db, f, { name: 'Late', dateOfBirth: bornBefore(HELD, 9), scheduled: HELD }, NOW);
		await consult(t.db, late, 'young-person-8-12', { 'home-feel': faces('okay') }, Date.UTC(2026, 10, 4, 23, 30), NOW); // 23:30 UTC on the 4th is still the 4th in London
		expect((await loadMeeting(t.db, iro(late), NOW, 'req')).defaults).toEqual({ heldDate: HELD, consultationSubmitted: true });
		const later = await addChild(t.db, f, { name: 'Later', dateOfBirth: bornBefore(HELD, 9), scheduled: HELD }, NOW);
		await consult(t.db, later, 'young-person-8-12', { 'home-feel': faces('okay') }, Date.UTC(2026, 10, 5, 0, 30), NOW);
		expect((await loadMeeting(t.db, iro(later), NOW, 'req')).defaults.consultationSubmitted).toBe(false);
	});

	it('4–7: a sent form counts only when the record of who helped shows the child took part', async () => {
		const young = await addChild(t.db, f, { name: 'Pip', dateOfBirth: bornBefore(HELD, 6), scheduled: HELD }, NOW);
		await consult(t.db, young, 'young-person-4-7', { 'who-helped': { kind: 'choices', values: ['carer'] }, 'how-helped': { kind: 'choices', values: ['read-to-them'] }, 'home-feel': faces('happy') }, SENT, NOW);
		expect((await loadMeeting(t.db, iro(young), NOW, 'req')).defaults.consultationSubmitted).toBe(false);
		const pointed = await addChild(t.db, f, { name: 'Kai', dateOfBirth: bornBefore(HELD, 6), scheduled: HELD }, NOW);
		await consult(t.db, pointed, 'young-person-4-7', { 'who-helped': { kind: 'choices', values: ['carer'] }, 'how-helped': { kind: 'choices', values: ['they-point'] }, 'home-feel': faces('happy') }, SENT, NOW);
		expect((await loadMeeting(t.db, iro(pointed), NOW, 'req')).defaults.consultationSubmitted).toBe(true);
	});

	it.each([
		['no held date', { heldDate: '' }, 'heldDate', 'errors.held-empty'],
		['a date that does not exist', { heldDate: '2026-02-30' }, 'heldDate', 'errors.held-invalid'],
		['a date in the future', { heldDate: '2026-11-06' }, 'heldDate', 'errors.held-future'],
		['a date before the child was born', { heldDate: '2010-01-01' }, 'heldDate', 'errors.held-before-birth'],
		['no answer about attending', { attended: '' }, 'attended', 'errors.attended-choose'],
		['"spoke" for a child who did not come', { inMeeting: ['spoke-for-self'] }, 'inMeeting', 'errors.in-meeting-not-attended']
	] as const)('SECURITY §7: %s is refused with a message by the field, and what was typed comes back', async (_name, over, field, key) => {
		const outcome = await saveMeeting(t.db, iro(c), facts(over), NOW, 'req');
		expect(outcome).toMatchObject({ kind: 'invalid', errors: { [field]: { key } } });
		if (outcome.kind === 'invalid') expect(outcome.raw.outside).toEqual(['consultation-sent']);
		expect(await meetings.get(t.db, c.reviewId)).toBeUndefined();
		expect((await reviews.get(t.db, c.reviewId))?.status).toBe('scheduled');
	});

	it.each([
		['an unknown field', { extra: 'x' }],
		['a repeated single field', { attended: ['yes', 'no'] }],
		['a checkbox value that is not offered', { checks: ['made-up'] }],
		['the same checkbox twice', { checks: ['private-talk', 'private-talk'] }]
	] as const)('SEC-Z6: %s is malformed (400)', async (_name, over) => {
		expect(await saveMeeting(t.db, iro(c), facts(over), NOW, 'req')).toEqual({ kind: 'malformed' });
	});
});

describe('confirming the code (DOMAIN §4.1: the IRO confirms or picks another with a reason)', () => {
	let c: SeededChild;
	beforeEach(async () => {
		c = await addChild(t.db, f, { name: 'Nia', dateOfBirth: bornBefore(HELD, 8), scheduled: HELD }, NOW);
		await saveMeeting(t.db, iro(c), post({ heldDate: HELD, attended: 'no', inMeeting: [], outside: ['views-otherwise'], checks: [] }), NOW, 'req');
	});

	it('confirming the suggestion needs no reason, and stores none', async () => {
		expect((await confirmCode(t.db, iro(c), post({ code: 'PN6', reason: 'ignored' }), NOW, 'req')).kind).toBe('done');
		expect(await meetings.get(t.db, c.reviewId)).toMatchObject({ suggestedCode: 'PN6', confirmedCode: 'PN6', codeReason: null, confirmedAt: NOW });
	});

	it('another code without a reason is refused, by the reason field', async () => {
		expect(await confirmCode(t.db, iro(c), post({ code: 'PN5', reason: '  ' }), NOW, 'req')).toMatchObject({
			kind: 'invalid', raw: { code: 'PN5', reason: '' }, errors: { reason: { key: 'errors.reason-needed' } }
		});
		expect((await meetings.get(t.db, c.reviewId))?.confirmedCode).toBeNull();
	});

	it('another code with a reason is stored beside the suggestion (both are kept)', async () => {
		expect((await confirmCode(t.db, iro(c), post({ code: 'PN5', reason: 'Our service codes a talk with the IRO as PN5.' }), NOW, 'req')).kind).toBe('done');
		expect(await meetings.get(t.db, c.reviewId)).toMatchObject({ suggestedCode: 'PN6', confirmedCode: 'PN5', codeReason: 'Our service codes a talk with the IRO as PN5.' });
	});

	it('a reason over 1,000 characters is refused (SECURITY §7)', async () => {
		expect(await confirmCode(t.db, iro(c), post({ code: 'PN5', reason: 'x'.repeat(1001) }), NOW, 'req')).toMatchObject({ errors: { reason: { key: 'errors.reason-too-long' } } });
		expect((await confirmCode(t.db, iro(c), post({ code: 'PN5', reason: 'é'.repeat(1000) }), NOW, 'req')).kind).toBe('done');
	});

	it('a code that is not PN0–PN7 is refused; an empty post is malformed or invalid, never saved', async () => {
		expect(await confirmCode(t.db, iro(c), post({ code: 'PN8', reason: '' }), NOW, 'req')).toMatchObject({ errors: { code: { key: 'errors.code-choose' } } });
		expect((await confirmCode(t.db, iro(c), new FormData(), NOW, 'req')).kind).toBe('invalid');
		expect((await meetings.get(t.db, c.reviewId))?.confirmedCode).toBeNull();
	});

	it('new facts that change the suggestion clear the confirmation, so the IRO confirms again', async () => {
		await confirmCode(t.db, iro(c), post({ code: 'PN6', reason: '' }), NOW, 'req');
		await saveMeeting(t.db, iro(c), post({ heldDate: HELD, attended: 'no', inMeeting: [], outside: ['views-otherwise'], checks: ['private-talk'] }), NOW, 'req');
		expect((await meetings.get(t.db, c.reviewId))?.confirmedCode).toBe('PN6');
		await saveMeeting(t.db, iro(c), post({ heldDate: HELD, attended: 'yes', inMeeting: ['spoke-for-self'], outside: [], checks: [] }), NOW, 'req');
		expect(await meetings.get(t.db, c.reviewId)).toMatchObject({ suggestedCode: 'PN1', confirmedCode: null });
	});

	it('SEC-Z7: confirming before any facts are recorded is a step out of order (409)', async () => {
		const fresh = await addChild(t.db, f, { name: 'New', dateOfBirth: bornBefore(HELD, 8), scheduled: HELD }, NOW);
		expect(await confirmCode(t.db, iro(fresh), post({ code: 'PN6', reason: '' }), NOW, 'req')).toEqual({ kind: 'conflict' });
	});
});

describe('DOMAIN §3.1 chaining: recording the meeting creates the next review, due from the held date', () => {
	const held = (c: SeededChild, heldDate: string) =>
		saveMeeting(t.db, iro(c), post({ heldDate, attended: 'yes', inMeeting: ['spoke-for-self'], outside: [], checks: [] }), NOW, 'req');
	const nextOf = async (c: SeededChild) => {
		const r = await reviews.get(t.db, c.reviewId);
		return reviews.next(t.db, c.childId, r!.sequence);
	};

	it.each([
		['first review held → second within 3 months', 1, '2026-11-04', '2027-02-04'],
		['second held on 30 Nov → third within 6 months, clamped to 30 May', 2, '2025-11-30', '2026-05-30'],
		['third held on 31 Aug → fourth by 28 Feb (not a leap year)', 3, '2025-08-31', '2026-02-28'],
		['held on 31 Aug 2027 → by 29 Feb 2028 (leap year)', 3, '2027-08-31', '2028-02-29']
	] as const)('%s', async (_name, sequence, heldDate, due) => {
		const now = Date.UTC(Number(heldDate.slice(0, 4)), Number(heldDate.slice(5, 7)) - 1, Number(heldDate.slice(8, 10)) + 1, 9);
		const c = await addChild(t.db, f, { name: 'Nia', dateOfBirth: bornBefore(heldDate, 9), scheduled: heldDate, sequence }, NOW);
		expect((await saveMeeting(t.db, iro(c), post({ heldDate, attended: 'yes', inMeeting: ['spoke-for-self'], outside: [], checks: [] }), now, 'req')).kind).toBe('done');
		expect(await nextOf(c)).toMatchObject({ sequence: sequence + 1, dueDate: due, status: 'planned', scheduledDate: null, earlier: null });
		// The child's current review is now the next one, so new invitations and the home page move on.
		expect((await reviews.currentForChild(t.db, c.childId))?.sequence).toBe(sequence + 1);
	});

	it('recording the facts again with a corrected held date moves the next due date, without a second review', async () => {
		const c = await addChild(t.db, f, { name: 'Nia', dateOfBirth: bornBefore(HELD, 9), scheduled: HELD }, NOW);
		await held(c, '2026-11-03');
		await held(c, HELD);
		const rows = await t.db.selectFrom('review').select(['sequence', 'due_date']).where('child_id', '=', c.childId).orderBy('sequence').execute();
		expect(rows).toEqual([{ sequence: 1, due_date: HELD }, { sequence: 2, due_date: '2027-02-04' }]);
	});

	it("the service's young-child rule (under 5s every 3 months) brings later reviews earlier, never later", async () => {
		await saveSettingGroup(t.db, 'schedule', { youngChildRule: { youngChildAgeUnder: 5, youngChildIntervalMonths: 3 } }, f.adminId, NOW);
		const young = await addChild(t.db, f, { name: 'Pip', dateOfBirth: bornBefore(HELD, 4), scheduled: HELD, sequence: 3 }, NOW);
		await held(young, HELD);
		expect((await nextOf(young))?.dueDate).toBe('2027-02-04');
		const older = await addChild(t.db, f, { name: 'Ola', dateOfBirth: bornBefore(HELD, 5), scheduled: HELD, sequence: 3 }, NOW);
		await held(older, HELD);
		expect((await nextOf(older))?.dueDate).toBe('2027-05-04');
	});

	it('a next review already brought earlier keeps its earlier date and the reason; the statutory date follows the held date', async () => {
		const c = await addChild(t.db, f, { name: 'Nia', dateOfBirth: bornBefore(HELD, 9), scheduled: HELD }, NOW);
		await held(c, HELD);
		const next = (await nextOf(c))!;
		await reviews.bringForward(t.db, next.id, { dueDate: '2026-12-15', reason: 'Placement change', statutoryDueDate: next.dueDate }, f.iroId, NOW);
		await held(c, '2026-11-03');
		expect(await nextOf(c)).toMatchObject({ dueDate: '2026-12-15', earlier: { statutoryDueDate: '2027-02-03', reason: 'Placement change' } });
	});
});
