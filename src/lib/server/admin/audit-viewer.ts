import { addDays, isIsoDate, londonDate } from '$lib/domain/calendar';
import { csvField } from '$lib/domain/reports/csv';
import type { FieldError } from '$lib/forms/types';
import type { Access } from '../access/require';
import { database, type Db } from '../db';
import * as audit from '../data/audit';
import { consume, type Limit } from '../data/rate-limits';
import { startOfLondonDay } from '../notifications';

/**
 * The admin's audit-log viewer (issue 8, SECURITY §8): who read or changed which child's data,
 * filterable by child, person, action and dates, paged newest first, exportable as CSV. Every
 * opening and every export is itself an audit row; exports are limited to 5 an hour (§3.3).
 * Filters travel as opaque ids and ISO dates in the query string: never a name (PRIV-4).
 */
export const PAGE_SIZE = 100;
export const EXPORT_MAX_ROWS = 50_000;
export const AUDIT_EXPORT_LIMIT: Limit = { bucket: 'audit-export', max: 5, windowMs: 60 * 60_000 };

const ID = /^[a-z2-7]{24}$/;
const ACTION = /^[a-z_]{1,40}$/;

export interface ParsedFilter {
	filter: audit.AuditFilter;
	/** The query as given, for the form (only values that passed are kept; bad ones are in `errors`). */
	values: { child: string; actor: string; action: string; from: string; to: string };
	errors: Record<string, FieldError>;
}

/** Reads the viewer's query string; a bad value gets a message by its field and is ignored. */
export function parseFilter(params: URLSearchParams): ParsedFilter {
	const get = (k: string) => (params.get(k) ?? '').trim();
	const values = { child: get('child'), actor: get('actor'), action: get('action'), from: get('from'), to: get('to') };
	const errors: Record<string, FieldError> = {};
	const filter: audit.AuditFilter = {};
	if (values.child) ID.test(values.child) ? (filter.childId = values.child) : (errors.child = { key: 'errors.audit-choose' });
	if (values.actor) ID.test(values.actor) ? (filter.actorId = values.actor) : (errors.actor = { key: 'errors.audit-choose' });
	if (values.action) ACTION.test(values.action) ? (filter.action = values.action) : (errors.action = { key: 'errors.audit-choose' });
	if (values.from) isIsoDate(values.from) ? (filter.fromMs = startOfLondonDay(values.from)) : (errors.from = { key: 'errors.date-invalid' });
	if (values.to) isIsoDate(values.to) ? (filter.toMs = startOfLondonDay(addDays(values.to, 1))) : (errors.to = { key: 'errors.date-invalid' });
	if (filter.fromMs != null && filter.toMs != null && filter.toMs <= filter.fromMs) errors.to = { key: 'errors.audit-to-before-from' };
	const before = get('before');
	const m = /^(\d{1,15})-([a-z2-7]{24})$/.exec(before);
	if (m) filter.before = { at: Number(m[1]), id: m[2]! };
	return { filter, values, errors };
}

async function names(db: Db) {
	const people = await db.selectFrom('app_user').select(['id', 'display_name', 'role']).where('role', 'in', ['admin', 'iro', 'advocate']).orderBy('display_name').execute();
	const kids = await db.selectFrom('child').select(['id', 'preferred_name']).orderBy('preferred_name').execute();
	return {
		staff: people.map((p) => ({ id: p.id, name: p.display_name, role: p.role })),
		children: kids.map((k) => ({ id: k.id, name: k.preferred_name }))
	};
}

/** Display names for the rows' actors (staff or respondents) and children, in two queries. */
async function labelRows(db: Db, rows: audit.AuditListRow[]) {
	const actorIds = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))];
	const childIds = [...new Set(rows.map((r) => r.childId).filter((x): x is string => !!x))];
	const actors = actorIds.length ? await db.selectFrom('app_user').select(['id', 'display_name']).where('id', 'in', actorIds).execute() : [];
	const kids = childIds.length ? await db.selectFrom('child').select(['id', 'preferred_name']).where('id', 'in', childIds).execute() : [];
	const actorName = new Map(actors.map((a) => [a.id, a.display_name]));
	const childName = new Map(kids.map((k) => [k.id, k.preferred_name]));
	return rows.map((r) => ({ ...r, actorName: r.actorId ? (actorName.get(r.actorId) ?? null) : null, childName: r.childId ? (childName.get(r.childId) ?? null) : null }));
}

export async function loadAuditViewer(access: Access<'admin.manage'>, params: URLSearchParams, now: number, requestId: string | null, db: Db = database()) {
	const parsed = parseFilter(params);
	const usable = Object.keys(parsed.errors).length === 0;
	const rows = usable ? await audit.search(db, parsed.filter, PAGE_SIZE + 1) : [];
	const more = rows.length > PAGE_SIZE;
	const page = await labelRows(db, rows.slice(0, PAGE_SIZE));
	// SECURITY §8: every opening of the audit viewer is audited.
	await audit.record(db, { at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'view', childId: parsed.filter.childId ?? null, resourceType: 'audit-log', resourceId: null, requestId });
	const last = page.at(-1);
	return {
		...(await names(db)),
		actions: await audit.actions(db),
		values: parsed.values,
		errors: parsed.errors,
		rows: page,
		next: more && last ? `${last.at}-${last.id}` : null,
		today: londonDate(now)
	};
}

export type ExportResult = { kind: 'ok'; csv: string; rows: number } | { kind: 'limited'; retryAfterSeconds: number } | { kind: 'invalid' };

/** The filtered log as CSV (oldest columns first), limited to 5 an hour per admin and audited as an export. */
export async function exportAudit(access: Access<'admin.manage'>, params: URLSearchParams, now: number, requestId: string | null, labels: { header: string[] }, db: Db = database()): Promise<ExportResult> {
	const parsed = parseFilter(params);
	if (Object.keys(parsed.errors).length > 0) return { kind: 'invalid' };
	const state = await consume(db, AUDIT_EXPORT_LIMIT, access.actor.id, now);
	if (state.blocked) return { kind: 'limited', retryAfterSeconds: state.retryAfterSeconds };
	const rows = await labelRows(db, await audit.search(db, { ...parsed.filter, before: null }, EXPORT_MAX_ROWS));
	const lines = [labels.header];
	for (const r of rows) {
		lines.push([new Date(r.at).toISOString(), r.actorName ?? '', r.actorRole ?? '', r.action, r.childName ?? '', r.resourceType ?? '', r.resourceId ?? '', r.outcome, r.requestId ?? '']);
	}
	await audit.record(db, { at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'export', childId: parsed.filter.childId ?? null, resourceType: 'audit-log', resourceId: null, requestId });
	return { kind: 'ok', csv: lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n', rows: rows.length };
}
