/**
 * Seed-report reproduction (issue 8; DOMAIN §9.2): datasets whose facts match a published year,
 * written to a real migrated database, read back by the report's own queries and definitions
 * (`computeReport`, what the page runs), and checked against the figures as printed.
 *
 * Primary: `../shared/seeds/004_ee623ea3772dbbd6.txt` (Bromley IRO annual report, 1 April 2019 to
 * 31 March 2020), §5.11's participation table ("Participation Code / Nos / %": PN0 146 14.7,
 * PN1 629 63.4, PN2 19 1.9, PN3 2 0.2, PN4 2 0.2, PN5 9 0.9, PN6 154 15.5, PN7 31 3.1; Total 992),
 * §5.14's 95 consultation forms (51 children, 31 foster carers, 13 parents), §5.19's 22 DRP forms
 * and §2.5's year-end caseload of 54.
 * Secondary: `001_0070164e55eecde2.txt` (2016-17: 938 reviews, 94.9% in timescale, §7.2's table of
 * 793 reviews of children 4+ in whole-number percentages) and `002_2cd2208037340842.txt` (2016-17:
 * 1,221 reviews, 1,172 (96%) in timescale).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '$lib/domain/calendar';
import { percentOf } from '$lib/domain/reports/numbers';
import { financialYear } from '$lib/domain/reports/period';
import type { Cell, Report } from '$lib/domain/reports/types';
import type { ParticipationCode } from '$lib/domain/participation';
import { openTestDatabase, type TestDatabase } from '../db/test-db';
import { computeReport } from './load';
import { emptyDataset, writeDataset, type Dataset } from './synthetic';

let opened: TestDatabase | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

interface YearSpec {
	year: number;
	/** Reviews per code; PN0 reviews are of children under 4. */
	codes: Partial<Record<ParticipationCode, number>>;
	/** Reviews held after their due date. */
	late: number;
	returns?: { children: number; carers: number; parents: number };
	escalations?: number;
	/** Children allocated to each IRO on the period's last day. */
	caseloads?: number[];
}

/** One review per child, spread over the year; ids are plain counters (the test database only). */
function buildYear(spec: YearSpec): Dataset {
	const ds = emptyDataset();
	const { from } = financialYear(spec.year);
	const now = Date.parse(`${from}T12:00:00Z`);
	ds.staff.push({ id: 'iro-0', role: 'iro', name: 'IRO 0', email: 'iro0@synthetic.invalid' });
	let n = 0;
	let late = spec.late;
	const reviews: { reviewId: string; childId: string; ypId: string; under4: boolean }[] = [];
	for (const [code, count] of Object.entries(spec.codes) as [ParticipationCode, number][]) {
		for (let k = 0; k < count; k++, n++) {
			const held: IsoDate = addDays(from, n % 365);
			const under4 = code === 'PN0';
			const childId = `child-${n}`;
			ds.children.push({ id: childId, name: `Child ${n}`, dob: addDays(held, -(under4 ? 2 : 10) * 366), lookedAfterSince: addDays(held, -400) });
			const ypId = `yp-${n}`;
			ds.respondents.push({ id: ypId, role: 'young-person', name: `Child ${n}`, childId });
			const reviewId = `review-${n}`;
			const isLate = late-- > 0;
			ds.reviews.push({ id: reviewId, childId, sequence: 3, dueDate: isLate ? addDays(held, -1) : held, heldDate: held, scheduledDate: held });
			ds.meetings.push({ reviewId, heldDate: held, code, confirmed: true, privateTalk: true, advocacyExplained: true, by: 'iro-0' });
			reviews.push({ reviewId, childId, ypId, under4 });
		}
	}
	// Returns: the first `children` reviews of children 4+ get the child's form back, and so on.
	const r = spec.returns;
	if (r) {
		const fourPlus = reviews.filter((x) => !x.under4);
		fourPlus.forEach((x, i) => {
			ds.invitations.push({ id: `inv-yp-${i}`, reviewId: x.reviewId, respondentId: x.ypId, kind: 'young-person', invitedAt: now });
			ds.consultations.push({ id: `con-yp-${i}`, reviewId: x.reviewId, respondentId: x.ypId, kind: 'young-person', formId: 'young-person-8-12', startedAt: now, submittedAt: i < r.children ? now : null });
		});
		reviews.forEach((x, i) => {
			for (const kind of ['parent', 'carer'] as const) {
				const uid = `${kind}-${i}`;
				ds.respondents.push({ id: uid, role: kind, name: uid, childId: null });
				ds.invitations.push({ id: `inv-${uid}`, reviewId: x.reviewId, respondentId: uid, kind, invitedAt: now });
				const sent = i < (kind === 'parent' ? r.parents : r.carers);
				if (sent) ds.consultations.push({ id: `con-${uid}`, reviewId: x.reviewId, respondentId: uid, kind, formId: kind, startedAt: now, submittedAt: now });
			}
		});
	}
	for (let i = 0; i < (spec.escalations ?? 0); i++) {
		ds.escalations.push({ id: `esc-${i}`, reviewId: reviews[i * 7]!.reviewId, stage: 1, openedOn: addDays(from, i * 11), closedOn: null, by: 'iro-0' });
	}
	let c = 0;
	(spec.caseloads ?? []).forEach((size, k) => {
		const iroId = `iro-${k + 1}`;
		ds.staff.push({ id: iroId, role: 'iro', name: `IRO ${k + 1}`, email: `iro${k + 1}@synthetic.invalid` });
		for (let j = 0; j < size; j++, c++) ds.allocations.push({ id: `alloc-${c}`, childId: reviews[c]!.childId, iroId, startsOn: from, endsOn: null });
	});
	return ds;
}

async function reportFor(spec: YearSpec): Promise<Report> {
	opened = await openTestDatabase();
	await writeDataset(opened.db, buildYear(spec), Date.parse('2026-11-26T12:00:00Z'));
	return computeReport(opened.db, financialYear(spec.year), '2026-11-26');
}

function table(report: Report, id: string): Record<string, Record<string, Cell>> {
	return Object.fromEntries(report.tables.find((t) => t.id === id)!.rows.map((r) => [r.id, r.cells]));
}
const value = (c: Cell | undefined) => (c?.kind === 'count' || c?.kind === 'percent' || c?.kind === 'number' ? c.value : undefined);

describe('004_ee623ea3772dbbd6.txt, 2019-20 (primary)', () => {
	it('reproduces the participation table, the returns, the DRP count and the caseload exactly', async () => {
		const report = await reportFor({
			year: 2019,
			codes: { PN0: 146, PN1: 629, PN2: 19, PN3: 2, PN4: 2, PN5: 9, PN6: 154, PN7: 31 },
			late: 89, // "within timescale at 91%": 903 / 992 = 91.0%
			returns: { children: 51, carers: 31, parents: 13 },
			escalations: 22,
			caseloads: [50, 52, 54, 55, 56, 57] // 324 children over 6 IROs: a mean of exactly 54
		});
		const pn = table(report, 'participation');
		// §5.11 as printed: code, Nos, % (of all 992 reviews, one decimal place).
		const printed: [string, number, number][] = [
			['pn0', 146, 14.7], ['pn1', 629, 63.4], ['pn2', 19, 1.9], ['pn3', 2, 0.2], ['pn4', 2, 0.2], ['pn5', 9, 0.9], ['pn6', 154, 15.5], ['pn7', 31, 3.1]
		];
		expect(printed.map(([id]) => [id, value(pn[id]!.reviews), value(pn[id]!['of-all'])])).toEqual(printed);
		expect(value(pn.total!.reviews)).toBe(992);
		expect(value(pn['not-confirmed']!.reviews)).toBe(0);
		// DOMAIN §4.2's derived column, % of the 846 reviews of children 4+.
		expect(['pn1', 'pn2', 'pn5', 'pn6', 'pn7'].map((id) => value(pn[id]!['of-4-plus']))).toEqual([74.3, 2.2, 1.1, 18.2, 3.7]);
		expect(value(table(report, 'participation-summary').attended!.percent)).toBe(77.1); // F7: 652 / 846

		expect(value(table(report, 'reviews')['total-cla']!.reviews)).toBe(992);
		const onTime = table(report, 'timescale').all!;
		expect(percentOf(value(onTime['on-time'])!, value(onTime.held)!, 0)).toBe(91);

		const returns = table(report, 'consultation');
		expect([value(returns.children!.sent), value(returns.carers!.sent), value(returns.parents!.sent), value(returns.everyone!.sent)]).toEqual([51, 31, 13, 95]);
		// DOMAIN §9 F8: 5.1% / 3.1% / 1.3% of 992 reviews.
		expect([value(returns.children!['per-review']), value(returns.carers!['per-review']), value(returns.parents!['per-review'])]).toEqual([5.1, 3.1, 1.3]);

		expect(value(table(report, 'escalations')['escalations-opened']!.count)).toBe(22);
		expect(value(table(report, 'caseload')['caseload-mean']!.children)).toBe(54);
	});
});

describe('001_0070164e55eecde2.txt and 002_2cd2208037340842.txt, 2016-17 (secondary)', () => {
	it('001: 938 reviews, 890 on time (94.9%); 793 of children 4+ in the whole-number percentages printed', async () => {
		const report = await reportFor({ year: 2016, codes: { PN0: 145, PN1: 459, PN2: 90, PN3: 0, PN4: 4, PN5: 71, PN6: 161, PN7: 8 }, late: 48 });
		expect(value(table(report, 'reviews')['total-cla']!.reviews)).toBe(938);
		const all = table(report, 'timescale').all!;
		expect([value(all['on-time']), value(all.percent)]).toEqual([890, 94.9]);
		const pn = table(report, 'participation');
		const fourPlus = 793;
		// §7.2 as printed: 459 58%, 90 11%, 0 (blank), 4 1%, 71 9%, 161 20%, 8 1%; total 793.
		const printed: [string, number, number][] = [['pn1', 459, 58], ['pn2', 90, 11], ['pn3', 0, 0], ['pn4', 4, 1], ['pn5', 71, 9], ['pn6', 161, 20], ['pn7', 8, 1]];
		expect(printed.map(([id]) => [id, value(pn[id]!.reviews), percentOf(value(pn[id]!.reviews)!, fourPlus, 0)])).toEqual(printed);
		const summary = table(report, 'participation-summary')['took-part']!;
		expect([value(summary.numerator), value(summary.denominator)]).toEqual([785, 793]); // "785 … participated"
	});

	it('002: 1,221 reviews, 1,172 on time (96%)', async () => {
		const report = await reportFor({ year: 2016, codes: { PN1: 1221 }, late: 49 });
		const all = table(report, 'timescale').all!;
		expect([value(all.held), value(all['on-time']), percentOf(1172, 1221, 0)]).toEqual([1221, 1172, 96]);
	});
});
