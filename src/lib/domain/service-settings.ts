import { DEFAULT_LOCALE, LOCALES, type Locale } from '$lib/i18n/languages';
import { DEFAULT_SCHEDULE_SETTINGS, resolveScheduleSettings, type ScheduleSettings } from './review-schedule';

/**
 * Per-service settings ("our default … made a per-service setting", DOMAIN §0). Pure: the server
 * stores them as one JSON document (`service_setting`), merged over these defaults and checked here,
 * so a stored value that no longer makes sense falls back to the default rather than breaking a page.
 */

/** Service levels for requests (DOMAIN §6.4), in working days counted at the same clock time. */
export type RequestSla = {
	/** An advocacy referral is acknowledged (seen by the service) within this many WD. Default 1. */
	advocacyAcknowledgeWd: number;
	/** An advocate is named within this many WD. Default 2. */
	advocateAllocateWd: number;
	/** "Talk to my IRO" is answered within this many WD. Default 2. */
	iroContactWd: number;
	/** `change-review` and `interpreter` answered within this many WD (or by the lock date if sooner). Default 2. */
	otherRequestWd: number;
	/** A child's question on a decision is answered within this many WD. Default 2. */
	decisionQuestionWd: number;
};

/** Working hours, 'HH:MM' 24-hour Europe/London (DOMAIN §3.2, §6.4: default 09:00–17:00). */
export type ServiceHours = { start: string; end: string };

export type ServiceSettings = {
	schedule: ScheduleSettings;
	sla: RequestSla;
	hours: ServiceHours;
	/** Parents and carers may hide their name from the IRO in post-review feedback (DOMAIN §7). Default false. */
	feedbackAnonymousAllowed: boolean;
	/** The service's name, shown to staff in the page header (never on child pages: PRIV, neutral name). Default '' (none). */
	serviceName: string;
	/** Who is told of every safety alert beside the IRO (DOMAIN §5.7); null: the DUTY_CONTACT_EMAIL setting of the server. */
	dutyContactEmail: string | null;
	/** The languages respondents can pick (a subset of the ten shipped; English always). Default all. */
	languages: Locale[];
	/** How long operational records are kept (SECURITY §10), in days; never under RETENTION_LIMITS' floors. */
	retention: RetentionDays;
};

/** The kinds of record whose keeping the service sets (the retention job's policy). */
export type RetentionDays = {
	/** Sessions, from their last use. */
	sessionDays: number;
	/** Activation codes, from when they expired. */
	activationCodeDays: number;
	idempotencyKeyDays: number;
	/** Sent notifications (the outbox), from sending. */
	sentOutboxDays: number;
	/** The audit log. */
	auditDays: number;
};

export const RETENTION_FIELDS = ['sessionDays', 'activationCodeDays', 'idempotencyKeyDays', 'sentOutboxDays', 'auditDays'] as const satisfies readonly (keyof RetentionDays)[];

/** SECURITY §10 defaults (days). */
export const DEFAULT_RETENTION_DAYS: Readonly<RetentionDays> = Object.freeze({ sessionDays: 30, activationCodeDays: 30, idempotencyKeyDays: 7, sentOutboxDays: 30, auditDays: 730 });

/**
 * Floors and ceilings (days). Sessions last at most 12 hours and the offline queue replays for 4,
 * so a day keeps every live session and every key a replay can still send; the audit log is never
 * kept under a year (SEC-L5: the database refuses younger deletes too); ten years at most.
 */
export const RETENTION_LIMITS: Readonly<Record<keyof RetentionDays, { min: number; max: number }>> = Object.freeze({
	sessionDays: { min: 1, max: 3650 },
	activationCodeDays: { min: 1, max: 3650 },
	idempotencyKeyDays: { min: 1, max: 3650 },
	sentOutboxDays: { min: 1, max: 3650 },
	auditDays: { min: 365, max: 3650 }
});

/** The longest service name shown in the header. */
export const SERVICE_NAME_MAX = 80;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** An address the duty contact can be sent to (the same check as DUTY_CONTACT_EMAIL). */
export function isEmailAddress(s: string): boolean {
	return s.length <= 200 && EMAIL.test(s);
}

/** A service name: up to 80 characters, no control characters. */
export function isServiceName(s: string): boolean {
	// eslint-disable-next-line no-control-regex
	return s.length <= SERVICE_NAME_MAX && !/[\u0000-\u001f\u007f]/.test(s);
}

/** The offered languages in the shipped order, English always among them; unknown codes dropped. */
export function offeredLanguages(codes: readonly string[]): Locale[] {
	return LOCALES.filter((l) => l === DEFAULT_LOCALE || codes.includes(l));
}

export const DEFAULT_SLA: Readonly<RequestSla> = Object.freeze({
	advocacyAcknowledgeWd: 1,
	advocateAllocateWd: 2,
	iroContactWd: 2,
	otherRequestWd: 2,
	decisionQuestionWd: 2
});

export const DEFAULT_HOURS: Readonly<ServiceHours> = Object.freeze({ start: '09:00', end: '17:00' });

export const DEFAULT_SERVICE_SETTINGS: Readonly<ServiceSettings> = Object.freeze({
	schedule: DEFAULT_SCHEDULE_SETTINGS,
	sla: DEFAULT_SLA,
	hours: DEFAULT_HOURS,
	feedbackAnonymousAllowed: false,
	serviceName: '',
	dutyContactEmail: null,
	languages: [...LOCALES],
	retention: DEFAULT_RETENTION_DAYS
});

/** The longest service level we accept: a month of working days. */
export const SLA_MAX_WD = 20;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export type StoredSettings = {
	schedule?: Partial<ScheduleSettings> | null;
	sla?: Partial<RequestSla> | null;
	hours?: Partial<ServiceHours> | null;
	feedbackAnonymousAllowed?: boolean | null;
	serviceName?: string | null;
	dutyContactEmail?: string | null;
	languages?: string[] | null;
	retention?: Partial<RetentionDays> | null;
};

function wholeIn(n: unknown, min: number, max: number): n is number {
	return typeof n === 'number' && Number.isSafeInteger(n) && n >= min && n <= max;
}

/**
 * Merges what is stored over the defaults. Each part is checked on its own: an invalid part falls
 * back to its default (and is reported in `invalid`), so one bad value never hides the others.
 */
export function resolveServiceSettings(stored?: StoredSettings | null): { settings: ServiceSettings; invalid: string[] } {
	const invalid: string[] = [];
	let schedule: ScheduleSettings = DEFAULT_SCHEDULE_SETTINGS;
	try {
		schedule = resolveScheduleSettings(stored?.schedule ?? null);
	} catch {
		invalid.push('schedule');
	}
	const sla: RequestSla = { ...DEFAULT_SLA };
	for (const key of Object.keys(DEFAULT_SLA) as (keyof RequestSla)[]) {
		const v = stored?.sla?.[key];
		if (v === undefined || v === null) continue;
		if (wholeIn(v, 1, SLA_MAX_WD)) sla[key] = v;
		else invalid.push(`sla.${key}`);
	}
	let hours: ServiceHours = { ...DEFAULT_HOURS, ...(stored?.hours ?? {}) };
	if (!HHMM.test(hours.start) || !HHMM.test(hours.end) || hours.start >= hours.end) {
		invalid.push('hours');
		hours = { ...DEFAULT_HOURS };
	}
	const feedbackAnonymousAllowed = stored?.feedbackAnonymousAllowed === true;
	let serviceName = '';
	if (typeof stored?.serviceName === 'string' && isServiceName(stored.serviceName.trim())) serviceName = stored.serviceName.trim();
	else if (stored?.serviceName !== undefined && stored?.serviceName !== null) invalid.push('serviceName');
	let dutyContactEmail: string | null = null;
	if (typeof stored?.dutyContactEmail === 'string' && isEmailAddress(stored.dutyContactEmail)) dutyContactEmail = stored.dutyContactEmail;
	else if (stored?.dutyContactEmail !== undefined && stored?.dutyContactEmail !== null && stored?.dutyContactEmail !== '') invalid.push('dutyContactEmail');
	let languages: Locale[] = [...LOCALES];
	if (Array.isArray(stored?.languages)) {
		if (stored.languages.every((l) => typeof l === 'string' && (LOCALES as readonly string[]).includes(l))) languages = offeredLanguages(stored.languages);
		else invalid.push('languages');
	}
	const retention: RetentionDays = { ...DEFAULT_RETENTION_DAYS };
	for (const key of RETENTION_FIELDS) {
		const v = stored?.retention?.[key];
		if (v === undefined || v === null) continue;
		if (wholeIn(v, RETENTION_LIMITS[key].min, RETENTION_LIMITS[key].max)) retention[key] = v;
		else invalid.push(`retention.${key}`);
	}
	return { settings: { schedule, sla, hours, feedbackAnonymousAllowed, serviceName, dutyContactEmail, languages, retention }, invalid };
}
