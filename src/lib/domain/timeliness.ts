/**
 * Was something sent by its due date? Decisions (5 WD after the meeting), the record and My Review
 * Report (15 WD) and dispute resolution (20 WD) are all counted in working days (DOMAIN §3.2) and
 * judged by the London calendar date they went out on: a deadline ends at the end of its day
 * (DOMAIN §3). Pure: callers pass "today" (STYLE §2.1).
 */
import { addWorkingDays, workingDaysBetween, type IsoDate } from './calendar';

/** The whole dispute resolution process takes at most 20 WD (IRO Handbook §6.2, DOMAIN §3.2). */
export const DRP_WORKING_DAYS = 20;

/** The day an escalation opened on `openedOn` must be resolved by. */
export function escalationDue(openedOn: IsoDate): IsoDate {
	return addWorkingDays(openedOn, DRP_WORKING_DAYS);
}

/** `on-time` and `late` once done; `not-yet` or `overdue` until then. */
export type TimelinessState = 'on-time' | 'late' | 'not-yet' | 'overdue';

export interface Timeliness {
	due: IsoDate;
	/** The day it was done (sent, resolved), or null. */
	doneOn: IsoDate | null;
	state: TimelinessState;
	/** Working days past the due date: when it was done late, or so far when overdue; otherwise 0. */
	workingDaysLate: number;
}

/** Judges `doneOn` (or, until it is done, `today`) against `due`. */
export function timeliness(due: IsoDate, doneOn: IsoDate | null, today: IsoDate): Timeliness {
	if (doneOn !== null) {
		const late = doneOn > due;
		return { due, doneOn, state: late ? 'late' : 'on-time', workingDaysLate: late ? workingDaysBetween(due, doneOn) : 0 };
	}
	const overdue = today > due;
	return { due, doneOn: null, state: overdue ? 'overdue' : 'not-yet', workingDaysLate: overdue ? workingDaysBetween(due, today) : 0 };
}
