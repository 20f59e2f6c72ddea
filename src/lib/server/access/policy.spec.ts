import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../auth/actor';
import { ACTIONS, can, NO_RESOURCE, type Action, type Facts, type Relation } from './policy';

/**
 * SEC-Z1: deny by default. `can()` decides from loaded facts (SECURITY §2, STYLE §4.2). The full
 * product role × relation × invited × action is checked against the short list of what is
 * allowed below; everything not listed must be refused.
 */

const RELATIONS: readonly Relation[] = ['self', 'allocated-iro', 'parent', 'carer', 'none'];

type Any = '*';
interface Allowed {
	role: Role;
	action: Action;
	relation: Relation | Any;
	invited: boolean | Any;
	why: string;
}

/** The access matrix (SECURITY §2) as far as the foundation's actions go. Nothing else is allowed. */
const ALLOWED: readonly Allowed[] = [
	{ role: 'admin', action: 'admin.manage', relation: '*', invited: '*', why: 'admins manage records' },
	{ role: 'admin', action: 'deliveries.manage', relation: '*', invited: '*', why: 'REL-16: failed deliveries are listed for the admin' },
	{ role: 'admin', action: 'reports.view', relation: '*', invited: '*', why: 'SECURITY §2: reports and their CSV (aggregates only)' },
	{ role: 'iro', action: 'caseload.view', relation: '*', invited: '*', why: 'an IRO has a caseload page (scoped by allocation in the query)' },
	{ role: 'advocate', action: 'advocate.home', relation: '*', invited: '*', why: 'advocates have a home page' },
	{ role: 'young-person', action: 'respondent.home', relation: '*', invited: '*', why: 'respondents have a home page' },
	{ role: 'parent', action: 'respondent.home', relation: '*', invited: '*', why: 'respondents have a home page' },
	{ role: 'carer', action: 'respondent.home', relation: '*', invited: '*', why: 'respondents have a home page' },
	{ role: 'young-person', action: 'review.answer', relation: 'self', invited: '*', why: 'a child answers for their own review' },
	{ role: 'parent', action: 'review.answer', relation: 'parent', invited: true, why: 'an active parent link and an invitation' },
	{ role: 'carer', action: 'review.answer', relation: 'carer', invited: true, why: 'an active placement and an invitation' },
	{ role: 'iro', action: 'review.read-pack', relation: 'allocated-iro', invited: '*', why: 'only the allocated IRO reads the pack' },
	{ role: 'admin', action: 'code.issue', relation: '*', invited: '*', why: 'admins issue codes' },
	{ role: 'iro', action: 'code.issue', relation: 'allocated-iro', invited: '*', why: 'IROs issue codes for allocated children' },
	{ role: 'iro', action: 'alert.acknowledge', relation: 'allocated-iro', invited: '*', why: 'DOMAIN §5.7: the allocated IRO acknowledges a safety alert' },
	{ role: 'iro', action: 'child.set-band', relation: 'allocated-iro', invited: '*', why: 'DOMAIN §5.1: the allocated IRO may override the band' },
	{ role: 'iro', action: 'review.record-outcome', relation: 'allocated-iro', invited: '*', why: 'issue 5: facts, PN code, decisions, report, escalations' },
	{ role: 'young-person', action: 'review.read-record', relation: 'self', invited: '*', why: 'SECURITY §2: own review record' },
	{ role: 'young-person', action: 'review.react', relation: 'self', invited: '*', why: 'DOMAIN §7: reactions to their own report' },
	{ role: 'parent', action: 'review.read-shared', relation: 'parent', invited: true, why: 'SECURITY §2: answers shared with everyone, invited parent' },
	{ role: 'carer', action: 'review.read-shared', relation: 'carer', invited: true, why: 'SECURITY §2: as parent, carer of the active placement' },
	// Issue 6 (feedback after the review, DOMAIN §7).
	{ role: 'young-person', action: 'review.give-feedback', relation: 'self', invited: '*', why: 'DOMAIN §7: the child says how their own review went' },
	{ role: 'parent', action: 'review.give-feedback', relation: 'parent', invited: true, why: 'DOMAIN §7: an invited parent with an active link' },
	{ role: 'carer', action: 'review.give-feedback', relation: 'carer', invited: true, why: 'DOMAIN §7: an invited carer of the active placement' },
	{ role: 'iro', action: 'review.read-feedback', relation: 'allocated-iro', invited: '*', why: 'DOMAIN §7: the allocated IRO sees named feedback per review' },
	// Issue 6 (requests): the rest need request facts, covered in requests-policy.spec.ts; without them everything else is refused.
	{ role: 'young-person', action: 'request.create', relation: 'self', invited: '*', why: 'DOMAIN §6.2: a child asks at any time' },
	{ role: 'parent', action: 'request.create', relation: 'parent', invited: '*', why: 'DOMAIN §6.2: a parent with an active link asks' },
	{ role: 'carer', action: 'request.create', relation: 'carer', invited: '*', why: 'DOMAIN §6.2: a carer of the active placement asks' },
	{ role: 'young-person', action: 'request.list-own', relation: '*', invited: '*', why: 'own requests (scoped to the actor in the query)' },
	{ role: 'parent', action: 'request.list-own', relation: '*', invited: '*', why: 'own requests (scoped to the actor in the query)' },
	{ role: 'carer', action: 'request.list-own', relation: '*', invited: '*', why: 'own requests (scoped to the actor in the query)' },
	{ role: 'iro', action: 'request.iro-list', relation: '*', invited: '*', why: 'requests of allocated children (scoped in the query)' }
];

function actor(role: Role): Actor {
	return { id: `${role}-1`, role, displayName: `A ${role}`, childId: role === 'young-person' ? 'child-1' : null, locale: null };
}

function facts(relation: Relation, invited: boolean, exists = true): Facts {
	return { exists, relation, invited };
}

function expected(role: Role, action: Action, relation: Relation, invited: boolean): boolean {
	return ALLOWED.some(
		(a) => a.role === role && a.action === action && (a.relation === '*' || a.relation === relation) && (a.invited === '*' || a.invited === invited)
	);
}

const MATRIX = ROLES.flatMap((role) =>
	ACTIONS.flatMap((action) =>
		RELATIONS.flatMap((relation) =>
			[true, false].map((invited) => ({ role, action, relation, invited, allowed: expected(role, action, relation, invited) }))
		)
	)
);

describe('SEC-Z1: can() over role × relation × invited × action', () => {
	it('covers every combination of the six roles, five relations, two invitation states and every action', () => {
		expect(MATRIX).toHaveLength(6 * 5 * 2 * ACTIONS.length);
	});

	it.each(MATRIX.map((m) => [`${m.role} / ${m.relation} / ${m.invited ? 'invited' : 'not invited'} / ${m.action} → ${m.allowed ? 'allowed' : 'denied'}`, m] as const))(
		'SEC-Z1: %s',
		(_name, m) => {
			expect(can(actor(m.role), m.action, facts(m.relation, m.invited))).toBe(m.allowed);
		}
	);

	it('every allowed row of the table is reachable (the table has no dead entries)', () => {
		for (const a of ALLOWED) expect(MATRIX.some((m) => m.allowed && m.role === a.role && m.action === a.action), a.why).toBe(true);
	});
});

describe('SEC-Z1: the rules in words', () => {
	it.each([
		['the allocated IRO reads the pack', 'iro', 'allocated-iro', false, true],
		['an IRO who is not allocated (another IRO, or a previous one) does not read the pack', 'iro', 'none', false, false],
		['an admin does not read the pack, whatever the relation (D15)', 'admin', 'allocated-iro', false, false],
		['an admin with no relation does not read the pack (D15)', 'admin', 'none', false, false],
		['an invited parent with an active link does not read the pack', 'parent', 'parent', true, false],
		['an invited carer with an active placement does not read the pack', 'carer', 'carer', true, false],
		['the child does not read the pack', 'young-person', 'self', true, false],
		['an advocate does not read the pack in the foundation', 'advocate', 'none', false, false]
	] as const)('SEC-Z1: %s', (_name, role, relation, invited, allowed) => {
		expect(can(actor(role), 'review.read-pack', facts(relation, invited))).toBe(allowed);
	});

	it.each([
		['a parent with an active link and an invitation answers', 'parent', 'parent', true, true],
		['a parent with an active link but no invitation does not answer', 'parent', 'parent', false, false],
		['a parent whose link has ended (relation none) does not answer, even if invited', 'parent', 'none', true, false],
		['a carer with an active placement and an invitation answers', 'carer', 'carer', true, true],
		['a carer with an active placement but no invitation does not answer', 'carer', 'carer', false, false],
		['a former carer (placement ended) does not answer, even if invited', 'carer', 'none', true, false],
		['a carer account holding a parent relation does not answer as a parent', 'carer', 'parent', true, false],
		['a parent account holding a carer relation does not answer as a carer', 'parent', 'carer', true, false],
		['a young person answers for themselves', 'young-person', 'self', false, true],
		['a young person does not answer for another child, even if somehow invited', 'young-person', 'none', true, false],
		['an IRO never answers a consultation', 'iro', 'allocated-iro', true, false],
		['an admin never answers a consultation', 'admin', 'none', true, false]
	] as const)('SEC-Z1: %s', (_name, role, relation, invited, allowed) => {
		expect(can(actor(role), 'review.answer', facts(relation, invited))).toBe(allowed);
	});

	it.each([
		['an admin issues a code for any child', 'admin', 'none', true],
		['the allocated IRO issues a code', 'iro', 'allocated-iro', true],
		['an IRO not allocated to the child does not issue a code (T12)', 'iro', 'none', false],
		['a parent does not issue a code', 'parent', 'parent', false],
		['a young person does not issue a code', 'young-person', 'self', false],
		['an advocate does not issue a code', 'advocate', 'none', false]
	] as const)('SEC-Z1: %s', (_name, role, relation, allowed) => {
		expect(can(actor(role), 'code.issue', facts(relation, false))).toBe(allowed);
	});

	it.each(ROLES.flatMap((role) => ACTIONS.map((action) => [role, action] as const)))(
		'SEC-Z1, D14: a %s is refused %s when the resource does not exist, whatever the relation',
		(role, action) => {
			for (const relation of RELATIONS) {
				for (const invited of [true, false]) expect(can(actor(role), action, facts(relation, invited, false))).toBe(false);
			}
		}
	);

	it.each(ACTIONS)('SEC-Z1: no signed-in actor (null) is refused %s', (action) => {
		for (const relation of RELATIONS) expect(can(null, action, facts(relation, true))).toBe(false);
		expect(can(null, action)).toBe(false);
	});

	it('an action the policy does not know is refused for every role (deny by default)', () => {
		for (const role of ROLES) expect(can(actor(role), 'pack.delete' as Action, facts('allocated-iro', true))).toBe(false);
	});

	it('the default facts (no resource) give no relation and no invitation', () => {
		expect(NO_RESOURCE).toEqual({ exists: true, relation: 'none', invited: false });
		expect(can(actor('parent'), 'review.answer')).toBe(false);
		expect(can(actor('iro'), 'review.read-pack')).toBe(false);
	});

	it('a role the policy does not know is refused everything', () => {
		const stranger = { ...actor('admin'), role: 'iro-manager' as Role };
		for (const action of ACTIONS) for (const relation of RELATIONS) expect(can(stranger, action, facts(relation, true))).toBe(false);
	});
});
