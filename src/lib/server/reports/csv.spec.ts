/**
 * CSV exports parse back to the same numbers (issue 8), in both versions: for use within the
 * service (exact) and for publication (numbers under 5 hidden, IROs unnamed; DOMAIN §9, D28). Every
 * label and header is real English: no i18n key shows through.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '$lib/domain/reports/csv';
import { buildReport } from '$lib/domain/reports/definitions';
import { suppressReport } from '$lib/domain/reports/suppress';
import { ageOn } from '$lib/domain/calendar';
import type { Cell, Report, ReturnCount, ReviewFact } from '$lib/domain/reports/types';
import { i18nFor } from '$lib/i18n';
import { reportCsv, tableCsv } from './csv';
import { generateYear } from './synthetic';

const t = i18nFor('en-GB').getFixedT('en-GB');

/** The facts a generated year would give, without a database (the loader is tested in reproduce.spec.ts). */
function factsOf(seed: number, reviews: number) {
	const { dataset: ds, period } = generateYear({ reviews, seed, year: 2025 });
	const child = new Map(ds.children.map((c) => [c.id, c]));
	const meeting = new Map(ds.meetings.map((m) => [m.reviewId, m]));
	const held = ds.reviews.filter((r) => r.heldDate && r.heldDate >= period.from && r.heldDate <= period.to);
	const facts: ReviewFact[] = held.map((r) => {
		const m = meeting.get(r.id);
		return {
			sequence: r.sequence, dueDate: r.dueDate, heldDate: r.heldDate!, reviewDate: r.heldDate!, dateOfBirth: child.get(r.childId)!.dob, bandOverride: null,
			code: m?.confirmed ? m.code : null, privateTalk: m?.privateTalk ?? null, advocacyExplained: m?.advocacyExplained ?? null,
			child: { started: false, sentOn: null }, decisionsSentOn: null, recordSentOn: null
		};
	});
	const reviewOf = new Map(held.map((r) => [r.id, r]));
	const sentBy = new Set(ds.consultations.filter((c) => c.submittedAt !== null).map((c) => `${c.reviewId}|${c.respondentId}`));
	const returns: ReturnCount[] = ds.invitations.filter((i) => reviewOf.has(i.reviewId)).map((i) => {
		const r = reviewOf.get(i.reviewId)!;
		return { kind: i.kind, age: ageOn(child.get(r.childId)!.dob, r.heldDate!), bandOverride: null, invited: 1, sent: sentBy.has(`${i.reviewId}|${i.respondentId}`) ? 1 : 0 };
	});
	const iroName = new Map(ds.staff.map((s) => [s.id, `Named Person ${s.name}`]));
	return buildReport(
		{ reviews: facts, returns, escalations: [], allocations: ds.allocations.map((a) => ({ ...a, iroName: iroName.get(a.iroId)! })), alerts: [], requests: [], feedback: null },
		period,
		'2026-11-26'
	);
}

function expected(c: Cell | undefined): string {
	if (!c) return '';
	if (c.kind === 'count') return String(c.value);
	if (c.kind === 'percent' || c.kind === 'number') return c.value === null ? '' : String(c.value);
	return c.kind === 'suppressed' ? '<5' : '';
}

function checkRoundTrip(report: Report): number {
	let checked = 0;
	for (const table of report.tables) {
		const rows = parseCsv(tableCsv(t, table));
		if (table.status === 'not-recorded') continue;
		expect(rows[0]).toEqual(['Figure', ...table.columns.map((c) => t(`reports.col.${c.id}`))]);
		expect(rows).toHaveLength(table.rows.length + 1);
		table.rows.forEach((r, i) => {
			const line = rows[i + 1]!;
			table.columns.forEach((c, j) => {
				const field = line[j + 1]!;
				if (r.notRecorded) return expect(field).toBe('Not yet recorded');
				expect(field, `${table.id}/${r.id}/${c.id}`).toBe(expected(r.cells[c.id]));
				const cell = r.cells[c.id];
				if (cell?.kind === 'count') expect(Number(field)).toBe(cell.value);
				if ((cell?.kind === 'percent' || cell?.kind === 'number') && cell.value !== null) expect(Number(field)).toBe(cell.value);
				checked++;
			});
		});
	}
	return checked;
}

describe('report CSV', () => {
	const report = factsOf(7, 600);

	it('parses back to the same numbers, cell by cell', () => {
		expect(checkRoundTrip(report)).toBeGreaterThan(100);
	});

	it('for publication: no count or percentage built on 1–4 survives, and no IRO is named', () => {
		const published = suppressReport(report);
		checkRoundTrip(published);
		const text = reportCsv(t, published);
		let hidden = 0;
		for (const table of published.tables) {
			for (const r of table.rows) {
				for (const c of Object.values(r.cells)) {
					if (c.kind === 'count') expect(c.value === 0 || c.value >= 5, `${table.id}/${r.id}: ${c.value}`).toBe(true);
					if (c.kind === 'percent') expect([c.numerator, c.denominator].every((x) => x === 0 || x >= 5), `${table.id}/${r.id}`).toBe(true);
					if (c.kind === 'suppressed') hidden++;
				}
			}
		}
		expect(hidden).toBeGreaterThan(0);
		expect(text.match(/<5/g)?.length).toBe(hidden);
		expect(reportCsv(t, report)).toContain('Named Person');
		expect(text).not.toContain('Named Person');
	});

	it('shows no i18n key anywhere (every label, header and title exists in English)', () => {
		const text = reportCsv(t, report) + reportCsv(t, suppressReport(report));
		expect(text).not.toMatch(/reports\.|row\.|col\.|def\./);
		for (const table of report.tables) {
			for (const d of table.definitions) expect(t(`reports.def.${d}`)).not.toBe(`reports.def.${d}`);
			expect(t(`reports.table.${table.id}.title`)).not.toMatch(/^reports\./);
		}
		expect(t('reports.table.feedback.not-recorded')).not.toMatch(/^reports\./);
	});
});
