import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reviewMilestones } from '$lib/domain/review-schedule';
import { DEFAULT_SERVICE_SETTINGS } from '$lib/domain/service-settings';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import * as audit from '../data/audit';
import { accessFor, post } from '../review/spec-helpers';
import { loadSettings } from '../settings';
import { loadSettingsPage, saveSettings } from './settings';

/** Issue 5/8 service settings: checked by the field, saved per group, audited, used at once. */
const NOW = Date.UTC(2026, 10, 5, 9);
let t: TestDatabase;
let f: Family;
beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, NOW);
});
afterEach(async () => {
	await t?.close();
});
const admin = () => accessFor('admin.manage', { id: f.adminId, role: 'admin' }, { childId: f.childId, reviewId: f.reviewId });
const schedule = (over: Record<string, string> = {}) =>
	post({ windowOpensWdBefore: '20', remindersWdBefore: '10, 5', packLocksWdBefore: '3', decisionsWdAfter: '5', recordWdAfter: '15', youngChildRule: 'no', youngChildAgeUnder: '', youngChildIntervalMonths: '', ...over });

describe('service settings', () => {
	it('with nothing saved, the page shows DOMAIN §3.2 and §6.4 defaults', async () => {
		const page = await loadSettingsPage(admin(), t.db);
		expect(page.settings).toEqual(DEFAULT_SERVICE_SETTINGS);
		expect(page.form.schedule).toMatchObject({ windowOpensWdBefore: '20', remindersWdBefore: '10, 5', recordWdAfter: '15', youngChildRule: 'no' });
		expect(page.form.sla).toEqual({ advocacyAcknowledgeWd: '1', advocateAllocateWd: '2', iroContactWd: '2', otherRequestWd: '2', decisionQuestionWd: '2' });
	});

	it('a saved record time of 20 WD and a young-child rule change the dates worked out next (issue 8: settings take effect)', async () => {
		expect(await saveSettings(admin(), 'schedule', schedule({ recordWdAfter: '20', youngChildRule: 'yes', youngChildAgeUnder: '5', youngChildIntervalMonths: '3' }), NOW, t.db)).toEqual({ ok: true });
		const s = await loadSettings(t.db);
		expect(s.schedule).toMatchObject({ recordWdAfter: 20, youngChildRule: { youngChildAgeUnder: 5, youngChildIntervalMonths: 3 } });
		// DOMAIN §3.2's example: review Wed 4 Nov 2026, record Wed 25 Nov at 15 WD, 2 Dec at 20 WD.
		expect(reviewMilestones('2026-11-04', s.schedule).recordDue).toBe('2026-12-02');
		expect((await audit.forResource(t.db, 'service_setting', 'schedule')).map((a) => a.action)).toEqual(['settings_changed']);
	});

	it.each([
		['record under 15', { recordWdAfter: '14' }, 'recordWdAfter', 'errors.setting-record'],
		['record over 20', { recordWdAfter: '21' }, 'recordWdAfter', 'errors.setting-record'],
		['window not a number', { windowOpensWdBefore: 'twenty' }, 'windowOpensWdBefore', 'errors.setting-window'],
		['lock not before the window', { packLocksWdBefore: '20' }, 'packLocksWdBefore', 'errors.setting-lock-after-window'],
		['a reminder before the window opens', { remindersWdBefore: '25, 5' }, 'remindersWdBefore', 'errors.setting-reminders-between'],
		['a reminder after the lock', { remindersWdBefore: '10, 2' }, 'remindersWdBefore', 'errors.setting-reminders-between'],
		['reminders not a list', { remindersWdBefore: '10;5' }, 'remindersWdBefore', 'errors.setting-reminders'],
		['young rule on without an age', { youngChildRule: 'yes', youngChildIntervalMonths: '3' }, 'youngChildAgeUnder', 'errors.setting-young-age'],
		['young rule of 6 months (no more often than reg. 33)', { youngChildRule: 'yes', youngChildAgeUnder: '5', youngChildIntervalMonths: '6' }, 'youngChildIntervalMonths', 'errors.setting-young-months']
	] as const)('refuses %s, by the field, with what was typed kept', async (_n, over, field, key) => {
		const saved = await saveSettings(admin(), 'schedule', schedule(over), NOW, t.db);
		expect(saved).toMatchObject({ ok: false, errors: { [field]: { key } } });
		if (!saved.ok && 'raw' in saved) for (const [k, v] of Object.entries(over)) expect(saved.raw[k]).toBe(v);
		expect(await loadSettings(t.db)).toEqual(DEFAULT_SERVICE_SETTINGS);
	});

	it('service levels, hours and feedback anonymity save; bad values are refused', async () => {
		expect(await saveSettings(admin(), 'sla', post({ advocacyAcknowledgeWd: '1', advocateAllocateWd: '3', iroContactWd: '2', otherRequestWd: '2', decisionQuestionWd: '2' }), NOW, t.db)).toEqual({ ok: true });
		expect(await saveSettings(admin(), 'sla', post({ advocacyAcknowledgeWd: '0', advocateAllocateWd: '3', iroContactWd: '2', otherRequestWd: '2', decisionQuestionWd: '2' }), NOW, t.db)).toMatchObject({ errors: { advocacyAcknowledgeWd: { key: 'errors.setting-sla' } } });
		expect(await saveSettings(admin(), 'hours', post({ start: '17:00', end: '09:00' }), NOW, t.db)).toMatchObject({ errors: { end: { key: 'errors.setting-hours-order' } } });
		expect(await saveSettings(admin(), 'hours', post({ start: '08:30', end: '17:30' }), NOW, t.db)).toEqual({ ok: true });
		expect(await saveSettings(admin(), 'feedback', post({ anonymousAllowed: 'yes' }), NOW, t.db)).toEqual({ ok: true });
		expect(await loadSettings(t.db)).toMatchObject({ sla: { advocateAllocateWd: 3 }, hours: { start: '08:30', end: '17:30' }, feedbackAnonymousAllowed: true });
	});

	it('an unknown or repeated field is malformed (SEC-Z6)', async () => {
		expect(await saveSettings(admin(), 'hours', post({ start: '09:00', end: '17:00', extra: 'x' }), NOW, t.db)).toEqual({ ok: false, malformed: true });
		expect(await saveSettings(admin(), 'feedback', post({ anonymousAllowed: ['yes', 'no'] }), NOW, t.db)).toEqual({ ok: false, malformed: true });
	});

	it('a stored value that no longer passes falls back to the default for that part only, and the page says so', async () => {
		await t.db.insertInto('service_setting').values({ key: 'sla', value_json: JSON.stringify({ iroContactWd: 99, advocateAllocateWd: 3 }), updated_at: NOW, updated_by: null }).execute();
		await t.db.insertInto('service_setting').values({ key: 'hours', value_json: '{not json', updated_at: NOW, updated_by: null }).execute();
		const page = await loadSettingsPage(admin(), t.db);
		expect(page.settings.sla).toMatchObject({ iroContactWd: 2, advocateAllocateWd: 3 });
		expect(page.settings.hours).toEqual({ start: '09:00', end: '17:00' });
		expect(page.invalid).toEqual(['sla.iroContactWd']);
	});
});
