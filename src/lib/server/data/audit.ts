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
	| 'form_published'
	/** jobs/retention.ts: `resource_type` is the record kind, `resource_id` the count erased (SECURITY §10). */
	| 'erased';

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

/** What the admin's audit viewer filters by (SECURITY §8); every part optional. Dates are London days, inclusive. */
export interface AuditFilter {
	childId?: string | null;
	actorId?: string | null;
	action?: string | null;
	fromMs?: number | null;
	/** Exclusive upper bound in ms. */
	toMs?: number | null;
	/** Keyset paging: rows strictly older than this (at, id). */
	before?: { at: number; id: string } | null;
}

export interface AuditListRow extends AuditRow {
	id: string;
	actorRole: string | null;
	requestId: string | null;
}

/** Newest first, at most `limit` rows; uses the (child_id, at) and (actor_id, at) indexes. */
export async function search(db: Db, f: AuditFilter, limit: number): Promise<AuditListRow[]> {
	let q = db.selectFrom('audit_event').select(['id', 'at', 'actor_id', 'actor_role', 'action', 'child_id', 'resource_type', 'resource_id', 'outcome', 'request_id']);
	if (f.childId) q = q.where('child_id', '=', f.childId);
	if (f.actorId) q = q.where('actor_id', '=', f.actorId);
	if (f.action) q = q.where('action', '=', f.action);
	if (f.fromMs != null) q = q.where('at', '>=', f.fromMs);
	if (f.toMs != null) q = q.where('at', '<', f.toMs);
	if (f.before) {
		const b = f.before;
		q = q.where((eb) => eb.or([eb('at', '<', b.at), eb.and([eb('at', '=', b.at), eb('id', '<', b.id)])]));
	}
	const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
	return rows.map((r) => ({
		id: r.id, at: Number(r.at), actorId: r.actor_id, actorRole: r.actor_role, action: r.action, childId: r.child_id,
		resourceType: r.resource_type, resourceId: r.resource_id, outcome: r.outcome, requestId: r.request_id
	}));
}

/** The distinct actions recorded so far, for the viewer's filter list. */
export async function actions(db: Db): Promise<string[]> {
	const rows = await db.selectFrom('audit_event').select('action').distinct().orderBy('action').execute();
	return rows.map((r) => r.action);
}
