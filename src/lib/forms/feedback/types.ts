import type { Audience, ChoiceQuestion, DrawingQuestion, Question, TextQuestion } from '../types';

/**
 * Post-review feedback forms (issue 6, DOMAIN §7): versioned data like the consultation forms
 * (STYLE §4.7). A definition drives the pages, `validatePage`, storage, the IRO's results and the
 * service's figures (F15). Wording lives in the `forms` i18n namespace under `<formId>.<questionId>`;
 * a version once answered is never edited (`frozen-versions.json`).
 */

export const FEEDBACK_FORM_IDS = [
	'feedback-young-person-4-7',
	'feedback-young-person-8-12',
	'feedback-young-person-13-plus',
	'feedback-parent',
	'feedback-carer'
] as const;
export type FeedbackFormId = (typeof FEEDBACK_FORM_IDS)[number];

/**
 * The duty a question also checks (DOMAIN §7 "Audit"), so the service can see where a duty was not met:
 * - `s25b` Children Act 1989 s.25B(1)(c), wishes and feelings given due consideration;
 * - `reg36` the IRO's private talk before the review (England reg. 36, Wales reg. 42);
 * - `planner` the meeting planner (§5.3); `advocacy` IRO Handbook ch. 3;
 * - `record` the record for the child and the written record on time; `wishes` wishes and feelings;
 * - `pain-points` DOMAIN §11; `report` the format of the report; `invited`, `reports`, `access`
 *   a parent's part in the review; `carer-report`, `support`, `actions` a carer's part.
 */
export type Duty =
	| 's25b'
	| 'reg36'
	| 'planner'
	| 'advocacy'
	| 'record'
	| 'wishes'
	| 'pain-points'
	| 'report'
	| 'invited'
	| 'reports'
	| 'access'
	| 'carer-report'
	| 'support'
	| 'actions';

/** The main question of a page: faces, yes / not sure / no, a list, words or (4–7) a drawing. */
export type FeedbackQuestion = ChoiceQuestion | TextQuestion | DrawingQuestion;

/**
 * One page: one question (its id is the page id) and, where DOMAIN §7 says "plus optional words",
 * an optional text box on the same page, stored as its own answer `<id>-words`.
 */
export interface FeedbackPage {
	id: string;
	question: FeedbackQuestion;
	words: TextQuestion | null;
	/**
	 * Option values counted as positive in the service's positive rate (DOMAIN §7 roll-up: the top two
	 * of five faces, or "yes"). Empty for lists and words, which have no rate.
	 */
	positive: readonly string[];
	checks: Duty | null;
}

export interface FeedbackForm {
	id: FeedbackFormId;
	version: number;
	audience: Audience;
	title: string;
	assisted?: true;
	readAloud?: true;
	pages: readonly FeedbackPage[];
	/** Every question, page by page (the main question, then its words), as `defineForm` checked them. */
	questions: readonly Question[];
}

/** The suffix of a page's optional words. */
export const WORDS_SUFFIX = '-words';
