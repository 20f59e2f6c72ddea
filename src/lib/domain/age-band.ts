/**
 * Which consultation form each respondent gets (DOMAIN §5.1).
 *
 * The child's band comes from their age in whole years on the review date (see `ageOn` for birthdays
 * and 29 February). Under 4 there is no child form, and the review is coded PN0 (DOMAIN §4).
 */
import { ageOn, type IsoDate } from './calendar';

/** A child's form band: about 4–7 with a trusted adult, 8–12, and 13 up to care leavers of 25. */
export type FormBand = '4-7' | '8-12' | '13-plus';

/** Who answers a consultation (DOMAIN §2: the child, each parent and each carer). */
export type RespondentKind = 'young-person' | 'parent' | 'carer';

/** Form ids, as in `src/lib/forms/definitions/` (STYLE §4.7). */
export type FormId = `young-person-${FormBand}` | 'parent' | 'carer';

/** Every band, youngest first. */
export const FORM_BANDS: readonly FormBand[] = Object.freeze(['4-7', '8-12', '13-plus']);

/** The youngest age with a child form (DOMAIN §5.1: under 4, none). */
export const YOUNGEST_WITH_FORM = 4;

/**
 * The child's band on `reviewDate`, or null when they are under 4 and have no form (DOMAIN §5.1).
 * An IRO's `override` (recorded with a reason elsewhere) replaces the band by age, but cannot give a
 * form to a child under 4: the override changes which form, not whether there is one.
 */
export function childBand(dob: IsoDate, reviewDate: IsoDate, override?: FormBand | null): FormBand | null {
	const age = ageOn(dob, reviewDate);
	if (age < YOUNGEST_WITH_FORM) return null;
	if (override) return override;
	if (age <= 7) return '4-7';
	if (age <= 12) return '8-12';
	return '13-plus';
}

/**
 * The form a respondent fills in for a review on `reviewDate` (DOMAIN §5.1). Parents and carers always
 * get their own form; the child's depends on {@link childBand}, and null means no child form.
 */
export function formIdFor(
	kind: RespondentKind,
	dob: IsoDate,
	reviewDate: IsoDate,
	override?: FormBand | null
): FormId | null {
	if (kind !== 'young-person') return kind;
	const band = childBand(dob, reviewDate, override);
	return band ? `young-person-${band}` : null;
}

/** The date that decides the band: the scheduled date, or the due date until one is set (DOMAIN §5.1). */
export function reviewDateFor({ scheduled, due }: { scheduled?: IsoDate | null; due: IsoDate }): IsoDate {
	return scheduled ?? due;
}
