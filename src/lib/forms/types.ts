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

/** The option every child-facing choice list ends with (DOMAIN §5.4). */
export const RATHER_NOT_SAY = 'rather-not-say';

interface QuestionBase {
	/** kebab-case, unique within the form; also the HTML id of the first input. */
	id: string;
	/** i18n key prefix in the `forms` namespace: `<wording>.label`, `.hint`, `.options.<value>`. */
	wording: string;
	topic: Topic;
	/** R in DOMAIN §5.5: "choose something", never "disclose". */
	required?: boolean;
	/** Only asked from this age on the review date (pathway pages from 16). */
	minAge?: number;
}

export interface ChoiceQuestion extends QuestionBase {
	kind: 'choice' | 'choices' | 'yes-no' | 'faces';
	/** Option values, in order. `rather-not-say` is appended for child forms by `defineForm`. */
	options: readonly string[];
}

export interface TextQuestion extends QuestionBase {
	kind: 'text';
	/** Code points after NFC (SECURITY D25): default 2,000, at most 5,000. */
	maxLength?: number;
	/** Answers always stay with the IRO and are never exported (DOMAIN §5.6 fixed answers). */
	fixedVisibility?: 'iro-only';
}

export type Question = ChoiceQuestion | TextQuestion;

/** One question per page (STYLE §4.8); the page id is the question id. */
export interface FormDefinition {
	id: string;
	version: number;
	audience: Audience;
	/** i18n key of the form's title in the `forms` namespace. */
	title: string;
	questions: readonly Question[];
}

/** A stored answer value. Choices hold option values, text holds the NFC-normalised text. */
export type AnswerValue =
	| { kind: 'choice'; value: string }
	| { kind: 'choices'; values: string[] }
	| { kind: 'text'; text: string }
	| { kind: 'skipped' };

export interface Answer {
	questionId: string;
	value: AnswerValue;
	visibility: Visibility;
}

/** An error is an i18n key with params, never English (STYLE §4.1). */
export interface FieldError {
	key: string;
	params?: Record<string, string | number>;
}

export const DEFAULT_TEXT_LIMIT = 2000;
export const MAX_TEXT_LIMIT = 5000;
