import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_SETTINGS, resolveServiceSettings } from './service-settings';

describe('resolveServiceSettings (per-service settings over DOMAIN defaults)', () => {
	it('nothing stored gives the defaults: 1/2/2 WD service levels (§6.4), 09:00–17:00, 20/10,5/3/5/15 WD (§3.2)', () => {
		expect(resolveServiceSettings(null)).toEqual({ settings: DEFAULT_SERVICE_SETTINGS, invalid: [] });
		expect(DEFAULT_SERVICE_SETTINGS).toMatchObject({
			sla: { advocacyAcknowledgeWd: 1, advocateAllocateWd: 2, iroContactWd: 2 },
			hours: { start: '09:00', end: '17:00' },
			schedule: { windowOpensWdBefore: 20, remindersWdBefore: [10, 5], packLocksWdBefore: 3, decisionsWdAfter: 5, recordWdAfter: 15, youngChildRule: null },
			feedbackAnonymousAllowed: false
		});
	});

	it.each([
		['a record time of 21', { schedule: { recordWdAfter: 21 } }, ['schedule']],
		['a service level of 0', { sla: { iroContactWd: 0 } }, ['sla.iroContactWd']],
		['a service level of 1.5', { sla: { advocateAllocateWd: 1.5 } }, ['sla.advocateAllocateWd']],
		['a service level as text', { sla: { advocateAllocateWd: '2' as unknown as number } }, ['sla.advocateAllocateWd']],
		['hours the wrong way round', { hours: { start: '17:00', end: '09:00' } }, ['hours']],
		['hours not a time', { hours: { start: '9am' } }, ['hours']]
	])('%s falls back to the default for that part only', (_n, stored, invalid) => {
		const r = resolveServiceSettings({ ...stored, sla: { ...(stored as { sla?: object }).sla, decisionQuestionWd: 4 } });
		expect(r.invalid).toEqual(invalid);
		expect(r.settings.sla.decisionQuestionWd).toBe(4);
	});

	it('only true turns anonymity on', () => {
		expect(resolveServiceSettings({ feedbackAnonymousAllowed: true }).settings.feedbackAnonymousAllowed).toBe(true);
		expect(resolveServiceSettings({ feedbackAnonymousAllowed: 'yes' as unknown as boolean }).settings.feedbackAnonymousAllowed).toBe(false);
	});
});
