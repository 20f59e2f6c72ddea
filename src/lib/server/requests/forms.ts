import * as v from 'valibot';
import { textField } from '../forms/text-field';
import { ID_PATTERN } from '../ids';
import { ADVOCATE_ABOUT, CHANGES, CONTACT_HOW, TALK_HOW, TALK_WHEN, URGENCY } from '../data/requests';

/**
 * The request forms (issue 6, DOMAIN §6.2), checked on the server against positive rules
 * (SECURITY §7) through `parseFields` (exact fields; unknown or repeated keys are a 400). Each
 * message is an i18n key (`requests.errors.*`), never English. Plain words for children.
 */
export const WORDS_LIMIT = 2000;
export const LINE_LIMIT = 200;
const KEY = /^[0-9a-f-]{36}$/;

function text(o: { max: number; tooLong: string; empty?: string; multiline?: boolean }) {
	return textField({ ...o, badCharacters: 'requests.errors.bad-characters' });
}

const words = text({ max: WORDS_LIMIT, tooLong: 'requests.errors.words-too-long', multiline: true });
const line = text({ max: LINE_LIMIT, tooLong: 'requests.errors.line-too-long' });
const idempotencyKey = v.pipe(v.string(), v.regex(KEY, 'requests.errors.try-again'));

// ── "I want an advocate" (child) ───────────────────────────────────────────────────────────

export const AdvocateSchema = v.pipe(
	v.object({
		about: v.array(v.picklist(ADVOCATE_ABOUT)),
		words,
		contact: v.picklist(CONTACT_HOW, 'requests.errors.contact-choose'),
		safeTime: line,
		needs: words,
		interpreter: v.picklist(['yes', 'no', ''], 'requests.errors.interpreter-choose'),
		language: line,
		urgency: v.picklist(URGENCY, 'requests.errors.urgency-choose'),
		consent: v.picklist(['yes', 'no'], 'requests.errors.consent-choose'),
		iroCanSee: v.array(v.picklist(['yes'])),
		idempotency_key: idempotencyKey
	}),
	v.forward(
		v.check((o) => o.interpreter !== 'yes' || o.language.length > 0, 'requests.errors.language-empty'),
		['language']
	)
);
export const ADVOCATE_FIELDS = {
	single: ['words', 'contact', 'safeTime', 'needs', 'interpreter', 'language', 'urgency', 'consent', 'idempotency_key'],
	multi: { about: ADVOCATE_ABOUT, iroCanSee: ['yes'] }
} as const;

// ── "I want to talk to my IRO" (child, parent, carer) ───────────────────────────────────────

export const TalkSchema = v.object({
	when: v.picklist(TALK_WHEN, 'requests.errors.when-choose'),
	how: v.picklist(TALK_HOW, 'requests.errors.how-choose'),
	safeTime: line,
	topic: words,
	idempotency_key: idempotencyKey
});
export const TALK_FIELDS = { single: ['when', 'how', 'safeTime', 'topic', 'idempotency_key'], multi: {} } as const;

// ── "Change my review" (child) ──────────────────────────────────────────────────────────────

export const ChangeSchema = v.object({
	changes: v.pipe(v.array(v.picklist(CHANGES)), v.minLength(1, 'requests.errors.changes-choose')),
	reason: words,
	idempotency_key: idempotencyKey
});
export const CHANGE_FIELDS = { single: ['reason', 'idempotency_key'], multi: { changes: CHANGES } } as const;

// ── Parents and carers: an interpreter, a different time, or to talk to the IRO ────────────

export const ADULT_KINDS = ['interpreter', 'change-review', 'talk-to-iro'] as const;

export const AdultSchema = v.pipe(
	v.object({
		childId: v.pipe(v.string(), v.regex(ID_PATTERN, 'requests.errors.child-choose')),
		kind: v.picklist(ADULT_KINDS, 'requests.errors.kind-choose'),
		language: line,
		suits: line,
		how: v.picklist([...TALK_HOW, ''], 'requests.errors.how-choose'),
		words,
		idempotency_key: idempotencyKey
	}),
	v.forward(
		v.check((o) => o.kind !== 'interpreter' || o.language.length > 0, 'requests.errors.language-empty'),
		['language']
	),
	v.forward(
		v.check((o) => o.kind !== 'talk-to-iro' || o.how !== '', 'requests.errors.how-choose'),
		['how']
	)
);
export const ADULT_FIELDS = { single: ['childId', 'kind', 'language', 'suits', 'how', 'words', 'idempotency_key'], multi: {} } as const;

// ── Withdraw (requester) ────────────────────────────────────────────────────────────────────

export const WithdrawSchema = v.object({ requestId: v.pipe(v.string(), v.regex(ID_PATTERN, 'requests.errors.missing')), confirm: v.literal('yes', 'requests.errors.missing') });
export const WITHDRAW_FIELDS = ['requestId', 'confirm'] as const;

// ── Staff: the IRO and the advocacy service ────────────────────────────────────────────────

export const IRO_ACTIONS = ['answered', 'contact-arranged', 'done', 'declined'] as const;
export const IroActSchema = v.object({
	event: v.picklist(IRO_ACTIONS, 'requests.errors.event-choose'),
	note: text({ max: WORDS_LIMIT, empty: 'requests.errors.note-empty', tooLong: 'requests.errors.words-too-long', multiline: true })
});
export const IRO_ACT_FIELDS = ['event', 'note'] as const;

export const SERVICE_ACTIONS = ['accepted', 'contacted', 'done', 'declined'] as const;
export const ServiceActSchema = v.pipe(
	v.object({
		event: v.picklist(SERVICE_ACTIONS, 'requests.errors.event-choose'),
		note: text({ max: WORDS_LIMIT, tooLong: 'requests.errors.words-too-long', multiline: true })
	}),
	// DOMAIN §6.3: "done" needs an outcome and "we couldn't" needs a reason.
	v.forward(
		v.check((o) => (o.event !== 'done' && o.event !== 'declined') || o.note.length > 0, 'requests.errors.note-empty'),
		['note']
	)
);
export const SERVICE_ACT_FIELDS = ['event', 'note'] as const;

export const AllocateSchema = v.object({ advocateId: v.pipe(v.string(), v.regex(ID_PATTERN, 'requests.errors.advocate-choose')) });
export const ALLOCATE_FIELDS = ['advocateId'] as const;
