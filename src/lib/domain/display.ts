/**
 * Display settings (issue 7, A11Y-22): text size, contrast and spacing, remembered on the device
 * in the `display` cookie so they work with JavaScript off. The cookie holds only these three
 * allowlisted values; anything else is ignored (SECURITY §7). The system's own settings
 * (`prefers-contrast`, `prefers-reduced-motion`) apply on top in CSS whatever is chosen here.
 */
export const TEXT_SIZES = ['standard', 'large', 'largest'] as const;
export const CONTRASTS = ['standard', 'high'] as const;
export const SPACINGS = ['standard', 'wide'] as const;

export interface DisplaySettings {
	text: (typeof TEXT_SIZES)[number];
	contrast: (typeof CONTRASTS)[number];
	spacing: (typeof SPACINGS)[number];
}

export const DEFAULT_DISPLAY: DisplaySettings = { text: 'standard', contrast: 'standard', spacing: 'standard' };

function pick<T extends string>(allowed: readonly T[], value: string | undefined | null): T | undefined {
	return allowed.find((a) => a === value);
}

/** `text.large-contrast.high-spacing.wide` → settings; unknown parts fall back to standard. */
export function parseDisplay(cookie: string | undefined | null): DisplaySettings {
	const parts = new Map((cookie ?? '').split('-').map((p) => p.split('.') as [string, string]));
	return {
		text: pick(TEXT_SIZES, parts.get('text')) ?? 'standard',
		contrast: pick(CONTRASTS, parts.get('contrast')) ?? 'standard',
		spacing: pick(SPACINGS, parts.get('spacing')) ?? 'standard'
	};
}

export function serialiseDisplay(s: DisplaySettings): string {
	return `text.${s.text}-contrast.${s.contrast}-spacing.${s.spacing}`;
}

/** Settings from a posted form; null when any value is not one we offer. */
export function displayFromForm(form: { get(name: string): unknown }): DisplaySettings | null {
	const text = pick(TEXT_SIZES, String(form.get('text') ?? ''));
	const contrast = pick(CONTRASTS, String(form.get('contrast') ?? ''));
	const spacing = pick(SPACINGS, String(form.get('spacing') ?? ''));
	return text && contrast && spacing ? { text, contrast, spacing } : null;
}

/** Classes for `<html>`; none for the standard settings, so most pages are unchanged. */
export function displayClasses(s: DisplaySettings): string {
	const out: string[] = [];
	if (s.text !== 'standard') out.push(`app-text-${s.text}`);
	if (s.contrast === 'high') out.push('app-contrast-high');
	if (s.spacing === 'wide') out.push('app-spacing-wide');
	return out.join(' ');
}
