/**
 * The ONLY reader of environment variables (STYLE §3). Read once, validated at start
 * (SEC-K3): a bad value stops the server with a clear message instead of half-working.
 */
export interface Env {
	/** `postgres://…` selects Postgres; otherwise SQLite at `databasePath`. */
	databaseUrl: string;
	/** Where a neutral "Exit this page" lands (A11Y-17). */
	exitUrl: string;
	logLevel: string;
	nodeEnv: string;
	/** The service's duty contact, told of every safety alert with the IRO (DOMAIN §5.7). */
	dutyContactEmail: string | null;
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
	return { databaseUrl: url || path, exitUrl, logLevel, nodeEnv: source.NODE_ENV ?? 'production', dutyContactEmail: duty };
}

let cached: Env | undefined;

/** The validated environment, read on first use. */
export function env(): Env {
	cached ??= read(process.env);
	return cached;
}

/** For tests: validate a given set of variables without touching the process. */
export const readEnv = read;
