import type { Access } from '../access/require';
import type { Db } from '../db';
import * as reviews from '../data/reviews';
import { answeredByChild, type ChildAnswer } from '../review/child-answers';

/**
 * What the allocated advocate reads of the child's consultation (DOMAIN §5.6, SECURITY §2): only
 * answers the child ticked "my advocate", only what the child sent, and only while consent stands
 * (`referral.read-answers` checks both). Fixed IRO-only answers are never shared.
 */
const NEVER_SHARED = ['meeting-not-who', 'meeting-not-talk'];

export async function sharedWithAdvocate(db: Db, _access: Access<'referral.read-answers'>, childId: string): Promise<{ reviewId: string; answers: ChildAnswer[] } | null> {
	const review = await reviews.currentForChild(db, childId);
	if (!review) return null;
	const ticked = await db
		.selectFrom('answer')
		.innerJoin('consultation', 'consultation.id', 'answer.consultation_id')
		.select('answer.question_id')
		.where('consultation.review_id', '=', review.id)
		.where('consultation.respondent_kind', '=', 'young-person')
		.where('answer.share_advocate', '=', 1)
		.execute();
	const ids = new Set(ticked.map((r) => r.question_id).filter((q) => !NEVER_SHARED.includes(q)));
	if (ids.size === 0) return { reviewId: review.id, answers: [] };
	return { reviewId: review.id, answers: (await answeredByChild(db, review.id)).filter((a) => ids.has(a.questionId)) };
}
