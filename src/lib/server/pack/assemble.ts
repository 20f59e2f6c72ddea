import { formById } from '$lib/forms/registry';
import { safetyConcern } from '$lib/forms/safety';
import { TOPICS, type Answer, type AnswerValue, type Question, type Topic, type Visibility } from '$lib/forms/types';

/**
 * Pack assembly (STYLE §2.4, DOMAIN §8): PURE. Answers × the definition version each respondent
 * answered × what this viewer may read. Drafts are never shown: only what a person sent.
 */
/** `advocate`: the allocated advocate, while the child's consent stands (DOMAIN §8.2; the caller's guard decides that). */
export type Viewer = 'iro' | 'social-worker' | 'parent' | 'carer' | 'advocate';
export type RespondentKind = 'young-person' | 'parent' | 'carer';

export interface PackRespondent {
	respondentId: string;
	kind: RespondentKind;
	displayName: string;
	invitedAt: number;
	consultation: { status: 'draft' | 'submitted'; formId: string; formVersion: number; submittedAt: number | null; beingChanged?: boolean } | null;
	answers: ReadonlyMap<string, Answer>;
}

export interface PackItem {
	questionId: string;
	/** The wording key of the version answered: the pack shows exactly what was asked. */
	wording: string;
	kind: Question['kind'];
	value: AnswerValue;
	visibility: Visibility;
	/** A child's "not sure" (ask) or "no" (alert) on a safety question (DOMAIN §5.7, §8.1). */
	flag: 'ask' | 'alert' | null;
}

export interface PackSection {
	respondentId: string;
	kind: RespondentKind;
	displayName: string;
	formId: string;
	formVersion: number;
	submittedAt: number;
	topics: { topic: Topic; items: PackItem[] }[];
	/** Answers this viewer may not read (the social-worker export says how many: DOMAIN §8.2). */
	withheld: number;
	/** Reopened by the respondent: this is what they last sent (issue 4). */
	beingChanged: boolean;
}

export interface Pack {
	sections: PackSection[];
	waiting: { respondentId: string; kind: RespondentKind; displayName: string; invitedAt: number; started: boolean }[];
}

/** Who may read an answer (DOMAIN §5.6; SECURITY T1, T3, SEC-Z5). */
export function canSee(viewer: Viewer, respondent: RespondentKind, question: Question, visibility: Visibility, advocate = false): boolean {
	if (viewer === 'iro') return true;
	// Parents' and carers' answers go to the IRO and the export only (DOMAIN §5.6).
	if (respondent !== 'young-person') return viewer === 'social-worker';
	if (question.kind === 'text' && question.fixedVisibility === 'iro-only') return false;
	// The "my advocate" tick is its own permission, whatever the sharing level (DOMAIN §5.6, §8.2).
	if (viewer === 'advocate') return advocate;
	if (viewer === 'social-worker') return visibility === 'iro-and-social-worker' || visibility === 'everyone';
	return visibility === 'everyone';
}

const ORDER: Record<RespondentKind, number> = { 'young-person': 0, parent: 1, carer: 2 };

export function assemblePack(respondents: readonly PackRespondent[], viewer: Viewer): Pack {
	const sections: PackSection[] = [];
	const waiting: Pack['waiting'] = [];
	const sorted = [...respondents].sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.displayName.localeCompare(b.displayName));
	for (const r of sorted) {
		// SEC-Z5, PRIV-11: a parent's or carer's copy carries only the child's shared answers, never
		// another respondent's name, answers or whether they have started.
		if ((viewer === 'parent' || viewer === 'carer' || viewer === 'advocate') && r.kind !== 'young-person') continue;
		const c = r.consultation;
		if (!c || c.status !== 'submitted' || c.submittedAt === null) {
			waiting.push({ respondentId: r.respondentId, kind: r.kind, displayName: r.displayName, invitedAt: r.invitedAt, started: c !== null });
			continue;
		}
		const form = formById(c.formId, c.formVersion);
		if (!form) throw new Error(`pack: unknown form ${c.formId}@${c.formVersion}`);
		const byTopic = new Map<Topic, PackItem[]>();
		let withheld = 0;
		for (const q of form.questions) {
			const a = r.answers.get(q.id);
			if (!a) continue;
			if (!canSee(viewer, r.kind, q, a.visibility, a.advocate === true)) {
				if (a.value.kind !== 'skipped') withheld++;
				continue;
			}
			const list = byTopic.get(q.topic) ?? [];
			const flag = r.kind === 'young-person' ? safetyConcern(q, a.value) : null;
			list.push({ questionId: q.id, wording: q.wording, kind: q.kind, value: a.value, visibility: a.visibility, flag });
			byTopic.set(q.topic, list);
		}
		const topics = TOPICS.filter((t) => byTopic.has(t)).map((t) => ({ topic: t, items: byTopic.get(t)! }));
		sections.push({ respondentId: r.respondentId, kind: r.kind, displayName: r.displayName, formId: c.formId, formVersion: c.formVersion, submittedAt: c.submittedAt, topics, withheld, beingChanged: !!c.beingChanged });
	}
	return { sections, waiting };
}
