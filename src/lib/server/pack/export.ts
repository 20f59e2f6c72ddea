import * as v from 'valibot';
import type { AnswerValue } from '$lib/forms/types';
import type { Pack } from './assemble';

/**
 * The pack as JSON for case systems (DOMAIN §8.3): schema `my-review-pack`, version 1, the
 * social-worker view (the child's `iro-and-social-worker` and `everyone` answers, a count of the
 * rest, parents' and carers' views). Wording travels as keys with the English text, so a case
 * system shows exactly what was asked. PURE.
 *
 * Version 2 adds what the meeting recorded (held date, attendance, the PN code suggested and
 * confirmed, DOMAIN §4), this review's decisions and the previous review's decisions with what
 * became of them (DOMAIN §8.1 item 9), and the requests since the last review (issue 6: kind,
 * who asked, state, dates, whether the service level was met; never what anyone wrote in them).
 */
export const SCHEMA = 'my-review-pack';
export const SCHEMA_VERSION = 2;

const DecisionSchema = v.strictObject({ text: v.string(), owner: v.string(), dueOn: v.string(), status: v.string(), statusReason: v.nullable(v.string()) });

const ValueSchema = v.union([
	v.object({ kind: v.literal('choice'), value: v.string() }),
	v.object({ kind: v.literal('choices'), values: v.array(v.string()) }),
	v.object({ kind: v.literal('text'), text: v.string() }),
	v.object({ kind: v.literal('drawing'), strokes: v.array(v.array(v.number())) }),
	v.object({ kind: v.literal('date'), date: v.string() }),
	v.object({ kind: v.literal('skipped') })
]);

/** The export's shape, checked by a schema test and by the route before it answers. */
export const PackExportSchema = v.strictObject({
	schema: v.literal(SCHEMA),
	schemaVersion: v.literal(SCHEMA_VERSION),
	generatedAt: v.string(),
	view: v.literal('social-worker'),
	review: v.strictObject({ id: v.string(), sequence: v.number(), kind: v.picklist(['first', 'second', 'subsequent']), dueBy: v.string(), scheduledFor: v.nullable(v.string()), lockedAt: v.string() }),
	child: v.strictObject({ preferredName: v.string(), ageOnReviewDate: v.number(), band: v.nullable(v.string()) }),
	respondents: v.array(
		v.strictObject({
			role: v.picklist(['young-person', 'parent', 'carer']),
			name: v.string(),
			formId: v.string(),
			formVersion: v.number(),
			submittedAt: v.string(),
			late: v.boolean(),
			answers: v.array(v.strictObject({ questionId: v.string(), topic: v.string(), wording: v.string(), value: ValueSchema, visibility: v.string() })),
			withheldCount: v.number()
		})
	),
	notResponded: v.array(v.strictObject({ role: v.string(), name: v.string(), invitedAt: v.string(), started: v.boolean() })),
	alerts: v.array(v.strictObject({ raisedAt: v.string(), source: v.string(), acknowledgedAt: v.nullable(v.string()) })),
	participation: v.nullable(
		v.strictObject({
			heldOn: v.string(),
			attended: v.boolean(),
			suggestedCode: v.picklist(['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7']),
			confirmedCode: v.nullable(v.picklist(['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7'])),
			codeReason: v.nullable(v.string())
		})
	),
	decisions: v.array(DecisionSchema),
	previousDecisions: v.nullable(v.strictObject({ reviewSequence: v.number(), heldOn: v.nullable(v.string()), decisions: v.array(DecisionSchema) })),
	requests: v.array(
		v.strictObject({ kind: v.string(), requester: v.string(), state: v.string(), sentAt: v.string(), closedAt: v.nullable(v.string()), metServiceLevel: v.nullable(v.boolean()) })
	)
});
export type PackExport = v.InferOutput<typeof PackExportSchema>;

export interface ExportContext {
	review: { id: string; sequence: number; dueDate: string; scheduledDate: string | null };
	child: { name: string; ageOnReviewDate: number; band: string | null };
	locksOn: string;
	alerts: { createdAt: number; source: string; acknowledgedAt: number | null }[];
	now: number;
	/** English wording for a key (the server's i18n, en-GB). */
	wording: (key: string) => string;
	/** Was it sent after the lock day? */
	late: (submittedAt: number) => boolean;
	/** What the meeting recorded, once it has (DOMAIN §4). */
	meeting: { heldDate: string; attended: boolean; suggestedCode: string; confirmedCode: string | null; codeReason: string | null } | null;
	decisions: readonly ExportDecision[];
	previous: { sequence: number; heldDate: string | null; decisions: readonly ExportDecision[] } | null;
	/** Requests since the last review (issue 6), without their words. */
	requests?: readonly { kind: string; requesterKind: string; state: string; sentAt: number; closedAt: number | null; metServiceLevel: boolean | null }[];
}

type ExportDecision = { text: string; owner: string; dueOn: string; status: string; statusReason: string | null };
const decision = (d: ExportDecision) => ({ text: d.text, owner: d.owner, dueOn: d.dueOn, status: d.status, statusReason: d.statusReason });
type Code = 'PN0' | 'PN1' | 'PN2' | 'PN3' | 'PN4' | 'PN5' | 'PN6' | 'PN7';

const iso = (ms: number) => new Date(ms).toISOString();

export function toExport(pack: Pack, ctx: ExportContext): PackExport {
	return {
		schema: SCHEMA,
		schemaVersion: SCHEMA_VERSION,
		generatedAt: iso(ctx.now),
		view: 'social-worker',
		review: {
			id: ctx.review.id,
			sequence: ctx.review.sequence,
			kind: ctx.review.sequence === 1 ? 'first' : ctx.review.sequence === 2 ? 'second' : 'subsequent',
			dueBy: ctx.review.dueDate,
			scheduledFor: ctx.review.scheduledDate,
			lockedAt: ctx.locksOn
		},
		child: { preferredName: ctx.child.name, ageOnReviewDate: ctx.child.ageOnReviewDate, band: ctx.child.band },
		respondents: pack.sections.map((s) => {
			return {
				role: s.kind,
				name: s.displayName,
				formId: s.formId,
				formVersion: s.formVersion,
				submittedAt: iso(s.submittedAt),
				late: ctx.late(s.submittedAt),
				answers: s.topics.flatMap((t) =>
					t.items.map((i) => ({
						questionId: i.questionId,
						topic: t.topic,
						wording: ctx.wording(`${i.wording}.label`),
						value: i.value as AnswerValue,
						visibility: i.visibility
					}))
				),
				withheldCount: s.withheld
			};
		}),
		notResponded: pack.waiting.map((w) => ({ role: w.kind, name: w.displayName, invitedAt: iso(w.invitedAt), started: w.started })),
		alerts: ctx.alerts.map((a) => ({ raisedAt: iso(a.createdAt), source: a.source, acknowledgedAt: a.acknowledgedAt ? iso(a.acknowledgedAt) : null })),
		participation: ctx.meeting && {
			heldOn: ctx.meeting.heldDate,
			attended: ctx.meeting.attended,
			suggestedCode: ctx.meeting.suggestedCode as Code,
			confirmedCode: ctx.meeting.confirmedCode as Code | null,
			codeReason: ctx.meeting.codeReason
		},
		decisions: ctx.decisions.map(decision),
		previousDecisions: ctx.previous && { reviewSequence: ctx.previous.sequence, heldOn: ctx.previous.heldDate, decisions: ctx.previous.decisions.map(decision) },
		requests: (ctx.requests ?? []).map((r) => ({
			kind: r.kind, requester: r.requesterKind, state: r.state, sentAt: iso(r.sentAt), closedAt: r.closedAt ? iso(r.closedAt) : null, metServiceLevel: r.metServiceLevel
		}))
	};
}
