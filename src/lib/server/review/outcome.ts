import { error, fail, redirect } from '@sveltejs/kit';
import type { FieldError } from '$lib/forms/types';
import type { FormResult, Raw } from './forms';

/**
 * What an after-the-meeting action came to. Routes turn it into Kit's answer with {@link respond}:
 * success 303 (STYLE §4.1), a form's errors `fail(400, { form, raw, errors })`, a write that failed
 * `fail(503, …)` with everything typed (REL-18), a forged or repeated field 400 (SEC-Z6), a step out
 * of order 409 (SEC-Z7), and something not in this review 404 (D14).
 */
export type Outcome =
	| { kind: 'done'; location: string }
	| { kind: 'invalid'; raw: Raw; errors: Record<string, FieldError> }
	| { kind: 'failed'; raw: Raw; field: string }
	| { kind: 'malformed' }
	| { kind: 'conflict' }
	| { kind: 'missing' };

/** A parse that failed, as an outcome; a bad hidden id (`idField`) is a forged post, not a typing slip. */
export function rejected(parsed: Exclude<FormResult<unknown>, { ok: true }>, idField?: string): Outcome {
	if ('malformed' in parsed) return { kind: 'malformed' };
	if (idField && parsed.errors[idField]) return { kind: 'malformed' };
	return { kind: 'invalid', raw: parsed.raw, errors: parsed.errors };
}

export function respond(outcome: Outcome, form: string, requestId: string) {
	switch (outcome.kind) {
		case 'done':
			redirect(303, outcome.location);
		case 'invalid':
			return fail(400, { form, raw: outcome.raw, errors: outcome.errors });
		case 'failed':
			return fail(503, { form, raw: outcome.raw, errors: { [outcome.field]: { key: 'errors.save-failed' } as FieldError } });
		case 'malformed':
			error(400, { message: 'Bad request', code: 'bad-request', id: requestId });
		case 'conflict':
			error(409, { message: 'Conflict', code: 'conflict', id: requestId });
		case 'missing':
			error(404, { message: 'Not found', code: 'not-found', id: requestId });
	}
}
