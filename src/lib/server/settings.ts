import {
	resolveServiceSettings,
	type ServiceSettings,
	type StoredSettings
} from '$lib/domain/service-settings';
import type { Locale } from '$lib/i18n/languages';
import type { Db } from './db';
import { record as audit } from './data/audit';

/**
 * Per-service settings (issue 5 local rules, issue 6 service levels, DOMAIN §3.2 / §6.4 / §7).
 * Stored as one JSON document per group in `service_setting`, merged over the domain defaults on
 * every read (a few rows, primary-key reads: cheap enough not to cache, and correct across several
 * app instances, issue 10).
 */
export const SETTING_GROUPS = ['schedule', 'sla', 'hours', 'feedback', 'service', 'duty', 'languages', 'retention'] as const;
export type SettingGroup = (typeof SETTING_GROUPS)[number];

export async function storedSettings(db: Db): Promise<StoredSettings> {
	const rows = await db.selectFrom('service_setting').select(['key', 'value_json']).execute();
	const stored: StoredSettings = {};
	for (const row of rows) {
		let value: unknown;
		try {
			value = JSON.parse(row.value_json);
		} catch {
			continue;
		}
		if (row.key === 'schedule') stored.schedule = value as StoredSettings['schedule'];
		else if (row.key === 'sla') stored.sla = value as StoredSettings['sla'];
		else if (row.key === 'hours') stored.hours = value as StoredSettings['hours'];
		else if (row.key === 'feedback') stored.feedbackAnonymousAllowed = (value as { anonymousAllowed?: boolean })?.anonymousAllowed === true;
		else if (row.key === 'service') stored.serviceName = (value as { name?: string | null })?.name ?? null;
		else if (row.key === 'duty') stored.dutyContactEmail = (value as { email?: string | null })?.email ?? null;
		else if (row.key === 'languages') stored.languages = (value as { offered?: string[] | null })?.offered ?? null;
		else if (row.key === 'retention') stored.retention = value as StoredSettings['retention'];
	}
	return stored;
}

/** The service's settings, defaults filled in; never throws on a bad stored value (falls back per part). */
export async function loadSettings(db: Db): Promise<ServiceSettings> {
	return resolveServiceSettings(await storedSettings(db)).settings;
}

/** Saves one group (already validated by the caller) and writes an audit row in the same transaction. */
export async function saveSettingGroup(db: Db, group: SettingGroup, value: unknown, actorId: string, now = Date.now()): Promise<void> {
	const value_json = JSON.stringify(value);
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('service_setting')
			.values({ key: group, value_json, updated_at: now, updated_by: actorId })
			.onConflict((oc) => oc.column('key').doUpdateSet({ value_json, updated_at: now, updated_by: actorId }))
			.execute();
		await audit(trx, { at: now, actorId, actorRole: 'admin', action: 'settings_changed', resourceType: 'service_setting', resourceId: group });
	});
	if (group === 'languages') forgetOfferedLocales();
}

/** Who is told of a safety alert beside the IRO: the service's setting, else the server's DUTY_CONTACT_EMAIL. */
export async function dutyContact(db: Db, fallback: string | null): Promise<string | null> {
	return (await loadSettings(db)).dutyContactEmail ?? fallback;
}

/**
 * The languages respondents can pick. Read on every request (the locale is chosen in the hooks),
 * so kept for a few seconds per instance; a change here shows at once, on other instances within 15 s.
 */
let offered: { at: number; languages: Locale[] } | null = null;
const OFFERED_FOR_MS = 15_000;
export async function offeredLocales(db: Db, now = Date.now()): Promise<Locale[]> {
	if (offered && now - offered.at < OFFERED_FOR_MS && now >= offered.at) return offered.languages;
	const languages = (await loadSettings(db)).languages;
	offered = { at: now, languages };
	return languages;
}
export function forgetOfferedLocales(): void {
	offered = null;
}
