import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import nodemailer from 'nodemailer';
import { i18nFor, isLocale, DEFAULT_LOCALE } from '$lib/i18n';
import type { MailEnv } from '../env';

/** A message as it leaves the service: an address, the neutral subject and the neutral text. */
export interface OutgoingMail {
	to: string;
	subject: string;
	text: string;
}

/** What the outbox delivers through: SMTP in service, a local capture file in demo and e2e. */
export interface MailTransport {
	readonly kind: 'smtp' | 'capture' | 'test';
	send(mail: OutgoingMail): Promise<void>;
	close(): void;
}

/**
 * The one message there is (PRIV-H8, PRIV-14): "You have something new in My Review" and a link.
 * No name, no review, no care or question words, whatever the reason it was sent. The words live
 * in `common.json` under `email.*` like every other string (rule 5), so the copy lint and a future
 * translation see them, and they are rendered in the recipient's own language when the service
 * has it. The sentence is fixed: only the link (the service's public address) is filled in.
 */
export function renderNeutral(locale: string | null, link: string | null): { subject: string; text: string } {
	const lng = isLocale(locale) ? locale : DEFAULT_LOCALE;
	const t = i18nFor(lng).getFixedT(lng);
	const subject = t('email.subject');
	const text = link ? t('email.body-with-link', { link }) : t('email.body');
	return { subject, text: `${text}\n` };
}

/** SMTP through nodemailer, from SMTP_URL (which may hold credentials: never logged). */
export function smtpTransport(url: string, from: string): MailTransport {
	const transporter = nodemailer.createTransport(url);
	return {
		kind: 'smtp',
		async send(mail) {
			await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
		},
		close: () => transporter.close()
	};
}

/**
 * Demo and e2e, when SMTP_URL is unset: each message is appended to a local JSON-lines file, so
 * the outbox runs end to end without a mail server. Not for service use: `worker.ts` warns.
 */
export function captureTransport(path: string, from: string, now: () => number = Date.now): MailTransport {
	return {
		kind: 'capture',
		async send(mail) {
			await mkdir(dirname(path), { recursive: true });
			await appendFile(path, JSON.stringify({ at: new Date(now()).toISOString(), from, ...mail }) + '\n', { mode: 0o600 });
		},
		close: () => {}
	};
}

export function transportFromEnv(mail: MailEnv): MailTransport {
	return mail.smtpUrl ? smtpTransport(mail.smtpUrl, mail.from) : captureTransport(mail.capturePath, mail.from);
}

/**
 * What is kept of a failure: its class, never its message. SMTP replies often quote the address
 * ("550 <jo@…> unknown"), and an error message may carry anything (SEC-L4).
 */
export function errorClass(e: unknown): string {
	const o = (typeof e === 'object' && e !== null ? e : {}) as { code?: unknown; responseCode?: unknown; name?: unknown };
	const code = typeof o.code === 'string' && /^[A-Z][A-Z0-9_]{1,30}$/.test(o.code) ? o.code : null;
	const response = typeof o.responseCode === 'number' && Number.isInteger(o.responseCode) ? String(o.responseCode) : null;
	const name = typeof o.name === 'string' && /^[A-Za-z]{1,40}$/.test(o.name) ? o.name : 'Error';
	return [code ?? name, response].filter(Boolean).join(' ');
}
