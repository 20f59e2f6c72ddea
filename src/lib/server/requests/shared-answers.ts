import type { Access } from '../access/require';
import type { Db } from '../db';
import * as consultations from '../data/consultations';
import * as reviews from '../data/reviews';
import { sentView } from '../consultation/sent';
import { assemblePack, type PackItem } from '../pack/assemble';

/**
 * What the allocated advocate reads of the child's consultation (DOMAIN §5.6, §8.2; SECURITY §2):
 * only answers the child ticked "my advocate", only what the child sent, through the pack's own
 * rules (`canSee`, viewer `advocate`: fixed IRO-only answers never). `referral.read-answers` has
 * already checked that this advocate is the allocated one and that consent stands (SEC-Z9).
 */
export async function sharedWithAdvocate(db: Db, _access: Access<'referral.read-answers'>, childId: string): Promise<{ reviewId: string; answers: Pick<PackItem, 'questionId' | 'wording' | 'kind' | 'value'>[] } | null> {
	const review = await reviews.currentForChild(db, childId);
	if (!review) return null;
	const c = (await consultations.forReviews(db, [review.id])).find((x) => x.respondentKind === 'young-person');
	const sent = c ? await sentView(db, c) : null;
	if (!c || !sent) return { reviewId: review.id, answers: [] };
	const pack = assemblePack(
		[{
			respondentId: c.respondentId, kind: 'young-person', displayName: '', invitedAt: 0, answers: sent.answers,
			consultation: { status: 'submitted', formId: c.formId, formVersion: c.formVersion, submittedAt: sent.submittedAt }
		}],
		'advocate'
	);
	const answers = (pack.sections[0]?.topics ?? []).flatMap((t) => t.items.map((i) => ({ questionId: i.questionId, wording: i.wording, kind: i.kind, value: i.value })));
	return { reviewId: review.id, answers };
}
