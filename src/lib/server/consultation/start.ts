import { redirect } from '@sveltejs/kit';
import type { Access } from '../access/require';
import { database } from '../db';
import * as consultations from '../data/consultations';
import type { RespondentKind } from '../data/invitations';
import { loadContext } from './context';
import { basePath, resumePath } from './question-page';

/** The page before the first question: what this is, who reads it, how long it takes. */
export async function load(access: Access<'review.answer'>, kind: RespondentKind) {
	const ctx = await loadContext(database(), access, kind);
	return {
		formReady: ctx.form !== null,
		started: ctx.consultation !== undefined,
		sent: ctx.consultation?.status === 'submitted',
		reviewDate: ctx.reviewDate,
		iroName: ctx.iroName,
		questionCount: ctx.questions.length
	};
}

/** Starts (or resumes) the consultation, pinned to the newest form version. */
export async function begin(access: Access<'review.answer'>, kind: RespondentKind): Promise<never> {
	const db = database();
	const ctx = await loadContext(db, access, kind);
	if (!ctx.form) redirect(303, basePath(kind, ctx.review.id) + '/start');
	if (!ctx.consultation) {
		await consultations.start(db, { reviewId: ctx.review.id, respondentId: access.actor.id, respondentKind: kind, formId: ctx.form.id, formVersion: ctx.form.version }, Date.now());
	}
	redirect(303, await resumePath(access, kind));
}
