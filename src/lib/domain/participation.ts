/**
 * How the child took part in a review: the PN0–PN7 code for the DfE's SSDA903 return and the IRO
 * annual report (DOMAIN §4). {@link suggestCode} only suggests; the IRO confirms the code or picks
 * another with a reason, and both are stored.
 */
import type { FormBand } from './age-band';
import type { IsoDate } from './calendar';

/** SSDA903 "method of participation" codes (DOMAIN §4). */
export type ParticipationCode = 'PN0' | 'PN1' | 'PN2' | 'PN3' | 'PN4' | 'PN5' | 'PN6' | 'PN7';

/** Every code in order. */
export const PARTICIPATION_CODES: readonly ParticipationCode[] = Object.freeze([
	'PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7'
]);

/** What the IRO records after the meeting (DOMAIN §4.1). */
export type ParticipationFacts = {
	/** Whole years on the held date (`ageOn(dob, held)`). */
	ageOnReviewDate: number;
	/** Any part of the meeting, in person, by video or by phone (DOMAIN §4.1: remote attendance counts). */
	attended: boolean;
	spokeForSelf: boolean;
	advocateSpoke: boolean;
	conveyedNonVerbally: boolean;
	/** Pre-filled when an allocated advocate request is linked to the review. */
	briefedAdvocate: boolean;
	/** e.g. a talk with the IRO beforehand, a letter, drawing or recording, or a carer relaying views. */
	viewsConveyedOtherwise: boolean;
	/** Pre-filled from {@link consultationCounts}. */
	consultationSubmitted: boolean;
};

/** PN0 applies under this age on the review date (DOMAIN §4). */
export const PN0_AGE_UNDER = 4;

/**
 * The suggested code, first match wins (DOMAIN §4.1): under 4 is PN0 even if present; then attended
 * (spoke, advocate spoke, non-verbal, none: PN1–PN4); then not attended (briefed advocate PN5,
 * consultation or another route PN6, nothing PN7). Telling the IRO beforehand is PN6, not PN5.
 */
export function suggestCode(facts: ParticipationFacts): ParticipationCode {
	if (facts.ageOnReviewDate < PN0_AGE_UNDER) return 'PN0';
	if (facts.attended) {
		if (facts.spokeForSelf) return 'PN1';
		if (facts.advocateSpoke) return 'PN2';
		if (facts.conveyedNonVerbally) return 'PN3';
		return 'PN4';
	}
	if (facts.briefedAdvocate) return 'PN5';
	if (facts.consultationSubmitted || facts.viewsConveyedOtherwise) return 'PN6';
	return 'PN7';
}

/** The child's own consultation for one review, as the pre-fill needs it. */
export type ConsultationSummary = {
	band: FormBand;
	/** When it was sent; null while it is a draft. */
	sentOn: IsoDate | null;
	/** Answers that are neither skipped nor "I'd rather not say". */
	realAnswers: number;
	/** 4–7 only: the record of who helped shows the child took part. */
	childTookPart?: boolean;
};

/**
 * True when the child's consultation pre-fills `consultationSubmitted` (DOMAIN §4.1): sent on or before
 * the held date, with at least one answer that isn't skipped or "rather not say"; a draft doesn't count,
 * and for 4–7 the record of who helped must show the child took part.
 */
export function consultationCounts(c: ConsultationSummary | null, heldOn: IsoDate): boolean {
	if (!c || c.sentOn === null || c.sentOn > heldOn) return false;
	if (c.realAnswers < 1) return false;
	return c.band !== '4-7' || c.childTookPart === true;
}
