import { describe, expect, it } from 'vitest';
import { readEnv } from './env';

/** SEC-K3: notification settings are validated at start; a bad value stops the server with a clear message. */
describe('mail settings (issue 5)', () => {
	it('REL-16: with nothing set, the worker runs and messages go to the local capture file', () => {
		expect(readEnv({}).mail).toEqual({
			smtpUrl: null,
			from: 'My Review <no-reply@localhost>',
			publicUrl: null,
			worker: true,
			capturePath: 'data/outbox-capture.jsonl'
		});
	});

	it('REL-16: SMTP settings are read, and the link uses PUBLIC_URL, else ORIGIN', () => {
		const mail = readEnv({ SMTP_URL: 'smtps://u:p@smtp.example.org:465', MAIL_FROM: 'My Review <no-reply@example.org>', ORIGIN: 'https://myreview.example.org', OUTBOX_WORKER: 'off' }).mail;
		expect(mail).toMatchObject({ smtpUrl: 'smtps://u:p@smtp.example.org:465', from: 'My Review <no-reply@example.org>', publicUrl: 'https://myreview.example.org', worker: false });
		expect(readEnv({ ORIGIN: 'https://a.example.org', PUBLIC_URL: 'https://b.example.org/' }).mail.publicUrl).toBe('https://b.example.org');
	});

	it.each([
		[{ SMTP_URL: 'http://smtp.example.org' }, /SMTP_URL must be/],
		[{ SMTP_URL: 'smtp://smtp.example.org', ORIGIN: 'https://x.example.org' }, /MAIL_FROM is needed/],
		[{ SMTP_URL: 'smtp://smtp.example.org', MAIL_FROM: 'a@example.org' }, /needs PUBLIC_URL or ORIGIN/],
		[{ MAIL_FROM: 'not an address' }, /MAIL_FROM must be/],
		[{ PUBLIC_URL: 'http://myreview.example.org' }, /PUBLIC_URL must be/],
		[{ PUBLIC_URL: 'https://myreview.example.org/path' }, /PUBLIC_URL must be/],
		[{ OUTBOX_WORKER: 'maybe' }, /OUTBOX_WORKER must be/]
	])('SEC-K3: %o is refused', (vars, message) => {
		expect(() => readEnv(vars)).toThrow(message);
	});
});

/** PRIV-H2: the installed app's name is the service's choice, and a care word stops the server at start. */
describe('app name (PRIV-H2)', () => {
	it('defaults to "My Review"', () => {
		expect(readEnv({}).appName).toEqual({ name: 'My Review', shortName: 'My Review' });
	});
	it('takes APP_NAME and APP_SHORT_NAME, and refuses a care word in either', () => {
		expect(readEnv({ APP_NAME: 'Your Say' }).appName).toEqual({ name: 'Your Say', shortName: 'Your Say' });
		expect(() => readEnv({ APP_NAME: 'Anytown Looked After' })).toThrow(/APP_NAME must be neutral/);
		expect(() => readEnv({ APP_NAME: 'Your Say', APP_SHORT_NAME: 'Council' })).toThrow(/APP_SHORT_NAME must be neutral/);
	});
});
