import { ageOn, londonDate } from '$lib/domain/calendar';
import { reviewDateFor } from '$lib/domain/age-band';
import type { Access } from '../access/require';
import { database } from '../db';
import * as answers from '../data/answers';
import * as audit from '../data/audit';
import * as children from '../data/children';
import * as consultations from '../data/consultations';
import * as invitations from '../data/invitations';
import * as reviews from '../data/reviews';
import { assemblePack, type PackRespondent } from './assemble';

/**
 * The IRO's pack for one review (DOMAIN §8). Every read is audit-logged (SEC-L2): one view,
 * one row, written before the page is returned.
 */
export async function loadPack(access: Access<'review.read-pack'>, requestId: string) {
	const db = database();
	const now = Date.now();
	const review = (await reviews.get(db, access.reviewId!))!;
	const child = (await children.get(db, review.childId))!;
	const invited = await invitations.forReviews(db, [review.id]);
	const started = await consultations.forReviews(db, [review.id]);
	const submittedIds = started.filter((c) => c.status === 'submitted').map((c) => c.id);
	const answerMap = await answers.forConsultations(db, submittedIds);
	const respondents: PackRespondent[] = invited.map((i) => {
		const c = started.find((x) => x.respondentId === i.respondentId);
		return {
			respondentId: i.respondentId, kind: i.respondentKind, displayName: i.displayName, invitedAt: i.invitedAt,
			consultation: c ? { status: c.status, formId: c.formId, formVersion: c.formVersion, submittedAt: c.submittedAt } : null,
			answers: (c && answerMap.get(c.id)) ?? new Map()
		};
	});
	await audit.record(db, {
		at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'view', childId: child.id,
		resourceType: 'pack', resourceId: review.id, requestId
	});
	const reviewDate = reviewDateFor({ scheduled: review.scheduledDate, due: review.dueDate });
	return {
		review: { id: review.id, sequence: review.sequence, dueDate: review.dueDate, scheduledDate: review.scheduledDate, scheduledTime: review.scheduledTime },
		child: { name: child.preferredName, age: ageOn(child.dateOfBirth, londonDate(now)), locale: child.preferredLocale },
		reviewDate,
		pack: assemblePack(respondents, 'iro'),
		viewer: access.actor.displayName,
		viewedAt: now
	};
}
