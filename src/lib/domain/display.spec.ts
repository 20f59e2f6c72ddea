import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPLAY, displayClasses, displayFromForm, parseDisplay, serialiseDisplay } from './display';

describe('display settings (A11Y-22)', () => {
	it('round-trips through the cookie', () => {
		const s = { text: 'largest', contrast: 'high', spacing: 'wide' } as const;
		expect(parseDisplay(serialiseDisplay(s))).toEqual(s);
	});
	it.each([undefined, '', 'garbage', 'text.huge-contrast.neon', '<script>', 'text.large.extra'])('falls back to standard for %s', (c) => {
		const s = parseDisplay(c);
		expect([s.contrast, s.spacing]).toEqual(['standard', 'standard']);
		expect(['standard', 'large']).toContain(s.text);
	});
	it('keeps the parts it knows', () => {
		expect(parseDisplay('text.large-contrast.neon')).toEqual({ ...DEFAULT_DISPLAY, text: 'large' });
	});
	it('accepts only offered values from a form', () => {
		const form = (o: Record<string, string>) => ({ get: (k: string) => o[k] ?? null });
		expect(displayFromForm(form({ text: 'large', contrast: 'high', spacing: 'standard' }))).toEqual({ text: 'large', contrast: 'high', spacing: 'standard' });
		expect(displayFromForm(form({ text: '400%', contrast: 'high', spacing: 'standard' }))).toBeNull();
		expect(displayFromForm(form({}))).toBeNull();
	});
	it('adds no classes for the standard settings', () => {
		expect(displayClasses(DEFAULT_DISPLAY)).toBe('');
		expect(displayClasses({ text: 'large', contrast: 'high', spacing: 'wide' })).toBe('app-text-large app-contrast-high app-spacing-wide');
	});
});
