/**
 * The shapes of the annual-report figures (DOMAIN §9). Pure data: the report functions build
 * these from facts, the page draws them (table + SVG chart), the CSV export writes them. Labels
 * are i18n keys (or a name, for an IRO), never English built here (STYLE §4.9).
 */
import type { FormBand } from '../age-band';
import type { IsoDate } from '../calendar';
import type { ParticipationCode } from '../participation';
import type { Handler, RequestKind } from '../request-state';

export type Period = { from: IsoDate; to: IsoDate };

/** A row label: an i18n key (under `reports.row.`), or a person's name (caseload). */
export type Label = { key: string; params?: Record<string, string | number> } | { name: string; anonymous: string };

export type Cell =
	| { kind: 'count'; value: number }
	/** `value` is numerator ÷ denominator × 100, rounded half-up (DOMAIN §9 "Display"); null when the denominator is 0. */
	| { kind: 'percent'; numerator: number; denominator: number; value: number | null }
	/** A measured quantity (a mean, a median wait); null when there is nothing to measure. */
	| { kind: 'number'; value: number | null; unit: 'hours' | 'working-days' | 'children'; n: number }
	/** Hidden in an export beyond the service: a count of 1–4, or a figure built on one (DOMAIN §9 "Suppression"). */
	| { kind: 'suppressed' }
	| { kind: 'empty' };

export type ColumnKind = 'count' | 'percent' | 'number';
export type Column = { id: string; kind: ColumnKind };

export type Row = {
	id: string;
	label: Label;
	cells: Record<string, Cell>;
	total?: boolean;
	/** The facts behind this row aren't kept yet (issue 6's requests); its cells are empty. */
	notRecorded?: boolean;
};

export type TableId =
	| 'reviews'
	| 'timescale'
	| 'participation'
	| 'participation-summary'
	| 'consultation'
	| 'advocacy'
	| 'requests'
	| 'escalations'
	| 'record'
	| 'caseload'
	| 'alerts'
	| 'feedback'
	| 'feedback-young-person'
	| 'feedback-parent'
	| 'feedback-carer';

export type ReportTable = {
	id: TableId;
	/** DOMAIN §9 figure numbers, e.g. ['F5']. */
	figures: string[];
	/** 'not-recorded': the facts behind this table aren't kept yet (its feature hasn't shipped). */
	status: 'ok' | 'not-recorded';
	columns: Column[];
	rows: Row[];
	/** Which column the chart draws, and which rows (default: every row that isn't a total). */
	chart: { column: string; rows?: string[] } | null;
	/**
	 * Rows that add up to a total row, for secondary suppression: when one of them is hidden
	 * ("<5"), one more is hidden so the total can't give it away (DOMAIN §9 "Suppression").
	 */
	sums?: { parts: string[]; total: string }[];
	/** i18n keys under `reports.def.`: each states a figure's numerator and denominator. */
	definitions: string[];
};

export type Report = {
	period: Period;
	/** The day snapshots (caseload) are taken: the period's last day, or today if that is later. */
	snapshot: IsoDate;
	tables: ReportTable[];
};

// ── Facts: what the loader reads from the database, one plain object per thing counted ──────────

export type ReviewFact = {
	/** 1 first, 2 second, 3+ subsequent, in this episode (DOMAIN §3.1). */
	sequence: number;
	/** The due date reg. 33 gives (the statutory one when the review was brought earlier). */
	dueDate: IsoDate;
	heldDate: IsoDate;
	/** The date the pack lock counts back from: the scheduled date, else the held date. */
	reviewDate: IsoDate;
	/** The child's age in whole years on the held date (the report summary keeps this, not the date of birth)… */
	age?: number;
	/** …or the date of birth, from which the age is worked out. */
	dateOfBirth?: IsoDate;
	bandOverride: FormBand | null;
	/** The code the IRO confirmed; null while not confirmed. */
	code: ParticipationCode | null;
	/** From the meeting facts; null when no facts were recorded. */
	privateTalk: boolean | null;
	advocacyExplained: boolean | null;
	/** The child's own form: started (so they saw the advocate offer), and the London date it was first sent. */
	child: { started: boolean; sentOn: IsoDate | null };
	decisionsSentOn: IsoDate | null;
	recordSentOn: IsoDate | null;
};

/**
 * Invitations and forms sent for reviews held in the period, counted by audience and by the
 * child's age on the held date (and the IRO's band override), so a year needs tens of rows, not
 * one per invitation.
 */
export type ReturnCount = { kind: 'young-person' | 'parent' | 'carer'; age: number; bandOverride: FormBand | null; invited: number; sent: number };

export type EscalationFact = { childId: string; stage: number; openedOn: IsoDate; closedOn: IsoDate | null };

export type AllocationFact = { iroId: string; iroName: string; childId: string; startsOn: IsoDate; endsOn: IsoDate | null };

/** Instants in epoch ms. */
export type AlertFact = { createdAt: number; acknowledgedAt: number | null };

/** Post-review feedback (DOMAIN §7, F15), counted in SQL: responses per form, and choice answers per value. */
export type FeedbackFacts = {
	responses: { kind: 'young-person' | 'parent' | 'carer'; formId: string; formVersion: number; invited: number; sent: number }[];
	/** Only choice answers of sent responses (the only ones with a positive rate); `value` is the option. */
	answers: { formId: string; formVersion: number; questionId: string; value: string; n: number }[];
};

/** A request (issue 6, DOMAIN §6): instants in epoch ms; `reviewDate` bounds change-review and interpreter clocks by the lock. */
export type RequestFact = {
	kind: RequestKind;
	handler: Handler;
	consent: boolean;
	createdAt: number;
	seenAt: number | null;
	allocatedAt: number | null;
	answeredAt: number | null;
	closedAt: number | null;
	reviewDate: IsoDate | null;
};

export type ReportFacts = {
	reviews: ReviewFact[];
	returns: ReturnCount[];
	escalations: EscalationFact[];
	allocations: AllocationFact[];
	alerts: AlertFact[];
	/** Issue 6's requests. */
	requests: RequestFact[];
	/** Issue 6's post-review feedback for reviews held in the period; null where it isn't kept (then "not yet recorded"). */
	feedback: FeedbackFacts | null;
};
