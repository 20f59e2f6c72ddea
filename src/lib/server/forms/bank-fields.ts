import type { QuestionFields } from '$lib/forms/bank';
import { SHIPPED } from './bank';

/**
 * Reading the question bank's form posts: exactly the expected fields, each once and a string
 * (SEC-Z6); anything else is a malformed request (400), never a half-read edit.
 */
export function singleFields<K extends string>(form: FormData, fields: readonly K[]): Record<K, string> | null {
	const out = {} as Record<K, string>;
	for (const key of new Set(form.keys())) if (!(fields as readonly string[]).includes(key)) return null;
	for (const f of fields) {
		const all = form.getAll(f);
		if (all.length !== 1 || typeof all[0] !== 'string' || all[0].length > 10_000) return null;
		out[f] = all[0];
	}
	return out;
}

const WORD_FIELD = /^(label|hint)-([A-Za-z-]+)$/;
const OPTION_FIELD = /^option-([A-Za-z]{2,3}(?:-[A-Z]{2})?)-([a-z0-9-]{1,60})$/;
const QUESTION_FIELDS = ['version', 'index', 'id', 'kind', 'topic', 'required', 'minAge', 'options'] as const;

/** A question edit as posted: its fields plus each shipped language's words; null when malformed. */
export function questionFields(form: FormData): { version: number; index: number; fields: QuestionFields } | null {
	const single = (k: string): string | null => {
		const all = form.getAll(k);
		return all.length === 1 && typeof all[0] === 'string' && all[0].length <= 10_000 ? all[0] : null;
	};
	const words: QuestionFields['words'] = Object.fromEntries(SHIPPED.map((l) => [l, { label: '', hint: '', options: {} }]));
	for (const key of new Set(form.keys())) {
		if ((QUESTION_FIELDS as readonly string[]).includes(key)) continue;
		const value = single(key);
		if (value === null) return null;
		const w = WORD_FIELD.exec(key);
		const o = OPTION_FIELD.exec(key);
		if (w && words[w[2]!]) words[w[2]!]![w[1] as 'label' | 'hint'] = value;
		else if (o && words[o[1]!]) words[o[1]!]!.options[o[2]!] = value;
		else return null;
	}
	const f: Record<string, string> = {};
	for (const k of QUESTION_FIELDS) {
		const v = k === 'required' || k === 'minAge' || k === 'options' ? (form.has(k) ? single(k) : '') : single(k);
		if (v === null) return null;
		f[k] = v;
	}
	if (!/^\d{1,4}$/.test(f.version!) || !/^\d{1,3}$/.test(f.index!)) return null;
	return {
		version: Number(f.version),
		index: Number(f.index),
		fields: { id: f.id!, kind: f.kind!, topic: f.topic!, required: f.required!, minAge: f.minAge!, options: f.options!, words }
	};
}
