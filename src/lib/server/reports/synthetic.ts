/**
 * Synthetic data for the annual-report figures (issue 8): a realistic year of a service, made from
 * a fixed random seed so the same options always give the same rows, and written in bulk. Used by
 * `npm run generate` (tests/bench/generate.ts), the report benchmark and the seed-reproduction
 * test. Nothing here is real: names are "Child 123", dates follow the review rules of DOMAIN §3.
 */
import { addDays, addWorkingDays as addWorkingDaysUncached, ageOn, type IsoDate } from '$lib/domain/calendar';
import { formIdFor } from '$lib/domain/age-band';
import { PARTICIPATION_CODES, type ParticipationCode } from '$lib/domain/participation';
import { londonInstant as londonInstantUncached } from '$lib/domain/reports/alert-target';
import { financialYear } from '$lib/domain/reports/period';
import { nextReviewDue } from '$lib/domain/review-schedule';
import { feedbackFormIdFor, latestFeedbackForm } from '$lib/forms/feedback/registry';
import type { Db } from '../db';

// Working days and London instants repeat across thousands of reviews: remember them.
const wdCache = new Map<string, IsoDate>();
function addWorkingDays(d: IsoDate, n: number): IsoDate {
	const k = `${d}|${n}`;
	let v = wdCache.get(k);
	if (v === undefined) wdCache.set(k, (v = addWorkingDaysUncached(d, n)));
	return v;
}
const instantCache = new Map<string, number>();
function londonInstant(d: IsoDate, minutes: number): number {
	const k = `${d}|${minutes}`;
	let v = instantCache.get(k);
	if (v === undefined) instantCache.set(k, (v = londonInstantUncached(d, minutes)));
	return v;
}

// ── Deterministic randomness and ids ────────────────────────────────────────────────────────────

/** mulberry32: a small, well-known 32-bit generator; good enough for test data, never for secrets. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const B32 = 'abcdefghijklmnopqrstuvwxyz234567';
/** Ids in the app's shape (24 base32 characters), numbered so a seed gives the same ids every time. */
function idMaker(prefix: string): () => string {
	let n = 0;
	return () => {
		let x = ++n;
		let s = '';
		while (x > 0) {
			s = B32[x % 32] + s;
			x = Math.floor(x / 32);
		}
		return (prefix + s.padStart(24 - prefix.length, 'a')).slice(0, 24);
	};
}

// ── The rows ────────────────────────────────────────────────────────────────────────────────────

export interface Dataset {
	staff: { id: string; role: 'iro' | 'admin'; name: string; email: string }[];
	children: { id: string; name: string; dob: IsoDate; lookedAfterSince: IsoDate }[];
	respondents: { id: string; role: 'young-person' | 'parent' | 'carer'; name: string; childId: string | null }[];
	links: { id: string; childId: string; userId: string; relation: 'parent' | 'carer'; startsOn: IsoDate }[];
	allocations: { id: string; childId: string; iroId: string; startsOn: IsoDate; endsOn: IsoDate | null }[];
	reviews: { id: string; childId: string; sequence: number; dueDate: IsoDate; heldDate: IsoDate | null; scheduledDate: IsoDate | null }[];
	meetings: { reviewId: string; heldDate: IsoDate; code: ParticipationCode; confirmed: boolean; privateTalk: boolean; advocacyExplained: boolean; by: string }[];
	invitations: { id: string; reviewId: string; respondentId: string; kind: 'young-person' | 'parent' | 'carer'; invitedAt: number }[];
	consultations: { id: string; reviewId: string; respondentId: string; kind: 'young-person' | 'parent' | 'carer'; formId: string; startedAt: number; submittedAt: number | null }[];
	reports: { reviewId: string; decisionsSentAt: number | null; recordSentAt: number | null; by: string }[];
	escalations: { id: string; reviewId: string; stage: number; openedOn: IsoDate; closedOn: IsoDate | null; by: string }[];
	alerts: { id: string; childId: string; raisedBy: string; createdAt: number; acknowledgedAt: number | null; by: string | null }[];
	feedback: { id: string; reviewId: string; respondentId: string; kind: 'young-person' | 'parent' | 'carer'; formId: string; formVersion: number; invitedAt: number; closesOn: IsoDate; sentAt: number | null }[];
	/** Answers of sent feedback, `value` the JSON of an AnswerValue. */
	feedbackAnswers: { responseId: string; questionId: string; value: string }[];
	requests: {
		id: string; kind: 'advocate' | 'talk-to-iro' | 'change-review' | 'interpreter'; childId: string; requesterId: string; requesterKind: 'young-person' | 'parent' | 'carer';
		reviewId: string | null; consent: boolean; handler: 'iro' | 'advocacy'; status: string; createdAt: number; seenAt: number | null; allocatedAt: number | null; answeredAt: number | null; closedAt: number | null;
	}[];
}

export function emptyDataset(): Dataset {
	return { staff: [], children: [], respondents: [], links: [], allocations: [], reviews: [], meetings: [], invitations: [], consultations: [], reports: [], escalations: [], alerts: [], feedback: [], feedbackAnswers: [], requests: [] };
}

/** The meeting facts that give each code (DOMAIN §4.1), so the stored suggestion matches the code. */
const FACTS: Record<ParticipationCode, [attended: number, spoke: number, advocateSpoke: number, nonVerbal: number, briefed: number, otherwise: number]> = {
	PN0: [1, 0, 0, 0, 0, 0], PN1: [1, 1, 0, 0, 0, 0], PN2: [1, 0, 1, 0, 0, 0], PN3: [1, 0, 0, 1, 0, 0],
	PN4: [1, 0, 0, 0, 0, 0], PN5: [0, 0, 0, 0, 1, 0], PN6: [0, 0, 0, 0, 0, 1], PN7: [0, 0, 0, 0, 0, 0]
};

/**
 * `into` names the table with a literal at each call site (`(d) => d.insertInto('child')`), so the
 * SEC-L5 source scan still sees every table this generator writes.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Into = (db: any) => { values: (rows: Record<string, unknown>[]) => { execute: () => Promise<unknown> } };

async function insertChunked(db: Db, into: Into, rows: Record<string, unknown>[]): Promise<void> {
	if (rows.length === 0) return;
	// SQLite allows 32,766 bound values per statement; Postgres 65,535.
	const per = Math.max(1, Math.floor(30_000 / Object.keys(rows[0]!).length));
	for (let i = 0; i < rows.length; i += per) {
		await into(db).values(rows.slice(i, i + per)).execute();
	}
}

/** Writes a dataset in one transaction (a fresh, migrated database). */
export async function writeDataset(db: Db, ds: Dataset, now: number): Promise<void> {
	const run = async (trx: Db) => {
		const ins = (into: Into, rows: Record<string, unknown>[]) => insertChunked(trx, into, rows);
		await ins((d) => d.insertInto('app_user'), ds.staff.map((s) => ({ id: s.id, role: s.role, display_name: s.name, email: s.email, username: null, password_hash: null, child_id: null, preferred_locale: null, created_at: now, activated_at: null })));
		await ins((d) => d.insertInto('child'), ds.children.map((c) => ({ id: c.id, preferred_name: c.name, date_of_birth: c.dob, preferred_locale: 'en-GB', looked_after_since: c.lookedAfterSince, band_override: null, band_override_reason: null, created_at: now })));
		await ins((d) => d.insertInto('app_user'), ds.respondents.map((r) => ({ id: r.id, role: r.role, display_name: r.name, email: null, username: null, password_hash: null, child_id: r.childId, preferred_locale: null, created_at: now, activated_at: null })));
		await ins((d) => d.insertInto('child_link'), ds.links.map((l) => ({ id: l.id, child_id: l.childId, user_id: l.userId, relation: l.relation, has_pr: l.relation === 'parent' ? 1 : 0, starts_on: l.startsOn, ends_on: null })));
		await ins((d) => d.insertInto('iro_allocation'), ds.allocations.map((a) => ({ id: a.id, child_id: a.childId, iro_id: a.iroId, starts_on: a.startsOn, ends_on: a.endsOn, created_at: now })));
		await ins((d) => d.insertInto('review'), ds.reviews.map((r) => ({ id: r.id, child_id: r.childId, sequence: r.sequence, due_date: r.dueDate, scheduled_date: r.scheduledDate, scheduled_time: r.scheduledDate ? '10:00' : null, held_date: r.heldDate, status: r.heldDate ? 'held' : r.scheduledDate ? 'scheduled' : 'planned', created_at: now })));
		await ins((d) => d.insertInto('review_meeting'), ds.meetings.map((m) => {
			const [attended, spoke, adv, nonVerbal, briefed, otherwise] = FACTS[m.code];
			return {
				review_id: m.reviewId, held_date: m.heldDate, attended, spoke_for_self: spoke, advocate_spoke: adv, conveyed_non_verbally: nonVerbal, briefed_advocate: briefed,
				views_conveyed_otherwise: otherwise, consultation_submitted: 0, private_talk_held: m.privateTalk ? 1 : 0, advocacy_explained: m.advocacyExplained ? 1 : 0,
				suggested_code: m.code, confirmed_code: m.confirmed ? m.code : null, code_reason: null, confirmed_by: m.confirmed ? m.by : null, confirmed_at: m.confirmed ? now : null, recorded_by: m.by, recorded_at: now
			};
		}));
		await ins((d) => d.insertInto('invitation'), ds.invitations.map((i) => ({ id: i.id, review_id: i.reviewId, respondent_id: i.respondentId, respondent_kind: i.kind, invited_at: i.invitedAt })));
		await ins((d) => d.insertInto('consultation'), ds.consultations.map((c) => ({
			id: c.id, review_id: c.reviewId, respondent_id: c.respondentId, respondent_kind: c.kind, form_id: c.formId, form_version: 1,
			status: c.submittedAt === null ? 'draft' : 'submitted', started_at: c.startedAt, updated_at: c.submittedAt ?? c.startedAt, submitted_at: c.submittedAt
		})));
		await ins((d) => d.insertInto('review_report'), ds.reports.map((r) => ({ review_id: r.reviewId, body: '', status: r.recordSentAt ? 'sent' : 'draft', sent_at: r.recordSentAt, decisions_sent_at: r.decisionsSentAt, record_sent_at: r.recordSentAt, updated_by: r.by, updated_at: now })));
		await ins((d) => d.insertInto('review_escalation'), ds.escalations.map((e) => ({
			id: e.id, review_id: e.reviewId, stage: e.stage, raised_to: 'Team manager', opened_on: e.openedOn, due_on: addWorkingDays(e.openedOn, 20), closed_on: e.closedOn,
			outcome: e.closedOn ? 'Resolved' : null, opened_by: e.by, opened_at: now, closed_by: e.closedOn ? e.by : null, closed_at: e.closedOn ? now : null
		})));
		await ins((d) => d.insertInto('safety_alert'), ds.alerts.map((a) => ({
			id: a.id, child_id: a.childId, review_id: null, raised_by: a.raisedBy, source: 'help-now', question_id: null, shared_with: '["iro","duty"]', purpose: 'safety',
			created_at: a.createdAt, acknowledged_at: a.acknowledgedAt, acknowledged_by: a.by
		})));
		await ins((d) => d.insertInto('feedback_response'), ds.feedback.map((f) => ({
			id: f.id, review_id: f.reviewId, respondent_id: f.respondentId, respondent_kind: f.kind, form_id: f.formId, form_version: f.formVersion,
			status: f.sentAt === null ? 'invited' : 'sent', invited_at: f.invitedAt, closes_on: f.closesOn, reminded_at: null, updated_at: f.sentAt ?? f.invitedAt, sent_at: f.sentAt
		})));
		await ins((d) => d.insertInto('feedback_answer'), ds.feedbackAnswers.map((a) => ({ response_id: a.responseId, question_id: a.questionId, value: a.value, updated_at: now })));
		await ins((d) => d.insertInto('help_request'), ds.requests.map((q) => ({
			id: q.id, kind: q.kind, child_id: q.childId, requester_id: q.requesterId, requester_kind: q.requesterKind, review_id: q.reviewId, details_json: '{}',
			consent: q.consent ? 1 : 0, iro_can_see: 0, handler: q.handler, status: q.status, created_at: q.createdAt, seen_at: q.seenAt, seen_by: null, advocate_id: null,
			allocated_at: q.allocatedAt, answered_at: q.answeredAt, closed_at: q.closedAt, consent_withdrawn_at: null, updated_at: q.createdAt
		})));
	};
	// Inside a caller's transaction (the e2e seed) write there; otherwise open one.
	if (db.isTransaction) await run(db);
	else await db.transaction().execute(run);
}

// ── A realistic year ────────────────────────────────────────────────────────────────────────────

export interface YearOptions {
	/** Reviews held in the financial year; children are added until it is reached (about half as many children). */
	reviews?: number;
	/** Or a number of children, with reviews following from the review rules. */
	children?: number;
	seed?: number;
	/** The financial year's first calendar year (2025 → 1 April 2025 to 31 March 2026). */
	year?: number;
	/** Children per IRO (about 55: the IRO Handbook's 50–70, as cited in the seeds). */
	caseload?: number;
}

/** How children took part, as a share of reviews of children 4+ (near `004_ee623ea3772dbbd6.txt`'s year). */
const CODE_WEIGHTS: [ParticipationCode, number][] = [['PN1', 0.74], ['PN2', 0.022], ['PN3', 0.003], ['PN4', 0.003], ['PN5', 0.011], ['PN6', 0.182], ['PN7', 0.039]];

function pick<T>(r: () => number, weighted: [T, number][]): T {
	const total = weighted.reduce((a, [, w]) => a + w, 0);
	let x = r() * total;
	for (const [v, w] of weighted) if ((x -= w) < 0) return v;
	return weighted[weighted.length - 1]![0];
}

/**
 * A year of a service: children coming into care through the year and children in care for years,
 * reviews chained by reg. 33 from each held date (about 9 in 10 on time), the participation codes,
 * invitations and returns, decisions and records, escalations, safety alerts and requests.
 */
export function generateYear(options: YearOptions = {}): { dataset: Dataset; reviewsInYear: number; period: { from: IsoDate; to: IsoDate } } {
	const r = rng(options.seed ?? 20261126);
	const period = financialYear(options.year ?? 2025);
	const target = options.reviews ?? null;
	const childLimit = options.children ?? (target === null ? 1000 : Number.POSITIVE_INFINITY);
	const caseload = options.caseload ?? 55;
	const ds = emptyDataset();
	const id = { staff: idMaker('st'), child: idMaker('ch'), user: idMaker('us'), any: idMaker('zz') };
	const day0 = Date.parse(`${period.from}T00:00:00Z`);
	const yearDays = 365;
	const randomDay = (from: IsoDate, span: number) => addDays(from, Math.floor(r() * span));
	const at = (d: IsoDate, hh: number, mm = 0) => londonInstant(d, hh * 60 + mm);
	const admin = { id: id.staff(), role: 'admin' as const, name: 'Synthetic Admin', email: 'admin@synthetic.invalid' };
	ds.staff.push(admin);
	const iros: string[] = [];
	const iroFor = (n: number) => {
		const k = Math.floor(n / caseload);
		while (iros.length <= k) {
			const sid = id.staff();
			iros.push(sid);
			ds.staff.push({ id: sid, role: 'iro', name: `IRO ${iros.length}`, email: `iro${iros.length}@synthetic.invalid` });
		}
		return iros[k]!;
	};
	let inYear = 0;
	for (let n = 0; n < childLimit && (target === null || inYear < target); n++) {
		// Age on 1 April: about 15% under 4 (PN0), a few care leavers over 18 with pathway-plan reviews.
		const age = pick(r, [[0, 0.05], [1, 0.04], [2, 0.04], [3, 0.04], [5, 0.2], [9, 0.14], [12, 0.22], [15, 0.24], [18, 0.03]]);
		const dob = addDays(period.from, -Math.floor((age + r() * (age >= 4 && age < 18 ? 3 : 1)) * 365.25));
		const newcomer = r() < 0.3;
		const earliest = addDays(dob, 1);
		let since = newcomer ? randomDay(period.from, 330) : addDays(period.from, -Math.floor(60 + r() * 365 * Math.min(8, Math.max(1, age))));
		if (since < earliest) since = earliest;
		const childId = id.child();
		ds.children.push({ id: childId, name: `Child ${n + 1}`, dob, lookedAfterSince: since });
		const iroId = iroFor(n);
		if (!newcomer && r() < 0.1) {
			const other = iroFor(Math.floor(r() * (n + 1)));
			const moved = randomDay(period.from, 300);
			ds.allocations.push({ id: id.any(), childId, iroId: other, startsOn: since, endsOn: moved });
			ds.allocations.push({ id: id.any(), childId, iroId, startsOn: moved, endsOn: null });
		} else ds.allocations.push({ id: id.any(), childId, iroId, startsOn: since, endsOn: null });
		const yp = { id: id.user(), role: 'young-person' as const, name: `Child ${n + 1}`, childId };
		ds.respondents.push(yp);
		const parents = Array.from({ length: r() < 0.35 ? 2 : 1 }, (_, k) => ({ id: id.user(), role: 'parent' as const, name: `Parent ${n + 1}-${k + 1}`, childId: null }));
		const carer = { id: id.user(), role: 'carer' as const, name: `Carer ${n + 1}`, childId: null };
		ds.respondents.push(...parents, carer);
		for (const p of parents) ds.links.push({ id: id.any(), childId, userId: p.id, relation: 'parent', startsOn: since });
		ds.links.push({ id: id.any(), childId, userId: carer.id, relation: 'carer', startsOn: since });

		// Reviews from coming into care to the end of the year, each due by reg. 33 from the last one held.
		let previousHeld: IsoDate | null = null;
		for (let seq = 1; ; seq++) {
			const due = nextReviewDue({ sequence: seq, lookedAfter: since, previousHeld, dob });
			const late = r() < 0.08;
			const held = late ? addDays(due, 1 + Math.floor(r() * 25)) : addDays(due, -Math.floor(r() * 12));
			if (held > period.to || (target !== null && inYear >= target && held >= period.from)) {
				ds.reviews.push({ id: id.any(), childId, sequence: seq, dueDate: due, heldDate: null, scheduledDate: null });
				break;
			}
			previousHeld = held;
			if (held < addDays(period.from, -200)) continue; // long ago: not stored (only the sequence matters)
			const reviewId = id.any();
			ds.reviews.push({ id: reviewId, childId, sequence: seq, dueDate: due, heldDate: held, scheduledDate: held });
			if (held >= period.from) inYear++;
			const ageThen = ageOn(dob, held);
			const code: ParticipationCode = ageThen < 4 ? 'PN0' : pick(r, CODE_WEIGHTS);
			ds.meetings.push({ reviewId, heldDate: held, code, confirmed: r() < 0.98, privateTalk: ageThen >= 4 && r() < 0.8, advocacyExplained: ageThen >= 4 && r() < 0.85, by: iroId });
			const invitedAt = at(addWorkingDays(held, -20), 9);
			const invite = (who: { id: string; role: 'young-person' | 'parent' | 'carer' }, sendRate: number) => {
				ds.invitations.push({ id: id.any(), reviewId, respondentId: who.id, kind: who.role, invitedAt });
				const opened = r() < sendRate + 0.15;
				if (!opened) return;
				const sent = r() < sendRate / (sendRate + 0.15);
				const sentDay = addDays(held, -Math.floor(1 + r() * 18));
				const formId = who.role === 'young-person' ? (formIdFor('young-person', dob, held) ?? 'young-person-13-plus') : who.role;
				ds.consultations.push({ id: id.any(), reviewId, respondentId: who.id, kind: who.role, formId, startedAt: at(addDays(sentDay, -1), 19), submittedAt: sent ? at(sentDay, 20) : null });
			};
			if (ageThen >= 4) invite(yp, 0.4);
			for (const p of parents) if (r() < 0.8) invite(p, 0.2);
			invite(carer, 0.45);
			const decisions = addWorkingDays(held, r() < 0.85 ? 1 + Math.floor(r() * 5) : 6 + Math.floor(r() * 6));
			const record = addWorkingDays(held, r() < 0.8 ? 5 + Math.floor(r() * 11) : 16 + Math.floor(r() * 10));
			ds.reports.push({ reviewId, decisionsSentAt: at(decisions, 16), recordSentAt: record <= period.to ? at(record, 16) : null, by: iroId });
			// Feedback is invited when the decisions go out (DOMAIN §7); about a third send it.
			const band = ageThen >= 4 ? (ageThen <= 7 ? '4-7' : ageThen <= 12 ? '8-12' : '13-plus') : null;
			for (const who of [...(band ? [yp] : []), ...parents, carer]) {
				const form = latestFeedbackForm(feedbackFormIdFor(who.role, band)!);
				const invitedAt = at(decisions, 16);
				const sentAt = r() < 0.35 ? invitedAt + Math.round(r() * 5 * 86_400_000) : null;
				const responseId = id.any();
				ds.feedback.push({ id: responseId, reviewId, respondentId: who.id, kind: who.role, formId: form.id, formVersion: form.version, invitedAt, closesOn: addWorkingDays(decisions, 20), sentAt });
				if (sentAt === null) continue;
				for (const page of form.pages) {
					if (page.positive.length === 0 || !('options' in page.question) || r() < 0.1) continue;
					const options = page.question.options as readonly string[];
					const value = r() < 0.7 ? page.positive[Math.floor(r() * page.positive.length)]! : options[Math.floor(r() * options.length)]!;
					ds.feedbackAnswers.push({ responseId, questionId: page.question.id, value: JSON.stringify({ kind: 'choice', value }) });
				}
			}
			if (r() < 0.035) {
				const openedOn = addDays(held, Math.floor(r() * 40));
				const closedOn = r() < 0.85 ? addWorkingDays(openedOn, r() < 0.75 ? 2 + Math.floor(r() * 18) : 21 + Math.floor(r() * 20)) : null;
				ds.escalations.push({ id: id.any(), reviewId, stage: pick(r, [[1, 0.7], [2, 0.2], [3, 0.08], [4, 0.02]]), openedOn, closedOn, by: iroId });
			}
			if (ageThen >= 4 && held >= period.from && r() < 0.06) {
				const kind = pick(r, [['advocate', 0.35], ['talk-to-iro', 0.45], ['change-review', 0.15], ['interpreter', 0.05]] as ['advocate' | 'talk-to-iro' | 'change-review' | 'interpreter', number][]);
				const consent = kind === 'advocate' && r() < 0.7;
				const created = at(addDays(held, -Math.floor(5 + r() * 20)), 8 + Math.floor(r() * 12), Math.floor(r() * 60));
				const quick = r() < 0.8;
				const seen = created + Math.round((quick ? 2 : 30) * 3_600_000 * (0.5 + r()));
				const done = seen + Math.round((quick ? 20 : 80) * 3_600_000 * (0.5 + r()));
				const handler = kind === 'advocate' && consent ? 'advocacy' : 'iro';
				ds.requests.push({
					id: id.any(), kind, childId, requesterId: kind === 'interpreter' ? parents[0]!.id : yp.id, requesterKind: kind === 'interpreter' ? 'parent' : 'young-person', reviewId,
					consent, handler, status: 'done', createdAt: created, seenAt: seen, allocatedAt: handler === 'advocacy' ? done : null, answeredAt: handler === 'iro' ? done : null, closedAt: done + 86_400_000
				});
			}
		}
		if (r() < 0.012) {
			const created = day0 + Math.floor(r() * yearDays) * 86_400_000 + Math.floor(r() * 86_400_000);
			const wait = Math.round(r() < 0.8 ? r() * 2 * 3_600_000 : r() * 60 * 3_600_000);
			const acked = r() < 0.97;
			ds.alerts.push({ id: id.any(), childId, raisedBy: yp.id, createdAt: created, acknowledgedAt: acked ? created + wait : null, by: acked ? iroId : null });
		}
	}
	return { dataset: ds, reviewsInYear: inYear, period };
}

/** Every code in order, for callers that build exact datasets. */
export const CODES = PARTICIPATION_CODES;
