import * as v from 'valibot';
import { RECORD_WD_RANGE } from '$lib/domain/review-schedule';
import { isEmailAddress, isServiceName, offeredLanguages, resolveServiceSettings, RETENTION_FIELDS, RETENTION_LIMITS, SERVICE_NAME_MAX, SLA_MAX_WD, type ServiceSettings } from '$lib/domain/service-settings';
import { DEFAULT_LOCALE, LOCALES } from '$lib/i18n/languages';
import { env } from '../env';
import type { FieldError } from '$lib/forms/types';
import type { Access } from '../access/require';
import { database, type Db } from '../db';
import { loadSettings, saveSettingGroup, storedSettings, type SettingGroup } from '../settings';
import { parseForm } from './validation';

/**
 * The admin's service settings page (issue 5 local rules, issue 6 service levels, DOMAIN §3.2,
 * §6.4, §7). Each group is its own form; values are checked here with messages by the field, and
 * the next dates worked out use them at once (settings are read on every use).
 */
const whole = (min: number, max: number, key: string) =>
	v.pipe(v.string(), v.trim(), v.nonEmpty(`errors.${key}`), v.regex(/^\d{1,3}$/, `errors.${key}`), v.transform(Number), v.number(), v.minValue(min, `errors.${key}`), v.maxValue(max, `errors.${key}`));
const optionalWhole = (min: number, max: number, key: string) =>
	v.pipe(v.string(), v.trim(), v.check((s) => s === '' || (/^\d{1,3}$/.test(s) && Number(s) >= min && Number(s) <= max), `errors.${key}`));
const hhmm = v.pipe(v.string(), v.trim(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'errors.time-invalid'));
const yesNo = v.picklist(['yes', 'no'], 'errors.setting-yes-no');

export const SCHEDULE_FIELDS = ['windowOpensWdBefore', 'remindersWdBefore', 'packLocksWdBefore', 'decisionsWdAfter', 'recordWdAfter', 'youngChildRule', 'youngChildAgeUnder', 'youngChildIntervalMonths'] as const;
export const SLA_FIELDS = ['advocacyAcknowledgeWd', 'advocateAllocateWd', 'iroContactWd', 'otherRequestWd', 'decisionQuestionWd'] as const;
export const HOURS_FIELDS = ['start', 'end'] as const;
export const FEEDBACK_FIELDS = ['anonymousAllowed'] as const;
export const SERVICE_FIELDS = ['serviceName'] as const;
export const DUTY_FIELDS = ['dutyContactEmail'] as const;
export const LANGUAGES_FIELD = 'languages';
export { RETENTION_FIELDS };

const ScheduleSchema = v.object({
	windowOpensWdBefore: whole(2, 60, 'setting-window'),
	remindersWdBefore: v.pipe(v.string(), v.trim(), v.regex(/^\s*\d{1,2}(\s*,\s*\d{1,2}){0,2}\s*$/, 'errors.setting-reminders')),
	packLocksWdBefore: whole(1, 20, 'setting-lock'),
	decisionsWdAfter: whole(1, 20, 'setting-decisions'),
	recordWdAfter: whole(RECORD_WD_RANGE.min, RECORD_WD_RANGE.max, 'setting-record'),
	youngChildRule: yesNo,
	youngChildAgeUnder: optionalWhole(1, 18, 'setting-young-age'),
	youngChildIntervalMonths: optionalWhole(1, 5, 'setting-young-months')
});
const SlaSchema = v.object(Object.fromEntries(SLA_FIELDS.map((f) => [f, whole(1, SLA_MAX_WD, 'setting-sla')])) as Record<(typeof SLA_FIELDS)[number], ReturnType<typeof whole>>);
const HoursSchema = v.object({ start: hhmm, end: hhmm });
const FeedbackSchema = v.object({ anonymousAllowed: yesNo });
const ServiceSchema = v.object({ serviceName: v.pipe(v.string(), v.trim(), v.check((x) => isServiceName(x), 'errors.setting-service-name')) });
const DutySchema = v.object({ dutyContactEmail: v.pipe(v.string(), v.trim(), v.check((x) => x === '' || isEmailAddress(x), 'errors.setting-duty-email')) });
const days = (f: (typeof RETENTION_FIELDS)[number]) =>
	v.pipe(v.string(), v.trim(), v.check((x: string) => /^\d{1,4}$/.test(x) && Number(x) >= RETENTION_LIMITS[f].min && Number(x) <= RETENTION_LIMITS[f].max, `errors.setting-retention-${f}`));
const RetentionSchema = v.object({
	sessionDays: days('sessionDays'),
	activationCodeDays: days('activationCodeDays'),
	idempotencyKeyDays: days('idempotencyKeyDays'),
	sentOutboxDays: days('sentOutboxDays'),
	auditDays: days('auditDays')
});

export type Saved = { ok: true } | { ok: false; malformed: true } | { ok: false; raw: Record<string, string>; errors: Record<string, FieldError> };

/** The settings as the form shows them (strings), with what is stored merged over the defaults. */
export async function loadSettingsPage(_access: Access<'admin.manage'>, db: Db = database()) {
	const settings: ServiceSettings = await loadSettings(db);
	const { invalid } = resolveServiceSettings(await storedSettings(db));
	const s = settings.schedule;
	return {
		settings,
		/** Stored values that no longer pass the checks, shown so the admin can put them right. */
		invalid,
		form: {
			schedule: {
				windowOpensWdBefore: String(s.windowOpensWdBefore),
				remindersWdBefore: s.remindersWdBefore.join(', '),
				packLocksWdBefore: String(s.packLocksWdBefore),
				decisionsWdAfter: String(s.decisionsWdAfter),
				recordWdAfter: String(s.recordWdAfter),
				youngChildRule: s.youngChildRule ? 'yes' : 'no',
				youngChildAgeUnder: s.youngChildRule ? String(s.youngChildRule.youngChildAgeUnder) : '',
				youngChildIntervalMonths: s.youngChildRule ? String(s.youngChildRule.youngChildIntervalMonths) : ''
			},
			sla: Object.fromEntries(SLA_FIELDS.map((f) => [f, String(settings.sla[f])])) as Record<(typeof SLA_FIELDS)[number], string>,
			hours: { ...settings.hours },
			feedback: { anonymousAllowed: settings.feedbackAnonymousAllowed ? 'yes' : 'no' },
			service: { serviceName: settings.serviceName },
			duty: { dutyContactEmail: settings.dutyContactEmail ?? '' },
			retention: Object.fromEntries(RETENTION_FIELDS.map((f) => [f, String(settings.retention[f])])) as Record<(typeof RETENTION_FIELDS)[number], string>
		},
		languages: { offered: [...settings.languages] as string[], all: [...LOCALES] as string[], always: DEFAULT_LOCALE as string },
		/** What happens when the duty contact is left empty: the server's DUTY_CONTACT_EMAIL, if set. */
		dutyFallback: env().dutyContactEmail,
		limits: { serviceNameMax: SERVICE_NAME_MAX, retention: RETENTION_LIMITS }
	};
}

/** Checks and saves one group. Cross-field rules (lock before window, reminders between) are checked here too. */
export async function saveSettings(access: Access<'admin.manage'>, group: SettingGroup, form: FormData, now: number, db: Db = database()): Promise<Saved> {
	switch (group) {
		case 'schedule': {
			const parsed = parseForm(ScheduleSchema, form, SCHEDULE_FIELDS);
			if (!parsed.ok) return parsed;
			const p = parsed.value;
			const raw = Object.fromEntries(SCHEDULE_FIELDS.map((f) => [f, String(form.get(f) ?? '')]));
			const errors: Record<string, FieldError> = {};
			const reminders = [...new Set(p.remindersWdBefore.split(',').map((x) => Number(x.trim())))].sort((a, b) => b - a);
			if (p.packLocksWdBefore >= p.windowOpensWdBefore) errors.packLocksWdBefore = { key: 'errors.setting-lock-after-window' };
			if (reminders.some((r) => r >= p.windowOpensWdBefore || r <= p.packLocksWdBefore)) errors.remindersWdBefore = { key: 'errors.setting-reminders-between' };
			if (p.youngChildRule === 'yes') {
				if (p.youngChildAgeUnder === '') errors.youngChildAgeUnder = { key: 'errors.setting-young-age' };
				if (p.youngChildIntervalMonths === '') errors.youngChildIntervalMonths = { key: 'errors.setting-young-months' };
			}
			if (Object.keys(errors).length > 0) return { ok: false, raw, errors };
			const value = {
				windowOpensWdBefore: p.windowOpensWdBefore,
				remindersWdBefore: reminders,
				packLocksWdBefore: p.packLocksWdBefore,
				decisionsWdAfter: p.decisionsWdAfter,
				recordWdAfter: p.recordWdAfter,
				youngChildRule: p.youngChildRule === 'yes' ? { youngChildAgeUnder: Number(p.youngChildAgeUnder), youngChildIntervalMonths: Number(p.youngChildIntervalMonths) } : null
			};
			await saveSettingGroup(db, 'schedule', value, access.actor.id, now);
			return { ok: true };
		}
		case 'sla': {
			const parsed = parseForm(SlaSchema, form, SLA_FIELDS);
			if (!parsed.ok) return parsed;
			await saveSettingGroup(db, 'sla', parsed.value, access.actor.id, now);
			return { ok: true };
		}
		case 'hours': {
			const parsed = parseForm(HoursSchema, form, HOURS_FIELDS);
			if (!parsed.ok) return parsed;
			if (parsed.value.start >= parsed.value.end) return { ok: false, raw: { ...parsed.value }, errors: { end: { key: 'errors.setting-hours-order' } } };
			await saveSettingGroup(db, 'hours', parsed.value, access.actor.id, now);
			return { ok: true };
		}
		case 'service': {
			// Empty is a choice here (no name / the server's address), so the field itself must be sent.
			if (!form.has('serviceName')) return { ok: false, malformed: true };
			const parsed = parseForm(ServiceSchema, form, SERVICE_FIELDS);
			if (!parsed.ok) return parsed;
			await saveSettingGroup(db, 'service', { name: parsed.value.serviceName }, access.actor.id, now);
			return { ok: true };
		}
		case 'duty': {
			// Empty is a choice here (no name / the server's address), so the field itself must be sent.
			if (!form.has('dutyContactEmail')) return { ok: false, malformed: true };
			const parsed = parseForm(DutySchema, form, DUTY_FIELDS);
			if (!parsed.ok) return parsed;
			await saveSettingGroup(db, 'duty', { email: parsed.value.dutyContactEmail === '' ? null : parsed.value.dutyContactEmail }, access.actor.id, now);
			return { ok: true };
		}
		case 'languages': {
			// Checkboxes: any number of values, each a shipped language; English is always offered.
			for (const key of new Set(form.keys())) if (key !== LANGUAGES_FIELD) return { ok: false, malformed: true };
			const picked = form.getAll(LANGUAGES_FIELD);
			if (picked.some((x) => typeof x !== 'string')) return { ok: false, malformed: true };
			const codes = picked as string[];
			// The form always sends English (a hidden field beside its fixed checkbox): an empty post is not a choice.
			if (!codes.includes(DEFAULT_LOCALE)) return { ok: false, malformed: true };
			if (codes.some((c) => !(LOCALES as readonly string[]).includes(c))) return { ok: false, raw: { languages: codes.join(',') }, errors: { languages: { key: 'errors.setting-languages' } } };
			await saveSettingGroup(db, 'languages', { offered: offeredLanguages(codes) }, access.actor.id, now);
			return { ok: true };
		}
		case 'retention': {
			const parsed = parseForm(RetentionSchema, form, RETENTION_FIELDS);
			if (!parsed.ok) {
				if ('errors' in parsed) for (const [k, e] of Object.entries(parsed.errors)) e.params = { ...RETENTION_LIMITS[k as (typeof RETENTION_FIELDS)[number]] };
				return parsed;
			}
			await saveSettingGroup(db, 'retention', Object.fromEntries(RETENTION_FIELDS.map((f) => [f, Number(parsed.value[f])])), access.actor.id, now);
			return { ok: true };
		}
		case 'feedback': {
			const parsed = parseForm(FeedbackSchema, form, FEEDBACK_FIELDS);
			if (!parsed.ok) return parsed;
			await saveSettingGroup(db, 'feedback', { anonymousAllowed: parsed.value.anonymousAllowed === 'yes' }, access.actor.id, now);
			return { ok: true };
		}
	}
}
