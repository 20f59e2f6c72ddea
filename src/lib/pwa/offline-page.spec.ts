import { describe, expect, it } from 'vitest';
import { offlineLanguages, offlinePage } from './offline-page';

describe('the service worker’s offline page (SECURITY §6)', () => {
	it('puts the browser’s language first and always includes English', () => {
		expect(offlineLanguages(['ar-EG', 'en'])[0]).toBe('ar');
		expect(offlineLanguages(['fr'])).toEqual(['en-GB']);
		expect(offlineLanguages(['cy', 'ar'])).toEqual(['cy', 'ar', 'en-GB']);
	});
	it('marks each language with lang and dir, and holds nothing from the app', () => {
		const html = offlinePage(['ar']);
		expect(html).toContain('<html lang="ar" dir="rtl">');
		expect(html).toContain('<section lang="en-GB" dir="ltr">');
		expect(html).toContain('You are offline');
		expect(html).not.toMatch(/<script/i);
	});
});
