import { ageOn, londonDate } from '$lib/domain/calendar';
import { isAfterLock, reviewMilestones } from '$lib/domain/review-schedule';
import * as v from 'valibot';
import { childBand, reviewDateFor, type FormBand } from '$lib/domain/age-band';
import { i18nFor } from '$lib/i18n';
import type { Access } from '../access/require';
import { database, type Db } from '../db';
import * as alerts from '../data/alerts';
import * as answers from '../data/answers';
import * as audit from '../data/audit';
import * as children from '../data/children';
import * as consultations from '../data/consultations';
import * as invitations from '../data/invitations';
import * as reminders from '../data/reminders';
import * as reviews from '../data/reviews';
import { loadSettings } from '../settings';
import * as decisions from '../data/decisions';
import * as meetings from '../data/meetings';
import { sentView } from '../consultation/sent';
import { syncBankForms } from '../forms/bank';
import { assemblePack, type PackRespondent } from './assemble';
import { packRequests } from '../requests/pack';
import { PackExportSchema, toExport, type PackExport } from './export';

/**
 * The IRO's pack for one review (DOMAIN §8). Every read is audit-logged (SEC-L2): one view,
 * one row, written before the page is returned.
 */
async function respondentsOf(db: Db, reviewId: string): Promise<{ respondents: PackRespondent[]; versions: Map<string, number> }> {
	// Issue 8: answers given on a question-bank version render with that version's words.
	await syncBankForms(db);
	const invited = await invitations.forReviews(db, [reviewId]);
	const started = await consultations.forReviews(db, [reviewId]);
	const byRespondent = await consultations.earlierVersions(db, started.map((c) => c.id));
	const versions = new Map<string, number>();
	const respondents: PackRespondent[] = [];
	for (const i of invited) {
		const c = started.find((x) => x.respondentId === i.respondentId);
		if (c) versions.set(i.respondentId, byRespondent.get(c.id) ?? 0);
		// A reopened form still shows what was last sent until it is sent again.
		const sent = c ? await sentView(db, c) : null;
		respondents.push({
			respondentId: i.respondentId, kind: i.respondentKind, displayName: i.displayName, invitedAt: i.invitedAt,
			consultation: c
				? sent
					? { status: 'submitted', formId: c.formId, formVersion: c.formVersion, submittedAt: sent.submittedAt, beingChanged: sent.beingChanged }
					: { status: c.status, formId: c.formId, formVersion: c.formVersion, submittedAt: c.submittedAt }
				: null,
			answers: sent?.answers ?? new Map()
		});
	}
	return { respondents, versions };
}

export async function loadPack(access: Access<'review.read-pack'>, requestId: string) {
	const db = database();
	const now = Date.now();
	const review = (await reviews.get(db, access.reviewId!))!;
	const child = (await children.get(db, review.childId))!;
	const { respondents, versions } = await respondentsOf(db, review.id);
	await audit.record(db, {
		at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'view', childId: child.id,
		resourceType: 'pack', resourceId: review.id, requestId
	});
	const reviewDate = reviewDateFor({ scheduled: review.scheduledDate, due: review.dueDate });
	const { schedule } = await loadSettings(db);
	const locksOn = reviewMilestones(reviewDate, schedule).packLocks;
	const childAlerts = await alerts.forChild(db, child.id);
	const pack = assemblePack(respondents, 'iro');
	const locked = isAfterLock(reviewDate, londonDate(now), schedule);
	// DOMAIN §8.4: complete when everyone invited has sent; locked after the lock day.
	const state = locked ? 'locked' : pack.waiting.length === 0 && pack.sections.length > 0 ? 'complete' : 'collecting';
	return {
		state,
		band: childBand(child.dateOfBirth, reviewDate, (child.bandOverride as FormBand | null) ?? null),
		bandOverridden: child.bandOverride !== null,
		locksOn,
		locked,
		/** DOMAIN §3.2: every date around this review, from the service's settings (issue 5). */
		milestones: reviewMilestones(reviewDate, schedule),
		earlier: review.earlier,
		versions: Object.fromEntries(versions),
		alerts: childAlerts.map((a) => ({ id: a.id, source: a.source, createdAt: a.createdAt, acknowledgedAt: a.acknowledgedAt })),
		review: { id: review.id, sequence: review.sequence, dueDate: review.dueDate, scheduledDate: review.scheduledDate, scheduledTime: review.scheduledTime },
		child: { name: child.preferredName, age: ageOn(child.dateOfBirth, londonDate(now)), locale: child.preferredLocale },
		reviewDate,
		pack,
		// Issue 5: each section sent after the lock day is flagged (worked out here, in London time).
		late: Object.fromEntries(pack.sections.map((sec) => [sec.respondentId, isAfterLock(reviewDate, londonDate(sec.submittedAt), schedule)])),
		viewer: access.actor.displayName,
		carerName: (await children.people(db, child.id)).find((p) => p.relation === 'carer' && p.endsOn === null)?.displayName ?? null,
		// Issue 5: "invited on / reminded on" for those not sent yet.
		reminded: Object.fromEntries(await reminders.forReview(db, review.id)),
		// Issue 6 (DOMAIN §8.1 items 2 and 8): requests since the last review, with clocks and outcomes.
		requests: await packRequests(db, review, await loadSettings(db), now),
		viewedAt: now
	};
}

/**
 * What a parent or carer may read of the child's answers: only those shared with "everyone at my
 * review", and nothing of any other respondent (DOMAIN §5.6, SECURITY T1, T3, SEC-Z5). Audited.
 */
export async function loadShared(access: Access<'review.read-shared'>, viewer: 'parent' | 'carer', requestId: string) {
	const db = database();
	const review = (await reviews.get(db, access.reviewId!))!;
	const child = (await children.get(db, review.childId))!;
	const { respondents } = await respondentsOf(db, review.id);
	const pack = assemblePack(respondents, viewer);
	await audit.record(db, { at: Date.now(), actorId: access.actor.id, actorRole: access.actor.role, action: 'view', childId: child.id, resourceType: 'shared-answers', resourceId: review.id, requestId });
	const section = pack.sections.find((s) => s.kind === 'young-person') ?? null;
	return { childName: child.preferredName, childLocale: child.preferredLocale, section: section && { submittedAt: section.submittedAt, topics: section.topics } };
}

/**
 * The JSON export for case systems (DOMAIN §8.3): the social-worker view, checked against the
 * schema before it leaves, and audited as an export (T14).
 */
export async function loadPackExport(access: Access<'review.read-pack'>, requestId: string): Promise<PackExport> {
	const db = database();
	const now = Date.now();
	const review = (await reviews.get(db, access.reviewId!))!;
	const child = (await children.get(db, review.childId))!;
	const { respondents } = await respondentsOf(db, review.id);
	const reviewDate = reviewDateFor({ scheduled: review.scheduledDate, due: review.dueDate });
	const { schedule } = await loadSettings(db);
	const locksOn = reviewMilestones(reviewDate, schedule).packLocks;
	const forms = i18nFor('en-GB').getFixedT('en-GB', 'forms');
	const exported = toExport(assemblePack(respondents, 'social-worker'), {
		review, locksOn, now,
		child: { name: child.preferredName, ageOnReviewDate: ageOn(child.dateOfBirth, reviewDate), band: childBand(child.dateOfBirth, reviewDate, (child.bandOverride as FormBand | null) ?? null) },
		alerts: await alerts.forChild(db, child.id),
		wording: (key) => forms(key, { childName: child.preferredName }) as string,
		late: (ms) => isAfterLock(reviewDate, londonDate(ms), schedule),
		meeting: (await meetings.get(db, review.id)) ?? null,
		decisions: await decisions.forReview(db, review.id),
		previous: await previousDecisions(db, review.childId, review.sequence),
		requests: await packRequests(db, review, await loadSettings(db), now)
	});
	await audit.record(db, { at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'export', childId: child.id, resourceType: 'pack', resourceId: review.id, requestId });
	return v.parse(PackExportSchema, exported);
}

/** The review before this one and its decisions, for the export (DOMAIN §8.1 item 9). */
async function previousDecisions(db: Db, childId: string, sequence: number) {
	const prev = await reviews.previous(db, childId, sequence);
	return prev ? { sequence: prev.sequence, heldDate: prev.heldDate, decisions: await decisions.forReview(db, prev.id) } : null;
}
