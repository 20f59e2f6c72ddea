import { londonDate } from '$lib/domain/calendar';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { answerToRaw } from '$lib/forms/raw';
import type { Answer, FieldError, Question } from '$lib/forms/types';
import type { Access } from '../access/require';
import { database } from '../db';
import * as allocations from '../data/allocations';
import * as audit from '../data/audit';
import * as consultations from '../data/consultations';
import * as idempotency from '../data/idempotency';
import type { RespondentKind } from '../data/invitations';
import * as outbox from '../data/outbox';
import { field } from '../http';
import { log } from '../log';
import { isAfterLock } from '$lib/domain/review-schedule';
import * as answers from '../data/answers';
import { loadSettings } from '../settings';
import { loadContext } from './context';
import { basePath } from './question-page';

/** A row per question for check-your-answers, with the raw fields for display. */
export interface CheckRow {
	question: Question;
	answered: boolean;
	raw: Record<string, string | string[]>;
	value: Answer['value'] | null;
	visibility: Answer['visibility'] | null;
}

export async function loadCheck(access: Access<'review.answer'>, kind: RespondentKind) {
	const ctx = await loadContext(database(), access, kind);
	const base = basePath(kind, ctx.review.id);
	if (!ctx.consultation) redirect(303, `${base}/start`);
	if (ctx.consultation.status === 'submitted') redirect(303, `${base}/sent`);
	const rows: CheckRow[] = ctx.questions.map((q) => {
		const a = ctx.answers.get(q.id);
		return { question: q, answered: !!a && a.value.kind !== 'skipped', raw: answerToRaw(q, a), value: a?.value ?? null, visibility: a?.visibility ?? null };
	});
	// REL-4: the key is made here and rendered as a hidden field, so a double tap or a retry
	// (JS on or off) sends the same key and makes one submission.
	return {
		rows, base, iroName: ctx.iroName, reviewDate: ctx.reviewDate, idempotencyKey: crypto.randomUUID(), shareable: kind === 'young-person',
		names: { childName: ctx.childName, iroName: ctx.iroName ?? '', carerName: ctx.carerName ?? '' }
	};
}

function fieldsHash(consultationId: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(`send:${consultationId}`)));
}

/**
 * Sends the consultation: ONE transaction marks it submitted, writes the audit row, queues a
 * content-free notification to the IRO and stores the idempotency key; "sent" is shown only
 * after it commits (rule 2, REL-5).
 */
export async function send(access: Access<'review.answer'>, event: RequestEvent, kind: RespondentKind) {
	const db = database();
	const form = await event.request.formData();
	const key = field(form, 'idempotency_key');
	if (![...form.keys()].every((k) => k === 'idempotency_key') || !/^[0-9a-f-]{36}$/.test(key)) {
		error(400, { message: 'Bad request', code: 'bad-request', id: event.locals.requestId });
	}
	const ctx = await loadContext(db, access, kind);
	const base = basePath(kind, ctx.review.id);
	if (!ctx.consultation) redirect(303, `${base}/start`);
	const consultation = ctx.consultation;
	const hash = fieldsHash(consultation.id);
	const earlier = await idempotency.lookup(db, access.actor.id, key, 'send', hash);
	if (earlier.kind === 'replay') redirect(303, earlier.location);
	if (earlier.kind === 'conflict') return fail(422, { errors: { send: { key: 'errors.send-conflict' } as FieldError } });
	if (consultation.status === 'submitted') redirect(303, `${base}/sent`);
	// SEC-Z7: steps in order; every required question needs an answer before sending.
	const missing = ctx.questions.filter((q) => q.required && (ctx.answers.get(q.id)?.value.kind ?? 'skipped') === 'skipped');
	if (missing.length > 0) {
		const errors: Record<string, FieldError> = {};
		for (const q of missing) errors[q.id] = { key: kind === 'young-person' ? 'errors.answer-needed' : 'errors.answer-needed-plain' };
		return fail(400, { errors });
	}
	const now = Date.now();
	const location = `${base}/sent`;
	try {
		const iro = await allocations.currentIro(db, ctx.review.childId, londonDate(Date.now()));
		await db.transaction().execute(async (trx) => {
			// Another send (another key) may have won a race: then there is nothing more to record.
			if (await consultations.markSubmitted(trx, consultation.id, now)) {
				await audit.record(trx, { at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'submitted', childId: ctx.review.childId, resourceType: 'consultation', resourceId: consultation.id, requestId: event.locals.requestId });
				if (iro) await outbox.enqueue(trx, iro.iroId, 'something-new', now);
			}
			await idempotency.store(trx, { actorId: access.actor.id, key, action: 'send', fieldsHash: hash, location }, now);
		});
	} catch (e) {
		// A concurrent replay of the same key lost the race: answer as the winner did.
		const again = await idempotency.lookup(db, access.actor.id, key, 'send', hash).catch(() => null);
		if (again?.kind === 'replay') redirect(303, again.location);
		log.error({ err: e, requestId: event.locals.requestId, route: event.route.id }, 'send failed');
		return fail(503, { errors: { send: { key: 'errors.save-failed' } as FieldError } });
	}
	redirect(303, location);
}

/** Is the pack for this review locked yet? It locks at the end of its lock day (DOMAIN §3.2). */
export async function packLocked(reviewDate: string, now: number): Promise<boolean> {
	return isAfterLock(reviewDate, londonDate(now), (await loadSettings(database())).schedule);
}

export async function loadSent(access: Access<'review.answer'>, kind: RespondentKind) {
	const ctx = await loadContext(database(), access, kind);
	const base = basePath(kind, ctx.review.id);
	if (ctx.consultation?.status !== 'submitted') redirect(303, `${base}/start`);
	return { iroName: ctx.iroName, reviewDate: ctx.reviewDate, submittedAt: ctx.consultation.submittedAt, canChange: !(await packLocked(ctx.reviewDate, Date.now())) };
}

/**
 * Change after sending (issue 4): until the pack locks, a sent consultation can be reopened; the
 * answers as sent are kept as a version for audit and the pack shows the latest. After the lock:
 * 409 with a message (SEC-Z7).
 */
export async function reopen(access: Access<'review.answer'>, event: RequestEvent, kind: RespondentKind) {
	const form = await event.request.formData();
	// The form says what it wants: an empty or forged post changes nothing (SEC-Z6).
	if ([...form.keys()].join() !== 'confirm' || form.get('confirm') !== 'yes') error(400, { message: 'Bad request', code: 'bad-request', id: event.locals.requestId });
	const db = database();
	const ctx = await loadContext(db, access, kind);
	const base = basePath(kind, ctx.review.id);
	const consultation = ctx.consultation;
	if (!consultation || consultation.status !== 'submitted') redirect(303, `${base}/check`);
	const now = Date.now();
	if (await packLocked(ctx.reviewDate, now)) return fail(409, { errors: { reopen: { key: 'errors.pack-locked' } as FieldError } });
	await db.transaction().execute(async (trx) => {
		const sent = [...(await answers.forConsultation(trx, consultation.id)).values()];
		await consultations.reopen(trx, consultation.id, JSON.stringify(sent), now);
		await audit.record(trx, { at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'reopened', childId: ctx.review.childId, resourceType: 'consultation', resourceId: consultation.id, requestId: event.locals.requestId });
	});
	redirect(303, `${base}/check`);
}
