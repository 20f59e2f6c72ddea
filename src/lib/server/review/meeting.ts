import { ageOn, londonDate } from '$lib/domain/calendar';
import { nextReviewDue } from '$lib/domain/review-schedule';
import { consultationCounts, suggestCode, type ParticipationCode, type ParticipationFacts } from '$lib/domain/participation';
import type { Access } from '../access/require';
import * as meetings from '../data/meetings';
import type { MeetingFacts } from '../data/meetings';
import * as reviews from '../data/reviews';
import { loadSettings } from '../settings';
import { consultationSummary } from './child-answers';
import { auditReview, reviewAndChild, write, type AppDb } from './context';
import { ConfirmSchema, MEETING_FIELDS, meetingSchema, parseFields } from './forms';
import { rejected, type Outcome } from './outcome';

/**
 * After the meeting, step 1 (DOMAIN §4): the IRO records what happened; `suggestCode` suggests the
 * PN code from those facts; the IRO confirms it or picks another with a reason. Recording the facts
 * marks the review held (DOMAIN §8.4) and creates the next review, due by reg. 33 from the held date.
 */
type IroAccess = Access<'review.record-outcome'>;

const base = (reviewId: string) => `/iro/review/${reviewId}`;

/** The facts `suggestCode` reads, with the child's age on the held date (DOMAIN §4.1). */
export function participationFacts(facts: MeetingFacts, dateOfBirth: string): ParticipationFacts {
	return {
		ageOnReviewDate: ageOn(dateOfBirth, facts.heldDate),
		attended: facts.attended,
		spokeForSelf: facts.spokeForSelf,
		advocateSpoke: facts.advocateSpoke,
		conveyedNonVerbally: facts.conveyedNonVerbally,
		briefedAdvocate: facts.briefedAdvocate,
		viewsConveyedOtherwise: facts.viewsConveyedOtherwise,
		consultationSubmitted: facts.consultationSubmitted
	};
}

export async function loadMeeting(db: AppDb, access: IroAccess, now: number, requestId: string | null) {
	const { review, child } = await reviewAndChild(db, access);
	const today = londonDate(now);
	const meeting = await meetings.get(db, review.id);
	const summary = await consultationSummary(db, review.id);
	// Until the held date is recorded, the booked date (if it has passed) or today stands in for it.
	const heldGuess = meeting?.heldDate ?? (review.scheduledDate && review.scheduledDate <= today ? review.scheduledDate : today);
	await auditReview(db, access, 'view', 'review-meeting', review.id, now, requestId);
	return {
		review: { id: review.id, sequence: review.sequence, scheduledDate: review.scheduledDate, heldDate: review.heldDate },
		child: { name: child.preferredName, dateOfBirth: child.dateOfBirth },
		today,
		meeting: meeting ?? null,
		/** DOMAIN §4.1: `consultationSubmitted` is pre-filled from the child's own form. */
		defaults: { heldDate: heldGuess, consultationSubmitted: consultationCounts(summary, heldGuess) },
		consultation: summary && { sentOn: summary.sentOn, realAnswers: summary.realAnswers }
	};
}

/** Records the facts and the code they suggest; the review is then held on that date. */
export async function saveMeeting(db: AppDb, access: IroAccess, form: FormData, now: number, requestId: string | null): Promise<Outcome> {
	const parsed = parseFields(meetingSchema(londonDate(now)), form, MEETING_FIELDS.single, MEETING_FIELDS.multi);
	if (!parsed.ok) return rejected(parsed);
	const { review, child } = await reviewAndChild(db, access);
	const v = parsed.value;
	if (v.heldDate < child.dateOfBirth) return { kind: 'invalid', raw: parsedRaw(form), errors: { heldDate: { key: 'errors.held-before-birth' } } };
	const facts: MeetingFacts = {
		heldDate: v.heldDate,
		attended: v.attended === 'yes',
		spokeForSelf: v.inMeeting.includes('spoke-for-self'),
		advocateSpoke: v.inMeeting.includes('advocate-spoke'),
		conveyedNonVerbally: v.inMeeting.includes('non-verbal'),
		briefedAdvocate: v.outside.includes('briefed-advocate'),
		viewsConveyedOtherwise: v.outside.includes('views-otherwise'),
		consultationSubmitted: v.outside.includes('consultation-sent'),
		privateTalkHeld: v.checks.includes('private-talk'),
		advocacyExplained: v.checks.includes('advocacy-explained')
	};
	const suggested = suggestCode(participationFacts(facts, child.dateOfBirth));
	const { schedule } = await loadSettings(db);
	// DOMAIN §3.1 "Chaining": the next review runs from this held date (reg. 33, and the service's young-child rule).
	const nextDue = nextReviewDue({ sequence: review.sequence + 1, previousHeld: facts.heldDate, dob: child.dateOfBirth, settings: schedule });
	const ok = await write(db, requestId, async (trx) => {
		await meetings.record(trx, review.id, facts, suggested, access.actor.id, now);
		await reviews.markHeld(trx, review.id, facts.heldDate);
		await reviews.ensureNext(trx, { childId: child.id, sequence: review.sequence }, nextDue, now);
		await auditReview(trx, access, 'meeting_recorded', 'review-meeting', review.id, now, requestId);
	});
	if (!ok) return { kind: 'failed', raw: parsedRaw(form), field: 'heldDate' };
	return { kind: 'done', location: `${base(review.id)}/meeting#participation-code` };
}

/**
 * The IRO's code: the suggestion, or another with a reason (DOMAIN §4.1; SECURITY §7: ≤1,000
 * characters). Both are kept; the override rate is reported.
 */
export async function confirmCode(db: AppDb, access: IroAccess, form: FormData, now: number, requestId: string | null): Promise<Outcome> {
	const parsed = parseFields(ConfirmSchema, form, ['code', 'reason']);
	if (!parsed.ok) return rejected(parsed);
	const { code, reason } = parsed.value;
	const meeting = await meetings.get(db, access.reviewId!);
	if (!meeting) return { kind: 'conflict' };
	if (code !== meeting.suggestedCode && reason === '') {
		return { kind: 'invalid', raw: { code, reason }, errors: { reason: { key: 'errors.reason-needed' } } };
	}
	const ok = await write(db, requestId, async (trx) => {
		await meetings.confirm(trx, meeting.reviewId, code as ParticipationCode, code === meeting.suggestedCode ? null : reason, access.actor.id, now);
		await auditReview(trx, access, 'code_confirmed', 'review-meeting', meeting.reviewId, now, requestId);
	});
	if (!ok) return { kind: 'failed', raw: { code, reason }, field: 'code' };
	return { kind: 'done', location: `${base(meeting.reviewId)}/pack#after-meeting` };
}

/** The post as typed, for a failure found after parsing (SECURITY §7: nothing typed is lost). */
function parsedRaw(form: FormData): Record<string, string | string[]> {
	const raw: Record<string, string | string[]> = {};
	for (const f of MEETING_FIELDS.single) raw[f] = String(form.get(f) ?? '');
	for (const f of Object.keys(MEETING_FIELDS.multi)) raw[f] = form.getAll(f).map(String);
	return raw;
}
