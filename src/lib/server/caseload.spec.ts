import { describe, expect, it } from 'vitest';
import { countRows, matches, parseFilter, type CaseloadRow } from './caseload';

const row = (over: Partial<CaseloadRow>): CaseloadRow => ({
	childId: 'c', name: 'N', age: 10, reviewId: 'r', nextDate: '2026-12-01', scheduled: true, daysLeft: 10, respondents: [], openAlerts: 0, ...over
});

describe('caseload filters and counts (issue 5)', () => {
	const rows = [
		row({ childId: 'a', daysLeft: -2 }),
		row({ childId: 'b', daysLeft: 0, respondents: [{ kind: 'parent', displayName: 'P', status: 'invited' }] }),
		row({ childId: 'c', daysLeft: 7, openAlerts: 1, respondents: [{ kind: 'young-person', displayName: 'Y', status: 'sent' }] }),
		row({ childId: 'd', daysLeft: 8 }),
		row({ childId: 'e', daysLeft: null, nextDate: null, reviewId: null })
	];

	it.each([
		['overdue', ['a']],
		['this-week', ['b', 'c']],
		['no-response', ['b']],
		['alerts', ['c']],
		['all', ['a', 'b', 'c', 'd', 'e']]
	] as const)('%s shows %j', (filter, ids) => {
		expect(rows.filter((r) => matches(r, filter)).map((r) => r.childId)).toEqual(ids);
	});

	it('counts every filter at once', () => {
		expect(countRows(rows)).toEqual({ all: 5, overdue: 1, 'this-week': 2, 'no-response': 1, alerts: 1 });
	});

	it('reads only known filters from the query string', () => {
		expect(parseFilter('alerts')).toBe('alerts');
		expect(parseFilter('<script>')).toBe('all');
		expect(parseFilter(null)).toBe('all');
	});
});
