import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_DAYS, DEFAULT_SERVICE_SETTINGS } from '$lib/domain/service-settings';
import { LOCALES } from '$lib/i18n/languages';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import * as audit from '../data/audit';
import { AUDIT_FLOOR_DAYS, retentionPolicy, runRetention } from '../jobs/retention';
import { accessFor, post } from '../review/spec-helpers';
import { raiseAlert } from '../safety';
import { dutyContact, forgetOfferedLocales, loadSettings, offeredLocales } from '../settings';
import { loadSettingsPage, saveSettings } from './settings';

/**
 * Issue 8's remaining service settings: the name shown to staff, the duty contact for safety
 * alerts (the setting first, the server's DUTY_CONTACT_EMAIL as fallback), the languages offered,
 * and retention periods wired into the retention job with its floors. Each group is checked by the
 * field with a message key, saved with an audit row, and used at once. SQLite and Postgres.
 */
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 5, 9);
let t: TestDatabase;
let f: Family;
beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, NOW);
	forgetOfferedLocales();
});
afterEach(async () => {
	forgetOfferedLocales();
	await t?.close();
});
const admin = () => accessFor('admin.manage', { id: f.adminId, role: 'admin' }, { childId: f.childId, reviewId: f.reviewId });
const retention = (over: Record<string, string> = {}) => post({ sessionDays: '30', activationCodeDays: '30', idempotencyKeyDays: '7', sentOutboxDays: '30', auditDays: '730', ...over });
const audited = async (group: string) => (await audit.forResource(t.db, 'service_setting', group)).map((a) => a.action);

describe('service name, duty contact, languages, retention', () => {
	it('with nothing saved: no service name, the server’s duty contact, all ten languages, SECURITY §10 periods', async () => {
		const page = await loadSettingsPage(admin(), t.db);
		expect(page.settings).toEqual(DEFAULT_SERVICE_SETTINGS);
		expect(page.form.service).toEqual({ serviceName: '' });
		expect(page.form.duty).toEqual({ dutyContactEmail: '' });
		expect(page.form.retention).toEqual({ sessionDays: '30', activationCodeDays: '30', idempotencyKeyDays: '7', sentOutboxDays: '30', auditDays: '730' });
		expect(page.languages.offered).toEqual([...LOCALES]);
		expect(await dutyContact(t.db, 'server@example.org')).toBe('server@example.org');
	});

	it('the service name saves (trimmed), is audited, and can be cleared; too long is refused by the field with what was typed kept', async () => {
		expect(await saveSettings(admin(), 'service', post({ serviceName: '  Northshire IRO Service ' }), NOW, t.db)).toEqual({ ok: true });
		expect((await loadSettings(t.db)).serviceName).toBe('Northshire IRO Service');
		expect(await audited('service')).toEqual(['settings_changed']);
		const long = 'x'.repeat(81);
		expect(await saveSettings(admin(), 'service', post({ serviceName: long }), NOW, t.db)).toEqual({ ok: false, raw: { serviceName: long }, errors: { serviceName: { key: 'errors.setting-service-name' } } });
		expect(await saveSettings(admin(), 'service', post({ serviceName: 'Tab\there' }), NOW, t.db)).toMatchObject({ errors: { serviceName: { key: 'errors.setting-service-name' } } });
		expect(await saveSettings(admin(), 'service', post({ serviceName: '' }), NOW, t.db)).toEqual({ ok: true });
		expect((await loadSettings(t.db)).serviceName).toBe('');
		// An empty post is not a choice of "no name".
		expect(await saveSettings(admin(), 'service', post({}), NOW, t.db)).toEqual({ ok: false, malformed: true });
	});

	it('the duty contact set here takes precedence over DUTY_CONTACT_EMAIL; cleared, the server’s address is used again', async () => {
		expect(await saveSettings(admin(), 'duty', post({ dutyContactEmail: 'not an address' }), NOW, t.db)).toMatchObject({ errors: { dutyContactEmail: { key: 'errors.setting-duty-email' } } });
		expect(await saveSettings(admin(), 'duty', post({ dutyContactEmail: 'duty@northshire.gov.uk' }), NOW, t.db)).toEqual({ ok: true });
		expect(await dutyContact(t.db, 'server@example.org')).toBe('duty@northshire.gov.uk');
		expect(await audited('duty')).toEqual(['settings_changed']);
		// A safety alert tells the IRO and the duty contact from the setting (content-free, via the outbox).
		await t.db.transaction().execute((trx) => raiseAlert(trx, { childId: f.childId, reviewId: null, raisedBy: f.youngPersonId, source: 'help-now', questionId: null }, NOW));
		const sent = await t.db.selectFrom('outbox').where('recipient_address', 'is not', null).select(['recipient_address', 'template']).execute();
		expect(sent).toEqual([{ recipient_address: 'duty@northshire.gov.uk', template: 'something-new' }]);
		expect(await saveSettings(admin(), 'duty', post({ dutyContactEmail: '' }), NOW, t.db)).toEqual({ ok: true });
		expect(await dutyContact(t.db, 'server@example.org')).toBe('server@example.org');
		expect(await dutyContact(t.db, null)).toBeNull();
		expect(await saveSettings(admin(), 'duty', post({}), NOW, t.db)).toEqual({ ok: false, malformed: true });
	});

	it('languages offered: English always, in the shipped order; an unknown code is refused; a post without English is malformed', async () => {
		expect(await saveSettings(admin(), 'languages', post({ languages: ['en-GB', 'pl', 'cy'] }), NOW, t.db)).toEqual({ ok: true });
		expect((await loadSettings(t.db)).languages).toEqual(['en-GB', 'cy', 'pl']);
		expect(await offeredLocales(t.db, NOW)).toEqual(['en-GB', 'cy', 'pl']);
		expect(await audited('languages')).toEqual(['settings_changed']);
		expect(await saveSettings(admin(), 'languages', post({ languages: ['en-GB', 'xx'] }), NOW, t.db)).toMatchObject({ ok: false, errors: { languages: { key: 'errors.setting-languages' } } });
		expect(await saveSettings(admin(), 'languages', post({ languages: ['pl'] }), NOW, t.db)).toEqual({ ok: false, malformed: true });
		expect(await saveSettings(admin(), 'languages', post({}), NOW, t.db)).toEqual({ ok: false, malformed: true });
		// Only English.
		expect(await saveSettings(admin(), 'languages', post({ languages: ['en-GB'] }), NOW, t.db)).toEqual({ ok: true });
		expect(await offeredLocales(t.db, NOW)).toEqual(['en-GB']);
	});

	it.each([
		['sessions under a day', { sessionDays: '0' }, 'sessionDays', 1],
		['audit under a year (the floor the job and the database enforce)', { auditDays: '364' }, 'auditDays', 365],
		['not a number', { sentOutboxDays: 'a month' }, 'sentOutboxDays', 1],
		['over ten years', { activationCodeDays: '3651' }, 'activationCodeDays', 1]
	] as const)('retention refuses %s, by the field, with the range in the message', async (_n, over, field, min) => {
		const saved = await saveSettings(admin(), 'retention', retention(over), NOW, t.db);
		expect(saved).toMatchObject({ ok: false, errors: { [field]: { key: `errors.setting-retention-${field}`, params: { min, max: 3650 } } } });
		expect((await loadSettings(t.db)).retention).toEqual(DEFAULT_RETENTION_DAYS);
	});

	it('saved retention periods drive the retention job; floors hold even for a stored value below them', async () => {
		expect(await saveSettings(admin(), 'retention', retention({ idempotencyKeyDays: '2', auditDays: '400' }), NOW, t.db)).toEqual({ ok: true });
		expect(await audited('retention')).toEqual(['settings_changed']);
		const policy = retentionPolicy((await loadSettings(t.db)).retention);
		expect(policy).toMatchObject({ idempotencyKeyDays: 2, auditDays: 400, sessionDays: 30 });
		const key = (k: string, at: number) => ({ actor_id: f.parentId, key: k, action: 'test', fields_hash: 'h', location: '/x', created_at: at });
		await t.db.insertInto('idempotency_key').values([key('three-days', NOW - 3 * DAY), key('one-day', NOW - 1 * DAY)]).execute();
		const counts = await runRetention(t.db, NOW, policy, () => NOW);
		expect(counts.idempotency_key).toBe(1);
		expect((await t.db.selectFrom('idempotency_key').select('key').execute()).map((r) => r.key)).toEqual(['one-day']);
		// A value below the floor (written around the form) is held to the floor.
		expect(retentionPolicy({ ...DEFAULT_RETENTION_DAYS, auditDays: 30, sessionDays: 0 })).toMatchObject({ auditDays: AUDIT_FLOOR_DAYS, sessionDays: 1 });
		await t.db.updateTable('service_setting').set({ value_json: JSON.stringify({ ...DEFAULT_RETENTION_DAYS, auditDays: 30 }) }).where('key', '=', 'retention').execute();
		const page = await loadSettingsPage(admin(), t.db);
		expect(page.settings.retention.auditDays).toBe(730);
		expect(page.invalid).toEqual(['retention.auditDays']);
	});
});
