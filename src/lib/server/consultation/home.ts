import { londonDate } from '$lib/domain/calendar';
import { reviewDateFor } from '$lib/domain/age-band';
import { can } from '../access/policy';
import { loadFacts } from '../access/relationships';
import type { Access } from '../access/require';
import { database } from '../db';
import * as allocations from '../data/allocations';
import * as children from '../data/children';
import * as consultations from '../data/consultations';
import * as invitations from '../data/invitations';
import type { RespondentKind } from '../data/invitations';
import * as reviews from '../data/reviews';
import * as reviewReports from '../data/review-reports';
import { basePath } from './question-page';

export interface HomeReview {
	reviewId: string;
	childName: string;
	/** The meeting date once set; otherwise null and `dueBy` says when it must happen. */
	date: string | null;
	time: string | null;
	dueBy: string;
	iroName: string | null;
	status: 'not-started' | 'started' | 'sent';
	href: string;
	/** Parents and carers: the child's answers shared with everyone. */
	sharedHref: string | null;
	/** The young person: their My Review Report, once the IRO has sent it (issue 5). */
	reportHref: string | null;
	/** The meeting has happened (its held date): the card offers what came after, not the form. */
	heldDate: string | null;
}

/**
 * A respondent's start page: the young person's own current review, or the reviews a parent or
 * carer is invited to. Only their own; the data is scoped by the actor (SECURITY §2).
 */
export async function loadHome(access: Access<'respondent.home'>): Promise<HomeReview[]> {
	const db = database();
	const actor = access.actor;
	const kind = actor.role as RespondentKind;
	let list: { reviewId: string }[] = [];
	if (kind === 'young-person') {
		// The review coming up, then the last one held (its report, issue 5): chaining made a new one current.
		const r = actor.childId ? await reviews.currentForChild(db, actor.childId) : undefined;
		const last = actor.childId ? (await reviews.heldForChild(db, actor.childId)).find((h) => h.id !== r?.id) : undefined;
		list = [r, last].filter((x) => !!x).map((x) => ({ reviewId: x.id }));
	} else {
		// An invitation alone is not enough: the link (a placement, for a carer) must be active
		// today, exactly as for answering (SECURITY §2, T2). A former carer sees nothing.
		const today = londonDate(Date.now());
		const invited = (await invitations.forRespondent(db, actor.id)).filter((i) => i.kind === kind);
		for (const i of invited) {
			if (can(actor, 'review.answer', await loadFacts(db, actor, { reviewId: i.reviewId }, today))) list.push(i);
		}
	}
	const out: HomeReview[] = [];
	for (const { reviewId } of list) {
		const review = await reviews.get(db, reviewId);
		if (!review || review.status === 'closed') continue;
		const child = (await children.get(db, review.childId))!;
		const c = await consultations.find(db, review.id, actor.id);
		out.push({
			reviewId: review.id,
			childName: child.preferredName,
			date: review.scheduledDate,
			time: review.scheduledTime,
			dueBy: reviewDateFor({ scheduled: null, due: review.dueDate }),
			iroName: (await allocations.currentIro(db, child.id, londonDate(Date.now())))?.displayName ?? null,
			status: !c ? 'not-started' : c.status === 'submitted' ? 'sent' : 'started',
			// Once sent, the card leads to what was sent, where it can be changed until the pack locks.
			href: `${basePath(kind, review.id)}/${c?.status === 'submitted' ? 'sent' : 'start'}`,
			sharedHref: kind === 'young-person' ? null : `${basePath(kind, review.id)}/shared`,
			reportHref: kind === 'young-person' && (await reviewReports.get(db, review.id))?.status === 'sent' ? `${basePath(kind, review.id)}/report` : null,
			heldDate: review.heldDate
		});
	}
	return out;
}
