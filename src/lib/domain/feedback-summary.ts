import { feedbackFormById } from '$lib/forms/feedback/registry';
import { RATHER_NOT_SAY, type AnswerValue } from '$lib/forms/types';
import type { IsoDate } from './calendar';
import type { RespondentKind } from './age-band';

/**
 * The service's feedback figures (DOMAIN §7 roll-up, §9 F15), pure, for the reports issue:
 * - **response rate** = feedback sent ÷ invited, per audience, for reviews held in the period;
 * - per question: **answered** (not skipped, not "I'd rather not say"), the share of people asked who
 *   answered it, and for faces and yes / no questions the **positive rate** = the options the form
 *   counts positive (top two of five faces, or "yes") ÷ answered.
 * Anonymous answers count like any other here: only counts leave the service, and free text is never
 * summarised (only how many wrote something).
 * **Suppression** (DOMAIN §9): a count of 1–4 shows as "<5", and so does any percentage built on one.
 * No total in these rows can give a suppressed value back (the remainders are not shown), so no second
 * cell needs hiding. Percentages have one decimal place, rounded half-up.
 */

/** The smallest count shown as itself (below it, but above 0, "<5"). */
export const SUPPRESS_BELOW = 5;

export interface FeedbackRow {
	reviewId: string;
	/** The review's held date; a review not held yet is never counted. */
	heldDate: IsoDate | null;
	audience: RespondentKind;
	formId: string;
	formVersion: number;
	/** Sent (a draft or an unanswered invitation counts only as invited). */
	sent: boolean;
	/** Question id → answer, as saved; only read when `sent`. */
	answers: Readonly<Record<string, AnswerValue>>;
}

export interface Period {
	/** First and last day, inclusive (London dates), e.g. 1 April to 31 March. */
	from: IsoDate;
	to: IsoDate;
}

export type Cell = { kind: 'count'; value: number } | { kind: 'suppressed' };
export type Percent = { kind: 'percent'; value: number } | { kind: 'suppressed' } | { kind: 'none' };

export interface QuestionFigure {
	questionId: string;
	/** Sent responses whose form asked this question. */
	asked: Cell;
	answered: Cell;
	/** answered ÷ asked. */
	answeredRate: Percent;
	/** Null for lists and words, which have no positive options. */
	positive: Cell | null;
	positiveRate: Percent | null;
}

export interface AudienceFigure {
	audience: RespondentKind;
	invited: Cell;
	sent: Cell;
	responseRate: Percent;
	questions: QuestionFigure[];
}

export interface FeedbackSummary {
	period: Period;
	/** Reviews held in the period with at least one invitation. */
	reviews: number;
	audiences: AudienceFigure[];
}

export const AUDIENCES: readonly RespondentKind[] = ['young-person', 'parent', 'carer'];

/** A count as published: 0 and 5+ as they are, 1–4 hidden. */
export function cell(n: number): Cell {
	return n > 0 && n < SUPPRESS_BELOW ? { kind: 'suppressed' } : { kind: 'count', value: n };
}

/** A percentage to one decimal place, half-up; hidden when either count is hidden; none over 0. */
export function percent(numerator: number, denominator: number): Percent {
	if (denominator === 0) return { kind: 'none' };
	if (cell(numerator).kind === 'suppressed' || cell(denominator).kind === 'suppressed') return { kind: 'suppressed' };
	return { kind: 'percent', value: Math.floor((numerator * 1000) / denominator + 0.5) / 10 };
}

/** Answered means something other than a skip or "I'd rather not say" (DOMAIN §7). */
export function isAnswered(value: AnswerValue | undefined): boolean {
	if (!value || value.kind === 'skipped') return false;
	if (value.kind === 'choice') return value.value !== RATHER_NOT_SAY;
	if (value.kind === 'choices') return value.values.some((v) => v !== RATHER_NOT_SAY);
	if (value.kind === 'text') return value.text.trim() !== '';
	if (value.kind === 'drawing') return value.strokes.length > 0;
	return true;
}

function inPeriod(row: FeedbackRow, period: Period): boolean {
	return row.heldDate !== null && row.heldDate >= period.from && row.heldDate <= period.to;
}

type Tally = { asked: number; answered: number; positive: number; rated: boolean };

export function feedbackSummary(rows: readonly FeedbackRow[], period: Period): FeedbackSummary {
	const counted = rows.filter((r) => inPeriod(r, period));
	const audiences = AUDIENCES.map((audience): AudienceFigure => {
		const mine = counted.filter((r) => r.audience === audience);
		const sent = mine.filter((r) => r.sent);
		const tallies = new Map<string, Tally>();
		for (const r of sent) {
			const form = feedbackFormById(r.formId, r.formVersion);
			if (!form) continue;
			for (const page of form.pages) {
				for (const q of [page.question, ...(page.words ? [page.words] : [])]) {
					const positive = q === page.question ? page.positive : [];
					let t = tallies.get(q.id);
					if (!t) tallies.set(q.id, (t = { asked: 0, answered: 0, positive: 0, rated: false }));
					t.rated ||= positive.length > 0;
					t.asked++;
					const value = r.answers[q.id];
					if (!isAnswered(value)) continue;
					t.answered++;
					if (value?.kind === 'choice' && positive.includes(value.value)) t.positive++;
				}
			}
		}
		const questions = [...tallies].map(([questionId, t]): QuestionFigure => ({
			questionId,
			asked: cell(t.asked),
			answered: cell(t.answered),
			answeredRate: percent(t.answered, t.asked),
			positive: t.rated ? cell(t.positive) : null,
			positiveRate: t.rated ? percent(t.positive, t.answered) : null
		}));
		return { audience, invited: cell(mine.length), sent: cell(sent.length), responseRate: percent(sent.length, mine.length), questions };
	});
	return { period, reviews: new Set(counted.map((r) => r.reviewId)).size, audiences };
}
