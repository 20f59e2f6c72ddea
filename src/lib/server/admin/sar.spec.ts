import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Access } from '../access/require';
import type { Actor } from '../auth/actor';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import { newId } from '../ids';
import { SAR_LIMIT, exportSubjectAccess } from './sar';

/**
 * SECURITY §10 subject access, PRIV-G3: the export holds everything about one child, answers
 * included (the D15 exception), and nothing about any other child; it is audited as an export and
 * limited to 5 children an hour per admin. Runs on SQLite and, with TEST_DATABASE_URL, Postgres.
 */
const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
const CANARY = 'SAR-CANARY my own words about home';
const OTHER = 'SAR-OTHER another child’s words';
const PARENT_WORDS = 'SAR-PARENT what the parent said';

let t: TestDatabase;
let f: Family;

beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, T0);
});
afterEach(async () => {
	await t?.close();
});

function admin(): Access<'admin.manage'> {
	const actor: Actor = { id: f.adminId, role: 'admin', displayName: 'Ade Admin', childId: null, locale: null };
	return { actor, action: 'admin.manage', childId: null, reviewId: null } as unknown as Access<'admin.manage'>;
}

async function plantAnswer(reviewId: string, respondentId: string, kind: string, text: string) {
	const id = newId();
	await t.db.insertInto('consultation').values({ id, review_id: reviewId, respondent_id: respondentId, respondent_kind: kind, form_id: 'f', form_version: 1, status: 'submitted', started_at: T0, updated_at: T0, submitted_at: T0 }).execute();
	await t.db.insertInto('answer').values({ consultation_id: id, question_id: 'q1', value: JSON.stringify(text), visibility: 'iro_only', updated_at: T0 }).execute();
	return id;
}

describe('subject access export', () => {
	it('PRIV-G3: holds the child’s record, people, reviews and their own answer text, and nothing of another child', async () => {
		const own = await plantAnswer(f.reviewId, f.youngPersonId, 'young-person', CANARY);
		const parents = await plantAnswer(f.reviewId, f.parentId, 'parent', PARENT_WORDS);
		await plantAnswer(f.otherReviewId, f.otherYoungPersonId, 'young-person', OTHER);
		await t.db.insertInto('audit_event').values({ id: newId(), at: T0, actor_id: f.iroId, actor_role: 'iro', action: 'view', child_id: f.otherChildId, resource_type: 'consultation', resource_id: 'x', outcome: 'ok', request_id: null }).execute();

		const out = await exportSubjectAccess(admin(), f.childId, T0, 'req-1', t.db);
		expect(out.kind).toBe('ok');
		if (out.kind !== 'ok') return;
		const json = JSON.stringify(out.data);
		expect(json).toContain(CANARY);
		expect(json).toContain(PARENT_WORDS);
		expect(json).not.toContain(OTHER);
		expect(json).not.toContain(f.otherChildId);
		expect(json).not.toContain(f.otherReviewId);
		expect(json).not.toContain('password_hash');

		expect(out.data.child.id).toBe(f.childId);
		expect(out.data.account?.id).toBe(f.youngPersonId);
		expect(out.data.people.map((p) => p.user_id)).toEqual(expect.arrayContaining([f.parentId, f.carerId]));
		expect(out.data.reviews.map((r) => r.id)).toContain(f.reviewId);
		// The parent's consultation is a third-party record: included, flagged for the DPO.
		const byId = new Map(out.data.consultations.map((c) => [c.id, c]));
		expect(byId.get(own)).toMatchObject({ needsRedactionReview: false });
		expect(byId.get(parents)).toMatchObject({ needsRedactionReview: true });
		expect(out.data.auditEvents.every((e) => e.child_id === f.childId)).toBe(true);
	});

	it('is audited as an export of that child, naming no content', async () => {
		await exportSubjectAccess(admin(), f.childId, T0, 'req-2', t.db);
		const rows = await t.db.selectFrom('audit_event').selectAll().where('action', '=', 'export').execute();
		expect(rows).toEqual([expect.objectContaining({ actor_id: f.adminId, actor_role: 'admin', child_id: f.childId, resource_type: 'subject-access', resource_id: f.childId, request_id: 'req-2' })]);
	});

	it('a child that does not exist is missing (the route answers 404), and costs nothing', async () => {
		expect((await exportSubjectAccess(admin(), 'a'.repeat(24), T0, null, t.db)).kind).toBe('missing');
		expect(await t.db.selectFrom('rate_limit').selectAll().execute()).toEqual([]);
	});

	it('5 children an hour per admin; re-reading the same child’s export in the hour costs nothing more', async () => {
		const ids = [f.childId, f.otherChildId];
		for (let i = 0; i < 3; i++) {
			ids.push(await t.db.insertInto('child').values({ id: newId(), preferred_name: `Kid ${i}`, date_of_birth: '2014-01-01', preferred_locale: 'en-GB', looked_after_since: '2020-01-01', band_override: null, band_override_reason: null, created_at: T0, closed_on: null, closed_reason: null, closed_at: null }).returning('id').executeTakeFirstOrThrow().then((r) => r.id));
		}
		for (const id of ids) expect((await exportSubjectAccess(admin(), id, T0, null, t.db)).kind).toBe('ok');
		// The page and then the download for a child already exported this hour.
		expect((await exportSubjectAccess(admin(), f.childId, T0 + 1000, null, t.db)).kind).toBe('ok');
		const extra = await t.db.insertInto('child').values({ id: newId(), preferred_name: 'Kid 9', date_of_birth: '2014-01-01', preferred_locale: 'en-GB', looked_after_since: '2020-01-01', band_override: null, band_override_reason: null, created_at: T0, closed_on: null, closed_reason: null, closed_at: null }).returning('id').executeTakeFirstOrThrow();
		const limited = await exportSubjectAccess(admin(), extra.id, T0 + 2000, null, t.db);
		expect(limited).toMatchObject({ kind: 'limited' });
		expect((await exportSubjectAccess(admin(), extra.id, T0 + SAR_LIMIT.windowMs + 1, null, t.db)).kind).toBe('ok');
	});
});
