import type { Actor } from '../auth/actor';

/**
 * `can()` decides from loaded relationship facts, never from the role alone (SECURITY §2,
 * STYLE §4.2). Pure: a table test covers role × relation × action (SEC-Z1).
 */
export const ACTIONS = [
	'admin.manage',
	'deliveries.manage',
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
	'review.react'
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
}

export const NO_RESOURCE: Facts = { exists: true, relation: 'none', invited: false };

export function can(actor: Actor | null, action: Action, facts: Facts = NO_RESOURCE): boolean {
	if (!actor || !facts.exists) return false;
	const { role } = actor;
	switch (action) {
		case 'admin.manage':
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
		case 'deliveries.manage':
			// SECURITY §2 admin "Safety alerts: delivery status"; REL-16: failures listed for the admin.
			return role === 'admin';
		default:
			return false;
	}
}
