import { DRAWING } from './types';

/**
 * Drawings are stroke coordinates drawn by our code, never an upload (SECURITY D22). The canvas
 * posts them as one JSON field, `[[x,y,x,y,…],…]`; this is the one parser, for `validatePage` on the
 * server and for the canvas redrawing a saved or returned drawing on the client.
 */

/**
 * The strokes in a posted drawing, or null unless it is a JSON array of at most 200 strokes, each a
 * non-empty flat list of x,y pairs of whole numbers inside the canvas, 5,000 points in all.
 */
export function parseStrokes(json: string): number[][] | null {
	if (json.length > DRAWING.maxChars) return null;
	let value: unknown;
	try {
		value = JSON.parse(json);
	} catch {
		return null;
	}
	if (!Array.isArray(value) || value.length > DRAWING.maxStrokes) return null;
	let points = 0;
	const strokes: number[][] = [];
	for (const stroke of value as unknown[]) {
		if (!Array.isArray(stroke) || stroke.length === 0 || stroke.length % 2 !== 0) return null;
		points += stroke.length / 2;
		if (points > DRAWING.maxPoints) return null;
		for (let i = 0; i < stroke.length; i++) {
			const n: unknown = stroke[i];
			const max = i % 2 === 0 ? DRAWING.width : DRAWING.height;
			if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n >= max) return null;
		}
		strokes.push([...(stroke as number[])]);
	}
	return strokes;
}
