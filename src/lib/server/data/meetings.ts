import type { ParticipationCode } from '$lib/domain/participation';
import type { Db } from '../db';

/**
 * The meeting facts the IRO records after a review, and its participation code (DOMAIN §4.1): the
 * suggestion from `suggestCode` and the IRO's confirmed code, with a reason when they differ.
 */
export interface MeetingFacts {
	heldDate: string;
	attended: boolean;
	spokeForSelf: boolean;
	advocateSpoke: boolean;
	conveyedNonVerbally: boolean;
	briefedAdvocate: boolean;
	viewsConveyedOtherwise: boolean;
	consultationSubmitted: boolean;
	/** Checklist (DOMAIN §8.1 item 11): the IRO talked with the child privately (reg. 36). */
	privateTalkHeld: boolean;
	/** Checklist: advocacy was explained to the child (IRO Handbook ch. 3; F9, F17). */
	advocacyExplained: boolean;
}

export interface Meeting extends MeetingFacts {
	reviewId: string;
	suggestedCode: ParticipationCode;
	confirmedCode: ParticipationCode | null;
	codeReason: string | null;
	confirmedAt: number | null;
	recordedAt: number;
}

type Row = {
	review_id: string; held_date: string; attended: number; spoke_for_self: number; advocate_spoke: number; conveyed_non_verbally: number;
	briefed_advocate: number; views_conveyed_otherwise: number; consultation_submitted: number; private_talk_held: number; advocacy_explained: number;
	suggested_code: string; confirmed_code: string | null; code_reason: string | null; confirmed_at: number | null; recorded_at: number;
};

function toMeeting(r: Row): Meeting {
	return {
		reviewId: r.review_id, heldDate: r.held_date, attended: r.attended === 1, spokeForSelf: r.spoke_for_self === 1, advocateSpoke: r.advocate_spoke === 1,
		conveyedNonVerbally: r.conveyed_non_verbally === 1, briefedAdvocate: r.briefed_advocate === 1, viewsConveyedOtherwise: r.views_conveyed_otherwise === 1,
		consultationSubmitted: r.consultation_submitted === 1, privateTalkHeld: r.private_talk_held === 1, advocacyExplained: r.advocacy_explained === 1,
		suggestedCode: r.suggested_code as ParticipationCode, confirmedCode: r.confirmed_code as ParticipationCode | null, codeReason: r.code_reason,
		confirmedAt: r.confirmed_at, recordedAt: r.recorded_at
	};
}

const COLUMNS = [
	'review_id', 'held_date', 'attended', 'spoke_for_self', 'advocate_spoke', 'conveyed_non_verbally', 'briefed_advocate', 'views_conveyed_otherwise',
	'consultation_submitted', 'private_talk_held', 'advocacy_explained', 'suggested_code', 'confirmed_code', 'code_reason', 'confirmed_at', 'recorded_at'
] as const;

const bit = (b: boolean): 0 | 1 => (b ? 1 : 0);

export async function get(db: Db, reviewId: string): Promise<Meeting | undefined> {
	const r = await db.selectFrom('review_meeting').select(COLUMNS).where('review_id', '=', reviewId).executeTakeFirst();
	return r && toMeeting(r);
}

/**
 * Records (or re-records) the facts with the code they suggest. A confirmation stands only while
 * the suggestion it answered stands: new facts that suggest another code clear it, so the IRO
 * confirms again (DOMAIN §4.1: "both are stored").
 */
export async function record(db: Db, reviewId: string, facts: MeetingFacts, suggested: ParticipationCode, by: string, now: number): Promise<void> {
	const values = {
		held_date: facts.heldDate, attended: bit(facts.attended), spoke_for_self: bit(facts.spokeForSelf), advocate_spoke: bit(facts.advocateSpoke),
		conveyed_non_verbally: bit(facts.conveyedNonVerbally), briefed_advocate: bit(facts.briefedAdvocate), views_conveyed_otherwise: bit(facts.viewsConveyedOtherwise),
		consultation_submitted: bit(facts.consultationSubmitted), private_talk_held: bit(facts.privateTalkHeld), advocacy_explained: bit(facts.advocacyExplained),
		suggested_code: suggested, recorded_by: by, recorded_at: now
	};
	const existing = await get(db, reviewId);
	if (!existing) {
		await db.insertInto('review_meeting').values({ review_id: reviewId, ...values, confirmed_code: null, code_reason: null, confirmed_by: null, confirmed_at: null }).execute();
		return;
	}
	const keep = existing.suggestedCode === suggested;
	await db
		.updateTable('review_meeting')
		.set(keep ? values : { ...values, confirmed_code: null, code_reason: null, confirmed_by: null, confirmed_at: null })
		.where('review_id', '=', reviewId)
		.execute();
}

/** The IRO's code; `reason` is null when it is the suggestion. False if no facts are recorded. */
export async function confirm(db: Db, reviewId: string, code: ParticipationCode, reason: string | null, by: string, now: number): Promise<boolean> {
	const res = await db
		.updateTable('review_meeting')
		.set({ confirmed_code: code, code_reason: reason, confirmed_by: by, confirmed_at: now })
		.where('review_id', '=', reviewId)
		.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}
