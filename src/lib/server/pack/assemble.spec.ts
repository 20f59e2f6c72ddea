import { describe, expect, it, vi } from 'vitest';
import { TOPICS, type Answer, type AnswerValue, type Visibility } from '$lib/forms/types';
import { formById } from '$lib/forms/registry';
import { assemblePack, canSee, type Pack, type PackRespondent, type Viewer } from './assemble';

/**
 * DOMAIN §8.2 and SECURITY T1, T3, SEC-Z5, PRIV-7: what each viewer of a pack may read. The child
 * answers the real `young-person-13-plus` v1; parents and carers answer small fixture forms added
 * to the registry here (their real forms arrive with a later issue).
 */
vi.mock('$lib/forms/registry', async (importOriginal) => {
	const real = await importOriginal<typeof import('$lib/forms/registry')>();
	const fixtures = [
		{
			id: 'test-parent', version: 1, audience: 'parent', title: 'test-parent.title',
			questions: [
				{ id: 'parent-home', wording: 'test-parent.parent-home', topic: 'home', kind: 'choice', options: ['good', 'bad'] },
				{ id: 'parent-words', wording: 'test-parent.parent-words', topic: 'anything-else', kind: 'text', maxLength: 2000 }
			]
		},
		{
			id: 'test-carer', version: 1, audience: 'carer', title: 'test-carer.title',
			questions: [{ id: 'carer-words', wording: 'test-carer.carer-words', topic: 'home', kind: 'text', maxLength: 2000 }]
		}
	];
	return {
		...real,
		formById: (id: string, version: number) => fixtures.find((f) => f.id === id && f.version === version) ?? real.formById(id, version)
	};
});

const CHILD_FORM = { formId: 'young-person-13-plus', formVersion: 1 };
const SENT_AT = Date.UTC(2026, 10, 20, 18, 0);

const text = (t: string): AnswerValue => ({ kind: 'text', text: t });
const choice = (v: string): AnswerValue => ({ kind: 'choice', value: v });

function answers(list: [string, AnswerValue, Visibility][]): Map<string, Answer> {
	return new Map(list.map(([questionId, value, visibility]) => [questionId, { questionId, value, visibility }]));
}

/** Canary strings: each must appear exactly where the viewer may read it, and nowhere else. */
const C = {
	childIroOnly: 'CANARY-child-iro-only',
	childSocialWorker: 'CANARY-child-social-worker',
	childEveryone: 'CANARY-child-everyone',
	childEveryone2: 'CANARY-child-everyone-two',
	notWho: 'CANARY-meeting-not-who',
	notTalk: 'CANARY-meeting-not-talk',
	parentA: 'CANARY-parent-a-words',
	parentAIroOnly: 'CANARY-parent-a-iro-only',
	carer: 'CANARY-carer-words',
	draft: 'CANARY-draft-words'
};

const child: PackRespondent = {
	respondentId: 'u-child', kind: 'young-person', displayName: 'Sam', invitedAt: 1,
	consultation: { status: 'submitted', ...CHILD_FORM, submittedAt: SENT_AT },
	answers: answers([
		// Question order in the form: home-feel, home-change, safe-out, plans, since-good, …, meeting-not-who, meeting-not-talk, anything-else
		['anything-else', text(C.childEveryone2), 'everyone'],
		['meeting-not-talk', text(C.notTalk), 'iro-only'],
		// A fixed IRO-only answer stored as "everyone" (a forged post) still never leaves the IRO.
		['meeting-not-who', text(C.notWho), 'everyone'],
		['since-good', text(C.childSocialWorker), 'iro-and-social-worker'],
		['plans', text(C.childEveryone), 'everyone'],
		['safe-out', choice('yes'), 'everyone'],
		['home-change', text(C.childIroOnly), 'iro-only'],
		['home-feel', choice('happy'), 'iro-only'],
		['next', choice('stay'), 'iro-and-social-worker']
	])
};
const parentA: PackRespondent = {
	respondentId: 'u-parent-a', kind: 'parent', displayName: 'Jo Reed', invitedAt: 2,
	consultation: { status: 'submitted', formId: 'test-parent', formVersion: 1, submittedAt: SENT_AT },
	answers: answers([
		['parent-words', text(C.parentA), 'everyone'],
		['parent-home', choice('good'), 'iro-only']
	])
};
const parentDraft: PackRespondent = {
	respondentId: 'u-parent-b', kind: 'parent', displayName: 'Lee Shaw', invitedAt: 3,
	consultation: { status: 'draft', formId: 'test-parent', formVersion: 1, submittedAt: null },
	answers: answers([['parent-words', text(C.draft), 'everyone']])
};
const carer: PackRespondent = {
	respondentId: 'u-carer', kind: 'carer', displayName: 'Pat Green', invitedAt: 4,
	consultation: { status: 'submitted', formId: 'test-carer', formVersion: 1, submittedAt: SENT_AT },
	answers: answers([['carer-words', text(C.carer), 'everyone']])
};
const carerNotStarted: PackRespondent = {
	respondentId: 'u-carer-2', kind: 'carer', displayName: 'Dee Ford', invitedAt: 5, consultation: null, answers: new Map()
};
/** A parent's answer with visibility iro-only, to check parents' answers by visibility. */
const parentAIroOnly: PackRespondent = { ...parentA, answers: answers([['parent-words', text(C.parentAIroOnly), 'iro-only']]) };

// Given in a scrambled order: the pack sorts young person, parents, carers.
const EVERYONE: readonly PackRespondent[] = [carerNotStarted, parentDraft, carer, parentA, child];

function section(pack: Pack, respondentId: string) {
	return pack.sections.find((s) => s.respondentId === respondentId);
}
function itemIds(pack: Pack, respondentId: string): string[] {
	return section(pack, respondentId)?.topics.flatMap((t) => t.items.map((i) => i.questionId)) ?? [];
}
function json(pack: Pack): string {
	return JSON.stringify(pack);
}

describe('assemblePack: the allocated IRO', () => {
	const pack = assemblePack(EVERYONE, 'iro');

	it('sees every sent answer of the child, including iro-only and the fixed IRO-only questions', () => {
		expect(itemIds(pack, 'u-child').sort()).toEqual([...child.answers.keys()].sort());
		for (const canary of [C.childIroOnly, C.childSocialWorker, C.childEveryone, C.childEveryone2, C.notWho, C.notTalk]) {
			expect(json(pack)).toContain(canary);
		}
	});

	it("sees parents' and carers' sent answers", () => {
		expect(itemIds(pack, 'u-parent-a').sort()).toEqual(['parent-home', 'parent-words']);
		expect(itemIds(pack, 'u-carer')).toEqual(['carer-words']);
	});

	it('orders sections young person, then parents, then carers', () => {
		expect(pack.sections.map((s) => s.respondentId)).toEqual(['u-child', 'u-parent-a', 'u-carer']);
	});

	it('lists a draft and a consultation never started as waiting, with whether they started', () => {
		expect(pack.waiting).toEqual([
			{ respondentId: 'u-parent-b', kind: 'parent', displayName: 'Lee Shaw', invitedAt: 3, started: true },
			{ respondentId: 'u-carer-2', kind: 'carer', displayName: 'Dee Ford', invitedAt: 5, started: false }
		]);
	});

	it('carries the wording key of the version answered and the sharing label', () => {
		const items = section(pack, 'u-child')!.topics.flatMap((t) => t.items);
		const plans = items.find((i) => i.questionId === 'plans')!;
		expect(plans).toEqual({ questionId: 'plans', wording: 'young-person-13-plus.plans', kind: 'text', value: text(C.childEveryone), visibility: 'everyone', flag: null });
		expect(section(pack, 'u-child')).toMatchObject({ formId: 'young-person-13-plus', formVersion: 1, submittedAt: SENT_AT });
	});
});

describe('assemblePack: topics (DOMAIN §5.2, §8.1)', () => {
	const pack = assemblePack([child], 'iro');
	const topics = section(pack, 'u-child')!.topics.map((t) => t.topic);

	it('puts topics in DOMAIN order, not the order questions were asked or stored', () => {
		expect(topics).toEqual(TOPICS.filter((t) => topics.includes(t)));
		expect(topics).toEqual(['since-last-time', 'home', 'safety', 'school', 'the-plan', 'my-meeting', 'anything-else']);
	});

	it('keeps questions within a topic in the order of the form', () => {
		const form = formById('young-person-13-plus', 1)!;
		for (const t of section(pack, 'u-child')!.topics) {
			const ids = t.items.map((i) => i.questionId);
			const inForm = form.questions.filter((q) => ids.includes(q.id)).map((q) => q.id);
			expect(ids).toEqual(inForm);
		}
	});

	it('leaves out topics with nothing the viewer may read', () => {
		const parentView = assemblePack([child], 'parent');
		const visible = section(parentView, 'u-child')!.topics.map((t) => t.topic);
		expect(visible).toEqual(['safety', 'school', 'anything-else']);
	});
});

describe('assemblePack: a social-worker print or export (DOMAIN §8.2)', () => {
	const pack = assemblePack(EVERYONE, 'social-worker');

	it("reads the child's iro-and-social-worker and everyone answers only", () => {
		expect(itemIds(pack, 'u-child').sort()).toEqual(['anything-else', 'next', 'plans', 'safe-out', 'since-good']);
		expect(json(pack)).not.toContain(C.childIroOnly);
	});

	it('never reads the fixed IRO-only questions, even when stored as everyone', () => {
		expect(itemIds(pack, 'u-child')).not.toContain('meeting-not-who');
		expect(itemIds(pack, 'u-child')).not.toContain('meeting-not-talk');
		expect(json(pack)).not.toContain(C.notWho);
		expect(json(pack)).not.toContain(C.notTalk);
	});

	it("reads parents' and carers' sent answers (they go to the export)", () => {
		expect(itemIds(pack, 'u-parent-a').sort()).toEqual(['parent-home', 'parent-words']);
		expect(itemIds(pack, 'u-carer')).toEqual(['carer-words']);
	});
});

describe.each(['parent', 'carer'] as const)('assemblePack: a %s viewer (SECURITY T1, T3, SEC-Z5)', (viewer) => {
	const pack = assemblePack(EVERYONE, viewer);

	it("SEC-Z5: reads only the child's answers shared with everyone", () => {
		expect(itemIds(pack, 'u-child').sort()).toEqual(['anything-else', 'plans', 'safe-out']);
		for (const i of section(pack, 'u-child')!.topics.flatMap((t) => t.items)) expect(i.visibility).toBe('everyone');
		expect(json(pack)).not.toContain(C.childIroOnly);
		expect(json(pack)).not.toContain(C.childSocialWorker);
	});

	it('SEC-Z5: never reads meeting-not-who or meeting-not-talk, even when stored as everyone', () => {
		expect(itemIds(pack, 'u-child')).not.toContain('meeting-not-who');
		expect(itemIds(pack, 'u-child')).not.toContain('meeting-not-talk');
		expect(json(pack)).not.toContain(C.notWho);
		expect(json(pack)).not.toContain(C.notTalk);
	});

	it("SEC-Z5: never reads another respondent's answers, even ones shared with everyone", () => {
		expect(itemIds(pack, 'u-parent-a')).toEqual([]);
		expect(itemIds(pack, 'u-carer')).toEqual([]);
		expect(json(pack)).not.toContain(C.parentA);
		expect(json(pack)).not.toContain(C.carer);
		expect(json(assemblePack([parentAIroOnly], viewer))).not.toContain(C.parentAIroOnly);
	});
});

describe('assemblePack: a parent viewer and the carer (SECURITY T4, SEC-Z5: "parents never get carer fields")', () => {
	it("SEC-Z5: a parent's pack names no carer, neither as a section nor in the waiting list", () => {
		const pack = assemblePack(EVERYONE, 'parent');
		expect(pack.sections.map((s) => s.kind)).not.toContain('carer');
		expect(pack.waiting.map((w) => w.kind)).not.toContain('carer');
		expect(json(pack)).not.toContain('Pat Green');
		expect(json(pack)).not.toContain('Dee Ford');
	});
});

describe('assemblePack: drafts (REL-1: only what a person sent)', () => {
	it.each(['iro', 'social-worker', 'parent', 'carer'] as const)('a %s never sees the answers of a draft', (viewer: Viewer) => {
		const pack = assemblePack(EVERYONE, viewer);
		expect(section(pack, 'u-parent-b')).toBeUndefined();
		expect(json(pack)).not.toContain(C.draft);
	});

	it('a consultation marked submitted without a time is treated as waiting, not shown', () => {
		const odd: PackRespondent = { ...parentA, consultation: { ...parentA.consultation!, submittedAt: null } };
		const pack = assemblePack([odd], 'iro');
		expect(pack.sections).toEqual([]);
		expect(pack.waiting).toEqual([{ respondentId: 'u-parent-a', kind: 'parent', displayName: 'Jo Reed', invitedAt: 2, started: true }]);
		expect(json(pack)).not.toContain(C.parentA);
	});

	it('an answer to a question not in the version answered is not shown', () => {
		const stray: PackRespondent = { ...child, answers: answers([['not-a-question', text('CANARY-stray'), 'everyone']]) };
		expect(json(assemblePack([stray], 'iro'))).not.toContain('CANARY-stray');
	});

	it('an unknown form version fails loudly rather than rendering the wrong wording', () => {
		const unknown: PackRespondent = { ...child, consultation: { ...child.consultation!, formVersion: 99 } };
		expect(() => assemblePack([unknown], 'iro')).toThrow(/unknown form/);
	});

	it('no respondents make an empty pack', () => {
		expect(assemblePack([], 'iro')).toEqual({ sections: [], waiting: [] });
	});
});

describe('canSee (DOMAIN §5.6)', () => {
	const form = formById('young-person-13-plus', 1)!;
	const q = (id: string) => form.questions.find((x) => x.id === id)!;
	const VIS = ['iro-only', 'iro-and-social-worker', 'everyone'] as const;

	it.each([
		// viewer, visibility → child text answer visible?
		['iro', [true, true, true]],
		['social-worker', [false, true, true]],
		['parent', [false, false, true]],
		['carer', [false, false, true]]
	] as const)("a %s sees a child's free-text answer by its sharing label", (viewer, expected) => {
		expect(VIS.map((v) => canSee(viewer, 'young-person', q('plans'), v))).toEqual(expected);
	});

	it.each(['meeting-not-who', 'meeting-not-talk'])('%s is for the IRO alone, whatever its stored label', (id) => {
		for (const v of VIS) {
			expect(canSee('iro', 'young-person', q(id), v)).toBe(true);
			expect(canSee('social-worker', 'young-person', q(id), v)).toBe(false);
			expect(canSee('parent', 'young-person', q(id), v)).toBe(false);
			expect(canSee('carer', 'young-person', q(id), v)).toBe(false);
		}
	});
});

describe('assemblePack: safety flags and withheld counts (DOMAIN §5.7, §8.1, §8.2)', () => {
	const v2 = (answers: [string, Answer['value'], Answer['visibility']][]): PackRespondent => ({
		respondentId: 'u-flag', kind: 'young-person', displayName: 'Flag', invitedAt: 1,
		consultation: { status: 'submitted', formId: 'young-person-13-plus', formVersion: 2, submittedAt: SENT_AT },
		answers: new Map(answers.map(([id, value, visibility]) => [id, { questionId: id, value, visibility }]))
	});
	const pack = (viewer: 'iro' | 'social-worker') =>
		assemblePack([v2([
			['home-safe', { kind: 'choice', value: 'not-sure' }, 'iro-only'],
			['safe-out', { kind: 'choice', value: 'no' }, 'iro-only'],
			['since-good', { kind: 'text', text: 'private' }, 'iro-only'],
			['plans', { kind: 'text', text: 'shared' }, 'iro-and-social-worker']
		])], viewer);

	it('flags "not sure" on a safety question as ask and "no" as alert, for the IRO', () => {
		const items = pack('iro').sections[0]!.topics.flatMap((t) => t.items);
		expect(items.find((i) => i.questionId === 'home-safe')?.flag).toBe('ask');
		expect(items.find((i) => i.questionId === 'safe-out')?.flag).toBe('alert');
		expect(items.find((i) => i.questionId === 'plans')?.flag).toBeNull();
	});

	it('counts what the social-worker view may not read, and withholds nothing from the IRO', () => {
		expect(pack('iro').sections[0]!.withheld).toBe(0);
		expect(pack('social-worker').sections[0]!.withheld).toBe(3);
	});
});
