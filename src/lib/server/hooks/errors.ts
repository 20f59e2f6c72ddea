import type { HandleServerError } from '@sveltejs/kit';
import type pino from 'pino';

/**
 * SEC-L6, SEC-L4 (SECURITY §8): `handleError` for unexpected errors and for Kit's own refusals
 * (404 no such route, 405 no such action, 415 not a form post, 400 malformed URI). Only a real
 * server error (5xx) is logged as an error, with its stack; a refusal is an `info` line with the
 * route id and status only. Nothing from the request is logged (never the URL, body or cookie),
 * and an error's message can carry what was typed (`JSON.parse` and valibot quote their input),
 * so quoted parts of it are masked before it is written. The person sees a generic message and an
 * id to quote, never a stack or SQL.
 */
const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g;

/** An error's message and stack with quoted input masked and long runs cut, for the log. */
export function safeError(error: unknown): { type: string; message: string; stack?: string; code?: string } {
	if (!(error instanceof Error)) return { type: typeof error, message: '' };
	const mask = (s: string) => s.replace(QUOTED, '"[…]"').slice(0, 300);
	const frames = (error.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 20).join('\n');
	const code = (error as { code?: unknown }).code;
	return { type: error.name || error.constructor?.name || 'Error', message: mask(error.message), stack: frames || undefined, code: typeof code === 'string' ? code.slice(0, 40) : undefined };
}

export function makeHandleError(log: pino.Logger): HandleServerError {
	return ({ error, event, status }) => {
		const id = event.locals.requestId ?? crypto.randomUUID();
		if (status >= 500) log.error({ err: safeError(error), requestId: id, route: event.route.id, method: event.request.method, status }, 'server error');
		else log.info({ requestId: id, route: event.route.id, method: event.request.method, status }, 'request refused');
		if (status === 404) return { message: 'Not found', code: 'not-found', id };
		if (status < 500) return { message: 'Bad request', code: 'bad-request', id };
		return { message: 'Something went wrong', code: 'server-error', id };
	};
}
