/**
 * When each review is due, and the dates around it (DOMAIN §3.1 and §3.2).
 *
 * Due dates follow the Care Planning, Placement and Case Review (England) Regulations 2010
 * (SI 2010/959) reg. 33, read as DOMAIN §3.1 sets out: the first within 20 working days of becoming
 * looked after, the second within 3 calendar months of the first, later ones within 6 months of the
 * previous. Each runs from the previous *held* date, so one late review doesn't make the rest late.
 * The result is the last permitted day; {@link holdBy} gives the working day to plan for.
 */
import {
	addMonthsClamped,
	addWorkingDays,
	ageOn,
	previousWorkingDayOnOrBefore,
	type IsoDate
} from './calendar';

/** Local rule: more frequent reviews for the youngest children (DOMAIN §3.1 "Local rule"). */
export type YoungChildRule = {
	/** Applies while the child is under this age (whole years) on the previous held date. */
	youngChildAgeUnder: number;
	/** Months between reviews for those children; never makes a review later than reg. 33 allows. */
	youngChildIntervalMonths: number;
};

/** Per-service schedule settings (DOMAIN §3.2). Working-day offsets are counted as in DOMAIN §3. */
export type ScheduleSettings = {
	/** Consultation window opens this many WD before the review (our default, issue 5). */
	windowOpensWdBefore: number;
	/** Reminders go this many WD before the review (our default). */
	remindersWdBefore: readonly number[];
	/** The pack locks at the end of the day this many WD before (our default, issue 5). */
	packLocksWdBefore: number;
	/** Decisions are due this many WD after (statutory guidance as restated locally). */
	decisionsWdAfter: number;
	/** The record and My Review Report are due this many WD after: 15 to 20 (our default 15, issue 5). */
	recordWdAfter: number;
	/** Off (null) by default. */
	youngChildRule: YoungChildRule | null;
};

/** Our defaults from DOMAIN §3.2; the young-child rule is off. */
export const DEFAULT_SCHEDULE_SETTINGS: Readonly<ScheduleSettings> = Object.freeze({
	windowOpensWdBefore: 20,
	remindersWdBefore: Object.freeze([10, 5]),
	packLocksWdBefore: 3,
	decisionsWdAfter: 5,
	recordWdAfter: 15,
	youngChildRule: null
});

/** The record may be set from 15 to 20 WD (DOMAIN §3.2: "15 WD after (setting up to 20)"). */
export const RECORD_WD_RANGE = Object.freeze({ min: 15, max: 20 });

/** First review: within 20 WD of becoming looked after in this episode (SI 2010/959 reg. 33). */
export function firstReviewDue(lookedAfter: IsoDate): IsoDate {
	return addWorkingDays(lookedAfter, 20);
}

/** Second review: within 3 calendar months of the first's held date, clamped to the month end (reg. 33). */
export function secondReviewDue(firstHeld: IsoDate): IsoDate {
	return addMonthsClamped(firstHeld, 3);
}

/** Later reviews: within 6 calendar months of the previous held date, clamped to the month end (reg. 33). */
export function laterReviewDue(previousHeld: IsoDate): IsoDate {
	return addMonthsClamped(previousHeld, 6);
}

/** What {@link nextReviewDue} needs. `sequence` is 1 for the first review of this episode. */
export type NextReviewInput = {
	sequence: number;
	/** Start of this looked-after episode; required when `sequence` is 1. */
	lookedAfter?: IsoDate | null;
	/** Held date (final part) of the previous review; required when `sequence` is 2 or more. */
	previousHeld?: IsoDate | null;
	/** Needed only for the young-child rule. */
	dob?: IsoDate | null;
	settings?: Partial<ScheduleSettings> | null;
};

/**
 * The due date of review number `sequence` in this episode (DOMAIN §3.1): reg. 33 chooses the rule,
 * and the service's young-child rule, if on, may bring reviews 2+ earlier, judged by the child's age
 * on the previous held date. Throws a RangeError when a date the rule needs is missing.
 */
export function nextReviewDue(input: NextReviewInput): IsoDate {
	const { sequence, lookedAfter, previousHeld, dob } = input;
	if (!Number.isSafeInteger(sequence) || sequence < 1) {
		throw new RangeError(`sequence must be a whole number from 1, got ${sequence}`);
	}
	if (sequence === 1) {
		if (!lookedAfter) throw new RangeError('The first review needs the looked-after date');
		return firstReviewDue(lookedAfter);
	}
	if (!previousHeld) throw new RangeError(`Review ${sequence} needs the previous held date`);
	const statutory = sequence === 2 ? secondReviewDue(previousHeld) : laterReviewDue(previousHeld);
	const rule = input.settings?.youngChildRule ?? null;
	if (!rule || !dob || ageOn(dob, previousHeld) >= rule.youngChildAgeUnder) return statutory;
	const local = addMonthsClamped(previousHeld, rule.youngChildIntervalMonths);
	// A local rule adds reviews; it never lets one run later than reg. 33 allows.
	return local < statutory ? local : statutory;
}

/** The day to hold a review by: `due` itself, or the working day before when `due` isn't one (DOMAIN §3.1). */
export function holdBy(due: IsoDate): IsoDate {
	return previousWorkingDayOnOrBefore(due);
}

/** The dates around one review (DOMAIN §3.2). */
export type ReviewMilestones = {
	/** Consultation window opens (invitations go out). */
	windowOpens: IsoDate;
	/** Reminder dates, earliest first. */
	reminders: IsoDate[];
	/** The pack locks at the end of this day. */
	packLocks: IsoDate;
	decisionsDue: IsoDate;
	/** The record and My Review Report. */
	recordDue: IsoDate;
};

/**
 * The window, reminders, pack lock, decisions and record dates for a review on `reviewDate`
 * (DOMAIN §3.2), counted in working days as DOMAIN §3 defines. Throws a RangeError on bad settings.
 */
export function reviewMilestones(
	reviewDate: IsoDate,
	settings?: Partial<ScheduleSettings> | null
): ReviewMilestones {
	const s = resolveScheduleSettings(settings);
	const before = (n: number) => addWorkingDays(reviewDate, -n);
	const after = (n: number) => addWorkingDays(reviewDate, n);
	return {
		windowOpens: before(s.windowOpensWdBefore),
		reminders: [...new Set(s.remindersWdBefore.map(before))].sort(),
		packLocks: before(s.packLocksWdBefore),
		decisionsDue: after(s.decisionsWdAfter),
		recordDue: after(s.recordWdAfter)
	};
}

/** Merges `settings` over {@link DEFAULT_SCHEDULE_SETTINGS} and checks them. Throws a RangeError if invalid. */
export function resolveScheduleSettings(settings?: Partial<ScheduleSettings> | null): ScheduleSettings {
	const s: ScheduleSettings = { ...DEFAULT_SCHEDULE_SETTINGS, ...settings };
	const counts = [s.windowOpensWdBefore, ...s.remindersWdBefore, s.packLocksWdBefore, s.decisionsWdAfter];
	if (!counts.every(isWhole)) throw new RangeError('Working-day settings must be whole numbers of 1 or more');
	const { min, max } = RECORD_WD_RANGE;
	if (!isWhole(s.recordWdAfter) || s.recordWdAfter < min || s.recordWdAfter > max) {
		throw new RangeError(`recordWdAfter must be ${min} to ${max}, got ${s.recordWdAfter}`);
	}
	const rule = s.youngChildRule;
	if (rule && !(isWhole(rule.youngChildAgeUnder) && isWhole(rule.youngChildIntervalMonths))) {
		throw new RangeError('The young-child rule needs a whole age and a whole number of months, both 1 or more');
	}
	return s;
}

function isWhole(n: number): boolean {
	return Number.isSafeInteger(n) && n >= 1;
}

/**
 * Is the pack locked on `today`? It locks at the end of its lock day (DOMAIN §3.2), so anything
 * on a later day is "after the lock": late answers are still accepted and flagged.
 */
export function isAfterLock(reviewDate: IsoDate, today: IsoDate, settings?: Partial<ScheduleSettings> | null): boolean {
	return today > reviewMilestones(reviewDate, settings).packLocks;
}
