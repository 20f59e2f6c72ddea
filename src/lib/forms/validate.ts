import {
	DEFAULT_TEXT_LIMIT,
	VISIBILITIES,
	type Answer,
	type ChoiceQuestion,
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
	'errors.choose-at-least-one',
	'errors.text-too-long',
	'errors.text-bad-characters'
] as const;
export type ErrorKey = (typeof ERROR_KEYS)[number];

export type NormalisedText = { ok: true; text: string } | { ok: false; error: FieldError };

export type PageResult =
	| { kind: 'ok'; answer: Answer }
	| { kind: 'invalid'; errors: Record<string, FieldError>; raw: Record<string, string | string[]> }
	| { kind: 'malformed' };

/** The suffix of a text question's sharing field (DOMAIN §5.6). */
export const SHARE_SUFFIX = '-share';

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

/**
 * Length in Unicode code points, the one counter client and server share (SECURITY D25), so
 * "2,000 characters" means the same on a phone's counter and in `validatePage`. An emoji is one
 * or two code points; a ZWJ family is several.
 */
export function countCodePoints(s: string): number {
	let n = 0;
	for (const _ of s) n++;
	return n;
}

/** Field names a question posts, in order (STYLE §4.8: the first is the question id). */
export function fieldNames(question: Question): string[] {
	return question.kind === 'text' && !question.fixedVisibility
		? [question.id, question.id + SHARE_SUFFIX]
		: [question.id];
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
 * - `invalid`: a person's slip (nothing chosen on a required page, text too long, a control
 *   character). Errors are keyed by the question id, so the summary links to `#<id>`; `raw` holds
 *   exactly what was sent for this question so nothing typed is lost.
 * - `ok`: the answer to store. An empty optional page is `skipped`.
 *
 * `extraAllowed` keys (a CSRF token, a "save and come back" button) are the caller's to check.
 */
export function validatePage(
	question: Question,
	form: FormData | URLSearchParams,
	extraAllowed: readonly string[] = []
): PageResult {
	const posted = collect(form);
	if (!posted) return { kind: 'malformed' };
	const ours = fieldNames(question);
	for (const key of posted.keys()) {
		if (!ours.includes(key) && !extraAllowed.includes(key)) return { kind: 'malformed' };
	}
	return question.kind === 'text' ? validateText(question, posted) : validateChoice(question, posted);
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

	if (values.length === 0 && question.required) {
		const key = question.kind === 'choices' ? 'errors.choose-at-least-one' : 'errors.choose-one';
		const raw = question.kind === 'choices' ? [...sent] : (sent[0] ?? '');
		return { kind: 'invalid', errors: { [question.id]: { key } }, raw: { [question.id]: raw } };
	}

	// Choice and face answers start as IRO-only (PRIV-7); the check-your-answers page may widen them.
	const visibility: Visibility = 'iro-only';
	if (values.length === 0) return ok(question.id, { kind: 'skipped' }, visibility);
	if (question.kind === 'choices') return ok(question.id, { kind: 'choices', values }, visibility);
	return ok(question.id, { kind: 'choice', value: values[0] as string }, visibility);
}

function validateText(question: TextQuestion, posted: Posted): PageResult {
	const sent = posted.get(question.id) ?? [];
	if (sent.length > 1) return { kind: 'malformed' };
	const typed = sent[0] ?? '';

	const shareKey = question.id + SHARE_SUFFIX;
	let visibility: Visibility = 'iro-only';
	if (!question.fixedVisibility) {
		const shares = posted.get(shareKey) ?? [];
		if (shares.length > 1) return { kind: 'malformed' };
		const share = shares[0];
		if (share !== undefined) {
			if (!isVisibility(share)) return { kind: 'malformed' };
			visibility = share;
		}
	}

	const raw: Record<string, string | string[]> = { [question.id]: typed };
	if (!question.fixedVisibility) raw[shareKey] = visibility;

	const normalised = normaliseText(typed);
	if (!normalised.ok) return { kind: 'invalid', errors: { [question.id]: normalised.error }, raw };
	const max = question.maxLength ?? DEFAULT_TEXT_LIMIT;
	const count = countCodePoints(normalised.text);
	if (count > max) {
		const error: FieldError = { key: 'errors.text-too-long', params: { max, count } };
		return { kind: 'invalid', errors: { [question.id]: error }, raw };
	}
	// An empty answer shares nothing, so it keeps the default.
	if (normalised.text === '') return ok(question.id, { kind: 'skipped' }, 'iro-only');
	return ok(question.id, { kind: 'text', text: normalised.text }, visibility);
}

function isVisibility(value: string): value is Visibility {
	return (VISIBILITIES as readonly string[]).includes(value);
}

function ok(questionId: string, value: Answer['value'], visibility: Visibility): PageResult {
	return { kind: 'ok', answer: { questionId, value, visibility } };
}
