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
};

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
	feedbackAnonymousAllowed: false
});

/** The longest service level we accept: a month of working days. */
export const SLA_MAX_WD = 20;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export type StoredSettings = {
	schedule?: Partial<ScheduleSettings> | null;
	sla?: Partial<RequestSla> | null;
	hours?: Partial<ServiceHours> | null;
	feedbackAnonymousAllowed?: boolean | null;
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
	return { settings: { schedule, sla, hours, feedbackAnonymousAllowed }, invalid };
}
