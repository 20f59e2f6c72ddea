/**
 * Shared set-up for the after-the-meeting specs (tests only): a child with a review and an account,
 * their sent (or draft) consultation, the branded access the guard would have returned, and form
 * posts built the way a browser sends them.
 */
import type { AnswerValue } from '$lib/forms/types';
import type { Access } from '../access/require';
import type { Action } from '../access/policy';
import type { Actor, Role } from '../auth/actor';
import type { Db } from '../db';
import type { Family } from '../db/test-db';
import * as allocations from '../data/allocations';
import * as answers from '../data/answers';
import * as children from '../data/children';
import * as consultations from '../data/consultations';
import * as invitations from '../data/invitations';
import * as reviews from '../data/reviews';
import * as users from '../data/users';

/** What `requireAccess` returns once the guard has said yes (the compiler's proof, forged for a spec). */
export function accessFor<A extends Action>(action: A, who: { id: string; role: Role; childId?: string | null }, ref: { reviewId: string; childId: string }): Access<A> {
	const actor: Actor = { id: who.id, role: who.role, displayName: who.role === 'iro' ? 'Rowan Patel' : 'Sam', childId: who.childId ?? null, locale: null };
	return { actor, action, childId: ref.childId, reviewId: ref.reviewId } as unknown as Access<A>;
}

/** A browser's form post: arrays become repeated fields (checkboxes). */
export function post(fields: Record<string, string | readonly string[]>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) for (const x of typeof v === 'string' ? [v] : v) f.append(k, x);
	return f;
}

/** `years` whole years before `date`, less `days` (so a birthday `days` after). */
export function bornBefore(date: string, years: number, days = 10): string {
	const d = new Date(`${date}T12:00:00Z`);
	d.setUTCFullYear(d.getUTCFullYear() - years);
	d.setUTCDate(d.getUTCDate() - days);
	return d.toISOString().slice(0, 10);
}

export interface SeededChild {
	childId: string;
	userId: string;
	reviewId: string;
}

/** A child allocated to the family's IRO, with an account and a scheduled review they are invited to. */
export async function addChild(db: Db, f: Family, input: { name: string; dateOfBirth: string; scheduled: string; sequence?: number }, now: number): Promise<SeededChild> {
	const childId = await children.create(db, { preferredName: input.name, dateOfBirth: input.dateOfBirth, lookedAfterSince: '2020-01-01', preferredLocale: 'en-GB' }, now);
	const userId = await users.createRespondent(db, { role: 'young-person', displayName: input.name, childId }, now);
	await allocations.allocate(db, childId, f.iroId, '2024-01-01', now);
	const reviewId = await reviews.create(db, { childId, sequence: input.sequence ?? 1, dueDate: input.scheduled }, now);
	await reviews.schedule(db, reviewId, input.scheduled, '10:00');
	await invitations.ensure(db, reviewId, userId, 'young-person', now);
	return { childId, userId, reviewId };
}

/** The child's consultation with these answers; sent at `sentAt`, or left a draft when null. */
export async function consult(
	db: Db,
	c: SeededChild,
	formId: string,
	given: Record<string, AnswerValue>,
	sentAt: number | null,
	now: number
): Promise<void> {
	const started = await consultations.start(db, { reviewId: c.reviewId, respondentId: c.userId, respondentKind: 'young-person', formId, formVersion: 1 }, now);
	for (const [questionId, value] of Object.entries(given)) await answers.save(db, started.id, { questionId, value, visibility: 'iro-only' }, now);
	if (sentAt !== null) await consultations.markSubmitted(db, started.id, sentAt);
}
