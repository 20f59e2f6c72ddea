/**
 * The report definitions over a hand-built year (FY 2025-26), each expected figure worked out by
 * hand in the comments (DOMAIN §9; issue 8 "Report definitions as pure functions over fixtures").
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from './definitions';
import { londonInstant } from './alert-target';
import { ageOn } from '../calendar';
import type { AlertFact, AllocationFact, Cell, EscalationFact, Report, RequestFact, ReturnCount, ReviewFact } from './types';

const PERIOD = { from: '2025-04-01', to: '2026-03-31' };
const TODAY = '2026-11-26';

/** A review as the fixture states it: the fact, plus who was invited and sent a form (counted into ReturnCounts below). */
type Fixture = ReviewFact & { invited: boolean; sent: boolean; parents: { invited: number; sent: number }; carers: { invited: number; sent: number } };

function rv(_id: string, o: Partial<Omit<Fixture, 'child'>> & { child?: { invited: boolean; started: boolean; sent: boolean; sentOn: string | null } } & Pick<ReviewFact, 'sequence' | 'dueDate' | 'heldDate' | 'dateOfBirth'>): Fixture {
	const { child = { invited: true, started: false, sent: false, sentOn: null }, ...rest } = o;
	return {
		reviewDate: o.heldDate, bandOverride: null, code: 'PN1', privateTalk: null, advocacyExplained: null,
		parents: { invited: 0, sent: 0 }, carers: { invited: 0, sent: 0 }, decisionsSentOn: null, recordSentOn: null, ...rest,
		child: { started: child.started, sentOn: child.sentOn }, invited: child.invited, sent: child.sent
	};
}
const sent = (on: string) => ({ invited: true, started: true, sent: true, sentOn: on });

/** The fixtures' invitations and returns, counted as the returns query counts them (by audience, age and override). */
function returnsOf(fixtures: readonly Fixture[]): ReturnCount[] {
	const inPeriod = fixtures.filter((f) => f.heldDate >= PERIOD.from && f.heldDate <= PERIOD.to);
	return inPeriod.flatMap((f) => {
		const age = ageOn(f.dateOfBirth!, f.heldDate);
		return [
			{ kind: 'young-person' as const, age, bandOverride: f.bandOverride, invited: f.invited ? 1 : 0, sent: f.sent ? 1 : 0 },
			{ kind: 'parent' as const, age, bandOverride: f.bandOverride, ...f.parents },
			{ kind: 'carer' as const, age, bandOverride: f.bandOverride, ...f.carers }
		];
	});
}

const REVIEWS: Fixture[] = [
	// First, on time (held 9 May ≤ due 10 May), 13 → 13+; sent 1 May, before the lock on Tue 6 May (5 May a holiday).
	rv('R1', { sequence: 1, dueDate: '2025-05-10', heldDate: '2025-05-09', dateOfBirth: '2012-04-01', code: 'PN1', child: sent('2025-05-01'), parents: { invited: 1, sent: 1 }, carers: { invited: 1, sent: 0 }, privateTalk: true, advocacyExplained: true, decisionsSentOn: '2025-05-16', recordSentOn: '2025-05-30' }),
	// First, late (2 Jul > 1 Jul), aged 2: PN0, no child form.
	rv('R2', { sequence: 1, dueDate: '2025-07-01', heldDate: '2025-07-02', dateOfBirth: '2023-01-01', code: 'PN0', child: { invited: false, started: false, sent: false, sentOn: null }, parents: { invited: 2, sent: 0 }, carers: { invited: 1, sent: 1 }, decisionsSentOn: '2025-07-10', recordSentOn: '2025-07-25' }),
	// Second, held on its due date; aged 7 → 4-7; sent 29 Sep, after the lock (Thu 25 Sep).
	rv('R3', { sequence: 2, dueDate: '2025-09-30', heldDate: '2025-09-30', dateOfBirth: '2018-03-15', code: 'PN6', child: sent('2025-09-29'), parents: { invited: 1, sent: 1 }, carers: { invited: 1, sent: 1 }, privateTalk: true }),
	// Subsequent, early; aged 10 → 8-12, invited, never opened the form.
	rv('R4', { sequence: 3, dueDate: '2025-12-01', heldDate: '2025-11-20', dateOfBirth: '2015-02-01', code: 'PN7', carers: { invited: 1, sent: 0 }, privateTalk: false, advocacyExplained: false }),
	// Subsequent, late; code not confirmed yet; 15 → 13+; sent 5 Jan, before the lock (Thu 15 Jan).
	rv('R5', { sequence: 3, dueDate: '2026-01-15', heldDate: '2026-01-20', dateOfBirth: '2010-08-08', code: null, child: sent('2026-01-05'), parents: { invited: 1, sent: 0 } }),
	// Subsequent, on the period's last day; 12 (13 the next day) → 8-12; PN2.
	rv('R6', { sequence: 4, dueDate: '2026-03-31', heldDate: '2026-03-31', dateOfBirth: '2013-04-01', code: 'PN2', child: sent('2026-03-20'), parents: { invited: 1, sent: 1 }, carers: { invited: 1, sent: 1 }, privateTalk: true }),
	// A care leaver, 19: a pathway-plan review, counted on its own row only.
	rv('P1', { sequence: 10, dueDate: '2025-08-01', heldDate: '2025-08-01', dateOfBirth: '2006-01-01', code: null, parents: { invited: 3, sent: 3 } }),
	// Outside the period on either side.
	rv('O1', { sequence: 3, dueDate: '2025-03-31', heldDate: '2025-03-31', dateOfBirth: '2012-01-01', code: 'PN1' }),
	rv('O2', { sequence: 3, dueDate: '2026-04-01', heldDate: '2026-04-01', dateOfBirth: '2012-01-01', code: 'PN1' })
];

const ESCALATIONS: EscalationFact[] = [
	{ childId: 'c1', stage: 1, openedOn: '2025-06-02', closedOn: '2025-06-20' }, // due 30 Jun: in time
	{ childId: 'c1', stage: 2, openedOn: '2025-10-01', closedOn: '2025-11-15' }, // due 29 Oct: late
	{ childId: 'c2', stage: 1, openedOn: '2026-03-20', closedOn: null }, // open at the end
	{ childId: 'c3', stage: 3, openedOn: '2025-03-01', closedOn: '2025-04-10' }, // opened before; resolved in the period, late (due 28 Mar)
	{ childId: 'c4', stage: 4, openedOn: '2026-04-02', closedOn: null } // after the period
];

const ALLOCATIONS: AllocationFact[] = [
	{ iroId: 'i1', iroName: 'Rowan', childId: 'c1', startsOn: '2024-01-01', endsOn: null },
	{ iroId: 'i1', iroName: 'Rowan', childId: 'c2', startsOn: '2025-01-01', endsOn: '2026-03-31' }, // moved on the snapshot day
	{ iroId: 'i2', iroName: 'Kit', childId: 'c2', startsOn: '2026-03-31', endsOn: null },
	{ iroId: 'i2', iroName: 'Kit', childId: 'c3', startsOn: '2026-04-01', endsOn: null }, // not yet
	{ iroId: 'i2', iroName: 'Kit', childId: 'c4', startsOn: '2020-01-01', endsOn: null },
	{ iroId: 'i1', iroName: 'Rowan', childId: 'c5', startsOn: '2025-05-01', endsOn: null },
	{ iroId: 'i1', iroName: 'Rowan', childId: 'c7', startsOn: '2025-06-01', endsOn: null },
	{ iroId: 'i3', iroName: 'Ash', childId: 'c6', startsOn: '2024-01-01', endsOn: '2025-01-01' } // ended: Ash holds none
];

const at = (d: string, hh: number, mm = 0) => londonInstant(d, hh * 60 + mm);
const ALERTS: AlertFact[] = [
	{ createdAt: at('2025-06-02', 10), acknowledgedAt: at('2025-06-02', 11, 30) }, // by 12:00: in time, 1.5 h
	{ createdAt: at('2025-06-06', 16, 30), acknowledgedAt: at('2025-06-09', 10, 45) }, // Fri 16:30 → by Mon 10:30: late, 66.25 h
	{ createdAt: at('2025-12-06', 20), acknowledgedAt: at('2025-12-08', 9, 30) }, // Sat → by Mon 10:00: in time, 37.5 h
	{ createdAt: at('2026-01-10', 12), acknowledgedAt: null }, // still open
	{ createdAt: at('2025-03-31', 12), acknowledgedAt: null } // before the period
];

const req = (kind: RequestFact['kind'], handler: RequestFact['handler'], createdAt: number, o: Partial<RequestFact> = {}): RequestFact => ({
	kind, handler, consent: handler === 'advocacy', createdAt, seenAt: null, allocatedAt: null, answeredAt: null, closedAt: null, reviewDate: null, ...o
});
const REQUESTS: RequestFact[] = [
	// Referred Tue 10:00: seen Wed 09:30 (due Wed 10:00, met); advocate named Fri 11:00 (due Thu 10:00, late); 3 WD.
	req('advocate', 'advocacy', at('2025-06-03', 10), { seenAt: at('2025-06-04', 9, 30), allocatedAt: at('2025-06-06', 11) }),
	// Without consent it goes to the IRO: answered the next day (due Wed 12:00, met); 1 WD.
	req('advocate', 'iro', at('2025-09-01', 12), { answeredAt: at('2025-09-02', 12) }),
	// Sent on a Saturday: the clock starts Mon 09:00, due Wed 09:00; answered Thu (late); 3 WD.
	req('talk-to-iro', 'iro', at('2025-10-04', 10), { answeredAt: at('2025-10-09', 9) }),
	// Answered Tue 16:00, due Wed 10:00: met; 1 WD.
	req('change-review', 'iro', at('2026-03-02', 10), { answeredAt: at('2026-03-03', 16) }),
	// Not answered yet.
	req('interpreter', 'iro', at('2026-03-30', 10)),
	// After the period.
	req('advocate', 'advocacy', at('2026-04-05', 10)),
	// Referred Mon 10:00: seen 15:00 and named Tue 10:00, both met; 1 WD.
	req('advocate', 'advocacy', at('2025-11-03', 10), { seenAt: at('2025-11-03', 15), allocatedAt: at('2025-11-04', 10) })
];

const report: Report = buildReport({ reviews: REVIEWS, returns: returnsOf(REVIEWS), escalations: ESCALATIONS, allocations: ALLOCATIONS, alerts: ALERTS, requests: REQUESTS, feedback: null }, PERIOD, TODAY);

/** A table as { row: { column: display } }: counts as numbers, percents and measures as their value, empty as null. */
function grid(id: string): Record<string, Record<string, number | string | null>> {
	const t = report.tables.find((x) => x.id === id)!;
	const show = (c: Cell) => (c.kind === 'count' ? c.value : c.kind === 'percent' || c.kind === 'number' ? c.value : c.kind === 'suppressed' ? '<5' : null);
	return Object.fromEntries(t.rows.map((r) => [r.id, Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, show(c)]))]));
}

describe('buildReport over FY 2025-26', () => {
	it('takes the snapshot on the last day of a past period', () => {
		expect(report.snapshot).toBe('2026-03-31');
		expect(buildReport({ reviews: [], returns: [], escalations: [], allocations: [], alerts: [], requests: [], feedback: null }, { from: '2026-04-01', to: '2027-03-31' }, TODAY).snapshot).toBe(TODAY);
	});

	it('F3 reviews held: 2 first, 1 second, 3 subsequent = 6; 1 pathway-plan review apart', () => {
		expect(grid('reviews')).toEqual({ first: { reviews: 2 }, second: { reviews: 1 }, subsequent: { reviews: 3 }, 'total-cla': { reviews: 6 }, pathway: { reviews: 1 } });
	});

	it('F4 in timescale: first 1/2, second 1/1, subsequent 2/3, all 4/6', () => {
		expect(grid('timescale')).toEqual({
			first: { held: 2, 'on-time': 1, percent: 50 },
			second: { held: 1, 'on-time': 1, percent: 100 },
			subsequent: { held: 3, 'on-time': 2, percent: 66.7 },
			all: { held: 6, 'on-time': 4, percent: 66.7 }
		});
	});

	it('F5 participation: each code of 6 reviews (1/6 = 16.7%) and of 5 reviews of children 4+ (1/5 = 20%)', () => {
		const g = grid('participation');
		expect(g.pn0).toEqual({ reviews: 1, 'of-all': 16.7, 'of-4-plus': null });
		expect(g.pn1).toEqual({ reviews: 1, 'of-all': 16.7, 'of-4-plus': 20 });
		expect(g.pn2).toEqual({ reviews: 1, 'of-all': 16.7, 'of-4-plus': 20 });
		expect(g.pn3).toEqual({ reviews: 0, 'of-all': 0, 'of-4-plus': 0 });
		expect(g.pn6).toEqual({ reviews: 1, 'of-all': 16.7, 'of-4-plus': 20 });
		expect(g.pn7).toEqual({ reviews: 1, 'of-all': 16.7, 'of-4-plus': 20 });
		expect(g['not-confirmed']).toEqual({ reviews: 1, 'of-all': 16.7, 'of-4-plus': 20 });
		expect(g.total).toEqual({ reviews: 6, 'of-all': null, 'of-4-plus': null });
	});

	it('F6, F7: of the 4 coded PN1–PN7, 3 took part, 2 attended, 2 did not attend', () => {
		expect(grid('participation-summary')).toEqual({
			'took-part': { numerator: 3, denominator: 4, percent: 75 },
			attended: { numerator: 2, denominator: 4, percent: 50 },
			'did-not-attend': { numerator: 2, denominator: 4, percent: 50 }
		});
	});

	it('F8 returns by audience: sent / invited, and sent per review held (6)', () => {
		expect(grid('consultation')).toEqual({
			'child-4-7': { invited: 1, sent: 1, 'return-rate': 100, 'per-review': 16.7 },
			'child-8-12': { invited: 2, sent: 1, 'return-rate': 50, 'per-review': 16.7 },
			'child-13-plus': { invited: 2, sent: 2, 'return-rate': 100, 'per-review': 33.3 },
			children: { invited: 5, sent: 4, 'return-rate': 80, 'per-review': 66.7 },
			parents: { invited: 6, sent: 3, 'return-rate': 50, 'per-review': 50 },
			carers: { invited: 5, sent: 3, 'return-rate': 60, 'per-review': 50 },
			everyone: { invited: 16, sent: 10, 'return-rate': 62.5, 'per-review': 166.7 }
		});
	});

	it('before and after the meeting: views by the lock 3/5, private talk 3/5, explained 1/5, decisions 1/6, record 1/6, mean 15.5 WD', () => {
		expect(grid('record')).toEqual({
			'views-by-lock': { numerator: 3, denominator: 5, percent: 60, number: null },
			'private-talk': { numerator: 3, denominator: 5, percent: 60, number: null },
			'advocacy-explained': { numerator: 1, denominator: 5, percent: 20, number: null },
			'decisions-in-time': { numerator: 1, denominator: 6, percent: 16.7, number: null },
			'record-in-time': { numerator: 1, denominator: 6, percent: 16.7, number: null },
			'record-mean-wd': { numerator: null, denominator: null, percent: null, number: 15.5 }
		});
	});

	it('F9 advocacy: offered 4/5 (form opened or explained), PN2/PN5 1/5; 3 asked, 2 referred with consent; acknowledged 2/2, named 1/2', () => {
		expect(grid('advocacy')).toEqual({
			'advocacy-offered': { count: 4, percent: 80 },
			'advocate-spoke': { count: 1, percent: 20 },
			'advocacy-requested': { count: 3, percent: null },
			'advocacy-consented': { count: 2, percent: 66.7 },
			'advocacy-acknowledged': { count: 2, percent: 100 },
			'advocacy-allocated': { count: 1, percent: 50 }
		});
		expect(report.tables.find((x) => x.id === 'feedback')!.status).toBe('not-recorded');
	});

	it('F10 requests by kind: answered in time / answered, median WD to the answer', () => {
		expect(grid('requests')).toEqual({
			'request-advocate': { created: 3, answered: 3, 'in-time': 2, percent: 66.7, 'median-wd': 1 },
			'request-talk-to-iro': { created: 1, answered: 1, 'in-time': 0, percent: 0, 'median-wd': 3 },
			'request-change-review': { created: 1, answered: 1, 'in-time': 1, percent: 100, 'median-wd': 1 },
			'request-interpreter': { created: 1, answered: 0, 'in-time': 0, percent: null, 'median-wd': null },
			'requests-all': { created: 6, answered: 5, 'in-time': 3, percent: 60, 'median-wd': 1 }
		});
	});

	it('F11 escalations: 3 opened (stage 1: 2, stage 2: 1), 2 children; 1 of 3 resolved in 20 WD; 1 open at the end', () => {
		const g = grid('escalations');
		expect(g['escalations-opened']!.count).toBe(3);
		expect([g['stage-1']!.count, g['stage-2']!.count, g['stage-3']!.count, g['stage-4']!.count]).toEqual([2, 1, 0, 0]);
		expect(g['escalation-children']!.count).toBe(2);
		expect(g['escalations-resolved']!.count).toBe(3);
		expect(g['escalations-in-time']).toEqual({ count: 1, percent: 33.3 });
		expect(g['escalations-open-at-end']!.count).toBe(1);
	});

	it('F12 caseload on 31 March 2026: Rowan 3, Kit 2; mean 2.5, min 2, max 3', () => {
		const t = report.tables.find((x) => x.id === 'caseload')!;
		expect(t.rows.slice(0, 2).map((r) => ['name' in r.label ? r.label.name : '', r.cells.children])).toEqual([
			['Rowan', { kind: 'count', value: 3 }],
			['Kit', { kind: 'count', value: 2 }]
		]);
		const g = grid('caseload');
		expect([g['caseload-children']!.children, g['caseload-iros']!.children, g['caseload-mean']!.children, g['caseload-min']!.children, g['caseload-max']!.children]).toEqual([5, 2, 2.5, 2, 3]);
	});

	it('F16 alerts: 4 raised; 2 in time, 1 late, 1 open; median 37.5 h, longest 66.3 h', () => {
		expect(grid('alerts')).toEqual({
			'alerts-raised': { count: 4, percent: null, hours: null },
			'alerts-in-time': { count: 2, percent: 50, hours: null },
			'alerts-late': { count: 1, percent: 25, hours: null },
			'alerts-open': { count: 1, percent: 25, hours: null },
			'alerts-median-wait': { count: null, percent: null, hours: 37.5 },
			'alerts-longest-wait': { count: null, percent: null, hours: 66.3 }
		});
	});

	it('every table states at least one definition', () => {
		for (const t of report.tables) expect(t.definitions.length, t.id).toBeGreaterThan(0);
	});
});

describe('F15 feedback (DOMAIN §7 roll-up), one table per audience', () => {
	const withFeedback = buildReport(
		{
			reviews: [], returns: [], escalations: [], allocations: [], alerts: [], requests: [],
			feedback: {
				responses: [{ kind: 'parent', formId: 'feedback-parent', formVersion: 1, invited: 10, sent: 6 }],
				answers: [
					{ formId: 'feedback-parent', formVersion: 1, questionId: 'fb-heard', value: 'yes', n: 4 },
					{ formId: 'feedback-parent', formVersion: 1, questionId: 'fb-heard', value: 'not-sure', n: 1 },
					{ formId: 'feedback-parent', formVersion: 1, questionId: 'fb-heard', value: 'rather-not-say', n: 1 },
					{ formId: 'feedback-parent', formVersion: 1, questionId: 'fb-invited', value: 'yes', n: 2 },
					{ formId: 'feedback-parent', formVersion: 1, questionId: 'fb-invited', value: 'no', n: 3 }
				]
			}
		},
		PERIOD,
		TODAY
	);
	const rowsOf = (id: string) => Object.fromEntries(withFeedback.tables.find((t) => t.id === id)!.rows.map((r) => [r.id, [r.cells.numerator, r.cells.denominator, r.cells.percent].map((c) => (c?.kind === 'count' || c?.kind === 'percent' ? c.value : null))]));

	it('parents: 6 of 10 sent; heard 4 of 5 answers (rather not say left out), invited 2 of 5; unanswered questions have no rate', () => {
		const g = rowsOf('feedback-parent');
		expect(g['feedback-sent']).toEqual([6, 10, 60]);
		expect(g['fb-fb-heard']).toEqual([4, 5, 80]);
		expect(g['fb-fb-invited']).toEqual([2, 5, 40]);
		expect(g['fb-fb-record']).toEqual([0, 0, null]);
		expect(Object.keys(g)).not.toContain('fb-fb-better'); // words have no rate
		const label = withFeedback.tables.find((t) => t.id === 'feedback-parent')!.rows.find((r) => r.id === 'fb-fb-heard')!.label;
		expect(label).toEqual({ key: 'feedback-parent.fb-heard.label', params: { ns: 'forms' } });
	});

	it('an audience with no feedback shows 0 of 0', () => {
		expect(rowsOf('feedback-carer')['feedback-sent']).toEqual([0, 0, null]);
		expect(withFeedback.tables.map((t) => t.id)).not.toContain('feedback');
	});
});
