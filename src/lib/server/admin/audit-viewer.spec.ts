import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '$lib/domain/reports/csv';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import * as audit from '../data/audit';
import { startOfLondonDay } from '../notifications';
import { accessFor } from '../review/spec-helpers';
import { exportAudit, loadAuditViewer, PAGE_SIZE, parseFilter } from './audit-viewer';

/** Issue 8 / SECURITY §8: the audit-log viewer filters, pages, exports, and audits itself. */
const NOW = Date.UTC(2026, 10, 20, 12);
let t: TestDatabase;
let f: Family;
beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, NOW);
});
afterEach(async () => {
	await t?.close();
});
const admin = () => accessFor('admin.manage', { id: f.adminId, role: 'admin' }, { childId: f.childId, reviewId: f.reviewId });
const q = (o: Record<string, string>) => new URLSearchParams(o);
const HEADER = { header: ['time', 'who', 'role', 'action', 'child', 'record', 'record id', 'outcome', 'reference'] };

async function plant() {
	const day = (d: string, h = 10) => startOfLondonDay(d) + h * 3_600_000;
	await audit.record(t.db, { at: day('2026-11-02'), actorId: f.iroId, actorRole: 'iro', action: 'view', childId: f.childId, resourceType: 'pack', resourceId: f.reviewId });
	await audit.record(t.db, { at: day('2026-11-05'), actorId: f.otherIroId, actorRole: 'iro', action: 'authz_denied', childId: f.childId, resourceType: 'pack', resourceId: f.reviewId, outcome: 'denied' });
	await audit.record(t.db, { at: day('2026-11-05', 23), actorId: f.otherIroId, actorRole: 'iro', action: 'view', childId: f.otherChildId, resourceType: 'pack', resourceId: f.otherReviewId });
	await audit.record(t.db, { at: day('2026-11-10'), actorId: f.adminId, actorRole: 'admin', action: 'change', childId: f.childId, resourceType: 'child', resourceId: f.childId });
}

describe('the audit viewer', () => {
	it('filters by child, person, action and London days (inclusive), newest first', async () => {
		await plant();
		const rows = async (o: Record<string, string>) => (await loadAuditViewer(admin(), q(o), NOW, 'req', t.db)).rows.filter((r) => r.resourceType !== 'audit-log').map((r) => r.action);
		expect(await rows({ child: f.childId })).toEqual(['change', 'authz_denied', 'view']);
		expect(await rows({ actor: f.otherIroId })).toEqual(['view', 'authz_denied']);
		expect(await rows({ action: 'authz_denied' })).toEqual(['authz_denied']);
		// 23:00 London on 5 Nov is still the 5th; "to 5 Nov" includes the whole day.
		expect(await rows({ from: '2026-11-05', to: '2026-11-05' })).toEqual(['view', 'authz_denied']);
		const page = await loadAuditViewer(admin(), q({ child: f.childId }), NOW, 'req', t.db);
		expect(page.rows[0]).toMatchObject({ actorName: 'Ade Admin', childName: expect.any(String) });
	});

	it('every opening is itself audited (SECURITY §8)', async () => {
		await loadAuditViewer(admin(), q({}), NOW, 'req', t.db);
		expect(await audit.search(t.db, { action: 'view', actorId: f.adminId }, 10)).toMatchObject([{ resourceType: 'audit-log' }]);
	});

	it('pages by (time, id) with no row twice and none missed', async () => {
		for (let i = 0; i < PAGE_SIZE + 30; i++) await audit.record(t.db, { at: NOW - 1000 - Math.floor(i / 3), actorId: f.iroId, actorRole: 'iro', action: 'view', childId: f.childId, resourceType: 'pack', resourceId: f.reviewId });
		const first = await loadAuditViewer(admin(), q({ actor: f.iroId }), NOW, 'req', t.db);
		expect(first.rows).toHaveLength(PAGE_SIZE);
		expect(first.next).toMatch(/^\d+-[a-z2-7]{24}$/);
		const second = await loadAuditViewer(admin(), q({ actor: f.iroId, before: first.next! }), NOW, 'req', t.db);
		expect(second.rows).toHaveLength(30);
		expect(second.next).toBeNull();
		expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(PAGE_SIZE + 30);
	});

	it.each([
		['a child id that is not an id', { child: "x' or 1=1" }, 'child', 'errors.audit-choose'],
		['an action with markup', { action: '<script>' }, 'action', 'errors.audit-choose'],
		['a date that does not exist', { from: '2026-02-30' }, 'from', 'errors.date-invalid'],
		['an end before the start', { from: '2026-11-10', to: '2026-11-01' }, 'to', 'errors.audit-to-before-from']
	])('%s gets a message by its field and no rows', async (_n, o, field, key) => {
		expect(parseFilter(q(o)).errors).toEqual({ [field]: { key } });
		const page = await loadAuditViewer(admin(), q(o), NOW, 'req', t.db);
		expect(page.rows).toEqual([]);
		expect(page.errors[field]).toEqual({ key });
	});
});

describe('the audit export', () => {
	it('is CSV that parses back to the filtered rows, with formula-looking cells defused, and is audited as an export', async () => {
		await plant();
		await t.db.updateTable('app_user').set({ display_name: '=HYPERLINK("x")' }).where('id', '=', f.otherIroId).execute();
		const out = await exportAudit(admin(), q({ child: f.childId }), NOW, 'req', HEADER, t.db);
		expect(out.kind).toBe('ok');
		if (out.kind !== 'ok') return;
		const rows = parseCsv(out.csv);
		expect(rows[0]).toEqual(HEADER.header);
		expect(rows.slice(1).map((r) => r[3])).toEqual(['change', 'authz_denied', 'view']);
		expect(rows[2]![1]).toBe(`'=HYPERLINK("x")`);
		expect(await audit.search(t.db, { action: 'export', actorId: f.adminId }, 10)).toMatchObject([{ resourceType: 'audit-log', childId: f.childId }]);
	});

	it('is limited to 5 an hour per admin (SECURITY §3.3), with the time to wait', async () => {
		for (let i = 0; i < 5; i++) expect((await exportAudit(admin(), q({}), NOW + i, 'req', HEADER, t.db)).kind).toBe('ok');
		expect(await exportAudit(admin(), q({}), NOW + 10, 'req', HEADER, t.db)).toMatchObject({ kind: 'limited', retryAfterSeconds: 3600 });
		expect((await exportAudit(admin(), q({}), NOW + 3_600_001, 'req', HEADER, t.db)).kind).toBe('ok');
	});

	it('refuses bad filters', async () => {
		expect(await exportAudit(admin(), q({ to: 'yesterday' }), NOW, 'req', HEADER, t.db)).toEqual({ kind: 'invalid' });
	});
});
