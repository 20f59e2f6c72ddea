import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { createLogger } from '../log';
import { makeHandleError, safeError } from './errors';

/**
 * SEC-L4, SEC-L6 (SECURITY §8): a failing request carrying a canary answer and a session token
 * leaves neither in the log; only real server errors (5xx) are logged as errors; the person gets
 * `{ message, code, id }` only.
 */
const ANSWER = 'CANARY-my-carer-shouts-at-me';
const TOKEN = 'abcdefghijklmnopqrstuvwx.CANARYtokenSecretCANARYtokenSecret12345';

function capture() {
	const lines: string[] = [];
	const logger = createLogger({ write: (s: string) => void lines.push(s) }, 'debug');
	return { handle: makeHandleError(logger), lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

function eventCarrying(): RequestEvent {
	const url = new URL(`http://127.0.0.1/me/review/abc/home?answer=${encodeURIComponent(ANSWER)}&t=${TOKEN}`);
	const request = new Request(url, { method: 'POST', headers: { cookie: `session=${TOKEN}`, authorization: `Bearer ${TOKEN}` }, body: `answer=${ANSWER}` });
	return { url, request, route: { id: '/(young-person)/me/review/[reviewId=id]/[pageId]' }, locals: { requestId: 'req-123' }, params: {}, cookies: { get: () => TOKEN } } as unknown as RequestEvent;
}

/** Errors whose message repeats what was sent, as real libraries' do. */
function failures(): [string, unknown][] {
	let parse: unknown;
	try {
		JSON.parse(`${ANSWER} ${TOKEN}`);
	} catch (e) {
		parse = e;
	}
	let vali: unknown;
	try {
		v.parse(v.number(), `${ANSWER} ${TOKEN}`);
	} catch (e) {
		vali = e;
	}
	return [
		['a JSON.parse error quoting the body', parse],
		['a valibot error quoting the value', vali],
		['an Error with the answer in double quotes', new Error(`could not store "${ANSWER}" for '${TOKEN}'`)],
		['a thrown string', `${ANSWER} ${TOKEN}`],
		['a thrown object', { answer: ANSWER, token: TOKEN }]
	];
}

describe('SEC-L4: a 500 carrying a canary answer and a token', () => {
	it.each(failures())('%s: logged as an error with the stack, without the answer or the token', async (_, error) => {
		const c = capture();
		const out = await c.handle({ error, event: eventCarrying(), status: 500, message: 'Internal Error' });
		expect(out).toEqual({ message: 'Something went wrong', code: 'server-error', id: 'req-123' });
		const text = c.lines.join('');
		expect(text).not.toContain('CANARY');
		expect(text).not.toContain('abcdefghijklmnopqrstuvwx');
		const [rec] = c.records();
		expect(rec).toMatchObject({ level: 'error', msg: 'server error', status: 500, requestId: 'req-123', route: '/(young-person)/me/review/[reviewId=id]/[pageId]', method: 'POST' });
		expect(rec).not.toHaveProperty('url');
	});

	it('the stack frames are kept, so the fault can still be found', () => {
		const e = new Error(`bad "${ANSWER}"`);
		const s = safeError(e);
		expect(s.type).toBe('Error');
		expect(s.message).toBe('bad "[…]"');
		expect(s.stack).toMatch(/^\s+at /);
		expect(s.stack).not.toContain('CANARY');
	});
});

describe('SEC-L6: Kit’s refusals (4xx) are not server errors', () => {
	it.each([404, 405, 415, 400])('%i: an info line with the route and status only; the person gets a message and the id', async (status) => {
		const c = capture();
		const out = await c.handle({ error: new Error(`Not found: /me?answer=${ANSWER}`), event: eventCarrying(), status, message: 'x' });
		expect(out).toEqual(status === 404 ? { message: 'Not found', code: 'not-found', id: 'req-123' } : { message: 'Bad request', code: 'bad-request', id: 'req-123' });
		const recs = c.records();
		expect(recs).toHaveLength(1);
		expect(recs[0]).toMatchObject({ level: 'info', msg: 'request refused', status });
		expect(recs[0]).not.toHaveProperty('err');
		expect(c.lines.join('')).not.toContain('CANARY');
	});
});
