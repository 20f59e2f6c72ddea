import { addDays, londonDate } from '$lib/domain/calendar';
import type { Access } from '../access/require';
import type { Db } from '../db';
import * as audit from '../data/audit';
import { CONTENT_DAYS_DEFAULT } from '../jobs/content-erasure';
import type { Outcome } from './outcome';

/**
 * SECURITY §10, D20: the allocated IRO marks a held review's pack "saved to the case record" once
 * it is in the council's system. Until then nothing of its content is ever erased; after it, the
 * retention job erases the answers' content 90 days (*our default*) after the meeting. The mark is
 * a change to the child's record: audited, once, with who and when.
 */
export interface CaseRecordState {
	base: string;
	held: boolean;
	savedOn: string | null;
	savedBy: string | null;
	/** The day the content goes (the meeting plus the kept days), once saved. */
	erasesOn: string | null;
	erasedOn: string | null;
}

export async function caseRecordState(db: Db, access: Access<'review.read-pack'>): Promise<CaseRecordState> {
	const r = await db
		.selectFrom('review')
		.leftJoin('app_user', 'app_user.id', 'review.case_record_saved_by')
		.select(['review.id', 'review.held_date', 'review.case_record_saved_at', 'review.content_erased_at', 'app_user.display_name'])
		.where('review.id', '=', access.reviewId!)
		.executeTakeFirstOrThrow();
	const saved = r.case_record_saved_at !== null;
	return {
		base: `/iro/review/${r.id}`,
		held: r.held_date !== null,
		savedOn: saved ? londonDate(r.case_record_saved_at!) : null,
		savedBy: saved ? r.display_name : null,
		erasesOn: saved && r.held_date ? addDays(r.held_date, CONTENT_DAYS_DEFAULT) : null,
		erasedOn: r.content_erased_at !== null ? londonDate(r.content_erased_at) : null
	};
}

/** The form is one confirming field (`confirm=yes`); anything else is a forged post. Once only: a repeat changes nothing. */
export async function markSavedToCaseRecord(db: Db, access: Access<'review.record-outcome'>, form: FormData, now: number, requestId: string | null): Promise<Outcome> {
	if ([...form.keys()].join() !== 'confirm' || form.get('confirm') !== 'yes') return { kind: 'malformed' };
	const reviewId = access.reviewId!;
	const review = await db.selectFrom('review').select(['held_date', 'child_id']).where('id', '=', reviewId).executeTakeFirst();
	if (!review) return { kind: 'missing' };
	if (review.held_date === null) return { kind: 'conflict' };
	await db.transaction().execute(async (trx) => {
		const res = await trx
			.updateTable('review')
			.set({ case_record_saved_at: now, case_record_saved_by: access.actor.id })
			.where('id', '=', reviewId)
			.where('case_record_saved_at', 'is', null)
			.executeTakeFirst();
		if (Number(res.numUpdatedRows) === 1) {
			await audit.record(trx, { at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'change', childId: review.child_id, resourceType: 'case-record', resourceId: reviewId, requestId });
		}
	});
	return { kind: 'done', location: `/iro/review/${reviewId}/pack#case-record` };
}
