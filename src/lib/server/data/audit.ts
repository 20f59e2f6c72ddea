import type { Db } from '../db';
import { newId } from '../ids';

/** SECURITY §8: who read or changed what, when; never content. Append-only (SEC-L5). */
export type AuditAction =
	| 'view'
	| 'delivery_retried'
	| 'change'
	| 'export'
	| 'sign_in'
	| 'sign_in_failed'
	| 'sign_out'
	| 'authz_denied'
	| 'code_issued'
	| 'code_claimed'
	| 'activated'
	| 'session_ended'
	| 'submitted'
	| 'reopened'
	| 'alert_raised'
	| 'alert_acknowledged'
	| 'band_changed'
	| 'meeting_recorded'
	| 'code_confirmed'
	| 'decision_saved'
	| 'decisions_sent'
	| 'report_saved'
	| 'report_sent'
	| 'reaction_saved'
	| 'escalation_opened'
	| 'escalation_closed'
	| 'settings_changed'
	| 'feedback_sent'
	| 'request_sent'
	| 'request_changed'
	| 'request_withdrawn'
	| 'form_draft_changed'
	| 'form_published';

export interface AuditEntry {
	at: number;
	actorId: string | null;
	actorRole: string | null;
	action: AuditAction;
	childId?: string | null;
	resourceType?: string | null;
	resourceId?: string | null;
	outcome?: 'ok' | 'denied' | 'failed';
	requestId?: string | null;
}

export async function record(db: Db, e: AuditEntry): Promise<void> {
	await db
		.insertInto('audit_event')
		.values({
			id: newId(),
			at: e.at,
			actor_id: e.actorId,
			actor_role: e.actorRole,
			action: e.action,
			child_id: e.childId ?? null,
			resource_type: e.resourceType ?? null,
			resource_id: e.resourceId ?? null,
			outcome: e.outcome ?? 'ok',
			request_id: e.requestId ?? null
		})
		.execute();
}

export interface AuditRow {
	at: number;
	actorId: string | null;
	action: string;
	childId: string | null;
	resourceType: string | null;
	resourceId: string | null;
	outcome: string;
}

/** Events about one resource, oldest first (tests and, later, the audit viewer). */
export async function forResource(db: Db, resourceType: string, resourceId: string): Promise<AuditRow[]> {
	const rows = await db
		.selectFrom('audit_event')
		.select(['at', 'actor_id', 'action', 'child_id', 'resource_type', 'resource_id', 'outcome'])
		.where('resource_type', '=', resourceType)
		.where('resource_id', '=', resourceId)
		.orderBy('at')
		.execute();
	return rows.map((r) => ({
		at: r.at, actorId: r.actor_id, action: r.action, childId: r.child_id,
		resourceType: r.resource_type, resourceId: r.resource_id, outcome: r.outcome
	}));
}
