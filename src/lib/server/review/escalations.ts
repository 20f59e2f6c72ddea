import { londonDate } from '$lib/domain/calendar';
import { escalationDue, timeliness } from '$lib/domain/timeliness';
import type { Access } from '../access/require';
import * as escalations from '../data/escalations';
import { auditReview, reviewAndChild, write, type AppDb } from './context';
import { closeEscalationSchema, openEscalationSchema, parseFields } from './forms';
import { rejected, type Outcome } from './outcome';

/**
 * Dispute resolution (DOMAIN §3.2 DRP, §9 F11): the IRO opens an escalation on a review at a stage
 * of seniority, raised to someone on a date, with its 20-working-day clock, and closes it with the
 * outcome. The IRO may skip stages, so any stage can be opened at any time.
 *
 * One clock per dispute, not per stage: DOMAIN §3.2 says the whole process takes at most 20 WD.
 * A stage opened while another on this review is still open continues that dispute and keeps its
 * due date; once every stage is closed, the next one opened starts a new dispute and a new clock.
 */
type IroAccess = Access<'review.record-outcome'>;

const page = (reviewId: string) => `/iro/review/${reviewId}/escalations`;

export async function loadEscalations(db: AppDb, access: IroAccess, now: number, requestId: string | null) {
	const { review, child } = await reviewAndChild(db, access);
	const today = londonDate(now);
	const list = await escalations.forReview(db, review.id);
	await auditReview(db, access, 'view', 'review-escalations', review.id, now, requestId);
	return {
		review: { id: review.id, sequence: review.sequence },
		childName: child.preferredName,
		today,
		/** What "opened today" would be due by, shown beside the form. */
		dueIfOpenedToday: escalationDue(today),
		escalations: list.map((e) => ({ ...e, clock: timeliness(e.dueOn, e.closedOn, today) }))
	};
}

export async function openEscalation(db: AppDb, access: IroAccess, form: FormData, now: number, requestId: string | null): Promise<Outcome> {
	const parsed = parseFields(openEscalationSchema(londonDate(now)), form, ['stage', 'raisedTo', 'openedOn']);
	if (!parsed.ok) return rejected(parsed);
	const { review } = await reviewAndChild(db, access);
	const v = parsed.value;
	const ok = await write(db, requestId, async (trx) => {
		// REL-4: a double tap (or a retry) opens the escalation once.
		const open = await escalations.forReview(trx, review.id);
		if (open.some((e) => !e.closedOn && e.stage === Number(v.stage) && e.raisedTo === v.raisedTo && e.openedOn === v.openedOn)) return;
		const ongoing = open.filter((e) => !e.closedOn && e.openedOn <= v.openedOn).sort((a, b) => a.openedOn.localeCompare(b.openedOn))[0];
		const dueOn = ongoing ? ongoing.dueOn : escalationDue(v.openedOn);
		const id = await escalations.open(trx, { reviewId: review.id, stage: Number(v.stage), raisedTo: v.raisedTo, openedOn: v.openedOn, dueOn, by: access.actor.id }, now);
		await auditReview(trx, access, 'escalation_opened', 'review-escalation', id, now, requestId);
	});
	if (!ok) return { kind: 'failed', raw: { ...v }, field: 'stage' };
	return { kind: 'done', location: page(review.id) };
}

/** Closes an open escalation with its outcome. Closing one already closed (a double tap) changes nothing. */
export async function closeEscalation(db: AppDb, access: IroAccess, form: FormData, now: number, requestId: string | null): Promise<Outcome> {
	const parsed = parseFields(closeEscalationSchema(londonDate(now)), form, ['escalationId', 'closedOn', 'outcome']);
	if (!parsed.ok) return rejected(parsed, 'escalationId');
	const { review } = await reviewAndChild(db, access);
	const v = parsed.value;
	const e = await escalations.get(db, review.id, v.escalationId);
	if (!e) return { kind: 'missing' };
	if (e.closedOn) return { kind: 'done', location: page(review.id) };
	if (v.closedOn < e.openedOn) return { kind: 'invalid', raw: { ...v }, errors: { closedOn: { key: 'errors.closed-before-opened' } } };
	const ok = await write(db, requestId, async (trx) => {
		if (await escalations.close(trx, review.id, e.id, { closedOn: v.closedOn, outcome: v.outcome, by: access.actor.id }, now)) {
			await auditReview(trx, access, 'escalation_closed', 'review-escalation', e.id, now, requestId);
		}
	});
	if (!ok) return { kind: 'failed', raw: { ...v }, field: 'outcome' };
	return { kind: 'done', location: page(review.id) };
}
