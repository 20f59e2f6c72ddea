import type { Actor } from '../auth/actor';

/**
 * `can()` decides from loaded relationship facts, never from the role alone (SECURITY §2,
 * STYLE §4.2). Pure: a table test covers role × relation × action (SEC-Z1).
 */
export const ACTIONS = [
	'admin.manage',
	'deliveries.manage',
	'reports.view',
	'caseload.view',
	'advocate.home',
	'respondent.home',
	'review.answer',
	'review.read-pack',
	'code.issue',
	'alert.acknowledge',
	'child.set-band',
	'review.read-shared',
	'review.record-outcome',
	'review.read-record',
	'review.react',
	'review.give-feedback',
	'review.read-feedback',
	'request.create',
	'request.list-own',
	'request.withdraw',
	'request.iro-list',
	'request.iro-read',
	'request.iro-act',
	'referral.read',
	'referral.act',
	'referral.read-answers'
] as const;
/** Every action the policy knows; the table test walks all of them, so a new one can't be missed. */
export type Action = (typeof ACTIONS)[number];

/** How the actor stands to the child the resource belongs to. */
export type Relation = 'self' | 'allocated-iro' | 'parent' | 'carer' | 'none';

export interface Facts {
	/** The resource exists (a missing record and a refusal both end as 404). */
	exists: boolean;
	relation: Relation;
	/** The actor is invited to the review in question (parents and carers, SECURITY §2). */
	invited: boolean;
	/** Issue 6: how the actor stands to a request, when the resource is one (DOMAIN §6, SECURITY §2). */
	request?: RequestFacts;
}

export interface RequestFacts {
	/** The actor made it. */
	requester: boolean;
	/** Who handles it: the allocated IRO, or the advocacy service. */
	handler: 'iro' | 'advocacy';
	/** A referral shared with the advocacy service whose consent stands (not withdrawn): SEC-Z9. */
	shared: boolean;
	/** The actor is the advocate it is allocated to. */
	allocatedToActor: boolean;
}

export const NO_RESOURCE: Facts = { exists: true, relation: 'none', invited: false };

export function can(actor: Actor | null, action: Action, facts: Facts = NO_RESOURCE): boolean {
	if (!actor || !facts.exists) return false;
	const { role } = actor;
	switch (action) {
		case 'admin.manage':
			return role === 'admin';
		case 'reports.view':
			// SECURITY §2 Reports "R, CSV": admins (IRO managers too, once that role exists); aggregates only, no answers (D15).
			return role === 'admin';
		case 'caseload.view':
			return role === 'iro';
		case 'advocate.home':
			return role === 'advocate';
		case 'respondent.home':
			return role === 'young-person' || role === 'parent' || role === 'carer';
		case 'review.answer':
			return (
				(role === 'young-person' && facts.relation === 'self') ||
				(role === 'parent' && facts.relation === 'parent' && facts.invited) ||
				(role === 'carer' && facts.relation === 'carer' && facts.invited)
			);
		case 'review.read-pack':
			// D15: admins never read answers; an IRO reads by allocation, not by role (SEC-Z2).
			return role === 'iro' && facts.relation === 'allocated-iro';
		case 'code.issue':
			return role === 'admin' || (role === 'iro' && facts.relation === 'allocated-iro');
		case 'alert.acknowledge':
		case 'child.set-band':
			return role === 'iro' && facts.relation === 'allocated-iro';
		case 'review.read-shared':
			// What the child shared with "everyone at my review" (DOMAIN §5.6), for an invited
			// parent or a carer of the active placement; never anything else (T1, T3).
			return (role === 'parent' && facts.relation === 'parent' && facts.invited) || (role === 'carer' && facts.relation === 'carer' && facts.invited);
		case 'review.record-outcome':
			// After the meeting (issue 5): facts, PN code, decisions, report, escalations; the allocated IRO only (SEC-Z2).
			return role === 'iro' && facts.relation === 'allocated-iro';
		case 'review.read-record':
		case 'review.react':
			// SECURITY §2: a young person reads their own review record and reacts to its decisions (DOMAIN §7).
			return role === 'young-person' && facts.relation === 'self';
		case 'review.give-feedback':
			// Issue 6, DOMAIN §7: the child, and parents and carers invited to the review and linked today,
			// say how it went; whether feedback is open for them is the use-case's question.
			return (
				(role === 'young-person' && facts.relation === 'self') ||
				(role === 'parent' && facts.relation === 'parent' && facts.invited) ||
				(role === 'carer' && facts.relation === 'carer' && facts.invited)
			);
		case 'review.read-feedback':
			// DOMAIN §7 roll-up "per review: the IRO sees named answers": the allocated IRO only (SEC-Z2); admins never (D15).
			return role === 'iro' && facts.relation === 'allocated-iro';
		case 'deliveries.manage':
			// SECURITY §2 admin "Safety alerts: delivery status"; REL-16: failures listed for the admin.
			return role === 'admin';
		case 'request.create':
			// DOMAIN §6.2: a child for themselves; a parent or carer with an active link (no invitation needed: requests come at any time).
			return (role === 'young-person' && facts.relation === 'self') || (role === 'parent' && facts.relation === 'parent') || (role === 'carer' && facts.relation === 'carer');
		case 'request.list-own':
			// The requester's own list; the query is scoped to the actor.
			return role === 'young-person' || role === 'parent' || role === 'carer';
		case 'request.withdraw':
			// SECURITY §2 "Requests: C; R status; withdraw": the requester, while still linked to the child.
			return (
				facts.request?.requester === true &&
				((role === 'young-person' && facts.relation === 'self') || (role === 'parent' && facts.relation === 'parent') || (role === 'carer' && facts.relation === 'carer'))
			);
		case 'request.iro-list':
			// The list is scoped to allocated children in the query (SEC-Z2).
			return role === 'iro';
		case 'request.iro-read':
			// SECURITY §2 IRO "Requests: R, U allocated"; a referral with the service shows its type, status and clock (DOMAIN §6.5).
			return role === 'iro' && facts.relation === 'allocated-iro' && facts.request !== undefined;
		case 'request.iro-act':
			return role === 'iro' && facts.relation === 'allocated-iro' && facts.request?.handler === 'iro';
		case 'referral.read':
		case 'referral.act':
			// SECURITY §2 advocate: only referrals the child consented to share, while consent stands (SEC-Z9).
			return role === 'advocate' && facts.request?.handler === 'advocacy' && facts.request.shared;
		case 'referral.read-answers':
			// DOMAIN §5.6: the allocated advocate, while consent stands, reads answers ticked "my advocate".
			return role === 'advocate' && facts.request?.handler === 'advocacy' && facts.request.shared && facts.request.allocatedToActor;
		default:
			return false;
	}
}
