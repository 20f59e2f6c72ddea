import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedbackSummary } from '$lib/domain/feedback-summary';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import * as audit from '../data/audit';
import * as children from '../data/children';
import * as feedback from '../data/feedback';
import * as invitations from '../data/invitations';
import * as users from '../data/users';
import { sendFeedbackReminders } from '../jobs/feedback-reminders';
import { addDecision, sendDecisions } from '../review/decisions';
import { saveMeeting } from '../review/meeting';
import { accessFor, post } from '../review/spec-helpers';
import { saveSettingGroup } from '../settings';
import { feedbackDates, inviteFeedback } from './invite';
import { feedbackHome, loadCheck, loadPage, loadStart, savePage, send, type Event } from './respond';
import { loadResults } from './results';

/**
 * Issue 6, feedback after the review (DOMAIN §7, §3.2): invited when the IRO sends the decisions,
 * one page at a time saved on the server, sent once with an idempotency key, a reminder 5 WD later,
 * closed 20 WD after the invitation; the IRO sees named answers, and name-hidden ones only in totals
 * of 5 or more.
 */
// Held Mon 21 Dec 2026; decisions sent Tue 22 Dec. 25, 28 Dec and 1 Jan are bank holidays.
const HELD = '2026-12-21';
const T_SENT = Date.UTC(2026, 11, 22, 10, 0, 0);
const day = (iso: string, hour = 10) => Date.parse(`${iso}T${String(hour).padStart(2, '0')}:00:00Z`);
const REMIND_ON = '2026-12-31';
const CLOSES_ON = '2027-01-22';

let t: TestDatabase;
let f: Family;

const iro = () => accessFor('review.record-outcome', { id: f.iroId, role: 'iro' }, { reviewId: f.reviewId, childId: f.childId });
const giver = (id: string, role: 'young-person' | 'parent' | 'carer') =>
	accessFor('review.give-feedback', { id, role, childId: role === 'young-person' ? f.childId : null }, { reviewId: f.reviewId, childId: f.childId });
const child = () => giver(f.youngPersonId, 'young-person');
const parent = () => giver(f.parentId, 'parent');
const home = (id: string, role: 'young-person' | 'parent' | 'carer') =>
	accessFor('respondent.home', { id, role, childId: role === 'young-person' ? f.childId : null }, { reviewId: f.reviewId, childId: f.childId });

function ev(fields: Record<string, string | readonly string[]>, path = '/x'): Event {
	return { request: new Request(`http://localhost${path}`, { method: 'POST', body: post(fields) }), url: new URL(`http://localhost${path}`), locals: { requestId: 'req' }, route: { id: 'test' } };
}

/** Runs an action that ends in a redirect, a fail() or an HTTP error, and says which. */
async function outcome(p: Promise<unknown>): Promise<{ redirect?: string; status?: number; data?: unknown }> {
	try {
		const r = await p;
		if (isActionFailure(r)) return { status: r.status, data: r.data };
		return { data: r };
	} catch (e) {
		if (isRedirect(e)) return { redirect: e.location };
		if (isHttpError(e)) return { status: e.status };
		throw e;
	}
}

async function decisionsSent(now = T_SENT): Promise<void> {
	expect((await saveMeeting(t.db, iro(), post({ heldDate: HELD, attended: 'yes', inMeeting: ['spoke-for-self'], outside: [], checks: ['private-talk'] }), now, 'req')).kind).toBe('done');
	expect((await addDecision(t.db, iro(), post({ text: 'Family time every fortnight.', owner: 'Social worker', dueOn: '2027-02-01', links: [] }), now, 'req')).kind).toBe('done');
	expect((await sendDecisions(t.db, iro(), post({ confirm: 'yes' }), now, 'req')).kind).toBe('done');
}

const base = (kind: string) => `${kind === 'young-person' ? '/me' : `/${kind}`}/review/${f.reviewId}/feedback`;

beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, day('2026-12-01'));
	await users.setNotifyEmail(t.db, f.parentId, 'jo@example.org');
});
afterEach(async () => {
	await t?.close();
});

describe('the invitation (DOMAIN §7, §3.2)', () => {
	it('asks the child, the invited parent and the carer when the decisions are sent, each on their own form, closing 20 WD later', async () => {
		expect(await feedback.forReview(t.db, f.reviewId)).toEqual([]);
		await decisionsSent();
		const rows = await feedback.forReview(t.db, f.reviewId);
		// Sam, born 2011-05-01, is 15 at the meeting: the 13+ form.
		expect(rows.map((r) => [r.displayName, r.respondentKind, r.formId, r.formVersion, r.status, r.closesOn])).toEqual(
			expect.arrayContaining([
				['Sam', 'young-person', 'feedback-young-person-13-plus', 1, 'invited', CLOSES_ON],
				['Jo Reed', 'parent', 'feedback-parent', 1, 'invited', CLOSES_ON],
				['Pat Green', 'carer', 'feedback-carer', 1, 'invited', CLOSES_ON]
			])
		);
		expect(rows).toHaveLength(3);
	});

	it('sends the neutral message only to people with an address of their own (PRIV-H8), in the same transaction', async () => {
		await decisionsSent();
		const out = await t.db.selectFrom('outbox').select(['recipient_id', 'template']).where('template', '=', 'invitation').execute();
		expect(out).toEqual([{ recipient_id: f.parentId, template: 'invitation' }]);
	});

	it('invites nobody twice, however often it runs', async () => {
		await decisionsSent();
		expect(await inviteFeedback(t.db, f.reviewId, T_SENT + 1000)).toBe(0);
		expect(await sendDecisions(t.db, iro(), post({ confirm: 'yes' }), T_SENT + 2000, 'req')).toMatchObject({ kind: 'done' });
		expect(await feedback.forReview(t.db, f.reviewId)).toHaveLength(3);
		expect(await t.db.selectFrom('outbox').select('id').where('template', '=', 'invitation').execute()).toHaveLength(1);
	});

	it('leaves out a carer whose placement ended and a parent not invited to the review', async () => {
		await children.endLink(t.db, f.childId, f.carerId, '2026-12-10');
		const uninvited = await users.createRespondent(t.db, { role: 'parent', displayName: 'Not Invited' }, T_SENT);
		await children.link(t.db, { childId: f.childId, userId: uninvited, relation: 'parent', hasPr: true, startsOn: '2025-01-01' });
		await decisionsSent();
		expect((await feedback.forReview(t.db, f.reviewId)).map((r) => r.displayName).sort()).toEqual(['Jo Reed', 'Sam']);
	});

	it('gives a child under 4 no form, and a 4–7-year-old the short assisted one', async () => {
		// Not held yet: the band is decided on the scheduled day, 10 Jan 2030.
		await t.db.updateTable('child').set({ date_of_birth: '2026-06-01' }).where('id', '=', f.childId).execute();
		expect(await inviteFeedback(t.db, f.reviewId, T_SENT)).toBe(2);
		expect((await feedback.forReview(t.db, f.reviewId)).map((r) => r.respondentKind).sort()).toEqual(['carer', 'parent']);
		await t.db.deleteFrom('feedback_response').execute();
		await t.db.updateTable('child').set({ date_of_birth: '2024-06-01' }).where('id', '=', f.childId).execute();
		await inviteFeedback(t.db, f.reviewId, T_SENT);
		expect((await feedback.find(t.db, f.reviewId, f.youngPersonId))?.formId).toBe('feedback-young-person-4-7');
	});

	it('counts the reminder and the closing day in working days over Christmas', () => {
		expect(feedbackDates('2026-12-22')).toEqual({ remindOn: REMIND_ON, closesOn: CLOSES_ON });
	});
});

describe('answering, page by page (REL-1)', () => {
	beforeEach(() => decisionsSent());

	it('is not open to someone who was not asked: the start page says so and the pages lead back to it', async () => {
		await t.db.deleteFrom('feedback_response').where('respondent_id', '=', f.parentId).execute();
		expect((await loadStart(t.db, parent(), 'parent', T_SENT)).state).toBe('not-open');
		expect(await outcome(loadPage(t.db, parent(), new URL('http://x'), 'fb-heard', 'parent', T_SENT))).toEqual({ redirect: base('parent') });
	});

	it('saves the choice and the words together, marks it started, and goes on to the next page', async () => {
		const r = await outcome(savePage(t.db, child(), ev({ 'fb-listened': 'happy', 'fb-listened-words': 'They let me talk first.', go: 'next' }), 'fb-listened', 'young-person', T_SENT));
		expect(r).toEqual({ redirect: `${base('young-person')}/fb-iro-alone` });
		const saved = await feedback.answers(t.db, (await feedback.find(t.db, f.reviewId, f.youngPersonId))!.id);
		expect(Object.fromEntries(saved)).toEqual({ 'fb-listened': { kind: 'choice', value: 'happy' }, 'fb-listened-words': { kind: 'text', text: 'They let me talk first.' } });
		expect((await loadStart(t.db, child(), 'young-person', T_SENT)).next).toBe(`${base('young-person')}/fb-iro-alone`);
		const page = await loadPage(t.db, child(), new URL('http://x'), 'fb-listened', 'young-person', T_SENT);
		expect(page.raw).toMatchObject({ 'fb-listened': 'happy', 'fb-listened-words': 'They let me talk first.' });
	});

	it('lets every page be skipped, and saves before going back', async () => {
		expect(await outcome(savePage(t.db, child(), ev({}), 'fb-listened', 'young-person', T_SENT))).toEqual({ redirect: `${base('young-person')}/fb-iro-alone` });
		expect(await outcome(savePage(t.db, child(), ev({ 'fb-iro-alone': 'yes', go: 'back' }), 'fb-iro-alone', 'young-person', T_SENT))).toEqual({ redirect: `${base('young-person')}/fb-listened` });
		const saved = await feedback.answers(t.db, (await feedback.find(t.db, f.reviewId, f.youngPersonId))!.id);
		expect(saved.get('fb-listened')).toEqual({ kind: 'skipped' });
		expect(saved.get('fb-iro-alone')).toEqual({ kind: 'choice', value: 'yes' });
	});

	it('keeps what was typed when the words are refused, and refuses forged fields with 400 (SEC-Z6)', async () => {
		const bad = await outcome(savePage(t.db, child(), ev({ 'fb-listened': 'okay', 'fb-listened-words': 'bad\u0007' }), 'fb-listened', 'young-person', T_SENT));
		expect(bad).toEqual({ status: 400, data: { raw: { 'fb-listened': 'okay', 'fb-listened-words': 'bad\u0007', 'fb-listened-words-share': 'iro-only' }, errors: { 'fb-listened-words': { key: 'errors.text-bad-characters' } } } });
		expect(await outcome(savePage(t.db, child(), ev({ 'fb-listened': 'ecstatic' }), 'fb-listened', 'young-person', T_SENT))).toEqual({ status: 400 });
		expect(await outcome(savePage(t.db, child(), ev({ 'fb-listened': 'okay', sneaky: '1' }), 'fb-listened', 'young-person', T_SENT))).toEqual({ status: 400 });
		expect(await outcome(savePage(t.db, child(), ev({ go: 'sideways' }), 'fb-listened', 'young-person', T_SENT))).toEqual({ status: 400 });
		expect(await outcome(savePage(t.db, child(), ev({}), 'home-feel', 'young-person', T_SENT))).toEqual({ status: 404 });
	});

	it('asks a parent their own questions: a parent page id is not a child page', async () => {
		expect(await outcome(savePage(t.db, parent(), ev({ 'fb-heard': 'no', 'fb-heard-words': 'Nobody asked me.' }), 'fb-heard', 'parent', T_SENT))).toEqual({ redirect: `${base('parent')}/fb-understood` });
		expect(await outcome(loadPage(t.db, parent(), new URL('http://x'), 'fb-listened', 'parent', T_SENT))).toEqual({ status: 404 });
	});

	it('closes at the end of its 20th working day: after that pages lead to the start page, which says so', async () => {
		const late = day('2027-01-23');
		expect((await loadStart(t.db, child(), 'young-person', day(CLOSES_ON, 22))).state).toBe('open');
		expect((await loadStart(t.db, child(), 'young-person', late)).state).toBe('closed');
		expect(await outcome(savePage(t.db, child(), ev({ 'fb-listened': 'happy' }), 'fb-listened', 'young-person', late))).toEqual({ redirect: base('young-person') });
		expect(await feedbackHome(t.db, home(f.youngPersonId, 'young-person'), late)).toEqual([]);
	});
});

describe('sending (REL-4, REL-5)', () => {
	beforeEach(() => decisionsSent());
	const KEY = '11111111-2222-3333-4444-555555555555';

	it('sends once: a double tap or a retry with the same key records one send and lands on the same page', async () => {
		await outcome(savePage(t.db, parent(), ev({ 'fb-heard': 'yes' }), 'fb-heard', 'parent', T_SENT));
		const first = await outcome(send(t.db, parent(), ev({ idempotency_key: KEY }), 'parent', T_SENT));
		const again = await outcome(send(t.db, parent(), ev({ idempotency_key: KEY }), 'parent', T_SENT + 5));
		expect(first).toEqual({ redirect: `${base('parent')}/sent` });
		expect(again).toEqual(first);
		const r = (await feedback.find(t.db, f.reviewId, f.parentId))!;
		expect([r.status, r.sentAt, r.anonymous]).toEqual(['sent', T_SENT, false]);
		expect((await audit.forResource(t.db, 'feedback', r.id)).map((a) => a.action)).toEqual(['feedback_sent']);
		// A new key after sending changes nothing, and pages now lead to "sent".
		expect(await outcome(send(t.db, parent(), ev({ idempotency_key: '99999999-2222-3333-4444-555555555555' }), 'parent', T_SENT + 9))).toEqual({ redirect: `${base('parent')}/sent` });
		expect(await outcome(savePage(t.db, parent(), ev({ 'fb-heard': 'no' }), 'fb-heard', 'parent', T_SENT + 10))).toEqual({ redirect: `${base('parent')}/sent` });
		expect((await feedback.answers(t.db, r.id)).get('fb-heard')).toEqual({ kind: 'choice', value: 'yes' });
	});

	it('refuses a post without a proper key, and "hide my name" while the service does not allow it', async () => {
		expect(await outcome(send(t.db, parent(), ev({}), 'parent', T_SENT))).toEqual({ status: 400 });
		expect(await outcome(send(t.db, parent(), ev({ idempotency_key: KEY, anonymous: 'yes' }), 'parent', T_SENT))).toEqual({ status: 400 });
		expect((await loadCheck(t.db, parent(), 'parent', T_SENT)).anonymousAllowed).toBe(false);
		expect((await feedback.find(t.db, f.reviewId, f.parentId))!.status).toBe('invited');
	});

	it('never offers the child "hide my name"', async () => {
		await saveSettingGroup(t.db, 'feedback', { anonymousAllowed: true }, f.adminId, T_SENT);
		expect((await loadCheck(t.db, child(), 'young-person', T_SENT)).anonymousAllowed).toBe(false);
		expect(await outcome(send(t.db, child(), ev({ idempotency_key: KEY, anonymous: 'yes' }), 'young-person', T_SENT))).toEqual({ status: 400 });
	});

	it('lists open feedback on the respondent’s home, then "sent"', async () => {
		expect(await feedbackHome(t.db, home(f.parentId, 'parent'), T_SENT)).toEqual([{ reviewId: f.reviewId, childName: 'Sam', status: 'not-started', closesOn: CLOSES_ON, href: base('parent') }]);
		await send(t.db, parent(), ev({ idempotency_key: KEY }), 'parent', T_SENT).catch(() => undefined);
		expect((await feedbackHome(t.db, home(f.parentId, 'parent'), T_SENT))[0]).toMatchObject({ status: 'sent', href: `${base('parent')}/sent` });
		// A carer sees nothing of another person's feedback.
		expect((await feedbackHome(t.db, home(f.carerId, 'carer'), T_SENT)).map((x) => x.status)).toEqual(['not-started']);
	});
});

describe('reminders (DOMAIN §3.2: one, 5 WD after the invitation)', () => {
	beforeEach(() => decisionsSent());

	it('reminds once, on the 5th working day, only people who have not sent and can be reached', async () => {
		expect(await sendFeedbackReminders(t.db, day('2026-12-30'))).toBe(0);
		expect(await sendFeedbackReminders(t.db, day(REMIND_ON))).toBe(1);
		expect(await sendFeedbackReminders(t.db, day(REMIND_ON, 11))).toBe(0);
		expect(await sendFeedbackReminders(t.db, day('2027-01-05'))).toBe(0);
		expect(await t.db.selectFrom('outbox').select(['recipient_id']).where('template', '=', 'reminder').execute()).toEqual([{ recipient_id: f.parentId }]);
	});

	it('does not remind someone who has sent, nor after it closes', async () => {
		await send(t.db, parent(), ev({ idempotency_key: '11111111-2222-3333-4444-555555555555' }), 'parent', T_SENT).catch(() => undefined);
		expect(await sendFeedbackReminders(t.db, day(REMIND_ON))).toBe(0);
		await users.setNotifyEmail(t.db, f.carerId, 'pat@example.org');
		expect(await sendFeedbackReminders(t.db, day('2027-01-25'))).toBe(0);
	});
});

describe('results for the IRO, and anonymity (DOMAIN §7)', () => {
	const KEY = (n: number) => `11111111-2222-3333-4444-${String(n).padStart(12, '0')}`;
	const results = () => loadResults(t.db, accessFor('review.read-feedback', { id: f.iroId, role: 'iro' }, { reviewId: f.reviewId, childId: f.childId }), T_SENT, 'req');

	async function moreParents(n: number): Promise<string[]> {
		const ids: string[] = [];
		for (let i = 0; i < n; i++) {
			const id = await users.createRespondent(t.db, { role: 'parent', displayName: `Parent ${i}` }, T_SENT);
			await children.link(t.db, { childId: f.childId, userId: id, relation: 'parent', hasPr: true, startsOn: '2025-01-01' });
			await invitations.ensure(t.db, f.reviewId, id, 'parent', T_SENT);
			ids.push(id);
		}
		return ids;
	}

	it('shows named answers with who sent them, and the child’s answers beside the IRO’s record', async () => {
		await decisionsSent();
		await outcome(savePage(t.db, child(), ev({ 'fb-iro-alone': 'no' }), 'fb-iro-alone', 'young-person', T_SENT));
		await outcome(send(t.db, child(), ev({ idempotency_key: KEY(1) }), 'young-person', T_SENT));
		const r = await results();
		expect(r.named.map((n) => [n.name, n.kind, n.answers['fb-iro-alone']])).toEqual([['Sam', 'young-person', { kind: 'choice', value: 'no' }]]);
		expect(r.people.map((p) => [p.name, p.status])).toEqual(expect.arrayContaining([['Sam', 'sent'], ['Jo Reed', 'waiting'], ['Pat Green', 'waiting']]));
		expect(r.checks).toEqual({ privateTalkHeld: true, advocacyExplained: false });
		expect(r.childSaid.iroAlone).toEqual({ wording: 'feedback-young-person-13-plus.fb-iro-alone', value: 'no' });
		expect(r.anonymous).toBeNull();
	});

	it('hides a name-hidden answer entirely under 5: not in the answers, not in who sent, not in totals', async () => {
		await saveSettingGroup(t.db, 'feedback', { anonymousAllowed: true }, f.adminId, T_SENT);
		await decisionsSent();
		await outcome(savePage(t.db, parent(), ev({ 'fb-heard': 'no', 'fb-heard-words': 'SECRET-WORDS' }), 'fb-heard', 'parent', T_SENT));
		expect(await outcome(send(t.db, parent(), ev({ idempotency_key: KEY(1), anonymous: 'yes' }), 'parent', T_SENT))).toEqual({ redirect: `${base('parent')}/sent` });
		expect((await feedback.find(t.db, f.reviewId, f.parentId))!.anonymous).toBe(true);
		const r = await results();
		expect(r.named).toEqual([]);
		expect(r.people.find((p) => p.name === 'Jo Reed')!.status).toBe('waiting');
		expect(r.anonymous).toBeNull();
		expect(JSON.stringify(r)).not.toContain('SECRET-WORDS');
	});

	it('shows name-hidden answers as totals once 5 or more came in, never their words', async () => {
		await saveSettingGroup(t.db, 'feedback', { anonymousAllowed: true }, f.adminId, T_SENT);
		const extra = await moreParents(4);
		await decisionsSent();
		for (const [i, id] of [f.parentId, ...extra].entries()) {
			const who = giver(id, 'parent');
			await outcome(savePage(t.db, who, ev({ 'fb-heard': i < 3 ? 'yes' : 'no', 'fb-heard-words': `WORDS-${i}` }), 'fb-heard', 'parent', T_SENT));
			await outcome(send(t.db, who, ev({ idempotency_key: KEY(i), anonymous: 'yes' }), 'parent', T_SENT));
		}
		const r = await results();
		expect(r.named).toEqual([]);
		expect(r.anonymous?.count).toBe(5);
		expect(r.anonymous?.questions.find((q) => q.questionId === 'fb-heard')?.options).toEqual([
			{ value: 'yes', count: 3 },
			{ value: 'not-sure', count: 0 },
			{ value: 'no', count: 2 }
		]);
		expect(JSON.stringify(r)).not.toMatch(/WORDS-\d/);
		expect(r.people.filter((p) => p.status === 'sent')).toEqual([]);
	});

	it('feeds the service figures: the rows of reviews held in the period, counted by feedbackSummary', async () => {
		await decisionsSent();
		await outcome(savePage(t.db, parent(), ev({ 'fb-heard': 'yes' }), 'fb-heard', 'parent', T_SENT));
		await outcome(send(t.db, parent(), ev({ idempotency_key: KEY(1) }), 'parent', T_SENT));
		const rows = await feedback.summaryRows(t.db, '2026-04-01', '2027-03-31');
		expect(rows.map((r) => [r.audience, r.sent]).sort()).toEqual([['carer', false], ['parent', true], ['young-person', false]]);
		expect(rows.find((r) => r.audience === 'parent')!.answers).toEqual({ 'fb-heard': { kind: 'choice', value: 'yes' }, 'fb-heard-words': { kind: 'skipped' } });
		const s = feedbackSummary(rows, { from: '2026-04-01', to: '2027-03-31' });
		expect(s.audiences.find((a) => a.audience === 'parent')).toMatchObject({ invited: { kind: 'suppressed' }, sent: { kind: 'suppressed' } });
		expect(await feedback.summaryRows(t.db, '2027-04-01', '2028-03-31')).toEqual([]);
	});
});
