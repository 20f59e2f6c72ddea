import { defineForm } from './define';
import {
	ADULT_AUDIENCES,
	CHOICE_KINDS,
	DEFAULT_TEXT_LIMIT,
	RATHER_NOT_SAY,
	TOPICS,
	isChoiceQuestion,
	type Audience,
	type FieldError,
	type FormDefinition,
	type Question,
	type QuestionKind,
	type Topic
} from './types';

/**
 * The question bank (issue 8): a new version of a form made by an admin, without touching code.
 * PURE: the draft's shape, its checks before publishing, and how a published version's wording is
 * keyed. The database side is `$lib/server/forms/bank`.
 *
 * A published bank version is a FormDefinition like the ones in code; its words are stored with it
 * (`FormWording`) and registered under `forms:<formId>.@v<version>.…`, inside the form's own section
 * of the `forms` namespace, so every page that shows that form's wording is sent them too, and the
 * `@` keeps them apart from the question ids of the versions in code (ids are kebab-case).
 */

/** A question's words in one language. */
export interface QuestionWords {
	label: string;
	hint?: string;
	options?: Record<string, string>;
}

/** A version's words: per locale, the form's title and each question's words by question id. */
export type FormWording = Record<string, { title: string; questions: Record<string, QuestionWords> }>;

/** A question of a draft: a Question whose `wording` is filled in when the version is published. */
export type DraftQuestion = Question;

export interface Draft {
	formId: string;
	version: number;
	audience: Audience;
	assisted?: true;
	readAloud?: true;
	questions: DraftQuestion[];
	wording: FormWording;
}

/** Faces always have these five (the faces scale draws them); only their words change. */
export const FACES = ['very-unhappy', 'unhappy', 'okay', 'happy', 'very-happy'] as const;
/** DOMAIN §5.4 yes / not sure / no. */
export const YES_NOT_SURE_NO = ['yes', 'not-sure', 'no'] as const;
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
export const MAX_ID_LENGTH = 60;
export const MAX_OPTIONS = 20;
export const MAX_LABEL = 500;
export const MAX_QUESTIONS = 120;
/** Ages a child's question may start from (pathway pages from 16, DOMAIN §5.5). */
export const MIN_AGE_RANGE = { min: 4, max: 25 } as const;

/** The wording key prefix of a bank version: inside the form's section, apart from any question id. */
export function bankSection(formId: string, version: number): string {
	return `${formId}.@v${version}`;
}

const isChild = (audience: Audience) => audience === 'young-person';

/** The answer kinds an admin may choose for a form's audience (DOMAIN §5.4; `defineForm`'s rules). */
export function kindsFor(audience: Audience): QuestionKind[] {
	const kinds: QuestionKind[] = [...CHOICE_KINDS, 'text'];
	if (isChild(audience)) kinds.push('drawing');
	if (audience === 'carer') kinds.push('date');
	return kinds;
}

/** The words of one version of a form, read from a catalogue (`lookup` answers a `forms` key in a locale). */
export function wordingOf(form: FormDefinition, locales: readonly string[], lookup: (locale: string, key: string) => unknown): FormWording {
	const wording: FormWording = {};
	const text = (locale: string, key: string): string | undefined => {
		const v = lookup(locale, key);
		return typeof v === 'string' && v !== '' ? v : undefined;
	};
	for (const locale of locales) {
		const title = text(locale, form.title);
		const questions: Record<string, QuestionWords> = {};
		for (const q of form.questions) {
			const label = text(locale, `${q.wording}.label`);
			const hint = text(locale, `${q.wording}.hint`);
			const words: QuestionWords = { label: label ?? '' };
			if (hint) words.hint = hint;
			if (isChoiceQuestion(q)) words.options = Object.fromEntries(q.options.map((o) => [o, text(locale, `${q.wording}.options.${o}`) ?? '']));
			questions[q.id] = words;
		}
		wording[locale] = { title: title ?? '', questions };
	}
	return wording;
}

/** A draft started from a published version (code or bank): the same questions and words, one version on. */
export function draftFrom(base: FormDefinition, wording: FormWording, version: number): Draft {
	return {
		formId: base.id,
		version,
		audience: base.audience,
		...(base.assisted ? { assisted: true as const } : {}),
		...(base.readAloud ? { readAloud: true as const } : {}),
		questions: base.questions.map((q) => structuredClone({ ...q }) as DraftQuestion),
		wording: structuredClone(wording)
	};
}

/** A new question's id: `new-question`, `new-question-2`, … whichever is free. */
export function freeId(draft: Draft, stem = 'new-question'): string {
	const taken = new Set(draft.questions.map((q) => q.id));
	if (!taken.has(stem)) return stem;
	for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** A new optional text question at the end (text is the one kind every audience has). */
export function addQuestion(draft: Draft, topic: Topic = 'anything-else'): Draft {
	const id = freeId(draft);
	const q: DraftQuestion = { id, wording: id, topic, kind: 'text', maxLength: DEFAULT_TEXT_LIMIT };
	const wording: FormWording = {};
	for (const [locale, w] of Object.entries(draft.wording)) wording[locale] = { ...w, questions: { ...w.questions, [id]: { label: '' } } };
	return { ...draft, questions: [...draft.questions, q], wording };
}

export function removeQuestion(draft: Draft, index: number): Draft {
	const q = draft.questions[index];
	if (!q) return draft;
	const still = draft.questions.some((x, i) => i !== index && x.id === q.id);
	const wording: FormWording = {};
	for (const [locale, w] of Object.entries(draft.wording)) {
		const questions = { ...w.questions };
		if (!still) delete questions[q.id];
		wording[locale] = { ...w, questions };
	}
	return { ...draft, questions: draft.questions.filter((_, i) => i !== index), wording };
}

export function moveQuestion(draft: Draft, index: number, by: -1 | 1): Draft {
	const to = index + by;
	if (!draft.questions[index] || to < 0 || to >= draft.questions.length) return draft;
	const questions = [...draft.questions];
	[questions[index], questions[to]] = [questions[to]!, questions[index]!];
	return { ...draft, questions };
}

/** What an admin posts for one question (all strings, as typed). */
export interface QuestionFields {
	id: string;
	kind: string;
	topic: string;
	required: string;
	minAge: string;
	/** Option codes, one per line. */
	options: string;
	/** Per locale: label, hint, and each option's words by code. */
	words: Record<string, { label: string; hint: string; options: Record<string, string> }>;
}

/** The fields of a question as its edit page shows them. */
export function fieldsOf(draft: Draft, index: number): QuestionFields | null {
	const q = draft.questions[index];
	if (!q) return null;
	const words: QuestionFields['words'] = {};
	for (const [locale, w] of Object.entries(draft.wording)) {
		const qw = w.questions[q.id];
		words[locale] = { label: qw?.label ?? '', hint: qw?.hint ?? '', options: { ...(qw?.options ?? {}) } };
	}
	return {
		id: q.id,
		kind: q.kind,
		topic: q.topic,
		required: q.required ? 'yes' : 'no',
		minAge: q.minAge === undefined ? '' : String(q.minAge),
		options: isChoiceQuestion(q) ? q.options.filter((o) => o !== RATHER_NOT_SAY).join('\n') : '',
		words
	};
}

/** Option codes as typed: one per line, trimmed, blanks dropped; on a child's form "rather not say" goes last. */
export function optionCodes(kind: QuestionKind, typed: string, audience: Audience): string[] {
	let codes: string[];
	if (kind === 'faces') codes = [...FACES];
	else if (kind === 'yes-no' && typed.trim() === '') codes = isChild(audience) ? [...YES_NOT_SURE_NO] : ['yes', 'no'];
	else codes = [...new Set(typed.split(/\r?\n/).map((s) => s.trim().slice(0, MAX_ID_LENGTH * 2)).filter(Boolean))];
	if (isChild(audience) && (CHOICE_KINDS as readonly string[]).includes(kind)) codes = [...codes.filter((c) => c !== RATHER_NOT_SAY), RATHER_NOT_SAY];
	return codes;
}

/**
 * Applies an edit of one question to a draft. Stores everything as typed (the draft keeps it even
 * when it doesn't pass yet: nothing typed is lost); `checkDraft` says what must change before
 * publishing. What the admin can't edit stays with the question while its id does: the safety
 * trigger, the fixed IRO-only visibility and the carer's carry-forward.
 */
export function applyFields(draft: Draft, index: number, f: QuestionFields): Draft {
	const old = draft.questions[index];
	if (!old) return draft;
	const kind = (kindsFor(draft.audience) as string[]).includes(f.kind) ? (f.kind as QuestionKind) : old.kind;
	const topic = (TOPICS as readonly string[]).includes(f.topic) ? (f.topic as Topic) : old.topic;
	const id = f.id.trim().slice(0, MAX_ID_LENGTH * 2) || old.id;
	const minAge = /^\d{1,2}$/.test(f.minAge.trim()) ? Number(f.minAge.trim()) : undefined;
	const base = {
		id,
		wording: id,
		topic,
		...(f.required === 'yes' ? { required: true } : {}),
		...(minAge !== undefined ? { minAge } : {}),
		...(old.carryForward ? { carryForward: true as const } : {})
	};
	let q: DraftQuestion;
	if ((CHOICE_KINDS as readonly string[]).includes(kind)) {
		const options = optionCodes(kind, f.options, draft.audience).slice(0, MAX_OPTIONS);
		const wasChoice = isChoiceQuestion(old);
		const safetyTrigger = wasChoice ? old.safetyTrigger : undefined;
		const exclusive = kind === 'choices' ? (wasChoice && old.exclusive ? old.exclusive : isChild(draft.audience) ? [RATHER_NOT_SAY] : []).filter((v) => options.includes(v)) : [];
		q = {
			...base,
			kind: kind as 'choice',
			options,
			...(safetyTrigger ? { safetyTrigger } : {}),
			...(exclusive.length > 0 ? { exclusive } : {})
		};
	} else if (kind === 'text') {
		const fixed = old.kind === 'text' ? old.fixedVisibility : undefined;
		q = { ...base, kind: 'text', maxLength: old.kind === 'text' ? (old.maxLength ?? DEFAULT_TEXT_LIMIT) : DEFAULT_TEXT_LIMIT, ...(fixed ? { fixedVisibility: fixed } : {}) };
	} else {
		q = { ...base, kind } as DraftQuestion;
	}
	// Properties that belong to the question and that an edit of its kind must not drop silently:
	// kept on the draft so checkDraft can name the problem.
	if (old.kind === 'text' && old.fixedVisibility && q.kind !== 'text') (q as { lostFixed?: true }).lostFixed = true;
	if (isChoiceQuestion(old) && old.safetyTrigger && !isChoiceQuestion(q)) (q as { lostSafety?: readonly string[] }).lostSafety = old.safetyTrigger;

	const wording: FormWording = {};
	for (const [locale, w] of Object.entries(draft.wording)) {
		const typed = f.words[locale];
		const previous = w.questions[old.id];
		const options = isChoiceQuestion(q)
			? Object.fromEntries(q.options.map((o) => [o, (typed?.options[o] ?? previous?.options?.[o] ?? defaultOptionWords(draft, locale, o)).trim()]))
			: undefined;
		const words: QuestionWords = { label: (typed?.label ?? previous?.label ?? '').trim().slice(0, MAX_LABEL) };
		const hint = (typed?.hint ?? previous?.hint ?? '').trim().slice(0, MAX_LABEL);
		if (hint) words.hint = hint;
		if (options) words.options = options;
		const questions = { ...w.questions };
		if (old.id !== id && !draft.questions.some((x, i) => i !== index && x.id === old.id)) delete questions[old.id];
		questions[id] = words;
		wording[locale] = { ...w, questions };
	}
	const questions = [...draft.questions];
	questions[index] = q;
	return { ...draft, questions, wording };
}

/** The words other questions of the draft use for an option code (e.g. "I'd rather not say"), or ''. */
function defaultOptionWords(draft: Draft, locale: string, code: string): string {
	for (const w of Object.values(draft.wording[locale]?.questions ?? {})) if (w.options?.[code]) return w.options[code]!;
	return '';
}

/**
 * Questions other parts of My Review read by id, so a new version must keep them as they are used:
 * the 4–7 form's who-helped and how-helped pages (DOMAIN §5.5, A11Y-C6) open every assisted form, and
 * how-helped's choices decide whether the child took part (participation code, DOMAIN §4.1).
 */
export const KEPT_QUESTIONS: Readonly<Record<string, readonly { id: string; kind: QuestionKind; options: readonly string[] }[]>> = {
	'young-person-4-7': [
		{ id: 'who-helped', kind: 'choices', options: [] },
		{ id: 'how-helped', kind: 'choices', options: ['they-point', 'they-tell-me', 'i-write-it-down'] }
	]
};

const ENGLISH = 'en-GB';
/** DOMAIN §5.8: about 8 words at most for 4–7, sentences of 12 words or fewer for 8–12. */
const SENTENCE_LIMIT: Readonly<Record<string, number>> = { 'young-person-4-7': 8, 'young-person-8-12': 12 };
/** DOMAIN §5.8 "No jargon": words a child may not know, each with its own message saying what to say instead. */
const JARGON: readonly [RegExp, string][] = [
	[/\bplacements?\b/i, 'placement'],
	[/\bcontact\b/i, 'contact'],
	[/\b(LAC|CLA)\b/, 'lac'],
	[/\bcare plan\b/i, 'care-plan'],
	[/\bpathway plan\b/i, 'pathway-plan'],
	[/\bdelegated authority\b/i, 'delegated-authority'],
	[/\bPEP\b/, 'pep'],
	[/\bstatutory\b/i, 'statutory'],
	[/\brespite\b/i, 'respite']
];

/** Words in the longest sentence of a text. */
export function longestSentence(text: string): number {
	return Math.max(0, ...text.split(/[.?!]+(?:\s+|$)/).map((s) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length));
}

/** A problem that stops publishing, by question (index) and field, or for the whole form. */
export interface DraftProblem {
	/** null: the whole form. */
	question: number | null;
	/** The field's id on the question's edit page (`id`, `label-cy`, `option-en-GB-yes`…), or `form`. */
	field: string;
	error: FieldError;
}

export interface DraftCheck {
	problems: DraftProblem[];
	/**
	 * Changes that are allowed but must be seen before publishing, by question where they belong: a
	 * safety question reworded or removed, and new words on a child's form that break the wording
	 * guidance (DOMAIN §5.8: sentence length for the band, jargon).
	 */
	warnings: DraftProblem[];
}

/**
 * Everything that stops a draft from being published (issue 8): no questions, duplicate or
 * malformed ids, missing words in a shipped language (`locales`; English always), answer kinds the
 * audience can't have; and, on a child's form, losing the safety question or a fixed IRO-only answer
 * (DOMAIN §5.6, §5.7), which must never happen silently.
 */
export function checkDraft(
	draft: Draft,
	base: { form: FormDefinition; wording: FormWording },
	locales: readonly string[],
	languageName: (locale: string) => string
): DraftCheck {
	const { form: baseForm, wording: baseWording } = base;
	const problems: DraftProblem[] = [];
	const warnings: DraftProblem[] = [];
	const warn = (question: number | null, field: string, key: string, params?: FieldError['params']) => warnings.push({ question, field, error: { key, ...(params ? { params } : {}) } });
	const child = isChild(draft.audience);
	const adult = ADULT_AUDIENCES.includes(draft.audience);
	const add = (question: number | null, field: string, key: string, params?: FieldError['params']) => problems.push({ question, field, error: { key, ...(params ? { params } : {}) } });

	if (draft.questions.length === 0) add(null, 'form', 'errors.bank-no-questions');
	if (draft.questions.length > MAX_QUESTIONS) add(null, 'form', 'errors.bank-too-many', { max: MAX_QUESTIONS });
	for (const locale of locales) {
		if (!draft.wording[locale]?.title?.trim()) add(null, `title-${locale}`, 'errors.bank-title-missing', { language: languageName(locale) });
	}

	const seen = new Map<string, number>();
	draft.questions.forEach((q, i) => {
		if (!KEBAB.test(q.id) || q.id.length > MAX_ID_LENGTH) add(i, 'id', 'errors.bank-id-format');
		else if (seen.has(q.id)) add(i, 'id', 'errors.bank-id-duplicate', { number: seen.get(q.id)! + 1 });
		else seen.set(q.id, i);
		if (!kindsFor(draft.audience).includes(q.kind)) add(i, 'kind', 'errors.bank-kind-audience');
		if (q.required && (q.kind === 'drawing' || (q.kind === 'text' && (!adult || q.fixedVisibility)))) add(i, 'required', 'errors.bank-required-text');
		if (q.minAge !== undefined && (!child || q.minAge < MIN_AGE_RANGE.min || q.minAge > MIN_AGE_RANGE.max)) add(i, 'minAge', 'errors.bank-min-age', MIN_AGE_RANGE);
		const lost = q as { lostFixed?: true; lostSafety?: readonly string[] };
		if (lost.lostFixed) add(i, 'kind', 'errors.bank-fixed-kind');
		if (lost.lostSafety) add(i, 'kind', 'errors.bank-safety-kind');
		if (isChoiceQuestion(q)) {
			const own = q.options.filter((o) => o !== RATHER_NOT_SAY);
			if (own.length === 0) add(i, 'options', 'errors.bank-options-empty');
			else if (own.some((o) => !KEBAB.test(o) || o.length > MAX_ID_LENGTH)) add(i, 'options', 'errors.bank-option-format');
			else if (new Set(q.options).size !== q.options.length) add(i, 'options', 'errors.bank-option-duplicate');
			for (const v of q.safetyTrigger ?? []) if (!q.options.includes(v)) add(i, 'options', 'errors.bank-safety-option', { option: v });
		}
		for (const locale of locales) {
			const w = draft.wording[locale]?.questions[q.id];
			const language = languageName(locale);
			if (!w?.label?.trim()) add(i, `label-${locale}`, 'errors.bank-label-missing', { language });
			if (isChoiceQuestion(q)) for (const o of q.options) if (!w?.options?.[o]?.trim()) add(i, `option-${locale}-${o}`, 'errors.bank-option-missing', { language, option: o });
		}
	});

	// Words changed in English but not in another language: that translation may no longer say the same.
	draft.questions.forEach((q, i) => {
		const was = baseForm.questions.find((b) => b.id === q.id);
		if (!was) return;
		const en = (w: FormWording) => w[ENGLISH]?.questions[q.id];
		const before = en(baseWording);
		const now = en(draft.wording);
		if (!before || !now || (before.label === now.label && (before.hint ?? '') === (now.hint ?? ''))) return;
		for (const locale of locales) {
			if (locale === ENGLISH) continue;
			const old = baseWording[locale]?.questions[q.id];
			const mine = draft.wording[locale]?.questions[q.id];
			if (old?.label && mine?.label && old.label === mine.label && (old.hint ?? '') === (mine.hint ?? '')) warn(i, `label-${locale}`, 'errors.bank-translation-stale', { language: languageName(locale) });
		}
	});

	if (child) {
		// DOMAIN §5.7: a child's form keeps its safety question(s); DOMAIN §5.6: the fixed IRO-only answers stay.
		const ids = new Set(draft.questions.map((q) => q.id));
		const baseSafety = baseForm.questions.filter((q) => isChoiceQuestion(q) && q.safetyTrigger?.length);
		const hasSafety = draft.questions.some((q) => isChoiceQuestion(q) && q.safetyTrigger?.length);
		if (baseSafety.length > 0 && !hasSafety) add(null, 'form', 'errors.bank-no-safety');
		for (const q of baseSafety) if (!ids.has(q.id)) warn(null, 'form', 'errors.bank-safety-removed', { id: q.id });
		for (const q of baseForm.questions) if (q.kind === 'text' && q.fixedVisibility && !ids.has(q.id)) add(null, 'form', 'errors.bank-fixed-removed', { id: q.id });
		for (const kept of KEPT_QUESTIONS[draft.formId] ?? []) {
			const i = draft.questions.findIndex((q) => q.id === kept.id);
			const q = draft.questions[i];
			if (!q) add(null, 'form', 'errors.bank-kept-removed', { id: kept.id });
			else if (q.kind !== kept.kind) add(i, 'kind', 'errors.bank-kept-kind');
			else if (isChoiceQuestion(q) && kept.options.some((o) => !q.options.includes(o))) add(i, 'options', 'errors.bank-kept-options', { options: kept.options.join(', ') });
		}
		draft.questions.forEach((q, i) => {
			const was = baseForm.questions.find((b) => b.id === q.id);
			if (was && isChoiceQuestion(q) && q.safetyTrigger?.length) {
				for (const locale of locales) {
					const before = baseWording[locale]?.questions[was.id]?.label;
					const now = draft.wording[locale]?.questions[q.id]?.label;
					if (before !== undefined && now !== undefined && before !== now) {
						warn(i, `label-${locale}`, 'errors.bank-safety-reworded', { language: languageName(locale) });
						break;
					}
				}
			}
			// DOMAIN §5.8, for English words that are new or changed (the versions in code are checked by reading-level.spec).
			const label = draft.wording[ENGLISH]?.questions[q.id]?.label?.trim() ?? '';
			if (!label || (was && baseWording[ENGLISH]?.questions[was.id]?.label?.trim() === label)) return;
			const limit = SENTENCE_LIMIT[draft.formId];
			if (limit !== undefined && longestSentence(label) > limit) warn(i, `label-${ENGLISH}`, 'errors.bank-words-long', { max: limit });
			for (const [pattern, word] of JARGON) if (pattern.test(label)) warn(i, `label-${ENGLISH}`, `errors.bank-jargon-${word}`);
		});
	}
	return { problems, warnings };
}

/**
 * The FormDefinition a checked draft publishes as: wording keys under the version's own section,
 * checked once more by `defineForm` (which throws on anything `checkDraft` should have caught).
 */
export function publishedDefinition(draft: Draft): FormDefinition {
	const section = bankSection(draft.formId, draft.version);
	return defineForm({
		id: draft.formId,
		version: draft.version,
		audience: draft.audience,
		title: `${section}.title`,
		...(draft.assisted ? { assisted: true as const } : {}),
		...(draft.readAloud ? { readAloud: true as const } : {}),
		questions: draft.questions.map((q) => {
			const { lostFixed: _f, lostSafety: _s, ...clean } = q as DraftQuestion & { lostFixed?: true; lostSafety?: readonly string[] };
			return { ...clean, wording: `${section}.${q.id}` } as Question;
		})
	});
}

/**
 * A published version's words as a `forms` catalogue fragment for one locale:
 * `{ [formId]: { '@v<version>': { title, [questionId]: { label, hint?, options? } } } }`.
 */
export function catalogueFragment(form: FormDefinition, wording: FormWording, locale: string): Record<string, unknown> | null {
	const w = wording[locale];
	if (!w) return null;
	const inner: Record<string, unknown> = {};
	if (w.title) inner.title = w.title;
	for (const q of form.questions) {
		const qw = w.questions[q.id];
		if (!qw) continue;
		const entry: Record<string, unknown> = {};
		if (qw.label) entry.label = qw.label;
		if (qw.hint) entry.hint = qw.hint;
		if (qw.options) {
			const options = Object.fromEntries(Object.entries(qw.options).filter(([, v]) => v));
			if (Object.keys(options).length > 0) entry.options = options;
		}
		inner[q.id] = entry;
	}
	return { [form.id]: { [`@v${form.version}`]: inner } };
}
