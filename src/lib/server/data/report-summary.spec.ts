/**
 * The report summary (migration 1300) kept up to date by triggers and `refresh`: after any change to
 * the facts behind it, the report read from the summary equals the report from a summary rebuilt
 * from nothing. Runs on SQLite and (TEST_DATABASE_URL) Postgres.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Report } from '$lib/domain/reports/types';
import { openTestDatabase, type TestDatabase } from '../db/test-db';
import { computeReport } from '../reports/load';
import { generateYear, writeDataset } from '../reports/synthetic';
import * as summary from './report-summary';

const TODAY = '2026-11-26';
let opened: TestDatabase;
let period: { from: string; to: string };

beforeEach(async () => {
	opened = await openTestDatabase();
	const year = generateYear({ reviews: 240, seed: 11 });
	period = year.period;
	await writeDataset(opened.db, year.dataset, Date.parse('2026-04-01T12:00:00Z'));
});
afterEach(async () => {
	await opened.close();
});

/** The report as the page reads it (the summary brought up to date by the changes made). */
const incremental = (): Promise<Report> => computeReport(opened.db, period, TODAY, Date.parse(`${TODAY}T12:00:00Z`));

/** The report from a summary built afresh: everything emptied and every review marked changed. */
async function fromNothing(): Promise<Report> {
	const db = opened.db;
	await db.deleteFrom('report_review').execute();
	await db.deleteFrom('report_feedback').execute();
	await sql`insert into report_dirty (review_id) select id from review where not exists (select 1 from report_dirty d where d.review_id = review.id)`.execute(db);
	return computeReport(db, period, TODAY, Date.parse(`${TODAY}T12:00:00Z`));
}

const table = (r: Report, id: string) => r.tables.find((t) => t.id === id)!;

async function heldReviews(): Promise<{ id: string; child_id: string; held_date: string }[]> {
	return opened.db
		.selectFrom('review')
		.where('held_date', '>=', period.from)
		.where('held_date', '<=', period.to)
		.select(['id', 'child_id', sql<string>`held_date`.as('held_date')])
		.orderBy('id')
		.execute();
}

describe('report summary', () => {
	it('is built on the first read (every held review starts dirty) and leaves nothing dirty', async () => {
		const dirty = await opened.db.selectFrom('report_dirty').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
		expect(Number(dirty.n)).toBeGreaterThan(240);
		const first = await incremental();
		expect(await opened.db.selectFrom('report_dirty').selectAll().execute()).toEqual([]);
		expect(table(first, 'reviews').rows.find((r) => r.id === 'total-cla')!.cells.reviews).toEqual({ kind: 'count', value: expect.any(Number) });
		expect(await summary.refresh(opened.db)).toBe(0);
		expect(await fromNothing()).toEqual(first);
	});

	it('keeps no date of birth, name or answer text', async () => {
		await incremental();
		const row = await opened.db.selectFrom('report_review').selectAll().executeTakeFirstOrThrow();
		expect(Object.keys(row)).not.toContain('date_of_birth');
		expect(JSON.stringify(row)).not.toMatch(/Child \d/);
		const answers = await opened.db.selectFrom('report_feedback').where('question_id', '<>', '').select('value').execute();
		for (const a of answers) expect(a.value).toMatch(/^\{"kind":"choice"/);
	});

	it('after each kind of change, the report read equals the report from a summary built afresh', async () => {
		const db = opened.db;
		const before = await incremental();
		const held = await heldReviews();
		const [a, b, c, d, e, f] = [held[3]!, held[17]!, held[40]!, held[77]!, held[101]!, held[150]!];

		// The IRO confirms another code; a meeting's facts change.
		await db.updateTable('review_meeting').set({ confirmed_code: 'PN7' }).where('review_id', '=', a.id).execute();
		await db.updateTable('review_meeting').set({ private_talk_held: 0, advocacy_explained: 0 }).where('review_id', '=', b.id).execute();
		// A child's date of birth is corrected (now a care leaver on the held date); another's band is overridden.
		await db.updateTable('child').set({ date_of_birth: '2000-01-01' }).where('id', '=', c.child_id).execute();
		await db.updateTable('child').set({ band_override: '4-7' }).where('id', '=', d.child_id).execute();
		// A held date is corrected into the next year (out of the period).
		await db.updateTable('review').set({ held_date: '2026-04-15' }).where('id', '=', e.id).execute();
		// The record goes out; decisions are withdrawn.
		await db.updateTable('review_report').set({ record_sent_at: Date.parse('2026-01-01T12:00:00Z'), decisions_sent_at: null }).where('review_id', '=', f.id).execute();
		const afterMeeting = await incremental();
		expect(afterMeeting).not.toEqual(before);
		expect(table(afterMeeting, 'participation')).not.toEqual(table(before, 'participation'));
		expect(table(afterMeeting, 'reviews')).not.toEqual(table(before, 'reviews'));
		expect(await fromNothing()).toEqual(afterMeeting);

		// Forms: a submitted form is reopened (its first send kept in a version), a draft is sent, an invitation removed.
		const forms = await db.selectFrom('consultation').innerJoin('review', 'review.id', 'consultation.review_id')
			.where('review.held_date', '>=', period.from).where('review.held_date', '<=', period.to)
			.select(['consultation.id', 'consultation.review_id', 'consultation.respondent_id', 'consultation.respondent_kind', 'consultation.submitted_at']).orderBy('consultation.id').execute();
		const sentChild = forms.find((x) => x.respondent_kind === 'young-person' && x.submitted_at !== null)!;
		await db.insertInto('consultation_version').values({ consultation_id: sentChild.id, revision: 1, answers: '{}', submitted_at: Number(sentChild.submitted_at) - 30 * 86_400_000, reopened_at: Number(sentChild.submitted_at) }).execute();
		await db.updateTable('consultation').set({ submitted_at: null, status: 'draft' }).where('id', '=', sentChild.id).execute();
		const draft = forms.find((x) => x.respondent_kind === 'carer' && x.submitted_at === null)!;
		await db.updateTable('consultation').set({ submitted_at: Date.parse('2025-12-01T12:00:00Z'), status: 'submitted' }).where('id', '=', draft.id).execute();
		const parentInvite = await db.selectFrom('invitation').where('respondent_kind', '=', 'parent').where('review_id', 'in', held.map((h) => h.id)).select(['id', 'review_id', 'respondent_id']).orderBy('id').executeTakeFirstOrThrow();
		await db.deleteFrom('consultation').where('review_id', '=', parentInvite.review_id).where('respondent_id', '=', parentInvite.respondent_id).execute();
		await db.deleteFrom('invitation').where('id', '=', parentInvite.id).execute();
		const afterForms = await incremental();
		expect(table(afterForms, 'consultation')).not.toEqual(table(afterMeeting, 'consultation'));
		expect(await fromNothing()).toEqual(afterForms);

		// Feedback: a sent response goes back to draft, an answer changes.
		const sentFeedback = await db.selectFrom('feedback_response').where('status', '=', 'sent').where('review_id', 'in', held.map((h) => h.id)).select(['id']).orderBy('id').execute();
		await db.updateTable('feedback_response').set({ status: 'draft', sent_at: null }).where('id', '=', sentFeedback[0]!.id).execute();
		const answer = await db.selectFrom('feedback_answer').where('response_id', '=', sentFeedback[1]!.id).select(['question_id', 'value']).executeTakeFirstOrThrow();
		// No longer a choice (so no longer counted): the question's answers go down by one.
		await db.updateTable('feedback_answer').set({ value: JSON.stringify({ kind: 'text', value: 'x' }) }).where('response_id', '=', sentFeedback[1]!.id).where('question_id', '=', answer.question_id).execute();
		const afterFeedback = await incremental();
		expect(afterFeedback.tables.filter((t) => t.id.startsWith('feedback'))).not.toEqual(afterForms.tables.filter((t) => t.id.startsWith('feedback')));
		expect(await fromNothing()).toEqual(afterFeedback);
	});

	it('a change made inside a transaction that rolls back leaves the summary as it was', async () => {
		const db = opened.db;
		const before = await incremental();
		const [r] = await heldReviews();
		await expect(
			db.transaction().execute(async (trx) => {
				await trx.updateTable('review_meeting').set({ confirmed_code: 'PN7' }).where('review_id', '=', r!.id).execute();
				throw new Error('rolled back');
			})
		).rejects.toThrow('rolled back');
		expect(await db.selectFrom('report_dirty').selectAll().execute()).toEqual([]);
		expect(await incremental()).toEqual(before);
	});

	it('an upsert that updates a row whose review is already marked saves (migration 1600; SQLite let the upsert override the trigger\'s "or ignore")', async () => {
		const db = opened.db;
		await incremental();
		const [r] = await heldReviews();
		const meeting = await db.selectFrom('review_meeting').selectAll().where('review_id', '=', r!.id).executeTakeFirstOrThrow();
		for (const code of ['PN2', 'PN3', 'PN4'] as const) {
			// The first marks the review; the next two find it marked already.
			await db.insertInto('review_meeting').values(meeting).onConflict((oc) => oc.column('review_id').doUpdateSet({ confirmed_code: code })).execute();
		}
		expect((await db.selectFrom('report_dirty').select('review_id').execute()).map((d) => d.review_id)).toEqual([r!.id]);
		const after = await incremental();
		expect(await fromNothing()).toEqual(after);
	});
});
