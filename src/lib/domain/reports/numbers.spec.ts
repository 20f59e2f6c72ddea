import { describe, expect, it } from 'vitest';
import { median, percentOf, roundHalfUp } from './numbers';

describe('percentOf (DOMAIN §9 "Display": from the counts, half-up)', () => {
	it.each([
		// 004_ee623ea3772dbbd6.txt, 2019-20, of 992 reviews, one decimal place.
		[146, 992, 1, 14.7], [629, 992, 1, 63.4], [19, 992, 1, 1.9], [2, 992, 1, 0.2], [9, 992, 1, 0.9], [154, 992, 1, 15.5],
		[31, 992, 1, 3.1], // 3.125 → 3.1
		// 001_0070164e55eecde2.txt, 2016-17, of 793, whole numbers.
		[459, 793, 0, 58], [90, 793, 0, 11], [4, 793, 0, 1], [71, 793, 0, 9], [161, 793, 0, 20], [8, 793, 0, 1],
		[785, 793, 1, 99], // the counts give 99.0, not the printed 97.7 (DOMAIN §9.1)
		[890, 938, 1, 94.9], [1172, 1221, 0, 96],
		[1, 8, 1, 12.5], [1, 16, 1, 6.3], // exact halves go up
		[0, 5, 1, 0], [5, 5, 1, 100]
	])('%i / %i to %i dp = %f', (n, d, dp, want) => {
		expect(percentOf(n, d, dp)).toBe(want);
	});
	it('is null over nothing', () => expect(percentOf(0, 0)).toBeNull());
});

describe('roundHalfUp and median', () => {
	it('rounds halves up', () => {
		expect(roundHalfUp(66.25)).toBe(66.3);
		expect(roundHalfUp(2.45)).toBe(2.5);
		expect(roundHalfUp(54)).toBe(54);
	});
	it('takes the middle, or the mean of the middle two', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([])).toBeNull();
	});
});
