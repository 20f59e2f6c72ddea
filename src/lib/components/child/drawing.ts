/**
 * Drawings are stroke coordinates drawn by our own code, never uploads (D22). A stroke is a flat
 * list of integer pairs [x0, y0, x1, y1, …] in a fixed 320×240 space, so the server can check and
 * redraw it without trusting any image data. The limits are the server's own (`DRAWING`, `parseStrokes`).
 */
import { DRAWING } from '$lib/forms/types';

/** Same numbers the server checks (`parseStrokes`): x in 0…319, y in 0…239. */
export const DRAWING_WIDTH = DRAWING.width;
export const DRAWING_HEIGHT = DRAWING.height;
export const MAX_STROKES = DRAWING.maxStrokes;
export const MAX_POINTS = DRAWING.maxPoints;

export type Strokes = number[][];

/** Total points (x,y pairs) across all strokes. */
export function countPoints(strokes: readonly (readonly number[])[]): number {
	let n = 0;
	for (const s of strokes) n += Math.floor(s.length / 2);
	return n;
}

/**
 * Keeps only well-formed strokes: integer pairs inside the canvas, within the limits. Used on the
 * value we were given, so a bad or oversized stored value can't break the page.
 */
export function cleanStrokes(value: unknown): Strokes {
	if (!Array.isArray(value)) return [];
	const out: Strokes = [];
	let points = 0;
	for (const stroke of value) {
		if (out.length >= MAX_STROKES || points >= MAX_POINTS) break;
		if (!Array.isArray(stroke)) continue;
		const s: number[] = [];
		for (let i = 0; i + 1 < stroke.length && points < MAX_POINTS; i += 2) {
			const x = stroke[i];
			const y = stroke[i + 1];
			if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) continue;
			s.push(clampX(x), clampY(y));
			points++;
		}
		if (s.length) out.push(s);
	}
	return out;
}

/** The hidden input's value: the strokes as JSON, or empty when there are none. */
export function serialiseStrokes(strokes: Strokes): string {
	return strokes.length ? JSON.stringify(strokes) : '';
}

/** A coordinate rounded to a whole number inside the canvas (the server refuses x = 320 or y = 240). */
export function clampX(x: number): number {
	return clamp(Math.round(x), 0, DRAWING_WIDTH - 1);
}
export function clampY(y: number): number {
	return clamp(Math.round(y), 0, DRAWING_HEIGHT - 1);
}

function clamp(n: number, min: number, max: number): number {
	return n < min ? min : n > max ? max : n;
}
