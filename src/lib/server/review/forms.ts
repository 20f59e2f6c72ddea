import * as v from 'valibot';
import { isIsoDate } from '$lib/domain/calendar';
import { PARTICIPATION_CODES } from '$lib/domain/participation';
import { textField } from '../forms/text-field';
import type { FieldError } from '$lib/forms/types';
import { ID_PATTERN } from '../ids';
import { DECISION_STATUSES } from '../data/decisions';
import { REACTIONS } from '../data/reactions';

/**
 * The after-the-meeting forms, checked on the server against positive rules (SECURITY §7): exactly
 * the form's fields (unknown or repeated keys are malformed: 400, SEC-Z6), text through the one
 * Unicode rule (`normaliseText`) and the code-point counter (D25), and a message key per field,
 * never English (STYLE §4.1). What was typed comes back in `raw`, so nothing is lost.
 */
export type Raw = Record<string, string | string[]>;
export type FormResult<T> = { ok: true; value: T } | { ok: false; raw: Raw; errors: Record<string, FieldError> } | { ok: false; malformed: true };

/** Free text: 2,000 code points (D25). */
export const TEXT_LIMIT = 2000;
/** A single line (SECURITY §7). */
export const LINE_LIMIT = 200;
/** A reason for a PN change (SECURITY §7). */
export const REASON_LIMIT = 1000;
/** The My Review Report is a letter, not an answer: raised to the 5,000 a definition may use (SECURITY §7). */
export const REPORT_LIMIT = 5000;

/**
 * Reads exactly `single` (one string each, missing reads as '') and `multi` (checkbox groups: each
 * value from its allowlist, at most once) from a post, then checks them against `schema`.
 */
export function parseFields<S extends v.GenericSchema<Raw, unknown>>(
	schema: S,
	form: FormData,
	single: readonly string[],
	multi: Readonly<Record<string, readonly string[]>> = {}
): FormResult<v.InferOutput<S>> {
	const raw: Raw = {};
	for (const key of new Set(form.keys())) if (!single.includes(key) && !(key in multi)) return { ok: false, malformed: true };
	for (const f of single) {
		const all = form.getAll(f);
		if (all.length > 1 || (all[0] !== undefined && typeof all[0] !== 'string')) return { ok: false, malformed: true };
		raw[f] = (all[0] as string | undefined) ?? '';
	}
	for (const [f, allowed] of Object.entries(multi)) {
		const all = form.getAll(f);
		if (all.some((x) => typeof x !== 'string' || !allowed.includes(x)) || new Set(all).size !== all.length) return { ok: false, malformed: true };
		raw[f] = all as string[];
	}
	const result = v.safeParse(schema, raw);
	if (result.success) return { ok: true, value: result.output };
	const errors: Record<string, FieldError> = {};
	for (const issue of result.issues) errors[v.getDotPath(issue) ?? single[0] ?? 'form'] ??= { key: issue.message };
	return { ok: false, raw, errors };
}

/** Text after the Unicode rule, within `max` code points; `empty` makes it required. One line unless `multiline`. */
function text(o: { max: number; tooLong: string; empty?: string; multiline?: boolean }) {
	return textField({ ...o, badCharacters: 'errors.text-bad-characters' });
}

function date(o: { empty: string; invalid: string; notAfter?: string; future?: string }) {
	return v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty(o.empty),
		v.check((s) => isIsoDate(s), o.invalid),
		v.check((s) => !o.notAfter || s <= o.notAfter, o.future ?? o.invalid)
	);
}

const checkboxes = <T extends string>(values: readonly T[]) => v.array(v.picklist(values));

// ── Meeting facts (DOMAIN §4.1) ────────────────────────────────────────────────────────────

export const IN_MEETING = ['spoke-for-self', 'advocate-spoke', 'non-verbal'] as const;
export const OUTSIDE = ['briefed-advocate', 'views-otherwise', 'consultation-sent'] as const;
export const CHECKS = ['private-talk', 'advocacy-explained'] as const;

export function meetingSchema(today: string) {
	return v.pipe(
		v.object({
			heldDate: date({ empty: 'errors.held-empty', invalid: 'errors.held-invalid', notAfter: today, future: 'errors.held-future' }),
			attended: v.picklist(['yes', 'no'], 'errors.attended-choose'),
			inMeeting: checkboxes(IN_MEETING),
			outside: checkboxes(OUTSIDE),
			checks: checkboxes(CHECKS)
		}),
		// "Spoke" or "an advocate spoke" describe the meeting: they can't be true of a child who wasn't there.
		v.forward(
			v.check((o) => o.attended === 'yes' || o.inMeeting.length === 0, 'errors.in-meeting-not-attended'),
			['inMeeting']
		)
	);
}
export const MEETING_FIELDS = { single: ['heldDate', 'attended'], multi: { inMeeting: IN_MEETING, outside: OUTSIDE, checks: CHECKS } } as const;

export const ConfirmSchema = v.object({
	code: v.picklist(PARTICIPATION_CODES, 'errors.code-choose'),
	reason: text({ max: REASON_LIMIT, tooLong: 'errors.reason-too-long', multiline: true })
});

// ── Decisions ────────────────────────────────────────────────────────────────────────────

const decisionFields = {
	text: text({ max: TEXT_LIMIT, empty: 'errors.decision-empty', tooLong: 'errors.decision-too-long', multiline: true }),
	owner: text({ max: LINE_LIMIT, empty: 'errors.owner-empty', tooLong: 'errors.owner-too-long' }),
	dueOn: date({ empty: 'errors.due-empty', invalid: 'errors.due-invalid' })
};

/** Add a decision; `linkable` is the child's answered questions (the only ids `links` may hold). */
export function addDecisionSchema(linkable: readonly string[]) {
	return v.object({ ...decisionFields, links: checkboxes(linkable) });
}

export function updateDecisionSchema(linkable: readonly string[]) {
	return v.pipe(
		v.object({
			decisionId: v.pipe(v.string(), v.regex(ID_PATTERN, 'errors.decision-empty')),
			...decisionFields,
			links: checkboxes(linkable),
			status: v.picklist(DECISION_STATUSES, 'errors.status-choose'),
			statusReason: text({ max: REASON_LIMIT, tooLong: 'errors.reason-too-long', multiline: true })
		}),
		// DOMAIN §8.1 item 9: "done / partly / not done (with reason)".
		v.forward(
			v.check((o) => (o.status !== 'partly' && o.status !== 'not-done') || o.statusReason.length > 0, 'errors.status-reason-needed'),
			['statusReason']
		)
	);
}

// ── The report ───────────────────────────────────────────────────────────────────────────

export const ReportSchema = v.object({ body: text({ max: REPORT_LIMIT, tooLong: 'errors.report-too-long', multiline: true }) });

// ── Escalations (DOMAIN §9 DRP stages) ─────────────────────────────────────────────────────

export const STAGES = ['1', '2', '3', '4'] as const;

export function openEscalationSchema(today: string) {
	return v.object({
		stage: v.picklist(STAGES, 'errors.stage-choose'),
		raisedTo: text({ max: LINE_LIMIT, empty: 'errors.raised-to-empty', tooLong: 'errors.raised-to-too-long' }),
		openedOn: date({ empty: 'errors.opened-empty', invalid: 'errors.opened-invalid', notAfter: today, future: 'errors.opened-future' })
	});
}

export function closeEscalationSchema(today: string) {
	return v.object({
		escalationId: v.pipe(v.string(), v.regex(ID_PATTERN, 'errors.outcome-empty')),
		closedOn: date({ empty: 'errors.closed-empty', invalid: 'errors.closed-invalid', notAfter: today, future: 'errors.closed-future' }),
		outcome: text({ max: TEXT_LIMIT, empty: 'errors.outcome-empty', tooLong: 'errors.outcome-too-long', multiline: true })
	});
}

// ── The child's reaction (DOMAIN §7) ─────────────────────────────────────────────────────

export const ReactionSchema = v.object({
	decisionId: v.pipe(v.string(), v.regex(ID_PATTERN, 'errors.reaction-choose')),
	reaction: v.picklist(REACTIONS, 'errors.reaction-choose'),
	words: text({ max: TEXT_LIMIT, tooLong: 'errors.words-too-long', multiline: true })
});
