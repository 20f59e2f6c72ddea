import * as v from 'valibot';
import { isIsoDate } from '$lib/domain/calendar';
import type { FieldError } from '$lib/forms/types';
import { isLocale } from '$lib/i18n';

/**
 * Staff forms are checked by valibot schemas (a well-kept Standard Schema library); messages are
 * i18n keys, never English (STYLE §4.1). Exactly the form's fields are accepted (SEC-Z6).
 */
export const name = v.pipe(v.string(), v.trim(), v.nonEmpty('errors.name-empty'), v.maxLength(100, 'errors.name-too-long'));
export const email = v.pipe(v.string(), v.trim(), v.nonEmpty('errors.email-empty'), v.maxLength(200, 'errors.email-invalid'), v.email('errors.email-invalid'));
export const isoDate = v.pipe(v.string(), v.trim(), v.nonEmpty('errors.date-empty'), v.check((s: string) => isIsoDate(s), 'errors.date-invalid'));
export const time = v.pipe(v.string(), v.trim(), v.check((s) => s === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(s), 'errors.time-invalid'));
export const locale = v.pipe(v.string(), v.check((s) => isLocale(s), 'errors.choose-one'));
export const id = v.pipe(v.string(), v.regex(/^[a-z2-7]{24}$/, 'errors.choose-one'));

export type Parsed<T> = { ok: true; value: T } | { ok: false; raw: Record<string, string>; errors: Record<string, FieldError> };

/** Reads exactly `fields` from a form post (single values) and checks them against `schema`. */
export function parseForm<S extends v.GenericSchema<Record<string, string>, unknown>>(
	schema: S,
	form: FormData,
	fields: readonly string[]
): Parsed<v.InferOutput<S>> | { ok: false; malformed: true } {
	const raw: Record<string, string> = {};
	for (const key of new Set(form.keys())) if (!fields.includes(key)) return { ok: false, malformed: true };
	for (const f of fields) {
		const all = form.getAll(f);
		if (all.length > 1 || (all[0] !== undefined && typeof all[0] !== 'string')) return { ok: false, malformed: true };
		raw[f] = (all[0] as string | undefined) ?? '';
	}
	const result = v.safeParse(schema, raw);
	if (result.success) return { ok: true, value: result.output };
	const errors: Record<string, FieldError> = {};
	for (const issue of result.issues) {
		const key = v.getDotPath(issue) ?? fields[0]!;
		errors[key] ??= { key: issue.message };
	}
	return { ok: false, raw, errors };
}
