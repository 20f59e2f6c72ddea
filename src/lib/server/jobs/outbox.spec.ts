import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import forms from '$lib/i18n/locales/en-GB/forms.json';
import * as outbox from '../data/outbox';
import * as users from '../data/users';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import { smtpTransport, type MailTransport, type OutgoingMail } from './mail';
import { BACKOFF_MS, LATER_BACKOFF_MS, MAX_ATTEMPTS, deliverDue } from './outbox';

/**
 * REL-16: the outbox delivers at least once with backoff, gives up visibly, and never sends inside
 * a transaction. PRIV-H8 / PRIV-14: what reaches a mail server is the one neutral message and a
 * link: no names, no care words, no question text (a payload allowlist on the real SMTP bytes).
 * Runs on SQLite and, with TEST_DATABASE_URL, Postgres.
 */
const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
const PUBLIC_URL = 'https://myreview.example.gov.uk';
const SENTENCE = 'You have something new in My Review';

let t: TestDatabase;
let f: Family;

beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, T0);
	await users.setNotifyEmail(t.db, f.parentId, 'Jo.Reed@example.org');
});
afterEach(async () => {
	await t?.close();
});

/** A transport that records what it was given and fails the first `failures` sends like SMTP would. */
function stub(failures = 0): MailTransport & { sent: OutgoingMail[]; calls: number } {
	const s = {
		kind: 'test' as const,
		sent: [] as OutgoingMail[],
		calls: 0,
		async send(mail: OutgoingMail) {
			s.calls++;
			if (s.calls <= failures) {
				// As nodemailer reports a refused recipient: the message quotes the address, which must not be kept.
				throw Object.assign(new Error(`550 5.1.1 <${mail.to}>: Recipient address rejected`), { code: 'EENVELOPE', responseCode: 550 });
			}
			s.sent.push(mail);
		},
		close() {}
	};
	return s;
}

async function row(id?: string) {
	const q = t.db.selectFrom('outbox').selectAll();
	return (id ? q.where('id', '=', id) : q).executeTakeFirstOrThrow();
}

describe('REL-16 / PRIV-14: a real SMTP server receives exactly the neutral message', () => {
	let server: SMTPServer;
	let port: number;
	const received: { from: string | undefined; to: string[]; raw: string }[] = [];

	beforeAll(async () => {
		server = new SMTPServer({
			authOptional: true,
			disabledCommands: ['AUTH', 'STARTTLS'],
			logger: false,
			onData(stream, session, callback) {
				let raw = '';
				stream.setEncoding('utf8');
				stream.on('data', (chunk: string) => (raw += chunk));
				stream.on('end', () => {
					received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined, to: session.envelope.rcptTo.map((r) => r.address), raw });
					callback();
				});
			}
		});
		server.listen(0, '127.0.0.1');
		await once(server.server, 'listening');
		port = (server.server.address() as AddressInfo).port;
	});
	afterAll(async () => {
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});
	beforeEach(() => {
		received.length = 0;
	});

	it('REL-16, PRIV-14: a reminder to a parent arrives over SMTP as the fixed sentence and a link, nothing else', async () => {
		await outbox.enqueue(t.db, f.parentId, 'reminder', T0);
		const transport = smtpTransport(`smtp://127.0.0.1:${port}`, 'My Review <no-reply@myreview.example.gov.uk>');
		try {
			expect(await deliverDue(t.db, transport, T0, { publicUrl: PUBLIC_URL })).toEqual({ sent: 1, retrying: 0, failed: 0 });
		} finally {
			transport.close();
		}
		expect(received).toHaveLength(1);
		const [mail] = received;
		expect(mail!.to).toEqual(['jo.reed@example.org']);
		expect(mail!.from).toBe('no-reply@myreview.example.gov.uk');

		const [head, ...rest] = mail!.raw.split(/\r\n\r\n/);
		const headers = new Map(
			head!
				.replace(/\r\n[ \t]+/g, ' ')
				.split('\r\n')
				.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()] as const)
		);
		// The payload allowlist: only transport headers, and a subject that is the fixed sentence.
		const allowed = ['from', 'to', 'subject', 'message-id', 'date', 'mime-version', 'content-type', 'content-transfer-encoding'];
		expect([...headers.keys()].filter((h) => !allowed.includes(h))).toEqual([]);
		expect(headers.get('subject')).toBe(SENTENCE);
		expect(headers.get('to')).toBe('jo.reed@example.org');
		expect(headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8$/i);
		const body = rest.join('\r\n\r\n').replace(/\r\n/g, '\n').trim();
		expect(body).toBe(`${SENTENCE}.\n\n${PUBLIC_URL}/`);

		// And, said the other way round: nothing about the family, the care system or the questions
		// anywhere but the recipient's own address (which is, necessarily, in To).
		const text = mail!.raw.replace(/^to: .*$/im, '').toLowerCase();
		for (const name of ['Sam', 'Jo Reed', 'Reed', 'Pat Green', 'Rowan Patel', 'Alex']) expect(text).not.toContain(name.toLowerCase());
		for (const word of ['care', 'foster', 'looked after', 'social work', 'placement', 'safe', 'iro', 'independent reviewing', 'court', 'child', 'parent']) {
			expect(text, word).not.toMatch(new RegExp(`\\b${word}`));
		}
		const labels: string[] = [];
		const collect = (node: unknown): void => {
			if (typeof node !== 'object' || node === null) return;
			for (const [k, v] of Object.entries(node)) {
				if (typeof v === 'string' && (k === 'label' || k.startsWith('label_'))) labels.push(v);
				else collect(v);
			}
		};
		collect(forms);
		expect(labels.length).toBeGreaterThan(20);
		for (const label of labels.filter((l) => l.length > 12)) expect(text).not.toContain(label.toLowerCase());
	});

	it('PRIV-14: an invitation, a reminder and a staff alert are the same message word for word', async () => {
		await outbox.enqueue(t.db, f.parentId, 'invitation', T0);
		await outbox.enqueue(t.db, f.iroId, 'something-new', T0);
		await outbox.enqueueAddress(t.db, 'duty@example.org', 'something-new', T0);
		const transport = smtpTransport(`smtp://127.0.0.1:${port}`, 'no-reply@myreview.example.gov.uk');
		try {
			await deliverDue(t.db, transport, T0, { publicUrl: PUBLIC_URL });
		} finally {
			transport.close();
		}
		expect(received.map((m) => m.to[0]).sort()).toEqual(['duty@example.org', 'iro@example.org', 'jo.reed@example.org']);
		const bodies = new Set(received.map((m) => m.raw.split(/\r\n\r\n/).slice(1).join('\n').trim()));
		expect(bodies.size).toBe(1);
	});
});

describe('REL-16: retries with backoff, at least once, failures kept', () => {
	it('REL-16: a transport failing 3 times then succeeding gives exactly 1 delivery after 1, 5 and 15 minutes', async () => {
		await outbox.enqueue(t.db, f.parentId, 'reminder', T0);
		const transport = stub(3);
		let now = T0;
		const expectedWaits = [BACKOFF_MS[0], BACKOFF_MS[1], BACKOFF_MS[2]];
		expect(expectedWaits).toEqual([1 * MIN, 5 * MIN, 15 * MIN]);
		for (const [i, wait] of expectedWaits.entries()) {
			expect(await deliverDue(t.db, transport, now)).toEqual({ sent: 0, retrying: 1, failed: 0 });
			const r = await row();
			expect(r.attempts).toBe(i + 1);
			expect(r.next_attempt_at).toBe(now + wait!);
			expect(r.sent_at).toBeNull();
			// Only the error's class is kept: the SMTP reply quoted the address (SEC-L4).
			expect(r.last_error).toBe('EENVELOPE 550');
			// Not due yet: a pass one second before the wait is over sends nothing.
			expect(await deliverDue(t.db, transport, now + wait! - 1000)).toEqual({ sent: 0, retrying: 0, failed: 0 });
			now += wait!;
		}
		expect(await deliverDue(t.db, transport, now)).toEqual({ sent: 1, retrying: 0, failed: 0 });
		expect(transport.sent).toHaveLength(1);
		expect(transport.calls).toBe(4);
		const r = await row();
		expect(r).toMatchObject({ attempts: 4, sent_at: now, last_error: null, failed_at: null });
		// Delivered is delivered: later passes send nothing more.
		expect(await deliverDue(t.db, transport, now + 7 * 24 * 60 * MIN)).toEqual({ sent: 0, retrying: 0, failed: 0 });
		expect(transport.sent).toHaveLength(1);
	});

	it(`REL-16: after ${MAX_ATTEMPTS} failed attempts a message is marked failed, stays unsent and is listed for the admin`, async () => {
		await outbox.enqueue(t.db, f.parentId, 'invitation', T0);
		const transport = stub(Infinity);
		let now = T0;
		const waits: number[] = [];
		for (let i = 1; i <= MAX_ATTEMPTS; i++) {
			const before = (await row()).next_attempt_at;
			now = Math.max(now, before);
			const r = await deliverDue(t.db, transport, now);
			expect(r).toEqual(i < MAX_ATTEMPTS ? { sent: 0, retrying: 1, failed: 0 } : { sent: 0, retrying: 0, failed: 1 });
			waits.push((await row()).next_attempt_at - now);
		}
		expect(waits.slice(0, 4)).toEqual([1 * MIN, 5 * MIN, 15 * MIN, 60 * MIN]);
		expect(waits.slice(4, 7)).toEqual([LATER_BACKOFF_MS, LATER_BACKOFF_MS, LATER_BACKOFF_MS]);
		const failed = await row();
		expect(failed).toMatchObject({ attempts: MAX_ATTEMPTS, sent_at: null, failed_at: now, last_error: 'EENVELOPE 550' });
		// Given up: no further pass tries it, however late.
		expect(await deliverDue(t.db, transport, now + 365 * 24 * 60 * MIN)).toEqual({ sent: 0, retrying: 0, failed: 0 });
		expect(transport.calls).toBe(MAX_ATTEMPTS);

		const listed = await outbox.undelivered(t.db, 50);
		expect(listed).toEqual([
			expect.objectContaining({ id: failed.id, template: 'invitation', recipientRole: 'parent', attempts: MAX_ATTEMPTS, lastError: 'EENVELOPE 550', failedAt: now })
		]);

		// "Try again now": due at once; one more failure marks it failed again, a success delivers it.
		expect(await outbox.retryNow(t.db, failed.id, now + MIN)).toBe(true);
		expect(await deliverDue(t.db, stub(0), now + MIN)).toEqual({ sent: 1, retrying: 0, failed: 0 });
		expect(await outbox.undelivered(t.db, 50)).toEqual([]);
		expect(await outbox.retryNow(t.db, failed.id, now + 2 * MIN)).toBe(false);
	});

	it('REL-16: a respondent with no address of their own is not sent anything and the message is listed as failed at once', async () => {
		await outbox.enqueue(t.db, f.carerId, 'reminder', T0);
		const transport = stub();
		expect(await deliverDue(t.db, transport, T0)).toEqual({ sent: 0, retrying: 0, failed: 1 });
		expect(transport.calls).toBe(0);
		expect(await row()).toMatchObject({ attempts: 1, sent_at: null, failed_at: T0, last_error: 'no-address' });
	});

	it('REL-16: a message held back until a later instant (an invitation before the window opens) waits for it', async () => {
		await outbox.enqueue(t.db, f.parentId, 'invitation', T0, T0 + 3 * 24 * 60 * MIN);
		const transport = stub();
		expect(await deliverDue(t.db, transport, T0 + 60 * MIN)).toEqual({ sent: 0, retrying: 0, failed: 0 });
		expect(await deliverDue(t.db, transport, T0 + 3 * 24 * 60 * MIN)).toEqual({ sent: 1, retrying: 0, failed: 0 });
	});

	it('REL-16, REL-19: two workers running at once deliver each message exactly once (FOR UPDATE SKIP LOCKED on Postgres)', async () => {
		const ids = [f.parentId, f.iroId, f.otherIroId, f.adminId, f.advocateId];
		for (const id of ids) await outbox.enqueue(t.db, id, 'something-new', T0);
		for (let i = 0; i < 5; i++) await outbox.enqueueAddress(t.db, `duty${i}@example.org`, 'something-new', T0);
		const a = stub();
		const b = stub();
		const [ra, rb] = await Promise.all([deliverDue(t.db, a, T0, { batch: 10 }), deliverDue(t.db, b, T0, { batch: 10 })]);
		expect(ra.sent + rb.sent).toBe(10);
		const to = [...a.sent, ...b.sent].map((m) => m.to);
		expect(new Set(to).size).toBe(10);
		expect(await outbox.pendingCount(t.db)).toBe(0);
	});

	it('STYLE §4.5, REL-5: delivery refuses to run inside a transaction', async () => {
		await expect(t.db.transaction().execute((trx) => deliverDue(trx, stub(), T0))).rejects.toThrow(/never inside a transaction/);
	});
});
