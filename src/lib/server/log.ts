import pino from 'pino';
import { env } from './env';

/**
 * Structured JSON logs on stdout (SECURITY §8). Personal data never reaches a log line: the
 * redact list covers what a careless call might pass, and callers log opaque ids, route ids and
 * outcomes only (SEC-L4).
 */
export const REDACT_PATHS = [
	'body',
	'query',
	'cookie',
	'cookies',
	'headers.cookie',
	'headers.authorization',
	'authorization',
	'token',
	'code',
	'passphrase',
	'password',
	'name',
	'email',
	'username',
	'dateOfBirth',
	'raw',
	'displayName',
	'preferredName',
	'*.raw',
	'*.displayName',
	'*.preferredName',
	'*.dateOfBirth',
	'err.detail',
	'answer',
	'text',
	'*.body',
	'*.token',
	'*.code',
	'*.passphrase',
	'*.password',
	'*.name',
	'*.email',
	'*.username',
	'*.answer',
	'*.text'
];

/** A logger writing to `destination` (stdout by default); tests pass a stream. */
export function createLogger(destination?: pino.DestinationStream, level?: string): pino.Logger {
	return pino(
		{
			level: level ?? env().logLevel,
			base: undefined,
			timestamp: pino.stdTimeFunctions.isoTime,
			redact: { paths: REDACT_PATHS, censor: '[redacted]' },
			formatters: { level: (label) => ({ level: label }) }
		},
		destination
	);
}

export const log = createLogger();
