import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import * as answers from '../data/answers';
import * as consultations from '../data/consultations';
import * as feedback from '../data/feedback';
import * as reviews from '../data/reviews';
import { CONTENT_DAYS_DEFAULT, eraseTransferredContent } from './content-erasure';

/**
 * SECURITY §10, D20, PRIV-G1 under a fake clock: answers' content goes only after the pack was
 * marked saved to the case record AND the set number of days after the meeting; what was never
 * transferred stays; whether a response came, feedback scores and reporting facts stay; the audit
 * row holds counts only.
 */
const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T10:00:00Z');
const HELD = '2026-03-02';
const CANARY = 'CANARY-erase-me';

let t: TestDatabase;
let f: Family;

beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, T0);
});
afterEach(async () => t.close());

/** A held review with the child's sent consultation (one earlier version kept) and the parent's feedback. */
async function heldReviewWithContent(reviewId: string, respondentId: string) {
	await reviews.markHeld(t.db, reviewId, HELD);
	const c = await consultations.start(t.db, { reviewId, respondentId, respondentKind: 'young-person', formId: 'young-person-13-17', formVersion: 1 }, T0);
	await answers.save(t.db, c.id, { questionId: 'home', value: { kind: 'text', text: `${CANARY} home` }, visibility: 'iro-only' }, T0);
	await answers.save(t.db, c.id, { questionId: 'draw', value: { kind: 'drawing', strokes: [[1, 2, 3, 4]] }, visibility: 'iro-only' }, T0);
	await consultations.markSubmitted(t.db, c.id, T0);
	await consultations.reopen(t.db, c.id, JSON.stringify([{ questionId: 'home', value: { kind: 'text', text: `${CANARY} v1` } }]), T0 + 1000);
	await consultations.markSubmitted(t.db, c.id, T0 + 2000);
	await feedback.invite(t.db, { reviewId, respondentId: f.parentId, kind: 'parent', formId: 'feedback-parent', formVersion: 1, closesOn: '2026-04-01' }, T0);
	const r = (await feedback.find(t.db, reviewId, f.parentId))!;
	await feedback.saveAnswers(t.db, r.id, [
		{ questionId: 'how-was-it', value: { kind: 'choice', value: 'good' } },
		{ questionId: 'words', value: { kind: 'text', text: `${CANARY} feedback` } }
	], T0);
	await feedback.markSent(t.db, r.id, false, T0);
	return { consultationId: c.id, responseId: r.id };
}

const markSaved = (reviewId: string, at = T0 + DAY) =>
	t.db.updateTable('review').set({ case_record_saved_at: at, case_record_saved_by: f.iroId }).where('id', '=', reviewId).execute();

async function everything() {
	const text = JSON.stringify([
		await t.db.selectFrom('answer').selectAll().execute(),
		await t.db.selectFrom('consultation_version').selectAll().execute(),
		await t.db.selectFrom('feedback_answer').selectAll().execute(),
		await t.db.selectFrom('audit_event').selectAll().execute()
	]);
	return text;
}

describe('SECURITY §10, D20: erasing answers once saved to the case record', () => {
	it('the default is 90 days after the meeting', () => {
		expect(CONTENT_DAYS_DEFAULT).toBe(90);
	});

	it('not marked saved: nothing goes, however old', async () => {
		await heldReviewWithContent(f.reviewId, f.youngPersonId);
		const out = await eraseTransferredContent(t.db, T0 + 400 * DAY);
		expect(out).toEqual({ reviews: 0, answer: 0, consultation_version: 0, feedback_answer: 0 });
		expect(await everything()).toContain(CANARY);
	});

	it('marked saved: kept until the day, then the content goes and the facts stay', async () => {
		const { consultationId, responseId } = await heldReviewWithContent(f.reviewId, f.youngPersonId);
		await markSaved(f.reviewId);
		// 89 days after the meeting: still there.
		expect((await eraseTransferredContent(t.db, T0 + 89 * DAY)).reviews).toBe(0);
		expect(await everything()).toContain(CANARY);
		// 90 days: gone.
		const out = await eraseTransferredContent(t.db, T0 + 90 * DAY);
		expect(out).toEqual({ reviews: 1, answer: 2, consultation_version: 1, feedback_answer: 1 });
		expect(await everything()).not.toContain(CANARY);
		expect(await t.db.selectFrom('answer').selectAll().execute()).toEqual([]);
		// Whether a response came, and when, is kept; so is the feedback score.
		const c = await t.db.selectFrom('consultation').select(['status', 'submitted_at']).where('id', '=', consultationId).executeTakeFirstOrThrow();
		expect(c).toEqual({ status: 'submitted', submitted_at: T0 + 2000 });
		expect(await t.db.selectFrom('consultation_version').select(['answers', 'submitted_at']).execute()).toEqual([{ answers: '[]', submitted_at: T0 }]);
		expect([...(await feedback.answers(t.db, responseId)).entries()]).toEqual([['how-was-it', { kind: 'choice', value: 'good' }]]);
		expect((await feedback.find(t.db, f.reviewId, f.parentId))?.status).toBe('sent');
		expect((await t.db.selectFrom('review').select('content_erased_at').where('id', '=', f.reviewId).executeTakeFirstOrThrow()).content_erased_at).toBe(T0 + 90 * DAY);
		// The audit: one 'erased' row per kind, counts only.
		const rows = await t.db.selectFrom('audit_event').select(['action', 'actor_role', 'resource_type', 'resource_id', 'child_id']).where('action', '=', 'erased').orderBy('resource_type').execute();
		expect(rows).toEqual([
			{ action: 'erased', actor_role: 'system', resource_type: 'answer', resource_id: '2', child_id: null },
			{ action: 'erased', actor_role: 'system', resource_type: 'consultation_version', resource_id: '1', child_id: null },
			{ action: 'erased', actor_role: 'system', resource_type: 'feedback_answer', resource_id: '1', child_id: null }
		]);
		// Done once: the next day's pass finds nothing to do and writes nothing.
		expect((await eraseTransferredContent(t.db, T0 + 91 * DAY)).reviews).toBe(0);
		expect((await t.db.selectFrom('audit_event').select('id').where('action', '=', 'erased').execute()).length).toBe(3);
	});

	it('only the saved review: another child’s unsaved review keeps its answers', async () => {
		await heldReviewWithContent(f.reviewId, f.youngPersonId);
		await reviews.markHeld(t.db, f.otherReviewId, HELD);
		const other = await consultations.start(t.db, { reviewId: f.otherReviewId, respondentId: f.otherYoungPersonId, respondentKind: 'young-person', formId: 'young-person-8-12', formVersion: 1 }, T0);
		await answers.save(t.db, other.id, { questionId: 'home', value: { kind: 'text', text: 'OTHER-KEEP' }, visibility: 'iro-only' }, T0);
		await markSaved(f.reviewId);
		await eraseTransferredContent(t.db, T0 + 120 * DAY);
		expect(await everything()).not.toContain(CANARY);
		expect(await everything()).toContain('OTHER-KEEP');
	});

	it('a configured period is used, but never under the 30-day floor', async () => {
		await heldReviewWithContent(f.reviewId, f.youngPersonId);
		await markSaved(f.reviewId);
		expect((await eraseTransferredContent(t.db, T0 + 10 * DAY, 0)).reviews).toBe(0);
		expect((await eraseTransferredContent(t.db, T0 + 29 * DAY, 7)).reviews).toBe(0);
		expect((await eraseTransferredContent(t.db, T0 + 30 * DAY, 7)).reviews).toBe(1);
	});

	it('a review not yet held is never erased, even if marked', async () => {
		await markSaved(f.reviewId);
		expect((await eraseTransferredContent(t.db, T0 + 400 * DAY)).reviews).toBe(0);
	});
});
