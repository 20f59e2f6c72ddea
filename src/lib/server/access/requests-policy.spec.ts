import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../auth/actor';
import { can, type Action, type Facts, type Relation, type RequestFacts } from './policy';

/**
 * SEC-Z1, SEC-Z9 for requests (issue 6; SECURITY §2): role × relation × request facts × action.
 * The advocate rows are the consent gate: an advocate never reads or acts on a referral that was
 * not shared with consent, or whose consent was withdrawn; only the allocated advocate reads the
 * child's answers ticked "my advocate".
 */
const ACTIONS = ['request.withdraw', 'request.iro-read', 'request.iro-act', 'referral.read', 'referral.act', 'referral.read-answers'] as const satisfies readonly Action[];
const RELATIONS: readonly Relation[] = ['self', 'allocated-iro', 'parent', 'carer', 'none'];

const REQUESTS: readonly [string, RequestFacts][] = [
	['to the IRO, mine', { requester: true, handler: 'iro', shared: false, allocatedToActor: false }],
	['to the IRO, not mine', { requester: false, handler: 'iro', shared: false, allocatedToActor: false }],
	['shared with the service, mine', { requester: true, handler: 'advocacy', shared: true, allocatedToActor: false }],
	['shared with the service, not allocated to me', { requester: false, handler: 'advocacy', shared: true, allocatedToActor: false }],
	['shared with the service, allocated to me', { requester: false, handler: 'advocacy', shared: true, allocatedToActor: true }],
	['consent withdrawn, was allocated to me', { requester: false, handler: 'advocacy', shared: false, allocatedToActor: true }],
	['consent withdrawn, not allocated', { requester: false, handler: 'advocacy', shared: false, allocatedToActor: false }]
];

function allowed(role: Role, action: (typeof ACTIONS)[number], relation: Relation, r: RequestFacts): boolean {
	switch (action) {
		case 'request.withdraw':
			return r.requester && ((role === 'young-person' && relation === 'self') || (role === 'parent' && relation === 'parent') || (role === 'carer' && relation === 'carer'));
		case 'request.iro-read':
			return role === 'iro' && relation === 'allocated-iro';
		case 'request.iro-act':
			return role === 'iro' && relation === 'allocated-iro' && r.handler === 'iro';
		case 'referral.read':
		case 'referral.act':
			return role === 'advocate' && r.handler === 'advocacy' && r.shared;
		case 'referral.read-answers':
			return role === 'advocate' && r.handler === 'advocacy' && r.shared && r.allocatedToActor;
	}
}

const actor = (role: Role): Actor => ({ id: `${role}-1`, role, displayName: role, childId: role === 'young-person' ? 'child-1' : null, locale: null });

const TABLE = ROLES.flatMap((role) =>
	ACTIONS.flatMap((action) =>
		RELATIONS.flatMap((relation) => REQUESTS.map(([label, r]) => ({ role, action, relation, label, r, ok: allowed(role, action, relation, r) })))
	)
);

describe('SEC-Z1, SEC-Z9: can() for requests, role × relation × request × action', () => {
	it('covers six roles × six actions × five relations × seven requests', () => {
		expect(TABLE).toHaveLength(6 * 6 * 5 * 7);
	});

	it.each(TABLE.map((m) => [`${m.role} / ${m.relation} / ${m.label} / ${m.action} → ${m.ok ? 'allowed' : 'denied'}`, m] as const))('%s', (_n, m) => {
		const facts: Facts = { exists: true, relation: m.relation, invited: false, request: m.r };
		expect(can(actor(m.role), m.action, facts)).toBe(m.ok);
	});

	it.each(ACTIONS)('%s is refused without request facts, and for a missing request', (action) => {
		for (const role of ROLES)
			for (const relation of RELATIONS) {
				expect(can(actor(role), action, { exists: true, relation, invited: true })).toBe(false);
				for (const [, r] of REQUESTS) expect(can(actor(role), action, { exists: false, relation, invited: true, request: r })).toBe(false);
			}
	});

	it('the consent gate in words: an advocate never sees a referral without consent or after withdrawal', () => {
		const advocate = actor('advocate');
		const f = (r: RequestFacts): Facts => ({ exists: true, relation: 'none', invited: false, request: r });
		expect(can(advocate, 'referral.read', f({ requester: false, handler: 'iro', shared: false, allocatedToActor: false }))).toBe(false);
		expect(can(advocate, 'referral.read', f({ requester: false, handler: 'advocacy', shared: false, allocatedToActor: true }))).toBe(false);
		expect(can(advocate, 'referral.read-answers', f({ requester: false, handler: 'advocacy', shared: false, allocatedToActor: true }))).toBe(false);
		expect(can(advocate, 'referral.read', f({ requester: false, handler: 'advocacy', shared: true, allocatedToActor: false }))).toBe(true);
	});
});
