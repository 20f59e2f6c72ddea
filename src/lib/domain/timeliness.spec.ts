import { describe, expect, it } from 'vitest';
import { reviewMilestones } from './review-schedule';
import { DRP_WORKING_DAYS, escalationDue, timeliness } from './timeliness';

describe('timeliness: sent by the end of the due day (DOMAIN §3, §3.2)', () => {
	it.each([
		['sent on the due day is on time', '2026-11-11', '2026-11-11', '2026-11-20', 'on-time', 0],
		['sent the day before is on time', '2026-11-11', '2026-11-10', '2026-11-20', 'on-time', 0],
		['sent the next working day is late by 1 WD', '2026-11-11', '2026-11-12', '2026-11-20', 'late', 1],
		['sent on the Monday after a Friday due date is late by 1 WD', '2026-11-13', '2026-11-16', '2026-11-20', 'late', 1],
		['sent on a Saturday after a Friday due date is late by 0 WD but still late', '2026-11-13', '2026-11-14', '2026-11-20', 'late', 0],
		['not sent, due later: not yet', '2026-11-11', null, '2026-11-11', 'not-yet', 0],
		['not sent, due yesterday: overdue by 1 WD', '2026-11-11', null, '2026-11-12', 'overdue', 1]
	] as const)('%s', (_name, due, done, today, state, wd) => {
		expect(timeliness(due, done, today)).toEqual({ due, doneOn: done, state, workingDaysLate: wd });
	});

	it('the worked examples of DOMAIN §3.2 give the due dates the timeliness is judged against', () => {
		expect(reviewMilestones('2026-11-04')).toMatchObject({ decisionsDue: '2026-11-11', recordDue: '2026-11-25' });
		// Over Christmas and New Year (25, 28 Dec 2026 and 1 Jan 2027 are bank holidays).
		expect(reviewMilestones('2027-01-11')).toMatchObject({ decisionsDue: '2027-01-18', recordDue: '2027-02-01' });
	});
});

describe('DRP: 20 working days from opening (DOMAIN §3.2)', () => {
	it('is 20 WD', () => {
		expect(DRP_WORKING_DAYS).toBe(20);
	});

	it.each([
		['an ordinary month', '2026-11-02', '2026-11-30'],
		['over Christmas and New Year (25, 28 Dec, 1 Jan)', '2026-12-14', '2027-01-14'],
		['over Easter (3 and 6 Apr 2026)', '2026-03-30', '2026-04-29'],
		['opened on a Saturday: day 1 is the Monday', '2026-11-07', '2026-12-04']
	] as const)('%s: opened %s, due %s', (_name, opened, due) => {
		expect(escalationDue(opened)).toBe(due);
	});
});
