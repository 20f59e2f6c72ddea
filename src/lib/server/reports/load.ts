import type { Access } from '../access/require';
import { database, type Db } from '../db';
import * as audit from '../data/audit';
import * as facts from '../data/report-facts';
import * as summary from '../data/report-summary';
import { loadSettings } from '../settings';
import { buildReport } from '$lib/domain/reports/definitions';
import { suppressReport, suppressTable } from '$lib/domain/reports/suppress';
import type { Period, Report, ReportTable, TableId } from '$lib/domain/reports/types';

/**
 * The annual-report figures for a period (DOMAIN §9), for admins (SECURITY §2: Reports R, CSV).
 * Aggregates only: no child's name or answer is read. `computeReport` is the whole read the page
 * does, without the guard, so the benchmark and the reproduction test time and check exactly it.
 * It brings the report summary up to date first (a write only when something changed).
 */
export async function computeReport(db: Db, period: Period, today: string, now: number = Date.now()): Promise<Report> {
	const snapshot = period.to < today ? period.to : today;
	// The reviews changed since the last read (usually none) are recounted into the summary first.
	await summary.refresh(db);
	const [settings, reviews, returns, escalations, allocations, alerts, requests, feedback] = await Promise.all([
		loadSettings(db),
		facts.reviews(db, period),
		facts.returns(db, period),
		facts.escalations(db, period),
		facts.allocations(db, snapshot),
		facts.alerts(db, period),
		facts.requests(db, period),
		facts.feedback(db, period)
	]);
	return buildReport({ reviews, returns, escalations, allocations, alerts, requests, feedback }, period, today, settings, now);
}

/**
 * Recently computed reports, kept while the database hasn't changed (SQLite: `dataVersion`), so
 * moving between a period's page and its CSV downloads doesn't recount a year each time. Any write
 * anywhere (an answer saved, a session touched) starts afresh; on Postgres nothing is kept.
 */
const recent = new Map<string, { version: string; report: Report }>();
const RECENT_MAX = 8;

export async function cachedReport(db: Db, period: Period, today: string): Promise<Report> {
	// Brought up to date before the version is read, so its own write doesn't spoil the cache.
	await summary.refresh(db);
	const version = await facts.dataVersion(db);
	const key = `${period.from}|${period.to}|${today}`;
	const hit = version === null ? undefined : recent.get(key);
	if (hit && hit.version === version) return hit.report;
	const report = await computeReport(db, period, today);
	if (version !== null) {
		recent.delete(key);
		recent.set(key, { version, report });
		while (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!);
	}
	return report;
}

export async function loadReport(access: Access<'reports.view'>, period: Period, today: string): Promise<Report> {
	void access;
	return cachedReport(database(), period, today);
}

export type ExportAudience = 'service' | 'publication';

/**
 * One table for the CSV export: as the service sees it, or for publication beyond the service
 * with small numbers suppressed and IROs unnamed (DOMAIN §9, D28). Each export is audited.
 */
export async function exportTable(
	access: Access<'reports.view'>,
	period: Period,
	today: string,
	id: TableId,
	audienceOf: ExportAudience,
	now: number,
	requestId: string | null
): Promise<{ report: Report; table: ReportTable } | null> {
	const db = database();
	const report = await cachedReport(db, period, today);
	const table = report.tables.find((t) => t.id === id);
	if (!table) return null;
	await audit.record(db, {
		at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'export',
		resourceType: `report-${audienceOf}`, resourceId: `${id}:${period.from}:${period.to}`, requestId
	});
	return { report, table: audienceOf === 'publication' ? suppressTable(table) : table };
}

/** Every table in one CSV, audited as one export. */
export async function exportAll(access: Access<'reports.view'>, period: Period, today: string, audienceOf: ExportAudience, now: number, requestId: string | null): Promise<Report> {
	const db = database();
	const report = await cachedReport(db, period, today);
	await audit.record(db, {
		at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'export',
		resourceType: `report-${audienceOf}`, resourceId: `all:${period.from}:${period.to}`, requestId
	});
	return audienceOf === 'publication' ? suppressReport(report) : report;
}
