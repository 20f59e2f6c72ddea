import type { Access } from '../access/require';
import { database, type Db } from '../db';
import * as audit from '../data/audit';
import { consume, type Limit } from '../data/rate-limits';

/**
 * Subject access export for one child (SECURITY §10, PRIV-G3/G4): everything held about them, as
 * JSON and as a readable page, for the DPO. Admin only, 5 an hour per admin, audited as an export.
 *
 * D15 says admins never read answers in normal use. A subject access request is the legal
 * exception (UK GDPR Art 15): this is the one place an admin sees answer text, and only through
 * this export, which is itself an audit row. Parents' and carers' consultations and feedback are
 * third-party records: they are included but marked `needsRedactionReview` so the DPO checks them
 * before anything is released.
 */
export const SAR_LIMIT: Limit = { bucket: 'sar-export', max: 5, windowMs: 60 * 60_000 };

type Row = Record<string, unknown>;

export interface SubjectAccessExport {
	child: Row;
	account: Row | null;
	people: Row[];
	allocations: Row[];
	reviews: Row[];
	consultations: Row[];
	feedback: Row[];
	requests: Row[];
	alerts: Row[];
	decisions: Row[];
	reactions: Row[];
	meetings: Row[];
	reports: Row[];
	escalations: Row[];
	auditEvents: Row[];
}

const parseJson = (s: unknown) => {
	if (typeof s !== 'string') return s;
	try {
		return JSON.parse(s) as unknown;
	} catch {
		return s;
	}
};

/** Everything held about one child, or null when there is no such child. Only that child's rows (PRIV-G3). */
export async function collectSubjectAccess(db: Db, childId: string): Promise<SubjectAccessExport | null> {
	const child = await db.selectFrom('child').selectAll().where('id', '=', childId).executeTakeFirst();
	if (!child) return null;
	// Never password hashes or sign-in names: who the people are, not how they sign in.
	const userCols = ['app_user.id', 'app_user.role', 'app_user.display_name', 'app_user.created_at', 'app_user.activated_at', 'app_user.active'] as const;
	const account = (await db.selectFrom('app_user').select(userCols).where('child_id', '=', childId).executeTakeFirst()) ?? null;
	const people = await db
		.selectFrom('child_link')
		.innerJoin('app_user', 'app_user.id', 'child_link.user_id')
		.select(['child_link.id', 'child_link.relation', 'child_link.has_pr', 'child_link.starts_on', 'child_link.ends_on', 'app_user.id as user_id', 'app_user.display_name', 'app_user.role'])
		.where('child_link.child_id', '=', childId)
		.orderBy('child_link.starts_on')
		.execute();
	const allocations = await db.selectFrom('iro_allocation').selectAll().where('child_id', '=', childId).orderBy('starts_on').execute();
	const reviews = await db.selectFrom('review').selectAll().where('child_id', '=', childId).execute();
	const reviewIds = reviews.map((r) => r.id);
	const ownId = account?.id ?? null;
	const byReview = <T>(q: () => Promise<T[]>) => (reviewIds.length ? q() : Promise.resolve([] as T[]));

	const consultationRows = await byReview(() => db.selectFrom('consultation').selectAll().where('review_id', 'in', reviewIds).execute());
	const cIds = consultationRows.map((c) => c.id);
	const answers = cIds.length ? await db.selectFrom('answer').selectAll().where('consultation_id', 'in', cIds).execute() : [];
	const versions = cIds.length ? await db.selectFrom('consultation_version').selectAll().where('consultation_id', 'in', cIds).orderBy('revision').execute() : [];
	const consultations = consultationRows.map((c) => ({
		...c,
		needsRedactionReview: c.respondent_id !== ownId,
		answers: answers.filter((a) => a.consultation_id === c.id),
		versions: versions.filter((v) => v.consultation_id === c.id).map((v) => ({ ...v, answers: parseJson(v.answers) }))
	}));

	const feedbackRows = await byReview(() => db.selectFrom('feedback_response').selectAll().where('review_id', 'in', reviewIds).execute());
	const fIds = feedbackRows.map((f) => f.id);
	const feedbackAnswers = fIds.length ? await db.selectFrom('feedback_answer').selectAll().where('response_id', 'in', fIds).execute() : [];
	const feedback = feedbackRows.map((f) => ({ ...f, needsRedactionReview: f.respondent_id !== ownId, answers: feedbackAnswers.filter((a) => a.response_id === f.id) }));

	const requestRows = await db.selectFrom('help_request').selectAll().where('child_id', '=', childId).execute();
	const rIds = requestRows.map((r) => r.id);
	const events = rIds.length ? await db.selectFrom('help_request_event').selectAll().where('request_id', 'in', rIds).execute() : [];
	const requests = requestRows.map((r) => ({ ...r, history: events.filter((e) => e.request_id === r.id) }));

	const alerts = (await db.selectFrom('safety_alert').selectAll().where('child_id', '=', childId).execute()).map((a) => ({ ...a, shared_with: parseJson(a.shared_with) }));
	const decisions = await byReview(() => db.selectFrom('review_decision').selectAll().where('review_id', 'in', reviewIds).execute());
	const reactions = await db.selectFrom('decision_reaction').selectAll().where('child_id', '=', childId).execute();
	const meetings = await byReview(() => db.selectFrom('review_meeting').selectAll().where('review_id', 'in', reviewIds).execute());
	const reports = await byReview(() => db.selectFrom('review_report').selectAll().where('review_id', 'in', reviewIds).execute());
	const escalations = await byReview(() => db.selectFrom('review_escalation').selectAll().where('review_id', 'in', reviewIds).execute());
	// Who viewed or changed what, and when (§10 "who viewed what and when").
	const auditEvents = await db.selectFrom('audit_event').selectAll().where('child_id', '=', childId).orderBy('at').orderBy('id').execute();

	return { child, account, people, allocations, reviews, consultations, feedback, requests, alerts, decisions, reactions, meetings, reports, escalations, auditEvents };
}

export type SarResult = { kind: 'ok'; data: SubjectAccessExport } | { kind: 'limited'; retryAfterSeconds: number } | { kind: 'missing' };

/** The export for an admin: rate limited, then audited as an `export` of that child's record. */
export async function exportSubjectAccess(access: Access<'admin.manage'>, childId: string, now: number, requestId: string | null, db: Db = database()): Promise<SarResult> {
	const exists = await db.selectFrom('child').select('id').where('id', '=', childId).executeTakeFirst();
	if (!exists) return { kind: 'missing' };
	// Opening the page and downloading the JSON for the same child within the hour is one export:
	// the limit is on how many children's records an admin can take out, not on re-reading one.
	const recent = await db
		.selectFrom('audit_event')
		.select('id')
		.where('actor_id', '=', access.actor.id)
		.where('action', '=', 'export')
		.where('resource_type', '=', 'subject-access')
		.where('child_id', '=', childId)
		.where('at', '>', now - SAR_LIMIT.windowMs)
		.executeTakeFirst();
	if (!recent) {
		const state = await consume(db, SAR_LIMIT, access.actor.id, now);
		if (state.blocked) return { kind: 'limited', retryAfterSeconds: state.retryAfterSeconds };
	}
	const data = await collectSubjectAccess(db, childId);
	if (!data) return { kind: 'missing' };
	await audit.record(db, { at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'export', childId, resourceType: 'subject-access', resourceId: childId, requestId });
	return { kind: 'ok', data };
}
