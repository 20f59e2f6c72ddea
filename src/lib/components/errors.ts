import type { FieldError } from '$lib/forms/types';
import type { Translate } from '$lib/i18n';

/** The text of one field's error, or undefined. Errors travel as keys, never English (STYLE §4.1). */
export function errorText(t: Translate, error: FieldError | undefined): string | undefined {
	return error ? (t(error.key, { ns: ['common', 'forms'], ...(error.params ?? {}) }) as string) : undefined;
}

/** Error summary entries in page order, linking to each field's id (A11Y-2). */
export function errorList(
	t: Translate,
	errors: Record<string, FieldError | undefined>,
	order: readonly string[]
): { href: string; text: string }[] {
	const keys = [...order.filter((k) => errors[k]), ...Object.keys(errors).filter((k) => !order.includes(k) && errors[k])];
	return keys.map((k) => ({ href: `#${k}`, text: errorText(t, errors[k])! }));
}

/** A failed action's errors, whatever the shape of the other outcomes (STYLE §4.1). */
export function formErrors(form: unknown): Record<string, FieldError> {
	return form && typeof form === 'object' && 'errors' in form ? ((form as { errors?: Record<string, FieldError> }).errors ?? {}) : {};
}

/** What was typed, returned by a failed action so nothing is lost. */
export function formRaw(form: unknown): Record<string, string> {
	return form && typeof form === 'object' && 'raw' in form ? ((form as { raw?: Record<string, string> }).raw ?? {}) : {};
}
