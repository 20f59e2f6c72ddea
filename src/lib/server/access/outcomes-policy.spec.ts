import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../auth/actor';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import * as allocations from '../data/allocations';
import { can, type Action, type Relation } from './policy';
import { loadFacts } from './relationships';

/**
 * SEC-Z1, SEC-Z2 for the after-the-meeting actions (issue 5; SECURITY §2): only the allocated IRO
 * records the meeting, the code, decisions, the report and escalations; a young person reads their
 * own review record and reacts to it. Everything else is refused.
 */
const ACTIONS = ['review.record-outcome', 'review.read-record', 'review.react'] as const satisfies readonly Action[];
const RELATIONS: readonly Relation[] = ['self', 'allocated-iro', 'parent', 'carer', 'none'];

const ALLOWED: readonly { role: Role; action: (typeof ACTIONS)[number]; relation: Relation }[] = [
	{ role: 'iro', action: 'review.record-outcome', relation: 'allocated-iro' },
	{ role: 'young-person', action: 'review.read-record', relation: 'self' },
	{ role: 'young-person', action: 'review.react', relation: 'self' }
];

function actor(role: Role, id = `${role}-1`, childId: string | null = role === 'young-person' ? 'child-1' : null): Actor {
	return { id, role, displayName: role, childId, locale: null };
}

const TABLE = ROLES.flatMap((role) =>
	ACTIONS.flatMap((action) =>
		RELATIONS.flatMap((relation) =>
			[true, false].map((invited) => ({ role, action, relation, invited, allowed: ALLOWED.some((a) => a.role === role && a.action === action && a.relation === relation) }))
		)
	)
);

describe('SEC-Z1: can() for the after-the-meeting actions, role × relation × invited', () => {
	it('covers six roles × three actions × five relations × two invitation states', () => {
		expect(TABLE).toHaveLength(6 * 3 * 5 * 2);
	});

	it.each(TABLE.map((m) => [`${m.role} / ${m.relation} / ${m.invited ? 'invited' : 'not invited'} / ${m.action} → ${m.allowed ? 'allowed' : 'denied'}`, m] as const))(
		'SEC-Z1: %s',
		(_name, m) => {
			expect(can(actor(m.role), m.action, { exists: true, relation: m.relation, invited: m.invited })).toBe(m.allowed);
		}
	);

	it.each(ACTIONS)('D14: %s is refused to everyone when the review does not exist, and to no one signed in', (action) => {
		for (const role of ROLES) for (const relation of RELATIONS) expect(can(actor(role), action, { exists: false, relation, invited: true })).toBe(false);
		expect(can(null, action, { exists: true, relation: 'allocated-iro', invited: true })).toBe(false);
	});
});

describe('SEC-Z2: through the real relationship facts, only the allocated IRO and the child themselves', () => {
	const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
	let t: TestDatabase;
	let f: Family;
	beforeEach(async () => {
		t = await openTestDatabase();
		f = await seedFamily(t.db, T0);
	});
	afterEach(async () => {
		await t?.close();
	});

	async function allowed(who: Actor, action: Action, reviewId: string): Promise<boolean> {
		return can(who, action, await loadFacts(t.db, who, { reviewId }, f.today));
	}

	it('the allocated IRO records outcomes; another IRO, an admin, a parent, a carer and the child do not', async () => {
		expect(await allowed(actor('iro', f.iroId), 'review.record-outcome', f.reviewId)).toBe(true);
		expect(await allowed(actor('iro', f.otherIroId), 'review.record-outcome', f.reviewId)).toBe(false);
		expect(await allowed(actor('admin', f.adminId), 'review.record-outcome', f.reviewId)).toBe(false);
		expect(await allowed(actor('parent', f.parentId), 'review.record-outcome', f.reviewId)).toBe(false);
		expect(await allowed(actor('carer', f.carerId), 'review.record-outcome', f.reviewId)).toBe(false);
		expect(await allowed(actor('young-person', f.youngPersonId, f.childId), 'review.record-outcome', f.reviewId)).toBe(false);
	});

	it('access moves with reallocation: the previous IRO is refused at once, the new one allowed', async () => {
		await allocations.allocate(t.db, f.childId, f.otherIroId, f.today, T0);
		expect(await allowed(actor('iro', f.iroId), 'review.record-outcome', f.reviewId)).toBe(false);
		expect(await allowed(actor('iro', f.otherIroId), 'review.record-outcome', f.reviewId)).toBe(true);
	});

	it('the child reads and reacts to their own review record, never another child’s; parents and carers do neither', async () => {
		const me = actor('young-person', f.youngPersonId, f.childId);
		for (const action of ['review.read-record', 'review.react'] as const) {
			expect(await allowed(me, action, f.reviewId)).toBe(true);
			expect(await allowed(me, action, f.otherReviewId)).toBe(false);
			expect(await allowed(actor('young-person', f.otherYoungPersonId, f.otherChildId), action, f.reviewId)).toBe(false);
			expect(await allowed(actor('parent', f.parentId), action, f.reviewId)).toBe(false);
			expect(await allowed(actor('carer', f.carerId), action, f.reviewId)).toBe(false);
			expect(await allowed(actor('iro', f.iroId), action, f.reviewId)).toBe(false);
		}
	});
});
