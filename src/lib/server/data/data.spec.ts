import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFacts } from '../access/relationships';
import type { Actor, Role } from '../auth/actor';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import * as allocations from './allocations';
import * as answers from './answers';
import * as children from './children';
import * as consultations from './consultations';
import * as invitations from './invitations';
import * as reviews from './reviews';
import * as users from './users';

/**
 * The data modules on a real database (STYLE §4.4, §4.12), and the relationship facts that
 * `can()` decides from (SEC-Z1, SEC-Z2). Runs on SQLite and, with TEST_DATABASE_URL, Postgres.
 */
const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
const FORM = { formId: 'young-person-13-plus', formVersion: 1 };

let t: TestDatabase;
let f: Family;

beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, T0);
});
afterEach(async () => {
	await t?.close();
});

function actor(id: string, role: Role, childId: string | null = null): Actor {
	return { id, role, displayName: role, childId, locale: null };
}

function addDays(date: string, days: number): string {
	const d = new Date(`${date}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

it('runs on the dialect TEST_DATABASE_URL selects (Postgres when set, else SQLite)', () => {
	expect(t.dialect).toBe(process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite');
});

describe('children and links', () => {
	it('a child record round-trips', async () => {
		expect(await children.get(t.db, f.childId)).toEqual({
			id: f.childId, preferredName: 'Sam', dateOfBirth: '2011-05-01', preferredLocale: 'en-GB', lookedAfterSince: '2020-01-01', bandOverride: null, bandOverrideReason: null, closed: null
		});
		expect(await children.get(t.db, 'a'.repeat(24))).toBeUndefined();
	});

	it('lists every child, by name', async () => {
		expect((await children.list(t.db)).map((c) => c.preferredName)).toEqual(['Alex', 'Sam']);
	});

	it("lists a child's linked people with their relation and parental responsibility", async () => {
		const people = await children.people(t.db, f.childId);
		expect(people.map((p) => [p.displayName, p.relation, p.hasPr, p.endsOn, p.activated])).toEqual([
			['Pat Green', 'carer', false, null, false],
			['Jo Reed', 'parent', true, null, false]
		]);
	});

	it("finds the child's own account", async () => {
		expect(await children.accountFor(t.db, f.childId)).toEqual({ userId: f.youngPersonId, activated: false });
	});

	it('SEC-C6: text that looks like SQL is stored and read back as text', async () => {
		const name = "Robert'); DROP TABLE child;--";
		const id = await children.create(t.db, { preferredName: name, dateOfBirth: '2012-01-01', lookedAfterSince: '2022-01-01', preferredLocale: 'en-GB' }, T0);
		expect((await children.get(t.db, id))?.preferredName).toBe(name);
		expect(await children.list(t.db)).toHaveLength(3);
	});

	it('a link to a child that does not exist is refused by the database', async () => {
		await expect(children.link(t.db, { childId: 'z'.repeat(24), userId: f.parentId, relation: 'parent', hasPr: true, startsOn: f.today })).rejects.toThrow();
	});
});

describe('SEC-Z2: allocations', () => {
	it('the allocated IRO is the current IRO', async () => {
		expect(await allocations.currentIro(t.db, f.childId, f.today)).toEqual({ iroId: f.iroId, displayName: 'Rowan Patel' });
		expect(await allocations.isAllocated(t.db, f.childId, f.iroId, f.today)).toBe(true);
		expect(await allocations.isAllocated(t.db, f.childId, f.otherIroId, f.today)).toBe(false);
	});

	it('reallocation ends the old allocation today and opens the new one', async () => {
		await allocations.allocate(t.db, f.childId, f.otherIroId, f.today, T0);
		const rows = await t.db.selectFrom('iro_allocation').select(['iro_id', 'ends_on']).where('child_id', '=', f.childId).orderBy('created_at').orderBy('ends_on', 'desc').execute();
		expect(rows).toHaveLength(2);
		expect(rows.find((r) => r.iro_id === f.iroId)?.ends_on).toBe(f.today);
		expect(rows.find((r) => r.iro_id === f.otherIroId)?.ends_on).toBeNull();
		expect(await allocations.currentIro(t.db, f.childId, f.today)).toEqual({ iroId: f.otherIroId, displayName: 'Kit Morgan' });
		expect(await allocations.isAllocated(t.db, f.childId, f.iroId, f.today)).toBe(false);
	});

	it('SEC-Z2: access moves with reallocation: the old IRO has no relation, the new one is allocated', async () => {
		const before = await loadFacts(t.db, actor(f.iroId, 'iro'), { reviewId: f.reviewId }, f.today);
		expect(before).toMatchObject({ exists: true, relation: 'allocated-iro', childId: f.childId });
		await allocations.allocate(t.db, f.childId, f.otherIroId, f.today, T0);
		for (const ref of [{ reviewId: f.reviewId }, { childId: f.childId }]) {
			expect(await loadFacts(t.db, actor(f.iroId, 'iro'), ref, f.today)).toMatchObject({ exists: true, relation: 'none' });
			expect(await loadFacts(t.db, actor(f.otherIroId, 'iro'), ref, f.today)).toMatchObject({ exists: true, relation: 'allocated-iro' });
		}
	});

	it("SEC-Z2: an IRO has no relation to a child on another IRO's caseload", async () => {
		expect(await loadFacts(t.db, actor(f.iroId, 'iro'), { reviewId: f.otherReviewId }, f.today)).toMatchObject({ exists: true, relation: 'none' });
	});

	it('SEC-Z2: an allocation that starts in the future does not count yet ("started, no end", SECURITY §2)', async () => {
		const child = await children.create(t.db, { preferredName: 'Jamie', dateOfBirth: '2019-01-01', lookedAfterSince: '2024-01-01', preferredLocale: 'en-GB' }, T0);
		await allocations.allocate(t.db, child, f.iroId, addDays(f.today, 7), T0);
		expect(await loadFacts(t.db, actor(f.iroId, 'iro'), { childId: child }, f.today)).toMatchObject({ relation: 'none' });
	});
});

describe('SEC-Z1: relationship facts for parents, carers and the child', () => {
	it('an invited parent with an active link is a parent and invited', async () => {
		expect(await loadFacts(t.db, actor(f.parentId, 'parent'), { reviewId: f.reviewId }, f.today)).toEqual({
			exists: true, relation: 'parent', invited: true, childId: f.childId
		});
	});

	it('an invited carer with an active placement is a carer and invited', async () => {
		expect(await loadFacts(t.db, actor(f.carerId, 'carer'), { reviewId: f.reviewId }, f.today)).toMatchObject({ relation: 'carer', invited: true });
	});

	it('a parent whose link ended today has no relation', async () => {
		await t.db.updateTable('child_link').set({ ends_on: f.today }).where('user_id', '=', f.parentId).execute();
		expect(await loadFacts(t.db, actor(f.parentId, 'parent'), { reviewId: f.reviewId }, f.today)).toMatchObject({ relation: 'none' });
	});

	it('a carer whose placement ends tomorrow still has the relation today', async () => {
		await t.db.updateTable('child_link').set({ ends_on: addDays(f.today, 1) }).where('user_id', '=', f.carerId).execute();
		expect(await loadFacts(t.db, actor(f.carerId, 'carer'), { reviewId: f.reviewId }, f.today)).toMatchObject({ relation: 'carer' });
	});

	it('a carer whose placement starts tomorrow has no relation yet', async () => {
		await t.db.updateTable('child_link').set({ starts_on: addDays(f.today, 1) }).where('user_id', '=', f.carerId).execute();
		expect(await loadFacts(t.db, actor(f.carerId, 'carer'), { reviewId: f.reviewId }, f.today)).toMatchObject({ relation: 'none' });
	});

	it('a parent not invited to this review is related but not invited', async () => {
		const second = await reviews.create(t.db, { childId: f.childId, sequence: 2, dueDate: '2030-07-01' }, T0);
		expect(await loadFacts(t.db, actor(f.parentId, 'parent'), { reviewId: second }, f.today)).toMatchObject({ relation: 'parent', invited: false });
	});

	it("a parent of one child has no relation to another child's review", async () => {
		expect(await loadFacts(t.db, actor(f.parentId, 'parent'), { reviewId: f.otherReviewId }, f.today)).toMatchObject({ relation: 'none', invited: false });
	});

	it("a parent account linked only as a carer is not the child's parent", async () => {
		expect(await loadFacts(t.db, actor(f.carerId, 'parent'), { reviewId: f.reviewId }, f.today)).toMatchObject({ relation: 'none' });
	});

	it('the young person is self for their own review and nothing for another child', async () => {
		expect(await loadFacts(t.db, actor(f.youngPersonId, 'young-person', f.childId), { reviewId: f.reviewId }, f.today)).toMatchObject({ relation: 'self' });
		expect(await loadFacts(t.db, actor(f.youngPersonId, 'young-person', f.childId), { reviewId: f.otherReviewId }, f.today)).toMatchObject({ relation: 'none' });
	});

	it('an admin has no relation to a child (D15: access by role for records only)', async () => {
		expect(await loadFacts(t.db, actor(f.adminId, 'admin'), { reviewId: f.reviewId }, f.today)).toMatchObject({ exists: true, relation: 'none', invited: false });
	});

	it('D14: a review that does not exist, or that belongs to another child, does not exist', async () => {
		const missing = { exists: false, relation: 'none', invited: false, childId: null };
		expect(await loadFacts(t.db, actor(f.iroId, 'iro'), { reviewId: 'a'.repeat(24) }, f.today)).toEqual(missing);
		expect(await loadFacts(t.db, actor(f.iroId, 'iro'), { childId: 'a'.repeat(24) }, f.today)).toEqual(missing);
		expect(await loadFacts(t.db, actor(f.iroId, 'iro'), { reviewId: f.otherReviewId, childId: f.childId }, f.today)).toEqual(missing);
	});
});

describe('invitations', () => {
	it('ensure is idempotent: a second invitation to the same review makes no second row', async () => {
		await invitations.ensure(t.db, f.reviewId, f.parentId, 'parent', T0 + 1000);
		await invitations.ensure(t.db, f.reviewId, f.parentId, 'parent', T0 + 2000);
		const rows = await t.db.selectFrom('invitation').selectAll().where('review_id', '=', f.reviewId).where('respondent_id', '=', f.parentId).execute();
		expect(rows).toHaveLength(1);
		expect(Number(rows[0]!.invited_at)).toBe(T0);
	});

	it('concurrent invitations make one row', async () => {
		await Promise.all([1, 2, 3].map((i) => invitations.ensure(t.db, f.otherReviewId, f.parentId, 'parent', T0 + i)));
		expect(await t.db.selectFrom('invitation').select('id').where('review_id', '=', f.otherReviewId).where('respondent_id', '=', f.parentId).execute()).toHaveLength(1);
	});

	it('lists who is invited, with names, and what a respondent is invited to', async () => {
		expect(await invitations.exists(t.db, f.reviewId, f.carerId)).toBe(true);
		expect(await invitations.exists(t.db, f.otherReviewId, f.carerId)).toBe(false);
		expect((await invitations.forReviews(t.db, [f.reviewId])).map((i) => [i.respondentKind, i.displayName]).sort()).toEqual([
			['carer', 'Pat Green'], ['parent', 'Jo Reed'], ['young-person', 'Sam']
		]);
		expect(await invitations.forRespondent(t.db, f.parentId)).toEqual([{ reviewId: f.reviewId, kind: 'parent' }]);
		expect(await invitations.forReviews(t.db, [])).toEqual([]);
	});
});

describe('reviews', () => {
	it('the current review is the latest that is not closed', async () => {
		const second = await reviews.create(t.db, { childId: f.childId, sequence: 2, dueDate: '2030-07-01' }, T0);
		expect((await reviews.currentForChild(t.db, f.childId))?.id).toBe(second);
		await t.db.updateTable('review').set({ status: 'closed' }).where('id', '=', second).execute();
		expect((await reviews.currentForChild(t.db, f.childId))?.id).toBe(f.reviewId);
		const map = await reviews.currentForChildren(t.db, [f.childId, f.otherChildId]);
		expect(map.get(f.childId)?.id).toBe(f.reviewId);
		expect(map.get(f.otherChildId)?.id).toBe(f.otherReviewId);
	});

	it('scheduling sets the date and time and the status', async () => {
		expect(await reviews.get(t.db, f.reviewId)).toMatchObject({ scheduledDate: '2030-01-10', scheduledTime: '16:00', status: 'scheduled' });
	});

	it('two reviews of one child cannot share a sequence number', async () => {
		await expect(reviews.create(t.db, { childId: f.childId, sequence: 1, dueDate: '2030-07-01' }, T0)).rejects.toThrow();
	});
});

describe('consultations', () => {
	const input = () => ({ reviewId: f.reviewId, respondentId: f.youngPersonId, respondentKind: 'young-person' as const, ...FORM });

	it('start makes a draft pinned to the form version', async () => {
		const c = await consultations.start(t.db, input(), T0);
		expect(c).toMatchObject({ reviewId: f.reviewId, respondentId: f.youngPersonId, status: 'draft', formId: FORM.formId, formVersion: 1, startedAt: T0, submittedAt: null });
	});

	it('start is idempotent: a second start returns the first consultation, still pinned to its version', async () => {
		const first = await consultations.start(t.db, input(), T0);
		const second = await consultations.start(t.db, { ...input(), formVersion: 2 }, T0 + 1000);
		expect(second).toEqual(first);
		expect(await t.db.selectFrom('consultation').select('id').execute()).toHaveLength(1);
	});

	it('concurrent starts (a double tap) make one consultation', async () => {
		const results = await Promise.all([consultations.start(t.db, input(), T0), consultations.start(t.db, input(), T0 + 1)]);
		expect(results[0]!.id).toBe(results[1]!.id);
		expect(await t.db.selectFrom('consultation').select('id').execute()).toHaveLength(1);
	});

	it('markSubmitted succeeds once; a replay changes nothing', async () => {
		const c = await consultations.start(t.db, input(), T0);
		expect(await consultations.markSubmitted(t.db, c.id, T0 + 1000)).toBe(true);
		expect(await consultations.markSubmitted(t.db, c.id, T0 + 2000)).toBe(false);
		expect(await consultations.find(t.db, f.reviewId, f.youngPersonId)).toMatchObject({ status: 'submitted', submittedAt: T0 + 1000, updatedAt: T0 + 1000 });
	});

	it('forReviews lists every consultation of those reviews', async () => {
		await consultations.start(t.db, input(), T0);
		await consultations.start(t.db, { ...input(), respondentId: f.parentId, respondentKind: 'parent' }, T0);
		expect((await consultations.forReviews(t.db, [f.reviewId])).map((c) => c.respondentKind).sort()).toEqual(['parent', 'young-person']);
		expect(await consultations.forReviews(t.db, [f.otherReviewId])).toEqual([]);
	});
});

describe('REL-4: answers.save is an upsert on (consultation, question)', () => {
	async function consultationId(): Promise<string> {
		return (await consultations.start(t.db, { reviewId: f.reviewId, respondentId: f.youngPersonId, respondentKind: 'young-person', ...FORM }, T0)).id;
	}

	it('a replayed Continue lands on the same row, with the latest value and sharing', async () => {
		const id = await consultationId();
		await answers.save(t.db, id, { questionId: 'home-change', value: { kind: 'text', text: 'first' }, visibility: 'iro-only' }, T0);
		await answers.save(t.db, id, { questionId: 'home-change', value: { kind: 'text', text: 'second' }, visibility: 'everyone' }, T0 + 1000);
		const rows = await t.db.selectFrom('answer').selectAll().where('consultation_id', '=', id).execute();
		expect(rows).toHaveLength(1);
		expect(Number(rows[0]!.updated_at)).toBe(T0 + 1000);
		expect((await answers.forConsultation(t.db, id)).get('home-change')).toEqual({
			questionId: 'home-change', value: { kind: 'text', text: 'second' }, visibility: 'everyone'
		});
	});

	it('concurrent saves of one page make one row', async () => {
		const id = await consultationId();
		await Promise.all(
			['a', 'b', 'c'].map((text, i) => answers.save(t.db, id, { questionId: 'plans', value: { kind: 'text', text }, visibility: 'iro-only' }, T0 + i))
		);
		expect(await t.db.selectFrom('answer').select('question_id').where('consultation_id', '=', id).execute()).toHaveLength(1);
	});

	it('every answer kind round-trips, and unusual text stays text (SEC-C6, SEC-V6)', async () => {
		const id = await consultationId();
		const values = [
			{ questionId: 'home-feel', value: { kind: 'choice', value: 'happy' }, visibility: 'iro-only' },
			{ questionId: 'school-hard', value: { kind: 'choices', values: ['the-work', 'friends'] }, visibility: 'iro-and-social-worker' },
			{ questionId: 'plans', value: { kind: 'text', text: "'); DELETE FROM answer; -- <img src=x onerror=alert(1)> 👨‍👩‍👧 أحب" }, visibility: 'everyone' },
			{ questionId: 'since-hard', value: { kind: 'skipped' }, visibility: 'iro-only' }
		] as const;
		for (const a of values) await answers.save(t.db, id, structuredClone(a) as never, T0);
		const stored = await answers.forConsultation(t.db, id);
		for (const a of values) expect(stored.get(a.questionId)).toEqual(a);
	});

	it("forConsultations groups answers by consultation and never mixes two people's", async () => {
		const child = await consultationId();
		const parent = (await consultations.start(t.db, { reviewId: f.reviewId, respondentId: f.parentId, respondentKind: 'parent', ...FORM }, T0)).id;
		await answers.save(t.db, child, { questionId: 'plans', value: { kind: 'text', text: 'child words' }, visibility: 'everyone' }, T0);
		await answers.save(t.db, parent, { questionId: 'plans', value: { kind: 'text', text: 'parent words' }, visibility: 'everyone' }, T0);
		const all = await answers.forConsultations(t.db, [child, parent]);
		expect(all.get(child)?.get('plans')?.value).toEqual({ kind: 'text', text: 'child words' });
		expect(all.get(parent)?.get('plans')?.value).toEqual({ kind: 'text', text: 'parent words' });
		expect((await answers.forConsultations(t.db, [child])).has(parent)).toBe(false);
		expect(await answers.forConsultations(t.db, [])).toEqual(new Map());
	});

	it('an answer for a consultation that does not exist is refused by the database', async () => {
		await expect(answers.save(t.db, 'q'.repeat(24), { questionId: 'plans', value: { kind: 'skipped' }, visibility: 'iro-only' }, T0)).rejects.toThrow();
	});
});

describe('users', () => {
	it('staff emails are stored lower-case and unique', async () => {
		const id = await users.createStaff(t.db, { role: 'iro', email: 'New.Person@Example.org', displayName: 'New Person', passwordHash: null }, T0);
		expect((await users.get(t.db, id))?.email).toBe('new.person@example.org');
		expect(await users.emailTaken(t.db, ' NEW.person@example.org ')).toBe(true);
		await expect(users.createStaff(t.db, { role: 'admin', email: 'new.person@example.org', displayName: 'Copy', passwordHash: null }, T0)).rejects.toThrow();
	});

	it('usernames are unique', async () => {
		await users.setCredentials(t.db, f.youngPersonId, 'sunny-otter-42', 'hash', T0);
		expect(await users.usernameTaken(t.db, 'sunny-otter-42')).toBe(true);
		await expect(users.setCredentials(t.db, f.parentId, 'sunny-otter-42', 'hash', T0)).rejects.toThrow();
	});

	it('setCredentials with no username keeps the existing one (a reissue keeps the username)', async () => {
		await users.setCredentials(t.db, f.youngPersonId, 'sunny-otter-42', 'hash-1', T0);
		await users.setCredentials(t.db, f.youngPersonId, null, 'hash-2', T0 + 1000);
		expect(await users.get(t.db, f.youngPersonId)).toMatchObject({ username: 'sunny-otter-42', activatedAt: T0 + 1000 });
		expect(await users.credentialsByUsername(t.db, 'sunny-otter-42')).toMatchObject({ id: f.youngPersonId, passwordHash: 'hash-2', active: true });
	});

	it('lists users by role, by name', async () => {
		expect((await users.listByRole(t.db, 'iro')).map((u) => u.displayName)).toEqual(['Kit Morgan', 'Rowan Patel']);
	});
});
