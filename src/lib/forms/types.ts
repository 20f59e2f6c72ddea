/**
 * Questions as data (STYLE §4.7, rule 9). A definition drives the form page, `validatePage`,
 * storage and the pack. Wording lives in the `forms` i18n namespace under each question's
 * `wording` key; a version once answered is never edited (its wording keys are frozen too; a
 * change of wording means a new key in a new version).
 */

/** Pack topics, DOMAIN §5.2. */
export const TOPICS = [
	'since-last-time',
	'home',
	'safety',
	'family-friends',
	'school',
	'health',
	'identity',
	'fun',
	'people-who-help',
	'having-a-say',
	'the-plan',
	'growing-up',
	'my-meeting',
	'anything-else'
] as const;
export type Topic = (typeof TOPICS)[number];

/** Who may read an answer, DOMAIN §5.6. `iro-only` is the default (PRIV-7). */
export const VISIBILITIES = ['iro-only', 'iro-and-social-worker', 'everyone'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export type Audience = 'young-person' | 'parent' | 'carer';

/** Adults may be asked to write (DOMAIN §5.5 carer "Required (text, or No change)"); children never are. */
export const ADULT_AUDIENCES: readonly Audience[] = Object.freeze(['parent', 'carer']);

/** The option every child-facing choice list ends with (DOMAIN §5.4). */
export const RATHER_NOT_SAY = 'rather-not-say';

/** DOMAIN §5.7: "not sure" on a safety question raises no alert but asks "Would you like to tell someone now?". */
export const NOT_SURE = 'not-sure';

interface QuestionBase {
	/** kebab-case, unique within the form; also the HTML id of the first input. */
	id: string;
	/** i18n key prefix in the `forms` namespace: `<wording>.label`, `.hint`, `.options.<value>`. */
	wording: string;
	topic: Topic;
	/**
	 * R in DOMAIN §5.5. On a child's form it means "choose something", never "disclose", so only choice
	 * kinds may be required there; an adult's form may also require text (or a date).
	 */
	required?: boolean;
	/** Only asked from this age on the review date (pathway pages from 16). */
	minAge?: number;
	/**
	 * Carer form only (DOMAIN §5.5): the server pre-fills the page from this carer's previous submitted
	 * answer for this child, so they change only what has changed (WCAG 3.3.7, A11Y-14).
	 */
	carryForward?: true;
}

export interface ChoiceQuestion extends QuestionBase {
	kind: 'choice' | 'choices' | 'yes-no' | 'faces';
	/** Option values, in order. `rather-not-say` is appended for child forms by `defineForm`. */
	options: readonly string[];
	/**
	 * Child forms only (DOMAIN §5.7): option values that raise a safety alert for the IRO and the duty
	 * contact, e.g. `['no']` on `home-safe`. "Not sure" on such a question asks instead (`safety.ts`).
	 */
	safetyTrigger?: readonly string[];
	/**
	 * `choices` only: values that can't be ticked with any other, e.g. `none` or `rather-not-say`.
	 * Ticking one with another is `errors.exclusive-option`.
	 */
	exclusive?: readonly string[];
}

export interface TextQuestion extends QuestionBase {
	kind: 'text';
	/** Code points after NFC (SECURITY D25): default 2,000, at most 5,000. */
	maxLength?: number;
	/** Answers always stay with the IRO and are never exported (DOMAIN §5.6 fixed answers). */
	fixedVisibility?: 'iro-only';
}

/**
 * An optional drawing on a fixed canvas (DOMAIN §5.4, SECURITY D22): stroke coordinates drawn by our
 * code, never an upload. Posted as JSON in the field `<id>`, with a sharing choice in `<id>-share`.
 */
export interface DrawingQuestion extends QuestionBase {
	kind: 'drawing';
}

/** A calendar date, carer form only (DOMAIN §5.4): posted as `YYYY-MM-DD` in the field `<id>`. */
export interface DateQuestion extends QuestionBase {
	kind: 'date';
}

export type Question = ChoiceQuestion | TextQuestion | DrawingQuestion | DateQuestion;
export type QuestionKind = Question['kind'];

/** The kinds answered by picking options (radios, checkboxes or faces). */
export const CHOICE_KINDS: readonly ChoiceQuestion['kind'][] = Object.freeze(['choice', 'choices', 'yes-no', 'faces']);

/** True for a question answered by picking options, so it has `options`. */
export function isChoiceQuestion(question: Question): question is ChoiceQuestion {
	return (CHOICE_KINDS as readonly string[]).includes(question.kind);
}

/** One question per page (STYLE §4.8); the page id is the question id. */
export interface FormDefinition {
	id: string;
	version: number;
	audience: Audience;
	/** i18n key of the form's title in the `forms` namespace. */
	title: string;
	/**
	 * The 4–7 form: answered with a trusted adult (DOMAIN §5.1). Pages show the assisted-mode banner and
	 * the form opens with who helped and how (A11Y-C6, PRIV-11).
	 */
	assisted?: true;
	/** Pages offer read-aloud of the question and its choices, on tap only (SECURITY D10, A11Y-C4). */
	readAloud?: true;
	questions: readonly Question[];
}

/**
 * A stored answer value. Choices hold option values, text holds the NFC-normalised text, a drawing
 * holds its strokes (each a flat list of integer x,y pairs on the {@link DRAWING} canvas) and a date
 * holds `YYYY-MM-DD`.
 */
export type AnswerValue =
	| { kind: 'choice'; value: string }
	| { kind: 'choices'; values: string[] }
	| { kind: 'text'; text: string }
	| { kind: 'drawing'; strokes: number[][] }
	| { kind: 'date'; date: string }
	| { kind: 'skipped' };

export interface Answer {
	questionId: string;
	value: AnswerValue;
	visibility: Visibility;
	/**
	 * The extra "my advocate" tick (DOMAIN §5.6, issue 6): the allocated advocate may read it while
	 * the child's consent stands. Absent on answers given before it existed, which read as not ticked.
	 */
	advocate?: true;
}

/** An error is an i18n key with params, never English (STYLE §4.1). */
export interface FieldError {
	key: string;
	params?: Record<string, string | number>;
}

export const DEFAULT_TEXT_LIMIT = 2000;
export const MAX_TEXT_LIMIT = 5000;

/**
 * The drawing canvas and its limits (SECURITY §7: 200 strokes, 5,000 integer points inside the
 * canvas). Coordinates are whole pixels, 0 ≤ x < width and 0 ≤ y < height; the client rounds and
 * clamps. `maxChars` caps the posted JSON before it is parsed (5,000 points of "319,239," is ~40,000).
 */
export const DRAWING = Object.freeze({ width: 320, height: 240, maxStrokes: 200, maxPoints: 5000, maxChars: 65_536 });
