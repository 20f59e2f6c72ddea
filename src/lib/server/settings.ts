import {
	resolveServiceSettings,
	type ServiceSettings,
	type StoredSettings
} from '$lib/domain/service-settings';
import type { Db } from './db';
import { record as audit } from './data/audit';

/**
 * Per-service settings (issue 5 local rules, issue 6 service levels, DOMAIN §3.2 / §6.4 / §7).
 * Stored as one JSON document per group in `service_setting`, merged over the domain defaults on
 * every read (a few rows, primary-key reads: cheap enough not to cache, and correct across several
 * app instances, issue 10).
 */
export const SETTING_GROUPS = ['schedule', 'sla', 'hours', 'feedback'] as const;
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
}
