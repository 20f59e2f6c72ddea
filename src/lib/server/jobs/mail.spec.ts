import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureTransport, errorClass, renderNeutral } from './mail';

/** PRIV-H8 / PRIV-14: one fixed neutral message; failures are kept as a class, never a message (SEC-L4). */
describe('the neutral message', () => {
	it('PRIV-14: it is the fixed sentence and a link, whatever the language asked for', () => {
		expect(renderNeutral('en-GB', 'https://myreview.example.org/')).toEqual({
			subject: 'You have something new in My Review',
			text: 'You have something new in My Review.\n\nhttps://myreview.example.org/\n'
		});
		expect(renderNeutral('xx-unknown', null)).toEqual({ subject: 'You have something new in My Review', text: 'You have something new in My Review.\n' });
	});
});

describe('errorClass', () => {
	it.each([
		[Object.assign(new Error('550 <jo@example.org> unknown'), { code: 'EENVELOPE', responseCode: 550 }), 'EENVELOPE 550'],
		[Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:25'), { code: 'ECONNECTION' }), 'ECONNECTION'],
		[new TypeError('jo@example.org is bad'), 'TypeError'],
		['a string with jo@example.org', 'Error'],
		[Object.assign(new Error('x'), { code: 'lower <jo@example.org>', name: 'Bad Name!' }), 'Error']
	])('SEC-L4: %s is kept as %s, never its message', (e, expected) => {
		expect(errorClass(e)).toBe(expected);
	});
});

describe('captureTransport', () => {
	it('REL-16: in demo and e2e each message is appended as a JSON line to a private local file', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'outbox-capture-'));
		try {
			const path = join(dir, 'nested', 'capture.jsonl');
			const transport = captureTransport(path, 'My Review <no-reply@localhost>', () => Date.UTC(2030, 0, 1));
			await transport.send({ to: 'a@example.org', subject: 'S', text: 'T\n' });
			await transport.send({ to: 'b@example.org', subject: 'S', text: 'T\n' });
			const lines = (await readFile(path, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
			expect(lines).toEqual([
				{ at: '2030-01-01T00:00:00.000Z', from: 'My Review <no-reply@localhost>', to: 'a@example.org', subject: 'S', text: 'T\n' },
				{ at: '2030-01-01T00:00:00.000Z', from: 'My Review <no-reply@localhost>', to: 'b@example.org', subject: 'S', text: 'T\n' }
			]);
			expect((await stat(path)).mode & 0o077).toBe(0);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});
});
