import { readAppName } from '$lib/domain/app-name';

/**
 * The ONLY reader of environment variables (STYLE §3). Read once, validated at start
 * (SEC-K3): a bad value stops the server with a clear message instead of half-working.
 */
export interface Env {
	/** PRIV-H2: the manifest's names (APP_NAME, APP_SHORT_NAME; default "My Review"), checked against the care-word list. */
	appName: { name: string; shortName: string };
	/** `postgres://…` selects Postgres; otherwise SQLite at `databasePath`. */
	databaseUrl: string;
	/** Where a neutral "Exit this page" lands (A11Y-17). */
	exitUrl: string;
	logLevel: string;
	nodeEnv: string;
	/** The service's duty contact, told of every safety alert with the IRO (DOMAIN §5.7). */
	dutyContactEmail: string | null;
	/** Notifications (issue 5, REL-16): the outbox worker and where its messages go. */
	mail: MailEnv;
}

export interface MailEnv {
	/** `smtp://` or `smtps://` (credentials may be in it: never log it); null = the local capture file. */
	smtpUrl: string | null;
	/** The From address of every message. */
	from: string;
	/** The service's public address, for the one link a message carries (PUBLIC_URL, else ORIGIN). */
	publicUrl: string | null;
	/** OUTBOX_WORKER=off stops this process delivering (another instance, or tests, deliver). */
	worker: boolean;
	/** Where the capture transport appends JSON lines when SMTP_URL is unset (demo, e2e). */
	capturePath: string;
}

const LOCAL_URL = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;

function readMail(source: Record<string, string | undefined>, origin: string | undefined): MailEnv {
	const smtpUrl = source.SMTP_URL?.trim() || null;
	if (smtpUrl && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl)) throw new Error('SMTP_URL must be an smtp:// or smtps:// URL');
	const from = source.MAIL_FROM?.trim() || null;
	if (smtpUrl && !from) throw new Error('MAIL_FROM is needed with SMTP_URL');
	if (from && !/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/.test(from)) throw new Error('MAIL_FROM must be an email address, optionally "Name <address>"');
	const publicUrl = (source.PUBLIC_URL?.trim() || origin || '').replace(/\/+$/, '') || null;
	if (publicUrl && !/^https:\/\/[^\s/]+$/.test(publicUrl) && !LOCAL_URL.test(publicUrl)) {
		throw new Error('PUBLIC_URL must be an https origin (no path), except on localhost or 127.0.0.1');
	}
	if (smtpUrl && !publicUrl) throw new Error('SMTP_URL needs PUBLIC_URL or ORIGIN for the link in each message');
	const worker = (source.OUTBOX_WORKER?.trim() || 'on').toLowerCase();
	if (worker !== 'on' && worker !== 'off') throw new Error('OUTBOX_WORKER must be on or off');
	const capturePath = source.OUTBOX_CAPTURE_PATH?.trim() || 'data/outbox-capture.jsonl';
	return { smtpUrl, from: from ?? 'My Review <no-reply@localhost>', publicUrl, worker: worker === 'on', capturePath };
}

function read(source: Record<string, string | undefined>): Env {
	const url = source.DATABASE_URL?.trim();
	const path = source.DATABASE_PATH?.trim() || 'data/my-review.sqlite';
	const exitUrl = source.EXIT_URL?.trim() || 'https://www.bbc.co.uk/weather';
	if (!/^https:\/\/[^\s/]+/.test(exitUrl)) throw new Error('EXIT_URL must be an https URL');
	const origin = source.ORIGIN?.trim();
	if (origin && !/^https:\/\//.test(origin) && !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin)) {
		throw new Error('ORIGIN must be https, except on localhost or 127.0.0.1');
	}
	const logLevel = source.LOG_LEVEL?.trim() || 'info';
	if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
		throw new Error('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent');
	}
	const duty = source.DUTY_CONTACT_EMAIL?.trim() || null;
	if (duty && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(duty)) throw new Error('DUTY_CONTACT_EMAIL must be an email address');
	return { appName: readAppName(source), databaseUrl: url || path, exitUrl, logLevel, nodeEnv: source.NODE_ENV ?? 'production', dutyContactEmail: duty, mail: readMail(source, origin) };
}

let cached: Env | undefined;

/** The validated environment, read on first use. */
export function env(): Env {
	cached ??= read(process.env);
	return cached;
}

/** For tests: validate a given set of variables without touching the process. */
export const readEnv = read;
