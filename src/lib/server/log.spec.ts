import { describe, expect, it } from 'vitest';
import { createLogger } from './log';

/**
 * SEC-L4: no answers, tokens, codes or passphrases in logs; SECURITY §8 also redacts names,
 * emails and dates of birth. Each case logs a canary the way a careless call might, then
 * checks the line holds no trace of it. SEC-L1: JSON lines with a UTC time and a level label.
 */
const CANARY = {
	answer: 'CANARY-my-carer-shouts-at-me',
	token: 'abcdefghijklmnopqrstuvwx.CANARYtokensecretCANARYtokensecret12345',
	code: 'CANAR-YCODE',
	passphrase: 'CANARY purple giraffes dance',
	email: 'canary.person@example.org',
	name: 'CANARY Samantha',
	dob: '2011-03-04'
};

function capture(level = 'info') {
	const lines: string[] = [];
	const logger = createLogger({ write: (s: string) => void lines.push(s) }, level);
	return { logger, lines, text: () => lines.join('') };
}

describe('SEC-L4: createLogger redacts personal data and secrets', () => {
	it.each([
		['answer text as `answer`', { answer: CANARY.answer }, CANARY.answer],
		['answer text as `text`', { text: CANARY.answer }, CANARY.answer],
		['an AnswerValue under `value`', { value: { kind: 'text', text: CANARY.answer } }, CANARY.answer],
		['a stored Answer under `answer`', { answer: { questionId: 'home-change', value: { kind: 'text', text: CANARY.answer } } }, CANARY.answer],
		['a request body', { body: `home-change=${encodeURIComponent(CANARY.answer)}` }, 'CANARY'],
		['a request body one level down', { req: { body: { passphrase: CANARY.passphrase } } }, 'CANARY'],
		['what was typed (`raw`, as in fail(400, { raw }))', { raw: { 'home-change': CANARY.answer } }, CANARY.answer],
		['what was typed one level down', { result: { raw: { 'home-change': CANARY.answer } } }, CANARY.answer],
		['a session token', { token: CANARY.token }, 'CANARYtokensecret'],
		['a session token one level down', { session: { token: CANARY.token } }, 'CANARYtokensecret'],
		['a cookie header', { headers: { cookie: `session=${CANARY.token}` } }, 'CANARYtokensecret'],
		['an authorization header', { headers: { authorization: `Bearer ${CANARY.token}` } }, 'CANARYtokensecret'],
		['an activation code', { code: CANARY.code }, CANARY.code],
		['an activation code one level down', { input: { code: CANARY.code } }, CANARY.code],
		['a passphrase', { passphrase: CANARY.passphrase }, CANARY.passphrase],
		['a passphrase one level down', { input: { passphrase: CANARY.passphrase } }, CANARY.passphrase],
		['a staff password', { password: CANARY.passphrase }, CANARY.passphrase],
		['an email', { email: CANARY.email }, CANARY.email],
		['an email one level down', { input: { email: CANARY.email } }, CANARY.email],
		['a username', { username: 'sunny-otter-42' }, 'sunny-otter-42'],
		['a name', { name: CANARY.name }, CANARY.name],
		['a date of birth', { dateOfBirth: CANARY.dob }, CANARY.dob],
		['an actor as the app holds one (displayName)', { actor: { id: 'u1', role: 'young-person', displayName: CANARY.name } }, CANARY.name]
	] as const)('SEC-L4: %s is redacted', (_name, fields, canary) => {
		const { logger, text } = capture();
		logger.warn({ requestId: 'req-1', ...fields }, 'something happened');
		expect(text()).toContain('req-1');
		expect(text()).not.toContain(canary);
	});

	it('keeps the opaque ids and outcome a log line is for', () => {
		const { logger, lines } = capture();
		logger.info({ requestId: 'req-2', route: '/me/review/[reviewId=id]/[pageId=slug]', actorId: 'abcdefghijklmnopqrstuvwx', status: 303 }, 'saved');
		const line = JSON.parse(lines[0]!);
		expect(line).toMatchObject({ requestId: 'req-2', route: '/me/review/[reviewId=id]/[pageId=slug]', actorId: 'abcdefghijklmnopqrstuvwx', status: 303, msg: 'saved' });
	});
});

describe('SEC-L1: log line shape', () => {
	it('writes one JSON object per line with a UTC time ending Z and a level label', () => {
		const { logger, lines } = capture();
		logger.info({ requestId: 'r' }, 'hello');
		expect(lines).toHaveLength(1);
		expect(lines[0]!.endsWith('\n')).toBe(true);
		const line = JSON.parse(lines[0]!);
		expect(line.level).toBe('info');
		expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		expect(line).not.toHaveProperty('pid');
		expect(line).not.toHaveProperty('hostname');
	});

	it('honours the level it is given', () => {
		const { logger, lines } = capture('warn');
		logger.info('quiet');
		logger.warn('loud');
		expect(lines).toHaveLength(1);
		expect(JSON.parse(lines[0]!).msg).toBe('loud');
	});

	it('logs an error with its stack under err', () => {
		const { logger, lines } = capture();
		logger.error({ err: new Error('boom') }, 'failed');
		const line = JSON.parse(lines[0]!);
		expect(line.err.message).toBe('boom');
		expect(line.err.stack).toContain('Error: boom');
	});
});
