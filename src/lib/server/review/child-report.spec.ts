import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import * as allocations from '../data/allocations';
import * as answers from '../data/answers';
import * as consultations from '../data/consultations';
import * as decisions from '../data/decisions';
import * as invitations from '../data/invitations';
import * as reactions from '../data/reactions';
import { loadChildReport, react } from './child-report';
import { addDecision } from './decisions';
import { saveMeeting } from './meeting';
import { loadReport, sendReport } from './report';
import { accessFor, addChild, bornBefore, consult, post, type SeededChild } from './spec-helpers';

/**
 * The child's own report and their reactions (issue 5; DOMAIN §7; SECURITY §2: a young person reads
 * their own review record): nothing before it is sent; only their own answers; one reaction per
 * decision per child, changeable; "I have a question" reaches the IRO through the outbox.
 */
const HELD = '2026-11-04';
const NOW = Date.UTC(2026, 10, 5, 10, 0, 0);

let t: TestDatabase;
let f: Family;
let c: SeededChild;
let ids: string[];

const iro = (x: SeededChild = c) => accessFor('review.record-outcome', { id: f.iroId, role: 'iro' }, x);
const reader = (x: SeededChild = c) => accessFor('review.read-record', { id: x.userId, role: 'young-person', childId: x.childId }, x);
const reactor = (x: SeededChild = c) => accessFor('review.react', { id: x.userId, role: 'young-person', childId: x.childId }, x);

async function iroOutbox(): Promise<number> {
	return (await t.db.selectFrom('outbox').select('id').where('recipient_id', '=', f.iroId).execute()).length;
}

beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, NOW);
	c = await addChild(t.db, f, { name: 'Nia', dateOfBirth: bornBefore(HELD, 12), scheduled: HELD }, NOW);
	await consult(t.db, c, 'young-person-8-12', { 'home-change': { kind: 'text', text: 'More time with my brother.' } }, Date.UTC(2026, 10, 2), NOW);
	await saveMeeting(t.db, iro(), post({ heldDate: HELD, attended: 'no', inMeeting: [], outside: ['consultation-sent'], checks: [] }), NOW, 'req');
	await addDecision(t.db, iro(), post({ text: 'Family time every two weeks.', owner: 'Social worker', dueOn: '2026-12-01', links: ['home-change'] }), NOW, 'req');
	await addDecision(t.db, iro(), post({ text: 'You stay at home.', owner: 'IRO', dueOn: '2026-12-01', links: [] }), NOW, 'req');
	ids = (await decisions.forReview(t.db, c.reviewId)).map((d) => d.id);
});
afterEach(async () => {
	await t?.close();
});

const send = () => sendReport(t.db, iro(), post({ body: 'Dear Nia, here is what we decided.' }), NOW, 'req');

describe('the child reads their report', () => {
	it('nothing shows until the IRO sends it: not the draft, not the decisions', async () => {
		expect(await loadChildReport(t.db, reader(), NOW)).toEqual({ sent: false, reviewId: c.reviewId, iroName: 'Rowan Patel' });
	});

	it('once sent: the letter, what they said, what was decided, who does what by when', async () => {
		await send();
		const page = await loadChildReport(t.db, reader(), NOW);
		if (!page.sent) throw new Error('not sent');
		expect(page.body).toBe('Dear Nia, here is what we decided.');
		expect(page.answers.map((a) => [a.questionId, a.value])).toEqual([['home-change', { kind: 'text', text: 'More time with my brother.' }]]);
		expect(page.decisions.map((d) => [d.text, d.owner, d.dueOn, d.about.map((a) => a.questionId), d.reaction])).toEqual([
			['Family time every two weeks.', 'Social worker', '2026-12-01', ['home-change'], null],
			['You stay at home.', 'IRO', '2026-12-01', [], null]
		]);
	});

	it('shows only their own answers, never a parent’s', async () => {
		await invitations.ensure(t.db, c.reviewId, f.parentId, 'parent', NOW);
		const theirs = await consultations.start(t.db, { reviewId: c.reviewId, respondentId: f.parentId, respondentKind: 'parent', formId: 'parent', formVersion: 1 }, NOW);
		await answers.save(t.db, theirs.id, { questionId: 'worries', value: { kind: 'text', text: 'PARENT-CANARY' }, visibility: 'iro-only' }, NOW);
		await consultations.markSubmitted(t.db, theirs.id, NOW);
		await send();
		const page = await loadChildReport(t.db, reader(), NOW);
		expect(page.sent && page.answers.map((a) => a.questionId)).toEqual(['home-change']);
		expect(JSON.stringify(page)).not.toContain('PARENT-CANARY');
	});
});

describe('reactions: one per decision per child, changeable (DOMAIN §7)', () => {
	beforeEach(async () => {
		await send();
	});
	const reaction = (decisionId: string, r: string, words = '') => post({ decisionId, reaction: r, words });

	it('SEC-Z7: before the report is sent, a reaction is a step out of order (409)', async () => {
		const other = await addChild(t.db, f, { name: 'Ola', dateOfBirth: bornBefore(HELD, 10), scheduled: HELD }, NOW);
		await saveMeeting(t.db, iro(other), post({ heldDate: HELD, attended: 'yes', inMeeting: ['spoke-for-self'], outside: [], checks: [] }), NOW, 'req');
		await addDecision(t.db, iro(other), post({ text: 'X', owner: 'Y', dueOn: '2026-12-01', links: [] }), NOW, 'req');
		const id = (await decisions.forReview(t.db, other.reviewId))[0]!.id;
		expect(await react(t.db, reactor(other), reaction(id, 'agree'), NOW, 'req')).toEqual({ kind: 'conflict' });
	});

	it('a reaction is saved against the decision and shown back to the child and the IRO', async () => {
		expect(await react(t.db, reactor(), reaction(ids[0]!, 'agree'), NOW, 'req')).toEqual({ kind: 'done', location: `/me/review/${c.reviewId}/report#decision-${ids[0]}` });
		const page = await loadChildReport(t.db, reader(), NOW);
		expect(page.sent && page.decisions[0]?.reaction).toMatchObject({ reaction: 'agree', words: null });
		expect((await loadReport(t.db, iro(), NOW, 'req')).decisions[0]?.reaction).toMatchObject({ reaction: 'agree', childId: c.childId });
	});

	it('changing it replaces it: still one row per decision per child; replays change nothing', async () => {
		await react(t.db, reactor(), reaction(ids[0]!, 'agree'), NOW, 'req');
		await react(t.db, reactor(), reaction(ids[0]!, 'disagree', 'I want every week.'), NOW + 1000, 'req');
		await Promise.all([1, 2, 3].map((i) => react(t.db, reactor(), reaction(ids[0]!, 'disagree', 'I want every week.'), NOW + 2000 + i, 'req')));
		const rows = await t.db.selectFrom('decision_reaction').selectAll().where('decision_id', '=', ids[0]!).execute();
		expect(rows).toHaveLength(1);
		expect(await reactions.get(t.db, ids[0]!, c.childId)).toMatchObject({ reaction: 'disagree', words: 'I want every week.', updatedAt: NOW + 1000 });
	});

	it('"I have a question" tells the allocated IRO through the outbox, once per new question, never the words', async () => {
		const before = await iroOutbox();
		await react(t.db, reactor(), reaction(ids[1]!, 'question', 'Can I stay up later?'), NOW, 'req');
		expect(await iroOutbox()).toBe(before + 1);
		await react(t.db, reactor(), reaction(ids[1]!, 'question', 'Can I stay up later?'), NOW + 1, 'req');
		expect(await iroOutbox()).toBe(before + 1);
		await react(t.db, reactor(), reaction(ids[0]!, 'agree'), NOW + 2, 'req');
		expect(await iroOutbox()).toBe(before + 1);
		const rows = await t.db.selectFrom('outbox').select(['template']).where('recipient_id', '=', f.iroId).execute();
		expect(rows.every((r) => r.template === 'something-new')).toBe(true);
	});

	it('SEC-Z2: after reallocation the question goes to the new IRO', async () => {
		await allocations.allocate(t.db, c.childId, f.otherIroId, '2026-11-05', NOW);
		await react(t.db, reactor(), reaction(ids[1]!, 'question'), NOW, 'req');
		expect((await t.db.selectFrom('outbox').select('id').where('recipient_id', '=', f.otherIroId).execute()).length).toBe(1);
	});

	it.each([
		['no reaction', { reaction: '' }, 'reaction', 'errors.reaction-choose'],
		['a reaction that is not offered', { reaction: 'maybe' }, 'reaction', 'errors.reaction-choose'],
		['words over 2,000 characters', { reaction: 'question', words: 'w'.repeat(2001) }, 'words', 'errors.words-too-long']
	] as const)('SECURITY §7: %s is refused by its field, with the words kept', async (_name, over, field, key) => {
		const out = await react(t.db, reactor(), post({ ...({ decisionId: ids[0]!, reaction: 'agree', words: 'mine' } as Record<string, string>), ...over }), NOW, 'req');
		expect(out).toMatchObject({ kind: 'invalid', errors: { [field]: { key } } });
		expect(await reactions.get(t.db, ids[0]!, c.childId)).toBeUndefined();
	});

	it('D14: a decision from another child’s review is not found; a forged id or an empty post is malformed', async () => {
		const other = await addChild(t.db, f, { name: 'Ola', dateOfBirth: bornBefore(HELD, 10), scheduled: HELD }, NOW);
		await saveMeeting(t.db, iro(other), post({ heldDate: HELD, attended: 'yes', inMeeting: ['spoke-for-self'], outside: [], checks: [] }), NOW, 'req');
		await addDecision(t.db, iro(other), post({ text: 'Theirs', owner: 'Y', dueOn: '2026-12-01', links: [] }), NOW, 'req');
		const theirs = (await decisions.forReview(t.db, other.reviewId))[0]!.id;
		expect(await react(t.db, reactor(), reaction(theirs, 'agree'), NOW, 'req')).toEqual({ kind: 'missing' });
		expect(await react(t.db, reactor(), reaction('nope', 'agree'), NOW, 'req')).toEqual({ kind: 'malformed' });
		expect(await react(t.db, reactor(), new FormData(), NOW, 'req')).toEqual({ kind: 'malformed' });
		expect(await reactions.forDecisions(t.db, [theirs])).toEqual([]);
	});
});
