import { londonDate } from '$lib/domain/calendar';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { feedbackFormById } from '$lib/forms/feedback/registry';
import type { FeedbackForm, FeedbackPage } from '$lib/forms/feedback/types';
import { answerToRaw, type RawFields } from '$lib/forms/raw';
import type { Answer, AnswerValue, FieldError, Question } from '$lib/forms/types';
import { fieldNames, validatePage } from '$lib/forms/validate';
import type { Access } from '../access/require';
import type { Db } from '../db';
import * as allocations from '../data/allocations';
import * as audit from '../data/audit';
import * as children from '../data/children';
import * as feedback from '../data/feedback';
import type { FeedbackResponse } from '../data/feedback';
import * as idempotency from '../data/idempotency';
import type { RespondentKind } from '../data/invitations';
import * as reviews from '../data/reviews';
import type { Review } from '../data/reviews';
import { field } from '../http';
import { log } from '../log';
import { loadSettings } from '../settings';
import { isOpen } from './invite';

/**
 * Feedback after the review (issue 6, DOMAIN §7), the respondent's side: a start page, one short
 * page per question (a child on a cracked phone sees one thing at a time, and each page move saves
 * on the server, REL-1), check and send with an idempotency key ("sent" only after the write commits,
 * REL-5), and a thank-you page. The three audiences share this; the routes differ only in `kind`.
 */
type FeedbackAccess = Access<'review.give-feedback'>;

export function feedbackBase(kind: RespondentKind, reviewId: string): string {
	return `${kind === 'young-person' ? '/me' : `/${kind}`}/review/${reviewId}/feedback`;
}

interface Context {
	review: Review;
	childName: string;
	iroName: string | null;
	carerName: string | null;
	response: FeedbackResponse | undefined;
	form: FeedbackForm | null;
	answers: Map<string, AnswerValue>;
	open: boolean;
	base: string;
}

async function context(db: Db, access: FeedbackAccess, kind: RespondentKind, now: number): Promise<Context> {
	const review = (await reviews.get(db, access.reviewId!))!;
	const child = (await children.get(db, review.childId))!;
	const response = await feedback.find(db, review.id, access.actor.id);
	// Only the respondent's own kind of feedback: a response made for another audience is not theirs here.
	const mine = response && response.respondentKind === kind ? response : undefined;
	const today = londonDate(now);
	const iro = await allocations.currentIro(db, child.id, today);
	const carer = kind === 'young-person'
		? (await children.people(db, child.id)).find((p) => p.relation === 'carer' && p.startsOn <= today && (p.endsOn === null || p.endsOn > today))
		: undefined;
	return {
		review, childName: child.preferredName, iroName: iro?.displayName ?? null, carerName: carer?.displayName ?? null, response: mine,
		form: mine ? (feedbackFormById(mine.formId, mine.formVersion) ?? null) : null,
		answers: mine ? await feedback.answers(db, mine.id) : new Map(),
		open: mine ? isOpen(mine.closesOn, now) : false,
		base: feedbackBase(kind, review.id)
	};
}

function names(ctx: Context) {
	return { childName: ctx.childName, iroName: ctx.iroName ?? '', carerName: ctx.carerName ?? '' };
}

/** The first page without an answer: where a returning person carries on (REL-1). */
function resume(ctx: Context): string {
	const next = ctx.form?.pages.find((p) => !ctx.answers.has(p.id));
	return next ? `${ctx.base}/${next.id}` : `${ctx.base}/check`;
}

/** Pages need an open, unsent response; otherwise the person is shown where they stand. */
function mustBeOpen(ctx: Context): asserts ctx is Context & { response: FeedbackResponse; form: FeedbackForm } {
	if (ctx.response?.status === 'sent') redirect(303, `${ctx.base}/sent`);
	if (!ctx.response || !ctx.form || !ctx.open) redirect(303, ctx.base);
}

function asAnswer(q: Question, value: AnswerValue | undefined): Answer | undefined {
	return value ? { questionId: q.id, value, visibility: 'iro-only' } : undefined;
}

function pageRaw(page: FeedbackPage, answers: Map<string, AnswerValue>): RawFields {
	return {
		...answerToRaw(page.question, asAnswer(page.question, answers.get(page.id))),
		...(page.words ? answerToRaw(page.words, asAnswer(page.words, answers.get(page.words.id))) : {})
	};
}

/** The slice of Kit's RequestEvent the actions use (tests pass their own). */
export type Event = Pick<RequestEvent, 'request' | 'url'> & { locals: { requestId: string }; route: { id: string | null } };

export async function loadStart(db: Db, access: FeedbackAccess, kind: RespondentKind, now: number) {
	const ctx = await context(db, access, kind, now);
	const state: 'not-open' | 'open' | 'closed' | 'sent' = !ctx.response || !ctx.form ? 'not-open' : ctx.response.status === 'sent' ? 'sent' : ctx.open ? 'open' : 'closed';
	return {
		state, audience: kind, iroName: ctx.iroName, childName: ctx.childName, closesOn: ctx.response?.closesOn ?? null,
		started: ctx.response?.status === 'draft', questionCount: ctx.form?.pages.length ?? 0,
		next: state === 'open' ? resume(ctx) : null, assisted: !!ctx.form?.assisted,
		home: kind === 'young-person' ? '/me' : `/${kind}`
	};
}

/** `?return=check` (a change link from check answers) is the only return allowed (SEC-C7). */
function returnsToCheck(url: URL): boolean {
	return url.searchParams.get('return') === 'check';
}

function pageOf(ctx: Context & { form: FeedbackForm }, pageId: string): { page: FeedbackPage; index: number } {
	const index = ctx.form.pages.findIndex((p) => p.id === pageId);
	if (index < 0) error(404, { message: 'Not found', code: 'not-found', id: 'page' });
	return { page: ctx.form.pages[index]!, index };
}

export async function loadPage(db: Db, access: FeedbackAccess, url: URL, pageId: string, kind: RespondentKind, now: number) {
	const ctx = await context(db, access, kind, now);
	mustBeOpen(ctx);
	const { page, index } = pageOf(ctx, pageId);
	const check = returnsToCheck(url);
	return {
		question: page.question, words: page.words, number: index + 1, total: ctx.form.pages.length, raw: pageRaw(page, ctx.answers),
		back: check ? `${ctx.base}/check` : index === 0 ? ctx.base : `${ctx.base}/${ctx.form.pages[index - 1]!.id}`,
		returnToCheck: check, names: names(ctx), assisted: !!ctx.form.assisted, readAloud: !!ctx.form.readAloud, audience: kind
	};
}

/** The page's buttons: carry on (default), or go back a page; both save first (nothing lost). */
const GO = ['next', 'back'] as const;

export async function savePage(db: Db, access: FeedbackAccess, event: Event, pageId: string, kind: RespondentKind, now: number) {
	const ctx = await context(db, access, kind, now);
	mustBeOpen(ctx);
	const { page, index } = pageOf(ctx, pageId);
	const body = await event.request.formData();
	const go = body.getAll('go');
	if (go.length > 1 || (go.length === 1 && !(GO as readonly unknown[]).includes(go[0]))) error(400, { message: 'Bad request', code: 'bad-request', id: event.locals.requestId });
	const wordsFields = page.words ? fieldNames(page.words) : [];
	const main = validatePage(page.question, body, [...wordsFields, 'go']);
	const words = page.words ? validatePage(page.words, body, [...fieldNames(page.question), 'go']) : null;
	// SEC-Z6: unknown or repeated fields and forged options are a forgery, not a slip.
	if (main.kind === 'malformed' || words?.kind === 'malformed') error(400, { message: 'Bad request', code: 'bad-request', id: event.locals.requestId });
	if (main.kind === 'invalid' || words?.kind === 'invalid') {
		const raw: RawFields = { ...(main.kind === 'invalid' ? main.raw : answerToRaw(page.question, main.answer)), ...(words?.kind === 'invalid' ? words.raw : words?.kind === 'ok' ? answerToRaw(page.words!, words.answer) : {}) };
		const errors: Record<string, FieldError> = { ...(main.kind === 'invalid' ? main.errors : {}), ...(words?.kind === 'invalid' ? words.errors : {}) };
		return fail(400, { raw, errors });
	}
	const values = [{ questionId: page.id, value: main.answer.value }, ...(words?.kind === 'ok' ? [{ questionId: words.answer.questionId, value: words.answer.value }] : [])];
	let saved: boolean;
	try {
		saved = await db.transaction().execute((trx) => feedback.saveAnswers(trx, ctx.response.id, values, now));
	} catch (e) {
		log.error({ err: e, requestId: event.locals.requestId, route: event.route.id }, 'feedback save failed');
		const raw: RawFields = { ...answerToRaw(page.question, main.answer), ...(words?.kind === 'ok' ? answerToRaw(page.words!, words.answer) : {}) };
		return fail(503, { raw, errors: { [page.id]: { key: 'errors.save-failed' } as FieldError } });
	}
	if (!saved) redirect(303, `${ctx.base}/sent`);
	if (go[0] === 'back') redirect(303, index === 0 ? ctx.base : `${ctx.base}/${ctx.form.pages[index - 1]!.id}`);
	const next = ctx.form.pages[index + 1];
	redirect(303, returnsToCheck(event.url) || !next ? `${ctx.base}/check` : `${ctx.base}/${next.id}`);
}

/** Parents and carers may hide their name from the IRO where the service allows it (DOMAIN §7). */
async function anonymousAllowed(db: Db, kind: RespondentKind): Promise<boolean> {
	return kind !== 'young-person' && (await loadSettings(db)).feedbackAnonymousAllowed;
}

export async function loadCheck(db: Db, access: FeedbackAccess, kind: RespondentKind, now: number) {
	const ctx = await context(db, access, kind, now);
	mustBeOpen(ctx);
	const rows = ctx.form.pages.map((p) => ({
		page: p,
		value: ctx.answers.get(p.id) ?? null,
		words: p.words ? (ctx.answers.get(p.words.id) ?? null) : null
	}));
	// REL-4: the key is made here and rendered as a hidden field, so a double tap or a retry sends the same key.
	return {
		rows, base: ctx.base, names: names(ctx), iroName: ctx.iroName, audience: kind, anonymousAllowed: await anonymousAllowed(db, kind),
		idempotencyKey: crypto.randomUUID()
	};
}

function fieldsHash(responseId: string, anonymous: boolean): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(`feedback-send:${responseId}:${anonymous ? 1 : 0}`)));
}

/**
 * Sends the feedback: ONE transaction marks it sent (with the name hidden if asked and allowed),
 * writes the audit row and stores the idempotency key; "sent" shows only after it commits.
 */
export async function send(db: Db, access: FeedbackAccess, event: Event, kind: RespondentKind, now: number) {
	const body = await event.request.formData();
	const key = field(body, 'idempotency_key');
	const keys = [...body.keys()];
	const allowed = await anonymousAllowed(db, kind);
	const anonymousField = body.getAll('anonymous');
	if (
		!keys.every((k) => k === 'idempotency_key' || (k === 'anonymous' && allowed)) ||
		!/^[0-9a-f-]{36}$/.test(key) ||
		anonymousField.length > 1 ||
		(anonymousField.length === 1 && anonymousField[0] !== 'yes')
	) {
		error(400, { message: 'Bad request', code: 'bad-request', id: event.locals.requestId });
	}
	const anonymous = anonymousField[0] === 'yes';
	const ctx = await context(db, access, kind, now);
	if (!ctx.response) redirect(303, ctx.base);
	const response = ctx.response;
	const hash = fieldsHash(response.id, anonymous);
	const earlier = await idempotency.lookup(db, access.actor.id, key, 'feedback-send', hash);
	if (earlier.kind === 'replay') redirect(303, earlier.location);
	if (earlier.kind === 'conflict') return fail(422, { errors: { send: { key: 'errors.send-conflict' } as FieldError } });
	if (response.status === 'sent') redirect(303, `${ctx.base}/sent`);
	if (!ctx.open) redirect(303, ctx.base);
	const location = `${ctx.base}/sent`;
	try {
		await db.transaction().execute(async (trx) => {
			if (await feedback.markSent(trx, response.id, anonymous, now)) {
				await audit.record(trx, { at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'feedback_sent', childId: ctx.review.childId, resourceType: 'feedback', resourceId: response.id, requestId: event.locals.requestId });
			}
			await idempotency.store(trx, { actorId: access.actor.id, key, action: 'feedback-send', fieldsHash: hash, location }, now);
		});
	} catch (e) {
		const again = await idempotency.lookup(db, access.actor.id, key, 'feedback-send', hash).catch(() => null);
		if (again?.kind === 'replay') redirect(303, again.location);
		log.error({ err: e, requestId: event.locals.requestId, route: event.route.id }, 'feedback send failed');
		return fail(503, { errors: { send: { key: 'errors.save-failed' } as FieldError } });
	}
	redirect(303, location);
}

export async function loadSent(db: Db, access: FeedbackAccess, kind: RespondentKind, now: number) {
	const ctx = await context(db, access, kind, now);
	if (ctx.response?.status !== 'sent') redirect(303, ctx.base);
	return { iroName: ctx.iroName, anonymous: ctx.response.anonymous, audience: kind, home: kind === 'young-person' ? '/me' : `/${kind}` };
}

export interface FeedbackHomeItem {
	reviewId: string;
	childName: string;
	status: 'not-started' | 'started' | 'sent';
	closesOn: string;
	href: string;
}

/**
 * The respondent's home: feedback still open for them (DOMAIN §7), their own only (the query is
 * scoped to the actor) and, for parents and carers, only while they are still linked to the child.
 */
export async function feedbackHome(db: Db, access: Access<'respondent.home'>, now: number): Promise<FeedbackHomeItem[]> {
	const actor = access.actor;
	const kind = actor.role as RespondentKind;
	const today = londonDate(now);
	const out: FeedbackHomeItem[] = [];
	for (const r of await feedback.forRespondent(db, actor.id)) {
		if (r.respondentKind !== kind || !isOpen(r.closesOn, now)) continue;
		const review = await reviews.get(db, r.reviewId);
		if (!review) continue;
		if (kind === 'young-person' ? actor.childId !== review.childId : !(await children.people(db, review.childId)).some((p) => p.userId === actor.id && p.relation === kind && p.startsOn <= today && (p.endsOn === null || p.endsOn > today))) continue;
		const child = (await children.get(db, review.childId))!;
		const base = feedbackBase(kind, review.id);
		out.push({
			reviewId: review.id, childName: child.preferredName, closesOn: r.closesOn,
			status: r.status === 'sent' ? 'sent' : r.status === 'draft' ? 'started' : 'not-started',
			href: r.status === 'sent' ? `${base}/sent` : base
		});
	}
	return out;
}
