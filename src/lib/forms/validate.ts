import { isIsoDate, londonDate, type IsoDate } from '$lib/domain/calendar';
import { parseStrokes } from './drawing';
import { countCodePoints, SHARE_ADVOCATE_SUFFIX, SHARE_SUFFIX } from './fields';
import {
	DEFAULT_TEXT_LIMIT,
	RATHER_NOT_SAY,
	VISIBILITIES,
	type Answer,
	type ChoiceQuestion,
	type DateQuestion,
	type DrawingQuestion,
	type FieldError,
	type Question,
	type TextQuestion,
	type Visibility
} from './types';

/**
 * One page's answer checked against its definition (STYLE §4.7, SECURITY §7). Runs on the client
 * as a courtesy and on the server as the rule, so it imports nothing from the server.
 */

/** Every error key this module can return; the definitions spec checks each is translated. */
export const ERROR_KEYS = [
	'errors.choose-one',
	'errors.choose-one-plain',
	'errors.choose-at-least-one',
	'errors.choose-at-least-one-plain',
	'errors.exclusive-option',
	'errors.text-too-long',
	'errors.text-bad-characters',
	'errors.text-needed',
	'errors.drawing-invalid',
	'errors.date-invalid',
	'errors.date-needed'
] as const;
export type ErrorKey = (typeof ERROR_KEYS)[number];

export type NormalisedText = { ok: true; text: string } | { ok: false; error: FieldError };

export type PageResult =
	| { kind: 'ok'; answer: Answer }
	| { kind: 'invalid'; errors: Record<string, FieldError>; raw: Record<string, string | string[]> }
	| { kind: 'malformed' };

// Field names and the character counter live in ./fields, which pages can load without the rest (issue 10).
export { SHARE_ADVOCATE_SUFFIX, SHARE_SUFFIX, countCodePoints } from './fields';

/** The earliest date a `date` question accepts: anything before is a slip, not a real record. */
export const EARLIEST_DATE: IsoDate = '1900-01-01';

/**
 * C0 controls except tab (U+0009) and LF (U+000A), DEL, C1 controls, and the noncharacters
 * U+FFFE/U+FFFF (SECURITY §7). CR never reaches this test: it is folded to LF first.
 */
const BAD_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/u;

const bad = (): NormalisedText => ({ ok: false, error: { key: 'errors.text-bad-characters' } });

/**
 * NFC once, CRLF and lone CR to LF, trim; reject controls, U+FFFE/U+FFFF and lone surrogates
 * (SECURITY §7, SEC-V6). Emoji, ZWJ sequences, combining marks and RTL text pass untouched, and
 * HTML is only text: it is shown escaped, never stripped. Controls are checked before trimming so
 * a control at either end is refused rather than silently dropped.
 */
export function normaliseText(raw: string): NormalisedText {
	// A lone surrogate can't be stored as UTF-8 text, and NFC is only defined on well-formed text.
	if (!raw.isWellFormed()) return bad();
	const folded = raw.normalize('NFC').replace(/\r\n?/g, '\n');
	if (BAD_CHARACTERS.test(folded)) return bad();
	return { ok: true, text: folded.trim() };
}

/** Does this question post a sharing choice? Text (unless fixed IRO-only) and drawings do (DOMAIN §5.6). */
export function hasShareChoice(question: Question): boolean {
	return (question.kind === 'text' && !question.fixedVisibility) || question.kind === 'drawing';
}

/** Field names a question posts, in order (STYLE §4.8: the first is the question id). */
export function fieldNames(question: Question): string[] {
	return hasShareChoice(question) ? [question.id, question.id + SHARE_SUFFIX, question.id + SHARE_ADVOCATE_SUFFIX] : [question.id];
}

type Posted = Map<string, string[]>;

/** Groups the body by key; a file upload is never one of ours (SEC-V4), so it is a forgery. */
function collect(form: FormData | URLSearchParams): Posted | null {
	const posted: Posted = new Map();
	for (const [key, value] of form.entries()) {
		if (typeof value !== 'string') return null;
		const values = posted.get(key);
		if (values) values.push(value);
		else posted.set(key, [value]);
	}
	return posted;
}

/**
 * Checks one page against its question (SECURITY §7: "Fields: exactly the page's").
 * - `malformed`: a key that isn't this page's or in `extraAllowed`, a single-valued key twice, a
 *   value that isn't an option, or a sharing value that isn't a visibility. No honest browser
 *   sends these, so the route answers 400.
 * - `invalid`: a person's slip (nothing chosen on a required page, "none" ticked with another
 *   option, text too long or missing on an adult's required page, a control character, a drawing
 *   that isn't a valid drawing, a date that isn't real or is in the future). Errors are keyed by the
 *   question id, so the summary links to `#<id>`; `raw` holds exactly what was sent for this
 *   question so nothing typed or drawn is lost.
 * - `ok`: the answer to store. An empty optional page is `skipped`.
 *
 * `extraAllowed` keys (a CSRF token, a "save and come back" button) are the caller's to check.
 * `today` (Europe/London) bounds a `date` answer; it defaults to the clock, and tests pass it in.
 */
export function validatePage(
	question: Question,
	form: FormData | URLSearchParams,
	extraAllowed: readonly string[] = [],
	today: IsoDate = londonDate(Date.now())
): PageResult {
	const posted = collect(form);
	if (!posted) return { kind: 'malformed' };
	const ours = fieldNames(question);
	for (const key of posted.keys()) {
		if (!ours.includes(key) && !extraAllowed.includes(key)) return { kind: 'malformed' };
	}
	switch (question.kind) {
		case 'text':
			return validateText(question, posted);
		case 'drawing':
			return validateDrawing(question, posted);
		case 'date':
			return validateDate(question, posted, today);
		default:
			return validateChoice(question, posted);
	}
}

function validateChoice(question: ChoiceQuestion, posted: Posted): PageResult {
	const sent = posted.get(question.id) ?? [];
	const options = question.options;
	let values: string[];
	if (question.kind === 'choices') {
		// A lone empty value is a hidden "nothing ticked" input; otherwise every value must be an option.
		const picked = sent.length === 1 && sent[0] === '' ? [] : sent;
		if (picked.length > options.length || new Set(picked).size !== picked.length) return { kind: 'malformed' };
		if (picked.some((v) => !options.includes(v))) return { kind: 'malformed' };
		values = options.filter((o) => picked.includes(o));
	} else {
		if (sent.length > 1) return { kind: 'malformed' };
		const value = sent[0] ?? '';
		if (value !== '' && !options.includes(value)) return { kind: 'malformed' };
		values = value === '' ? [] : [value];
	}

	const raw = (): Record<string, string | string[]> => ({ [question.id]: question.kind === 'choices' ? [...sent] : (sent[0] ?? '') });
	if (values.length === 0 && question.required) {
		return { kind: 'invalid', errors: { [question.id]: { key: nothingChosenKey(question) } }, raw: raw() };
	}
	// "None of these" or "I'd rather not say" ticked with something else: a slip, so say which one.
	const alone = values.length > 1 ? values.find((v) => question.exclusive?.includes(v)) : undefined;
	if (alone !== undefined) {
		const error: FieldError = { key: 'errors.exclusive-option', params: { option: optionKey(question, alone) } };
		return { kind: 'invalid', errors: { [question.id]: error }, raw: raw() };
	}

	// Choice and face answers start as IRO-only (PRIV-7); the check-your-answers page may widen them.
	const visibility: Visibility = 'iro-only';
	if (values.length === 0) return ok(question.id, { kind: 'skipped' }, visibility);
	if (question.kind === 'choices') return ok(question.id, { kind: 'choices', values }, visibility);
	return ok(question.id, { kind: 'choice', value: values[0] as string }, visibility);
}

/**
 * A child's list always offers "I'd rather not say", and the message says so (DOMAIN §5.4); an
 * adult's list doesn't, so its message mustn't point to an option that isn't there.
 */
function nothingChosenKey(question: ChoiceQuestion): ErrorKey {
	const optOut = question.options.includes(RATHER_NOT_SAY);
	if (question.kind === 'choices') return optOut ? 'errors.choose-at-least-one' : 'errors.choose-at-least-one-plain';
	return optOut ? 'errors.choose-one' : 'errors.choose-one-plain';
}

/**
 * The i18n key of an option's label, passed as the `option` param of `errors.exclusive-option`; the
 * English message nests it with `$t(forms:{{option}})` so the person sees the label, never a value.
 */
function optionKey(question: ChoiceQuestion, value: string): string {
	return `${question.wording}.options.${value}`;
}

/**
 * The single value of the question's own field and, for a question with a sharing choice, the
 * chosen visibility (default only my IRO, PRIV-7). Null when either is repeated or forged.
 */
function single(question: Question, posted: Posted): { typed: string; visibility: Visibility; advocate: boolean; raw: Record<string, string> } | null {
	const sent = posted.get(question.id) ?? [];
	if (sent.length > 1) return null;
	const typed = sent[0] ?? '';
	const raw: Record<string, string> = { [question.id]: typed };
	let visibility: Visibility = 'iro-only';
	let advocate = false;
	if (hasShareChoice(question)) {
		const shareKey = question.id + SHARE_SUFFIX;
		const shares = posted.get(shareKey) ?? [];
		if (shares.length > 1) return null;
		const share = shares[0];
		if (share !== undefined) {
			if (!isVisibility(share)) return null;
			visibility = share;
		}
		raw[shareKey] = visibility;
		const advocateKey = question.id + SHARE_ADVOCATE_SUFFIX;
		const ticks = posted.get(advocateKey) ?? [];
		if (ticks.length > 1 || (ticks.length === 1 && ticks[0] !== 'yes')) return null;
		advocate = ticks.length === 1;
		if (advocate) raw[advocateKey] = 'yes';
	}
	return { typed, visibility, advocate, raw };
}

function validateText(question: TextQuestion, posted: Posted): PageResult {
	const field = single(question, posted);
	if (!field) return { kind: 'malformed' };
	const { typed, visibility, advocate, raw } = field;

	const normalised = normaliseText(typed);
	if (!normalised.ok) return { kind: 'invalid', errors: { [question.id]: normalised.error }, raw };
	const max = question.maxLength ?? DEFAULT_TEXT_LIMIT;
	const count = countCodePoints(normalised.text);
	if (count > max) {
		const error: FieldError = { key: 'errors.text-too-long', params: { max, count } };
		return { kind: 'invalid', errors: { [question.id]: error }, raw };
	}
	// Only an adult's form requires text (defineForm); a child's empty text is always a skip.
	if (normalised.text === '' && question.required) {
		return { kind: 'invalid', errors: { [question.id]: { key: 'errors.text-needed' } }, raw };
	}
	// An empty answer shares nothing, so it keeps the default.
	if (normalised.text === '') return ok(question.id, { kind: 'skipped' }, 'iro-only');
	return ok(question.id, { kind: 'text', text: normalised.text }, visibility, advocate);
}

/**
 * A drawing is one field of JSON, `[[x,y,x,y,…],…]` (SECURITY D22, §7). Nothing drawn (empty, only
 * spaces, or `[]`) is a skip, as with JS off. Anything else that isn't a valid drawing is `invalid`,
 * never `malformed`: a child's broken drawing must not end in a 400, and what was sent comes back.
 */
function validateDrawing(question: DrawingQuestion, posted: Posted): PageResult {
	const field = single(question, posted);
	if (!field) return { kind: 'malformed' };
	const { typed, visibility, advocate, raw } = field;
	const invalid: PageResult = { kind: 'invalid', errors: { [question.id]: { key: 'errors.drawing-invalid' } }, raw };
	if (typed.trim() === '') return ok(question.id, { kind: 'skipped' }, 'iro-only');
	const strokes = parseStrokes(typed);
	if (!strokes) return invalid;
	if (strokes.length === 0) return ok(question.id, { kind: 'skipped' }, 'iro-only');
	return ok(question.id, { kind: 'drawing', strokes }, visibility, advocate);
}

/** A real calendar date, `YYYY-MM-DD`, from 1900 up to today (Europe/London); empty is a skip unless required. */
function validateDate(question: DateQuestion, posted: Posted, today: IsoDate): PageResult {
	const field = single(question, posted);
	if (!field) return { kind: 'malformed' };
	const { typed, raw } = field;
	const date = typed.trim();
	if (date === '') {
		if (question.required) return { kind: 'invalid', errors: { [question.id]: { key: 'errors.date-needed' } }, raw };
		return ok(question.id, { kind: 'skipped' }, 'iro-only');
	}
	// ISO strings of one shape compare as dates.
	if (!isIsoDate(date) || date < EARLIEST_DATE || date > today) {
		return { kind: 'invalid', errors: { [question.id]: { key: 'errors.date-invalid' } }, raw };
	}
	return ok(question.id, { kind: 'date', date }, 'iro-only');
}

function isVisibility(value: string): value is Visibility {
	return (VISIBILITIES as readonly string[]).includes(value);
}

function ok(questionId: string, value: Answer['value'], visibility: Visibility, advocate = false): PageResult {
	return { kind: 'ok', answer: advocate ? { questionId, value, visibility, advocate: true } : { questionId, value, visibility } };
}
