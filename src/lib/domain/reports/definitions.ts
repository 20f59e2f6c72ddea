/**
 * The annual-report figures (DOMAIN §9), as pure functions of the facts: one function per table,
 * each stating its definitions (numerator / denominator) by i18n key. Reviews count by held date
 * (§9 "Period"); a review of a young person 18 or over on the held date is a pathway-plan review,
 * counted on its own row and nowhere else (§3.3 "Care leavers"; §4.1: no PN code).
 */
import type { FormBand } from '../age-band';
import { feedbackFormById } from '$lib/forms/feedback/registry';
import type { FeedbackForm } from '$lib/forms/feedback/types';
import { RATHER_NOT_SAY } from '$lib/forms/types';
import { ageOn, type IsoDate } from '../calendar';
import { PARTICIPATION_CODES, PN0_AGE_UNDER, type ParticipationCode } from '../participation';
import { resolveScheduleSettings, type ScheduleSettings } from '../review-schedule';
import { DEFAULT_SERVICE_SETTINGS, type ServiceSettings } from '../service-settings';
import type { Clock } from '../request-sla';
import { REQUEST_KINDS } from '../request-state';
import { DRP_WORKING_DAYS } from '../timeliness';
import { acknowledgeBy } from './alert-target';
import { addWorkingDaysFast, workingDaysBetweenFast as workingDaysBetween } from './fast-days';
import { londonDay as londonDate } from './london';
import { requestClocks as fastClocks } from './request-clocks';
import { count, median, percent, roundHalfUp } from './numbers';
import { inPeriod } from './period';
import type {
	AlertFact,
	AllocationFact,
	Cell,
	EscalationFact,
	Period,
	Report,
	ReportFacts,
	FeedbackFacts,
	ReportTable,
	RequestFact,
	ReturnCount,
	ReviewFact,
	Row
} from './types';

/** A young person this age or older on the held date has a pathway-plan review (DOMAIN §3.3). */
export const PATHWAY_AGE = 18;

const EMPTY: Cell = { kind: 'empty' };

function row(id: string, cells: Record<string, Cell>, extra: Partial<Row> = {}): Row {
	return { id, label: { key: `reports.row.${id}` }, cells, ...extra };
}

function memo<A, R>(fn: (a: A) => R): (a: A) => R {
	const cache = new Map<A, R>();
	return (a) => {
		let r = cache.get(a);
		if (r === undefined) cache.set(a, (r = fn(a)));
		return r;
	};
}

/** The reviews of the period, split into CLA reviews (under 18) and pathway-plan reviews. */
export function reviewsInPeriod(reviews: readonly ReviewFact[], period: Period): { cla: ReviewFact[]; pathway: ReviewFact[] } {
	const cla: ReviewFact[] = [];
	const pathway: ReviewFact[] = [];
	for (const r of reviews) {
		if (!inPeriod(r.heldDate, period)) continue;
		(ageAtReview(r) >= PATHWAY_AGE ? pathway : cla).push(r);
	}
	return { cla, pathway };
}

type Stage = 'first' | 'second' | 'subsequent';
const STAGES: readonly Stage[] = ['first', 'second', 'subsequent'];
function stageOf(r: ReviewFact): Stage {
	return r.sequence <= 1 ? 'first' : r.sequence === 2 ? 'second' : 'subsequent';
}

const ages = new WeakMap<ReviewFact, number>();
/** The child's age on the held date, worked out once per review. */
function ageAtReview(r: ReviewFact): number {
	if (r.age !== undefined) return r.age;
	let a = ages.get(r);
	if (a === undefined) ages.set(r, (a = r.age ?? ageOn(r.dateOfBirth!, r.heldDate)));
	return a;
}

function isFourPlus(r: ReviewFact): boolean {
	return ageAtReview(r) >= PN0_AGE_UNDER;
}

/** F3: reviews held, first / second / subsequent, and pathway-plan reviews beside them. */
export function reviewsTable(cla: readonly ReviewFact[], pathway: readonly ReviewFact[]): ReportTable {
	const by = (s: Stage) => cla.filter((r) => stageOf(r) === s).length;
	return {
		id: 'reviews',
		figures: ['F3'],
		status: 'ok',
		columns: [{ id: 'reviews', kind: 'count' }],
		rows: [
			...STAGES.map((s) => row(s, { reviews: count(by(s)) })),
			row('total-cla', { reviews: count(cla.length) }, { total: true }),
			row('pathway', { reviews: count(pathway.length) })
		],
		chart: { column: 'reviews', rows: [...STAGES, 'pathway'] },
		sums: [{ parts: [...STAGES], total: 'total-cla' }],
		definitions: ['reviews-held', 'reviews-stage', 'reviews-pathway']
	};
}

/** F4: held on or before the due date (DOMAIN §3.3) / held, by stage. */
export function timescaleTable(cla: readonly ReviewFact[]): ReportTable {
	const line = (id: string, rs: readonly ReviewFact[], total = false) => {
		const onTime = rs.filter((r) => r.heldDate <= r.dueDate).length;
		return row(id, { held: count(rs.length), 'on-time': count(onTime), percent: percent(onTime, rs.length) }, total ? { total } : {});
	};
	return {
		id: 'timescale',
		figures: ['F4'],
		status: 'ok',
		columns: [
			{ id: 'held', kind: 'count' },
			{ id: 'on-time', kind: 'count' },
			{ id: 'percent', kind: 'percent' }
		],
		rows: [...STAGES.map((s) => line(s, cla.filter((r) => stageOf(r) === s))), line('all', cla, true)],
		chart: { column: 'percent', rows: [...STAGES, 'all'] },
		sums: [{ parts: [...STAGES], total: 'all' }],
		definitions: ['timescale', 'timescale-due']
	};
}

/** F5: reviews per confirmed PN code, as % of all reviews and of reviews of children 4+ (DOMAIN §4.2, §9.1). */
export function participationTable(cla: readonly ReviewFact[]): ReportTable {
	// One pass: reviews per code, of all and of children 4+.
	const all = new Map<ParticipationCode | null, number>();
	const four = new Map<ParticipationCode | null, number>();
	let fourPlus = 0;
	for (const r of cla) {
		all.set(r.code, (all.get(r.code) ?? 0) + 1);
		if (isFourPlus(r)) {
			fourPlus++;
			four.set(r.code, (four.get(r.code) ?? 0) + 1);
		}
	}
	const codeRow = (code: ParticipationCode | null): Row => {
		const id = code ? code.toLowerCase() : 'not-confirmed';
		const n = all.get(code) ?? 0;
		const n4 = four.get(code) ?? 0;
		return row(id, { reviews: count(n), 'of-all': percent(n, cla.length), 'of-4-plus': code === 'PN0' ? EMPTY : percent(n4, fourPlus) });
	};
	const codes = [...PARTICIPATION_CODES.map(codeRow), codeRow(null)];
	return {
		id: 'participation',
		figures: ['F5'],
		status: 'ok',
		columns: [
			{ id: 'reviews', kind: 'count' },
			{ id: 'of-all', kind: 'percent' },
			{ id: 'of-4-plus', kind: 'percent' }
		],
		rows: [...codes, row('total', { reviews: count(cla.length), 'of-all': EMPTY, 'of-4-plus': EMPTY }, { total: true })],
		chart: { column: 'reviews', rows: codes.map((r) => r.id) },
		sums: [{ parts: codes.map((r) => r.id), total: 'total' }],
		definitions: ['pn-code', 'pn-of-all', 'pn-of-4-plus', 'pn-not-confirmed']
	};
}

/** F6, F7: took part (PN1–PN6), attended (PN1–PN4), did not attend (PN5–PN7), each / PN1–PN7. */
export function participationSummaryTable(cla: readonly ReviewFact[]): ReportTable {
	const has = (codes: readonly ParticipationCode[]) => cla.filter((r) => r.code !== null && codes.includes(r.code)).length;
	const base = has(['PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7']);
	const line = (id: string, codes: ParticipationCode[]) => {
		const n = has(codes);
		return row(id, { numerator: count(n), denominator: count(base), percent: percent(n, base) });
	};
	return {
		id: 'participation-summary',
		figures: ['F6', 'F7'],
		status: 'ok',
		columns: [
			{ id: 'numerator', kind: 'count' },
			{ id: 'denominator', kind: 'count' },
			{ id: 'percent', kind: 'percent' }
		],
		rows: [
			line('took-part', ['PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6']),
			line('attended', ['PN1', 'PN2', 'PN3', 'PN4']),
			line('did-not-attend', ['PN5', 'PN6', 'PN7'])
		],
		chart: { column: 'percent' },
		definitions: ['took-part', 'attended', 'did-not-attend']
	};
}

/** The form band for an age and an IRO's override (DOMAIN §5.1, as `childBand`). */
export function bandFor(age: number, override: FormBand | null): FormBand | null {
	if (age < PN0_AGE_UNDER) return null;
	if (override) return override;
	return age <= 7 ? '4-7' : age <= 12 ? '8-12' : '13-plus';
}

/** F8: forms sent / invited by audience (children by band), and sent per review held (reviews under 18 only). */
export function consultationTable(returns: readonly ReturnCount[], reviewsHeld: number): ReportTable {
	const line = (id: string, invited: number, sent: number, total = false) =>
		row(id, { invited: count(invited), sent: count(sent), 'return-rate': percent(sent, invited), 'per-review': percent(sent, reviewsHeld) }, total ? { total } : {});
	const bands: FormBand[] = ['4-7', '8-12', '13-plus'];
	const child = new Map(bands.map((b) => [b, { invited: 0, sent: 0 }]));
	const adults = { parent: { invited: 0, sent: 0 }, carer: { invited: 0, sent: 0 } };
	for (const r of returns) {
		if (r.age >= PATHWAY_AGE) continue;
		let into: { invited: number; sent: number } | undefined;
		if (r.kind === 'young-person') {
			const band = bandFor(r.age, r.bandOverride);
			into = band ? child.get(band) : undefined;
		} else into = adults[r.kind];
		if (!into) continue;
		into.invited += r.invited;
		into.sent += r.sent;
	}
	const childInvited = [...child.values()].reduce((a, c) => a + c.invited, 0);
	const childSent = [...child.values()].reduce((a, c) => a + c.sent, 0);
	const { parent, carer } = adults;
	return {
		id: 'consultation',
		figures: ['F8'],
		status: 'ok',
		columns: [
			{ id: 'invited', kind: 'count' },
			{ id: 'sent', kind: 'count' },
			{ id: 'return-rate', kind: 'percent' },
			{ id: 'per-review', kind: 'percent' }
		],
		rows: [
			...bands.map((b) => line(`child-${b}`, child.get(b)!.invited, child.get(b)!.sent)),
			line('children', childInvited, childSent, true),
			line('parents', parent.invited, parent.sent),
			line('carers', carer.invited, carer.sent),
			line('everyone', childInvited + parent.invited + carer.invited, childSent + parent.sent + carer.sent, true)
		],
		chart: { column: 'sent', rows: ['child-4-7', 'child-8-12', 'child-13-plus', 'parents', 'carers'] },
		sums: [
			{ parts: bands.map((b) => `child-${b}`), total: 'children' },
			{ parts: ['children', 'parents', 'carers'], total: 'everyone' }
		],
		definitions: ['consultation-sent', 'consultation-return-rate', 'consultation-per-review', 'consultation-band']
	};
}

const clockCache = new WeakMap<RequestFact, Clock[]>();
/** A request's service-level clocks (DOMAIN §6.4), judged as they stand at `now`; worked out once per request. */
function requestClocks(r: RequestFact, settings: ServiceSettings, lockOf: (d: IsoDate) => IsoDate, now: number): Clock[] {
	let c = clockCache.get(r);
	if (!c) {
		c = fastClocks({
			kind: r.kind, handler: r.handler, sentAt: r.createdAt, closedAt: r.closedAt, now, sla: settings.sla, hours: settings.hours,
			stops: { acknowledge: r.seenAt, allocate: r.allocatedAt, answer: r.answeredAt },
			lockDate: r.reviewDate ? lockOf(r.reviewDate) : null
		});
		clockCache.set(r, c);
	}
	return c;
}

/**
 * F9: advocacy offered (the child's form, which always opens with the advocate offer, was started,
 * or the IRO recorded "advocacy explained") and reviews coded PN2 or PN5, each / reviews of
 * children 4+; advocacy requests made in the period, those sent to the service with consent, and
 * of those, acknowledged within 1 WD and an advocate named within 2 WD (the service's levels).
 */
export function advocacyTable(cla: readonly ReviewFact[], requests: readonly RequestFact[], period: Period, settings: ServiceSettings, lockOf: (d: IsoDate) => IsoDate, now: number): ReportTable {
	const fourPlus = cla.filter(isFourPlus);
	const offered = fourPlus.filter((r) => r.child.started || r.advocacyExplained === true).length;
	const spoke = fourPlus.filter((r) => r.code === 'PN2' || r.code === 'PN5').length;
	const line = (id: string, n: number, d: number) => row(id, { count: count(n), percent: percent(n, d) });
	const asked = requests.filter((r) => r.kind === 'advocate' && inPeriod(londonDate(r.createdAt), period));
	const referred = asked.filter((r) => r.handler === 'advocacy');
	const met = (name: Clock['name']) => referred.filter((r) => requestClocks(r, settings, lockOf, now).find((c) => c.name === name)?.state === 'met').length;
	return {
		id: 'advocacy',
		figures: ['F9'],
		status: 'ok',
		columns: [
			{ id: 'count', kind: 'count' },
			{ id: 'percent', kind: 'percent' }
		],
		rows: [
			line('advocacy-offered', offered, fourPlus.length),
			line('advocate-spoke', spoke, fourPlus.length),
			row('advocacy-requested', { count: count(asked.length), percent: EMPTY }),
			line('advocacy-consented', referred.length, asked.length),
			{ ...line('advocacy-acknowledged', met('acknowledge'), referred.length), label: { key: 'reports.row.advocacy-acknowledged', params: { days: settings.sla.advocacyAcknowledgeWd } } },
			{ ...line('advocacy-allocated', met('allocate'), referred.length), label: { key: 'reports.row.advocacy-allocated', params: { days: settings.sla.advocateAllocateWd } } }
		],
		chart: { column: 'percent', rows: ['advocacy-offered', 'advocate-spoke', 'advocacy-consented', 'advocacy-acknowledged', 'advocacy-allocated'] },
		definitions: ['advocacy-offered', 'advocate-spoke', 'advocacy-requested', 'advocacy-consented', 'advocacy-in-time']
	};
}

/**
 * F10: requests made in the period, by kind; answered (the last clock stopped by its event: an
 * advocate named, or the IRO's answer); answered within the service level / answered; median
 * working days from the clock's start to the answer.
 */
export function requestsTable(requests: readonly RequestFact[], period: Period, settings: ServiceSettings, lockOf: (d: IsoDate) => IsoDate, now: number): ReportTable {
	const made = requests.filter((r) => inPeriod(londonDate(r.createdAt), period));
	const line = (id: string, rs: readonly RequestFact[], total = false) => {
		const last = rs.map((r) => requestClocks(r, settings, lockOf, now).at(-1)!).filter((c) => c.state === 'met' || c.state === 'late');
		const inTime = last.filter((c) => c.state === 'met').length;
		const wd = last.map((c) => workingDaysBetween(londonDate(c.start), londonDate(c.stoppedAt!)));
		return row(id, {
			created: count(rs.length), answered: count(last.length), 'in-time': count(inTime), percent: percent(inTime, last.length),
			'median-wd': { kind: 'number', value: median(wd), unit: 'working-days', n: wd.length }
		}, total ? { total } : {});
	};
	const kinds = REQUEST_KINDS.map((k) => line(`request-${k}`, made.filter((r) => r.kind === k)));
	return {
		id: 'requests',
		figures: ['F10'],
		status: 'ok',
		columns: [
			{ id: 'created', kind: 'count' },
			{ id: 'answered', kind: 'count' },
			{ id: 'in-time', kind: 'count' },
			{ id: 'percent', kind: 'percent' },
			{ id: 'median-wd', kind: 'number' }
		],
		rows: [...kinds, line('requests-all', made, true)],
		chart: { column: 'created', rows: kinds.map((r) => r.id) },
		sums: [{ parts: kinds.map((r) => r.id), total: 'requests-all' }],
		definitions: ['requests-created', 'requests-answered', 'requests-in-time', 'requests-median']
	};
}

/** A table whose facts aren't kept yet. */
export function notRecordedTable(id: 'feedback', figures: string[]): ReportTable {
	return { id, figures, status: 'not-recorded', columns: [], rows: [], chart: null, definitions: [id] };
}

const FEEDBACK_AUDIENCES = ['young-person', 'parent', 'carer'] as const;

/**
 * F15, one table per audience (DOMAIN §7 roll-up): feedback sent / invited, for reviews held in the
 * period; then for each question with a positive rate, positive answers / answers (skips and
 * "rather not say" left out). A question asked in several versions or bands is counted once, with
 * the wording of the newest form that asks it. Free text is never summarised.
 */
export function feedbackTables(facts: FeedbackFacts): ReportTable[] {
	return FEEDBACK_AUDIENCES.map((audience): ReportTable => {
		const responses = facts.responses.filter((r) => r.kind === audience);
		const invited = responses.reduce((a, r) => a + r.invited, 0);
		const sent = responses.reduce((a, r) => a + r.sent, 0);
		const questions = new Map<string, { formId: string; version: number; positive: number; answered: number }>();
		const forms = new Map<string, FeedbackForm>();
		for (const r of responses) {
			const form = feedbackFormById(r.formId, r.formVersion);
			if (form) forms.set(`${form.id}@${form.version}`, form);
		}
		for (const form of [...forms.values()].sort((a, b) => b.version - a.version)) {
			for (const page of form.pages) {
				if (page.positive.length === 0) continue;
				const q = questions.get(page.id) ?? { formId: form.id, version: form.version, positive: 0, answered: 0 };
				for (const a of facts.answers) {
					if (a.formId !== form.id || a.formVersion !== form.version || a.questionId !== page.question.id || a.value === RATHER_NOT_SAY) continue;
					q.answered += a.n;
					if (page.positive.includes(a.value)) q.positive += a.n;
				}
				questions.set(page.id, q);
			}
		}
		const line = (id: string, n: number, d: number) => ({ numerator: count(n), denominator: count(d), percent: percent(n, d) });
		const rows: Row[] = [
			row('feedback-sent', line('feedback-sent', sent, invited), { total: true }),
			...[...questions.entries()].map(([qid, q]) => ({ id: `fb-${qid}`, label: { key: `${q.formId}.${qid}.label`, params: { ns: 'forms' } }, cells: line(qid, q.positive, q.answered) }))
		];
		return {
			id: `feedback-${audience}`,
			figures: ['F15'],
			status: 'ok',
			columns: [
				{ id: 'numerator', kind: 'count' },
				{ id: 'denominator', kind: 'count' },
				{ id: 'percent', kind: 'percent' }
			],
			rows,
			chart: { column: 'percent' },
			definitions: ['feedback-sent', 'feedback-positive']
		};
	});
}

/** F11: escalations opened (by stage, distinct children); resolved within 20 WD / resolved in the period. */
export function escalationsTable(escalations: readonly EscalationFact[], period: Period): ReportTable {
	const opened = escalations.filter((e) => inPeriod(e.openedOn, period));
	const resolved = escalations.filter((e) => inPeriod(e.closedOn, period));
	const inTime = resolved.filter((e) => e.closedOn! <= addWorkingDaysFast(e.openedOn, DRP_WORKING_DAYS)).length;
	const openAtEnd = escalations.filter((e) => e.openedOn <= period.to && (e.closedOn === null || e.closedOn > period.to)).length;
	const stages = [1, 2, 3, 4].map((s) => row(`stage-${s}`, { count: count(opened.filter((e) => e.stage === s).length), percent: EMPTY }));
	return {
		id: 'escalations',
		figures: ['F11'],
		status: 'ok',
		columns: [
			{ id: 'count', kind: 'count' },
			{ id: 'percent', kind: 'percent' }
		],
		rows: [
			row('escalations-opened', { count: count(opened.length), percent: EMPTY }, { total: true }),
			...stages,
			row('escalation-children', { count: count(new Set(opened.map((e) => e.childId)).size), percent: EMPTY }),
			row('escalations-resolved', { count: count(resolved.length), percent: EMPTY }),
			row('escalations-in-time', { count: count(inTime), percent: percent(inTime, resolved.length) }),
			row('escalations-open-at-end', { count: count(openAtEnd), percent: EMPTY }),
			row('escalations-cafcass', { count: EMPTY, percent: EMPTY }, { notRecorded: true })
		],
		chart: { column: 'count', rows: stages.map((r) => r.id) },
		sums: [{ parts: stages.map((r) => r.id), total: 'escalations-opened' }],
		definitions: ['escalations-opened', 'escalation-stage', 'escalation-children', 'escalations-in-time', 'escalations-open-at-end']
	};
}

/** F12: children allocated per IRO on the snapshot date (IROs holding at least one), with mean, min and max. */
export function caseloadTable(allocations: readonly AllocationFact[], snapshot: IsoDate): ReportTable {
	const per = new Map<string, { name: string; children: Set<string> }>();
	for (const a of allocations) {
		if (a.startsOn > snapshot || (a.endsOn !== null && a.endsOn <= snapshot)) continue;
		const e = per.get(a.iroId) ?? { name: a.iroName, children: new Set<string>() };
		e.children.add(a.childId);
		per.set(a.iroId, e);
	}
	const iros = [...per.entries()]
		.map(([id, e]) => ({ id, name: e.name, n: e.children.size }))
		.sort((a, b) => b.n - a.n || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
	const ns = iros.map((i) => i.n);
	const total = ns.reduce((a, b) => a + b, 0);
	const num = (v: number | null): Cell => ({ kind: 'number', value: v, unit: 'children', n: iros.length });
	return {
		id: 'caseload',
		figures: ['F12'],
		status: 'ok',
		columns: [{ id: 'children', kind: 'count' }],
		rows: [
			...iros.map((i, k) => ({ id: `iro-${k + 1}`, label: { name: i.name, anonymous: String(k + 1) }, cells: { children: count(i.n) } })),
			row('caseload-children', { children: count(total) }, { total: true }),
			row('caseload-iros', { children: count(iros.length) }),
			row('caseload-mean', { children: num(iros.length ? roundHalfUp(total / iros.length) : null) }),
			row('caseload-min', { children: num(iros.length ? Math.min(...ns) : null) }),
			row('caseload-max', { children: num(iros.length ? Math.max(...ns) : null) })
		],
		chart: { column: 'children', rows: iros.map((_, k) => `iro-${k + 1}`) },
		definitions: ['caseload', 'caseload-mean']
	};
}

/** F16: alerts raised in the period; acknowledged within target / raised; median and longest wait in hours. */
export function alertsTable(alerts: readonly AlertFact[], period: Period, hours: ServiceSettings['hours']): ReportTable {
	const raised = alerts.filter((a) => inPeriod(londonDate(a.createdAt), period));
	const acked = raised.filter((a) => a.acknowledgedAt !== null);
	const inTime = acked.filter((a) => a.acknowledgedAt! <= acknowledgeBy(a.createdAt, hours)).length;
	const waits = acked.map((a) => (a.acknowledgedAt! - a.createdAt) / 3_600_000);
	const m = median(waits);
	const hoursCell = (v: number | null): Cell => ({ kind: 'number', value: v === null ? null : roundHalfUp(v), unit: 'hours', n: waits.length });
	return {
		id: 'alerts',
		figures: ['F16'],
		status: 'ok',
		columns: [
			{ id: 'count', kind: 'count' },
			{ id: 'percent', kind: 'percent' },
			{ id: 'hours', kind: 'number' }
		],
		rows: [
			row('alerts-raised', { count: count(raised.length), percent: EMPTY, hours: EMPTY }, { total: true }),
			row('alerts-in-time', { count: count(inTime), percent: percent(inTime, raised.length), hours: EMPTY }),
			row('alerts-late', { count: count(acked.length - inTime), percent: percent(acked.length - inTime, raised.length), hours: EMPTY }),
			row('alerts-open', { count: count(raised.length - acked.length), percent: percent(raised.length - acked.length, raised.length), hours: EMPTY }),
			row('alerts-median-wait', { count: EMPTY, percent: EMPTY, hours: hoursCell(m) }),
			row('alerts-longest-wait', { count: EMPTY, percent: EMPTY, hours: hoursCell(waits.length ? Math.max(...waits) : null) })
		],
		chart: { column: 'count', rows: ['alerts-in-time', 'alerts-late', 'alerts-open'] },
		sums: [{ parts: ['alerts-in-time', 'alerts-late', 'alerts-open'], total: 'alerts-raised' }],
		definitions: ['alerts-raised', 'alerts-in-time', 'alerts-wait']
	};
}

/**
 * Before and after the meeting: the child's views in by the pack lock (F8), the private talk and
 * advocacy explained (F17), decisions and the record on time and the mean WD to the record (F14).
 */
export function recordTable(cla: readonly ReviewFact[], schedule: ScheduleSettings): ReportTable {
	const fourPlus = cla.filter(isFourPlus);
	// As reviewMilestones(d, schedule): the lock is packLocksWdBefore WD before, decisions and record after.
	const lockOf = memo((d: IsoDate) => addWorkingDaysFast(d, -schedule.packLocksWdBefore));
	const decisionsDue = memo((d: IsoDate) => addWorkingDaysFast(d, schedule.decisionsWdAfter));
	const recordDue = memo((d: IsoDate) => addWorkingDaysFast(d, schedule.recordWdAfter));
	const line = (id: string, n: number, d: number) => row(id, { numerator: count(n), denominator: count(d), percent: percent(n, d), number: EMPTY });
	const byLock = fourPlus.filter((r) => r.child.sentOn !== null && r.child.sentOn <= lockOf(r.reviewDate)).length;
	const withRecord = cla.filter((r) => r.recordSentOn !== null);
	const wd = withRecord.map((r) => workingDaysBetween(r.heldDate, r.recordSentOn!));
	const mean = wd.length ? roundHalfUp(wd.reduce((a, b) => a + b, 0) / wd.length) : null;
	return {
		id: 'record',
		figures: ['F8', 'F14', 'F17'],
		status: 'ok',
		columns: [
			{ id: 'numerator', kind: 'count' },
			{ id: 'denominator', kind: 'count' },
			{ id: 'percent', kind: 'percent' },
			{ id: 'number', kind: 'number' }
		],
		rows: [
			line('views-by-lock', byLock, fourPlus.length),
			line('private-talk', fourPlus.filter((r) => r.privateTalk === true).length, fourPlus.length),
			line('advocacy-explained', fourPlus.filter((r) => r.advocacyExplained === true).length, fourPlus.length),
			line('decisions-in-time', cla.filter((r) => r.decisionsSentOn !== null && r.decisionsSentOn <= decisionsDue(r.heldDate)).length, cla.length),
			{ ...line('record-in-time', withRecord.filter((r) => r.recordSentOn! <= recordDue(r.heldDate)).length, cla.length), label: { key: 'reports.row.record-in-time', params: { days: schedule.recordWdAfter } } },
			row('record-mean-wd', { numerator: EMPTY, denominator: EMPTY, percent: EMPTY, number: { kind: 'number', value: mean, unit: 'working-days', n: wd.length } })
		],
		chart: { column: 'percent', rows: ['views-by-lock', 'private-talk', 'advocacy-explained', 'decisions-in-time', 'record-in-time'] },
		definitions: ['views-by-lock', 'private-talk', 'advocacy-explained', 'decisions-in-time', 'record-in-time', 'record-mean-wd']
	};
}

/**
 * Every table, in the order of the annual report. `today` bounds the snapshot date; `now` judges
 * request clocks still running (a request not yet answered and not yet overdue is neither).
 */
export function buildReport(facts: ReportFacts, period: Period, today: IsoDate, settings: ServiceSettings = DEFAULT_SERVICE_SETTINGS, now: number = Date.parse(`${today}T12:00:00Z`)): Report {
	const snapshot = period.to < today ? period.to : today;
	const { cla, pathway } = reviewsInPeriod(facts.reviews, period);
	const schedule = resolveScheduleSettings(settings.schedule);
	const lockOf = memo((d: IsoDate) => addWorkingDaysFast(d, -schedule.packLocksWdBefore));
	return {
		period,
		snapshot,
		tables: [
			reviewsTable(cla, pathway),
			timescaleTable(cla),
			participationTable(cla),
			participationSummaryTable(cla),
			consultationTable(facts.returns, cla.length),
			recordTable(cla, schedule),
			advocacyTable(cla, facts.requests, period, settings, lockOf, now),
			requestsTable(facts.requests, period, settings, lockOf, now),
			escalationsTable(facts.escalations, period),
			caseloadTable(facts.allocations, snapshot),
			alertsTable(facts.alerts, period, settings.hours),
			...(facts.feedback ? feedbackTables(facts.feedback) : [notRecordedTable('feedback', ['F15'])])
		]
	};
}
