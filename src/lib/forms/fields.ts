/**
 * The small, browser-side part of ./validate (re-exported there): the names a question's extra
 * fields post under, and the one character counter client and server share. A page imports these
 * without pulling in the whole validator and its calendar (issue 10).
 */
/** The suffix of a text or drawing question's sharing field (DOMAIN §5.6). */
export const SHARE_SUFFIX = '-share';
/**
 * The extra "my advocate" tick beside the sharing choice (DOMAIN §5.6, issue 6): a checkbox posting
 * `yes`, or nothing. Per answer, not part of the question definition, so definitions and their
 * frozen hashes are unchanged and answers stored before it read as not ticked.
 */
export const SHARE_ADVOCATE_SUFFIX = '-share-advocate';

/**
 * Length in Unicode code points, the one counter client and server share (SECURITY D25), so
 * "2,000 characters" means the same on a phone's counter and in `validatePage`. An emoji is one
 * or two code points; a ZWJ family is several.
 */
export function countCodePoints(s: string): number {
	let n = 0;
	for (const _ of s) n++;
	return n;
}
