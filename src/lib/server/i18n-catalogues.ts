import { registerLocale } from '$lib/i18n';

/**
 * The server holds every shipped catalogue from the start, so mail, the pack and any page can use
 * any language synchronously (browsers load only their own: `loadLocale`).
 */
const modules = import.meta.glob<Record<string, unknown>>('../i18n/locales/*/*.json', { eager: true, import: 'default' });
const byLocale = new Map<string, { common: Record<string, unknown>; forms: Record<string, unknown> }>();
for (const [path, catalogue] of Object.entries(modules)) {
	const m = /locales\/([^/]+)\/(common|forms)\.json$/.exec(path);
	if (!m) continue;
	const entry = byLocale.get(m[1]!) ?? { common: {}, forms: {} };
	entry[m[2] as 'common' | 'forms'] = catalogue;
	byLocale.set(m[1]!, entry);
}
for (const [lng, catalogues] of byLocale) if (lng !== 'en-GB') registerLocale(lng, catalogues);
