import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, loadCaseload, matches, parseFilter, type CaseloadRow } from './caseload';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from './db/test-db';
import { sendDecisions, addDecision } from './review/decisions';
import { saveMeeting } from './review/meeting';
import { sendReport } from './review/report';
import { accessFor, addChild, bornBefore, post } from './review/spec-helpers';

const row = (over: Partial<CaseloadRow>): CaseloadRow => ({
	childId: 'c', name: 'N', age: 10, reviewId: 'r', nextDate: '2026-12-01', scheduled: true, daysLeft: 10, respondents: [], openAlerts: 0, openRequests: 0, followUp: null, deadline: '2026-12-01', ...over
});

describe('caseload filters and counts (issue 5)', () => {
	const rows = [
		row({ childId: 'a', daysLeft: -2 }),
		row({ childId: 'b', daysLeft: 0, respondents: [{ kind: 'parent', displayName: 'P', status: 'invited' }] }),
		row({ childId: 'c', daysLeft: 7, openAlerts: 1, respondents: [{ kind: 'young-person', displayName: 'Y', status: 'sent' }] }),
		row({ childId: 'd', daysLeft: 8, openRequests: 2 }),
		row({ childId: 'e', daysLeft: null, nextDate: null, reviewId: null })
	];

	it.each([
		['overdue', ['a']],
		['this-week', ['b', 'c']],
		['no-response', ['b']],
		['alerts', ['c']],
		['requests', ['d']],
		['all', ['a', 'b', 'c', 'd', 'e']]
	] as const)('%s shows %j', (filter, ids) => {
		expect(rows.filter((r) => matches(r, filter)).map((r) => r.childId)).toEqual(ids);
	});

	it('counts every filter at once', () => {
		expect(countRows(rows)).toEqual({ all: 5, overdue: 1, 'this-week': 2, 'no-response': 1, alerts: 1, requests: 1 });
	});

	it('reads only known filters from the query string', () => {
		expect(parseFilter('alerts')).toBe('alerts');
		expect(parseFilter('<script>')).toBe('all');
		expect(parseFilter(null)).toBe('all');
	});
});

describe('loadCaseload: a held review still owing decisions or the record stays on the IRO\'s list (DOMAIN §3.2)', () => {
	const HELD = '2026-11-04';
	const NOW = Date.UTC(2026, 10, 5, 9); // Thu 5 Nov 2026
	let t: TestDatabase;
	let f: Family;
	beforeEach(async () => {
		t = await openTestDatabase();
		f = await seedFamily(t.db, NOW);
	});
	afterEach(async () => {
		await t?.close();
	});

	it('after the meeting the row shows the next review and the decisions, then the record, then nothing owed', async () => {
		const c = await addChild(t.db, f, { name: 'Aaron', dateOfBirth: bornBefore(HELD, 9), scheduled: HELD }, NOW);
		const iro = accessFor('review.record-outcome', { id: f.iroId, role: 'iro' }, c);
		await saveMeeting(t.db, iro, post({ heldDate: HELD, attended: 'yes', inMeeting: ['spoke-for-self'], outside: [], checks: [] }), NOW, 'req');
		const caseload = accessFor('caseload.view', { id: f.iroId, role: 'iro' }, c);
		const rowOf = async () => (await loadCaseload(caseload, NOW, t.db)).rows.find((r) => r.childId === c.childId)!;

		let row = await rowOf();
		expect(row.reviewId).not.toBe(c.reviewId); // the next review (chaining)
		expect(row).toMatchObject({ nextDate: '2027-02-04', followUp: { reviewId: c.reviewId, kind: 'decisions', due: '2026-11-11', daysLeft: 6 }, deadline: '2026-11-11', daysLeft: 6 });
		// Sorted by the nearest deadline: the follow-up (11 Nov) comes before a review on 1 Dec.
		const other = await addChild(t.db, f, { name: 'Zed', dateOfBirth: bornBefore(HELD, 9), scheduled: '2026-12-01' }, NOW);
		const order = (await loadCaseload(caseload, NOW, t.db)).rows.map((r) => r.childId);
		expect(order.indexOf(c.childId)).toBeLessThan(order.indexOf(other.childId));

		await addDecision(t.db, iro, post({ text: 'A', owner: 'B', dueOn: '2026-12-01', links: [] }), NOW, 'req');
		await sendDecisions(t.db, iro, post({ confirm: 'yes' }), NOW, 'req');
		row = await rowOf();
		expect(row.followUp).toMatchObject({ kind: 'record', due: '2026-11-25' });

		await sendReport(t.db, iro, post({ body: 'Dear Aaron' }), NOW, 'req');
		row = await rowOf();
		expect(row.followUp).toBeNull();
		expect(row.deadline).toBe('2027-02-04');
	});
});
