/**
 * Counting and rounding for the report (DOMAIN §9 "Display"): counts are exact, percentages are
 * worked out from the counts and rounded half-up (31/992 = 3.125 → 3.1), never forced to sum to 100.
 */
import type { Cell } from './types';

/**
 * n ÷ d × 100 to `dp` decimal places, rounded half-up in whole-number arithmetic so no binary
 * fraction can tip a .5 the wrong way. Null when d is 0.
 */
export function percentOf(n: number, d: number, dp = 1): number | null {
	if (d === 0) return null;
	const scale = 10 ** dp;
	// floor((2·n·100·scale + d) / (2·d)) is round-half-up of n·100·scale/d for non-negative integers.
	return Math.floor((2 * n * 100 * scale + d) / (2 * d)) / scale;
}

/** `x` rounded half-up to `dp` places (for means and waits, which aren't ratios of counts). */
export function roundHalfUp(x: number, dp = 1): number {
	const scale = 10 ** dp;
	return Math.round((x + Number.EPSILON) * scale) / scale;
}

export function count(value: number): Cell {
	return { kind: 'count', value };
}

export function percent(numerator: number, denominator: number): Cell {
	return { kind: 'percent', numerator, denominator, value: percentOf(numerator, denominator) };
}

export function median(xs: readonly number[]): number | null {
	if (xs.length === 0) return null;
	const s = [...xs].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
