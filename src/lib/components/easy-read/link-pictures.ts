/**
 * The three pictures the Easy Read links use (./pictures has the whole set), apart so a page that
 * shows only the links (the child's home, Help) loads only these.
 */
export interface Picture {
	flip: boolean;
	/** The SVG elements inside the 64 × 64 frame (our own constants). */
	body: string;
}

export type Shape = { tag: 'path' | 'circle' | 'rect'; attrs: Record<string, string> };

const SHAPE = /<(path|circle|rect)((?:\s+[a-z-]+="[^"<>]*")*)\s*\/>/g;
const ATTR = /([a-z-]+)="([^"<>]*)"/g;
/** The drawing attributes a shape may carry; anything else (style, href, on…) is dropped. */
const ALLOWED = new Set(['d', 'cx', 'cy', 'r', 'x', 'y', 'width', 'height', 'rx', 'fill', 'stroke', 'stroke-dasharray', 'stroke-width']);

/** A picture's shapes as elements and attributes, for Picture.svelte to draw without `{@html}` (SEC-C5). */
export function shapesOf(body: string): Shape[] {
	return [...body.matchAll(SHAPE)].map((m) => ({
		tag: m[1] as Shape['tag'],
		attrs: Object.fromEntries([...m[2]!.matchAll(ATTR)].filter((a) => ALLOWED.has(a[1]!)).map((a) => [a[1]!, a[2]!]))
	}));
}

/** People together at a table: a meeting */
export const meeting: Picture = { flip: false, body: '<circle cx="14" cy="20" r="6" /> <circle cx="32" cy="15" r="6" /> <circle cx="50" cy="20" r="6" /> <path d="M5 38 Q5 28 14 28 Q23 28 23 38" /> <path d="M23 33 Q23 23 32 23 Q41 23 41 33" /> <path d="M41 38 Q41 28 50 28 Q59 28 59 38" /> <path d="M3 40 H61 M12 40 V58 M52 40 V58" />' };
/** A page, and an eye reading it */
export const eyeOnPage: Picture = { flip: true, body: '<rect x="6" y="10" width="26" height="42" rx="3" /> <path d="M12 20 H26 M12 28 H26 M12 36 H21" /> <path d="M35 31 Q46.5 19 58 31 Q46.5 43 35 31 Z" /> <circle cx="46.5" cy="31" r="4" />' };
/** Two people side by side, arm in arm */
export const sideBySide: Picture = { flip: false, body: '<circle cx="20" cy="16" r="8" /> <circle cx="44" cy="16" r="8" /> <path d="M6 58 V46 Q6 30 20 30 Q28 30 31 35" /> <path d="M33 35 Q36 30 44 30 Q58 30 58 46 V58" /> <path d="M18 46 Q32 40 46 46" />' };
