import { describe, expect, it } from 'vitest';
import { offeredLanguages, resolveServiceSettings } from '$lib/domain/service-settings';
import { LOCALES, negotiateLocale, shippedLanguages } from './languages';

/** Issue 8: the languages a service offers (a subset of the ten shipped; English always). */
describe('languages offered', () => {
	it('the picker lists only the offered languages, in the shipped order, English first', () => {
		expect(shippedLanguages(['pl', 'cy']).map((l) => l.code)).toEqual(['en-GB', 'cy', 'pl']);
		expect(shippedLanguages([]).map((l) => l.code)).toEqual(['en-GB']);
		expect(shippedLanguages().map((l) => l.code)).toEqual([...LOCALES]);
	});

	it('a saved choice, cookie or browser language that is not offered falls through to English (or the next offered match)', () => {
		expect(negotiateLocale('pl', undefined, null, ['en-GB', 'cy'])).toBe('en-GB');
		expect(negotiateLocale(null, 'ar', null, ['en-GB', 'cy'])).toBe('en-GB');
		expect(negotiateLocale(null, undefined, 'pl-PL,pl;q=0.9,cy;q=0.5', ['en-GB', 'cy'])).toBe('cy');
		expect(negotiateLocale('pl', undefined, null, ['en-GB', 'pl'])).toBe('pl');
		expect(negotiateLocale(null, undefined, 'fa', LOCALES)).toBe('fa');
	});

	it('stored lists are cleaned: English always added, order fixed; an unknown code makes the part invalid (all offered)', () => {
		expect(offeredLanguages(['ti', 'xx', 'ar'])).toEqual(['en-GB', 'ar', 'ti']);
		expect(resolveServiceSettings({ languages: ['ro'] }).settings.languages).toEqual(['en-GB', 'ro']);
		const bad = resolveServiceSettings({ languages: ['ro', 'klingon'] });
		expect(bad.settings.languages).toEqual([...LOCALES]);
		expect(bad.invalid).toEqual(['languages']);
	});

	it('a stored duty contact or service name that fails the checks falls back, and says so', () => {
		const r = resolveServiceSettings({ dutyContactEmail: 'nope', serviceName: 'a\u0007b', retention: { auditDays: 100, sessionDays: 3 } });
		expect(r.settings).toMatchObject({ dutyContactEmail: null, serviceName: '', retention: { auditDays: 730, sessionDays: 3 } });
		expect(r.invalid.sort()).toEqual(['dutyContactEmail', 'retention.auditDays', 'serviceName']);
	});
});
