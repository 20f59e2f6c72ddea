import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { validatePage } from '$lib/forms/validate';
import { answerToRaw, type RawFields } from '$lib/forms/raw';
import type { FieldError, Question } from '$lib/forms/types';
import type { Access } from '../access/require';
import { database } from '../db';
import * as answers from '../data/answers';
import * as helpRequests from '../data/requests';
import * as consultations from '../data/consultations';
import * as idempotency from '../data/idempotency';
import { field } from '../http';
import type { RespondentKind } from '../data/invitations';
import { safetyConcern } from '$lib/forms/safety';
import { SESSION_LIMITS } from '../auth/session';
import { raiseAlert } from '../safety';
import { log } from '../log';
import { firstUnanswered, loadContext, type ConsultationContext } from './context';

/**
 * One question per page (STYLE §2.3, §4.8): the three respondent journeys share this. Each
 * Continue saves the page on the server before moving on (REL-1); a failed write keeps what was
 * typed and says "try again" (REL-18).
 */
export function basePath(kind: RespondentKind, reviewId: string): string {
	const prefix = kind === 'young-person' ? '/me' : `/${kind}`;
	return `${prefix}/review/${reviewId}`;
}

function pageOf(ctx: ConsultationContext, pageId: string): { question: Question; index: number } {
	const index = ctx.questions.findIndex((q) => q.id === pageId);
	if (index < 0) error(404, { message: 'Not found', code: 'not-found', id: 'page' });
	return { question: ctx.questions[index]!, index };
}

/** `?return=check` (a change link from check answers) is the only return allowed (SEC-C7). */
function returnsToCheck(url: URL): boolean {
	return url.searchParams.get('return') === 'check';
}

export interface QuestionPageData {
	question: Question;
	/** Names the wording may use: {{childName}}, {{iroName}}, {{carerName}} (DOMAIN §5.8). */
	names: { childName: string; iroName: string; carerName: string };
	assisted: boolean;
	readAloud: boolean;
	shareable: boolean;
	/** Issue 6: the extra "my advocate" tick shows once the child has asked for an advocate with consent (DOMAIN §5.6). */
	advocateTick: boolean;
	/** For a carer's carried-forward topic: when their earlier report was sent (issue 4). */
	carriedFrom: number | null;
	number: number;
	total: number;
	raw: RawFields;
	back: string;
	returnToCheck: boolean;
	idleMinutes: number;
	/** REL-4: rendered as a hidden field, so a double tap, a retry or the offline queue's replay saves once. */
	idempotencyKey: string;
}

export async function load(access: Access<'review.answer'>, url: URL, pageId: string, kind: RespondentKind): Promise<QuestionPageData> {
	const ctx = await loadContext(database(), access, kind);
	const base = basePath(kind, ctx.review.id);
	if (!ctx.consultation) redirect(303, `${base}/start`);
	if (ctx.consultation.status === 'submitted') redirect(303, `${base}/sent`);
	const { question, index } = pageOf(ctx, pageId);
	const check = returnsToCheck(url);
	const back = check ? `${base}/check` : index === 0 ? `${base}/start` : `${base}/${ctx.questions[index - 1]!.id}`;
	let raw = answerToRaw(question, ctx.answers.get(question.id));
	let carriedFrom: number | null = null;
	// SEC-Z8: a carer's topic starts from THEIR OWN last report for this child, nobody else's.
	if (!ctx.answers.has(question.id) && question.carryForward) {
		const previous = await consultations.previousSent(database(), access.actor.id, ctx.childId, ctx.review.id);
		const earlier = previous ? (await answers.forConsultation(database(), previous.id)).get(question.id) : undefined;
		if (previous && earlier && earlier.value.kind !== 'skipped') {
			raw = answerToRaw(question, earlier);
			carriedFrom = previous.submittedAt;
		}
	}
	return {
		question, number: index + 1, total: ctx.questions.length, raw, back, returnToCheck: check, idleMinutes: SESSION_LIMITS[kind].idle / 60_000,
		names: { childName: ctx.childName, iroName: ctx.iroName ?? '', carerName: ctx.carerName ?? '' },
		assisted: !!ctx.form?.assisted,
		// Read-aloud on every child's question page (issue 7), whatever the form version says; a form may
		// also turn it on for adults (the parents' form does).
		readAloud: kind === 'young-person' || !!ctx.form?.readAloud, shareable: kind === 'young-person', carriedFrom,
		advocateTick: kind === 'young-person' && (await helpRequests.hasSharedReferral(database(), ctx.childId)),
		idempotencyKey: crypto.randomUUID()
	};
}

export async function save(access: Access<'review.answer'>, event: RequestEvent, pageId: string, kind: RespondentKind) {
	const db = database();
	const ctx = await loadContext(db, access, kind);
	const base = basePath(kind, ctx.review.id);
	if (!ctx.consultation) redirect(303, `${base}/start`);
	if (ctx.consultation.status === 'submitted') redirect(303, `${base}/sent`);
	const { question, index } = pageOf(ctx, pageId);
	const form = await event.request.formData();
	const key = field(form, 'idempotency_key');
	const result = validatePage(question, form, ['idempotency_key']);
	// SEC-Z6: unknown or repeated fields and forged options are a forgery, not a typing slip; REL-4: so is a missing key.
	if (result.kind === 'malformed' || !/^[0-9a-f-]{36}$/.test(key)) error(400, { message: 'Bad request', code: 'bad-request', id: event.locals.requestId });
	if (result.kind === 'invalid') return fail(400, { raw: result.raw, errors: result.errors });
	const now = Date.now();
	// REL-4: the same key with the same fields is a retry (a double tap, or the offline queue sending
	// again after a reply was lost): answer with the first outcome, saving and alerting nothing twice.
	// The same key with different fields is the person changing their answer before the first reply
	// came back; a page save is an upsert, so the latest answer is saved (unlike a send, no 422).
	const hash = pageHash(ctx.consultation.id, question.id, form);
	const earlier = await idempotency.lookup(db, access.actor.id, key, 'answer', hash);
	if (earlier.kind === 'replay') redirect(303, earlier.location);
	// DOMAIN §5.7: a "not safe" answer raises the alert in the same transaction as the answer.
	const concern = kind === 'young-person' ? safetyConcern(question, result.answer.value) : null;
	const next = ctx.questions[index + 1];
	const nextPath = returnsToCheck(event.url) ? `${base}/check` : next ? `${base}/${next.id}` : `${base}/check`;
	// The child sees at once who will know and when, then carries on (PRIV-17).
	// The help page's "go back" link resumes at the first unanswered page, which is the next one.
	const location = concern === 'alert' || concern === 'ask' ? '/me/help' : nextPath;
	let stillDraft: boolean;
	try {
		const consultationId = ctx.consultation.id;
		stillDraft = await db.transaction().execute(async (trx) => {
			// The draft check is inside the transaction: a send from another tab can't slip in between.
			if (!(await consultations.touchDraft(trx, consultationId, now))) return false;
			// The key first: the same key arriving at once (two instances, a double tap) waits here for the
			// first to commit, then fails on the key, before saving or alerting anything (issue 10).
			if (earlier.kind === 'new') await idempotency.store(trx, { actorId: access.actor.id, key, action: 'answer', fieldsHash: hash, location }, now);
			await answers.save(trx, consultationId, result.answer, now);
			if (concern === 'alert') {
				await raiseAlert(trx, { childId: ctx.childId, reviewId: ctx.review.id, raisedBy: access.actor.id, source: 'answer', questionId: question.id }, now);
			}
			return true;
		});
	} catch (e) {
		// Lost the race to the same key and fields: answer with the first outcome, as a later retry would.
		const first = earlier.kind === 'new' ? await idempotency.lookup(db, access.actor.id, key, 'answer', hash).catch(() => null) : null;
		if (first?.kind === 'replay') redirect(303, first.location);
		log.error({ err: e, requestId: event.locals.requestId, route: event.route.id }, 'answer save failed');
		const errors: Record<string, FieldError> = { [question.id]: { key: 'errors.save-failed' } };
		return fail(503, { raw: answerToRaw(question, result.answer), errors });
	}
	if (!stillDraft) redirect(303, `${base}/sent`);
	redirect(303, location);
}

/** The canonical fields of one page save, for REL-4's "same key, same fields". */
function pageHash(consultationId: string, questionId: string, form: FormData): string {
	const fields = [...form.entries()]
		.filter(([k, v]) => k !== 'idempotency_key' && typeof v === 'string')
		.map(([k, v]) => `${k}=${v as string}`)
		.sort();
	return encodeHexLowerCase(sha256(new TextEncoder().encode(JSON.stringify([consultationId, questionId, fields]))));
}

/** Where "Continue" from the start page or home should land: the first unanswered page. */
export async function resumePath(access: Access<'review.answer'>, kind: RespondentKind): Promise<string> {
	const ctx = await loadContext(database(), access, kind);
	const base = basePath(kind, ctx.review.id);
	if (!ctx.consultation) return `${base}/start`;
	if (ctx.consultation.status === 'submitted') return `${base}/sent`;
	const next = firstUnanswered(ctx);
	return next ? `${base}/${next.id}` : `${base}/check`;
}
