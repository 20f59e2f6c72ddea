import { describe, expect, it } from 'vitest';
import { directionOf, i18nFor, negotiateLocale, registerLocale } from './index';

describe('issue 7: a missing translation shows English, never a key name', () => {
	registerLocale('cy', { common: { app: { name: 'Fy Adolygiad', back: '' } }, forms: {} });
	const t = i18nFor('cy').getFixedT('cy');
	it('uses the translation when there is one', () => expect(t('app.name')).toBe('Fy Adolygiad'));
	it('falls back to English for a key the language lacks', () => expect(t('app.continue')).toBe('Continue'));
	it('falls back to English for a blank translation', () => expect(t('app.back')).toBe('Back'));
	it('falls back to English in the forms namespace too', () => expect(t('optional', { ns: 'forms' })).toBe('(optional)'));
});

describe('A11Y-16: direction and negotiation', () => {
	it('knows which languages run right to left', () => {
		expect(directionOf('ar')).toBe('rtl');
		expect(directionOf('cy')).toBe('ltr');
		expect(directionOf('en-GB')).toBe('ltr');
	});
	it('prefers the person’s saved choice, then the cookie, then the browser, then English', () => {
		expect(negotiateLocale('ar', 'cy', 'cy')).toBe('ar');
		expect(negotiateLocale(null, 'cy', 'ar')).toBe('cy');
		expect(negotiateLocale(null, undefined, 'ar-EG,en;q=0.5')).toBe('ar');
		expect(negotiateLocale(null, undefined, 'fr-FR')).toBe('en-GB');
	});
	it('ignores anything that is not a shipped language (SECURITY §7)', () => {
		expect(negotiateLocale('<script>', '../../etc', 'xx')).toBe('en-GB');
	});
});
