import { addDays, londonDate } from '$lib/domain/calendar';
import type { Db } from '../db';
import { record } from '../data/audit';

/**
 * SECURITY §10, D20, PRIV-G1: the app is a conduit. Once the IRO has marked a held review's pack
 * "saved to the case record" (the council's system keeps it to the 75th birthday), the answers'
 * content is erased a set number of days after the meeting (90, *our default*): every answer of
 * every consultation for that review (text, drawings, choices), the answers kept with each sent
 * version, and the written words of feedback. Kept: that a response came and when (consultation,
 * version and feedback rows), feedback scores and every reporting fact. A review never marked saved
 * keeps everything (content that was never transferred stays).
 *
 * One transaction per review, which also writes one `erased` audit row per kind it emptied
 * (`answer`, `consultation_version`, `feedback_answer`) holding the count only, as `runRetention` does.
 */
export const CONTENT_DAYS_DEFAULT = 90;
/** Never sooner than this after the meeting, whatever a caller passes (a typo must not erase today's answers). */
export const CONTENT_DAYS_FLOOR = 30;

export interface ContentErasureCounts {
	reviews: number;
	answer: number;
	consultation_version: number;
	feedback_answer: number;
}

export async function eraseTransferredContent(db: Db, now: number, days: number = CONTENT_DAYS_DEFAULT): Promise<ContentErasureCounts> {
	const keepDays = Math.max(CONTENT_DAYS_FLOOR, Number.isSafeInteger(days) ? days : CONTENT_DAYS_DEFAULT);
	const heldOnOrBefore = addDays(londonDate(now), -keepDays);
	const due = await db
		.selectFrom('review')
		.select('id')
		.where('case_record_saved_at', 'is not', null)
		.where('content_erased_at', 'is', null)
		.where('held_date', 'is not', null)
		.where('held_date', '<=', heldOnOrBefore)
		.orderBy('held_date')
		.execute();
	const counts: ContentErasureCounts = { reviews: 0, answer: 0, consultation_version: 0, feedback_answer: 0 };
	for (const { id } of due) {
		const n = await db.transaction().execute(async (trx) => {
			const consultations = (await trx.selectFrom('consultation').select('id').where('review_id', '=', id).execute()).map((r) => r.id);
			const responses = (await trx.selectFrom('feedback_response').select('id').where('review_id', '=', id).execute()).map((r) => r.id);
			let answers = 0n;
			let versions = 0n;
			let words = 0n;
			if (consultations.length) {
				answers = (await trx.deleteFrom('answer').where('consultation_id', 'in', consultations).executeTakeFirst()).numDeletedRows;
				versions = (await trx.updateTable('consultation_version').set({ answers: '[]' }).where('consultation_id', 'in', consultations).where('answers', '!=', '[]').executeTakeFirst())
					.numUpdatedRows;
			}
			if (responses.length) {
				// Only written words: the faces and yes/no answers are the service's feedback scores (kept 6 years).
				words = (await trx.deleteFrom('feedback_answer').where('response_id', 'in', responses).where('value', 'like', '{"kind":"text"%').executeTakeFirst()).numDeletedRows;
			}
			await trx.updateTable('review').set({ content_erased_at: now }).where('id', '=', id).execute();
			const out = { answer: Number(answers), consultation_version: Number(versions), feedback_answer: Number(words) };
			// In the same transaction: an erasure is never without its record (counts only).
			for (const [kind, count] of Object.entries(out)) {
				if (count > 0) await record(trx, { at: now, actorId: null, actorRole: 'system', action: 'erased', resourceType: kind, resourceId: String(count) });
			}
			return out;
		});
		counts.reviews += 1;
		counts.answer += n.answer;
		counts.consultation_version += n.consultation_version;
		counts.feedback_answer += n.feedback_answer;
	}
	return counts;
}
