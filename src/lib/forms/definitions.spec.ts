import { createHash } from 'node:crypto';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import forms from '../i18n/locales/en-GB/forms.json';
import { questionsFor } from './define';
import frozen from './frozen-versions.json';
import { ALL_FORMS, formById, latestForm } from './registry';
import {
	ADULT_AUDIENCES,
	isChoiceQuestion,
	RATHER_NOT_SAY,
	TOPICS,
	type ChoiceQuestion,
	type FormDefinition,
	type Question
} from './types';
import { ERROR_KEYS, validatePage } from './validate';

type Tree = { [key: string]: string | Tree };
const en = forms as unknown as Tree;
const frozenHashes = frozen as Record<string, string>;

/** The value at a dotted i18n key (keySeparator '.'), or undefined. */
function lookup(key: string): string | Tree | undefined {
	let node: string | Tree | undefined = en;
	for (const part of key.split('.')) {
		if (node === undefined || typeof node === 'string') return undefined;
		node = node[part];
	}
	return node;
}

/** Every wording key a page needs: the label and one per option (hints are optional). */
function requiredKeys(question: Question): string[] {
	const keys = [`${question.wording}.label`];
	if (isChoiceQuestion(question)) keys.push(...question.options.map((o) => `${question.wording}.options.${o}`));
	return keys;
}

/** JSON with object keys sorted at every level, so the hash doesn't depend on key order. */
function stableJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

/** SHA-256 over a definition and every English string it uses (title, and each question's subtree). */
function fingerprint(form: FormDefinition): string {
	const english: Record<string, unknown> = { [form.title]: lookup(form.title) };
	for (const q of form.questions) english[q.wording] = lookup(q.wording);
	return createHash('sha256').update(stableJson({ definition: form, english })).digest('hex');
}

function strings(node: string | Tree, path = ''): [string, string][] {
	if (typeof node === 'string') return [[path, node]];
	return Object.entries(node).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
}

const isChoice = isChoiceQuestion;
const choice = (form: FormDefinition, id: string): ChoiceQuestion => {
	const q = form.questions.find((x) => x.id === id);
	if (!q || !isChoice(q)) throw new Error(`${form.id}: no choice question ${id}`);
	return q;
};
const ids = (form: FormDefinition, pick: (q: Question) => boolean = () => true) => form.questions.filter(pick).map((q) => q.id);
const isAdult = (form: FormDefinition) => ADULT_AUDIENCES.includes(form.audience);
const CHILD_FORMS = ALL_FORMS.filter((f) => f.audience === 'young-person');
/** 13+ v1 was answered before safety triggers existed, and a used version is frozen; v2 adds them. */
const FROZEN_WITHOUT_TRIGGERS = ['young-person-13-plus@1'];
const MEETING_PLANNER = [
	'meeting-come',
	'meeting-who',
	'meeting-not-who',
	'meeting-where',
	'meeting-when',
	'meeting-lead',
	'meeting-views-how',
	'meeting-iro-first',
	'meeting-not-talk',
	'meeting-needs'
];

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const PATHWAY = ['pathway-plan', 'after-18', 'documents', 'money', 'personal-adviser'];

describe.each(ALL_FORMS.map((f) => [`${f.id}@${f.version}`, f] as const))('%s', (_name, form) => {
	it('has a kebab-case form id and a positive whole version', () => {
		expect(form.id).toMatch(KEBAB);
		expect(Number.isInteger(form.version) && form.version > 0).toBe(true);
	});

	it('has unique kebab-case question ids', () => {
		const ids = form.questions.map((q) => q.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(KEBAB);
	});

	it('keeps every question wording under the form id and the question id', () => {
		for (const q of form.questions) {
			expect(q.wording.startsWith(form.id) && q.wording.endsWith(`.${q.id}`), q.wording).toBe(true);
		}
	});

	it('files every question under a known pack topic', () => {
		for (const q of form.questions) expect(TOPICS, q.id).toContain(q.topic);
	});

	it('makes only choice questions required, because on a child\'s form required means "choose something", never "disclose"; an adult\'s form may require text', () => {
		const allowed = isAdult(form) ? ['choice', 'choices', 'yes-no', 'faces', 'text'] : ['choice', 'choices', 'yes-no', 'faces'];
		for (const q of form.questions.filter((x) => x.required)) expect(allowed, q.id).toContain(q.kind);
	});

	it('keeps drawings to child forms, dates to the carer form, and carry-forward to the carer form', () => {
		const misplaced = form.questions.filter(
			(q) =>
				(q.kind === 'drawing' && form.audience !== 'young-person') ||
				(q.kind === 'date' && form.audience !== 'carer') ||
				(q.carryForward && form.audience !== 'carer')
		);
		expect(misplaced.map((q) => q.id)).toEqual([]);
	});

	it('names only real options as exclusive or as safety triggers, and never "not sure" as a trigger', () => {
		for (const q of form.questions.filter(isChoice)) {
			for (const v of q.exclusive ?? []) expect(q.options, `${q.id} exclusive`).toContain(v);
			if (q.exclusive) expect(q.kind, q.id).toBe('choices');
			for (const v of q.safetyTrigger ?? []) expect(q.options, `${q.id} trigger`).toContain(v);
			expect(q.safetyTrigger ?? [], q.id).not.toContain('not-sure');
		}
	});

	it('is assisted only if it is a child\'s form', () => {
		expect(!form.assisted || form.audience === 'young-person').toBe(true);
	});

	it('ends every child-facing choice list with "I\'d rather not say"', () => {
		const lists = form.audience === 'young-person' ? form.questions.filter(isChoice) : [];
		expect(lists.filter((q) => q.options.at(-1) !== RATHER_NOT_SAY).map((q) => q.id)).toEqual([]);
	});

	it('has English wording for its title, every label and every option', () => {
		expect(typeof lookup(form.title), form.title).toBe('string');
		for (const key of form.questions.flatMap(requiredKeys)) expect(typeof lookup(key), key).toBe('string');
	});

	it('is frozen: its definition and English match frozen-versions.json', () => {
		const name = `${form.id}@${form.version}`;
		const hash = fingerprint(form);
		expect(
			frozenHashes[name],
			frozenHashes[name] === undefined
				? `${name} has no frozen hash. Once it is final, add "${name}": "${hash}" to frozen-versions.json.`
				: `${name} has changed. A version once answered is never edited; make a new version instead ` +
						`(a new definition file and new wording keys). Answers store form_id and form_version, and old packs ` +
						`must show the wording that was actually answered (DOMAIN §5.8).`
		).toBe(hash);
	});
});

describe.each(CHILD_FORMS.map((f) => [`${f.id}@${f.version}`, f] as const))('child form %s', (name, form) => {
	it('asks home-safe as a required yes-no', () => {
		const q = choice(form, 'home-safe');
		expect([q.kind, q.topic, q.required]).toEqual(['yes-no', 'safety', true]);
	});

	it('raises a safety alert on "No" to home-safe (DOMAIN §5.7), unless it is a frozen version from before triggers', () => {
		const expected = FROZEN_WITHOUT_TRIGGERS.includes(name) ? undefined : ['no'];
		expect(choice(form, 'home-safe').safetyTrigger).toEqual(expected);
	});

	it('covers the my-meeting and safety topics', () => {
		const topics = new Set(form.questions.map((q) => q.topic));
		expect(topics.has('my-meeting') && topics.has('safety')).toBe(true);
	});

	it('requires meeting-come', () => {
		expect(choice(form, 'meeting-come').required).toBe(true);
	});
});

describe('young-person-4-7', () => {
	const form = latestForm('young-person-4-7');

	it('is done with a trusted adult and offers read-aloud', () => {
		expect([form.assisted, form.readAloud]).toEqual([true, true]);
	});

	it('starts with who helped and how, both required, for the adult (A11Y-C6)', () => {
		expect(form.questions.slice(0, 2).map((q) => [q.id, q.required])).toEqual([
			['who-helped', true],
			['how-helped', true]
		]);
		expect(choice(form, 'how-helped').options).toEqual(['read-to-them', 'they-point', 'they-tell-me', 'i-write-it-down', RATHER_NOT_SAY]);
	});

	it('uses three faces wherever it asks with faces', () => {
		const faces = form.questions.filter(isChoice).filter((q) => q.kind === 'faces');
		expect(faces.map((q) => q.id)).toEqual(['home-feel', 'home-grown-ups', 'school-feel']);
		for (const q of faces) expect(q.options, q.id).toEqual(['sad', 'okay', 'happy', RATHER_NOT_SAY]);
	});

	it('follows each question DOMAIN §5.5 pairs with a drawing by an optional drawing page', () => {
		expect(ids(form, (q) => q.kind === 'drawing')).toEqual(['miss-someone-draw', 'fun-draw', 'worry-draw', 'one-wish']);
		const all = ids(form);
		for (const [question, drawing] of [
			['miss-someone', 'miss-someone-draw'],
			['fun', 'fun-draw'],
			['worry', 'worry-draw']
		] as const) {
			expect(all.indexOf(drawing), drawing).toBe(all.indexOf(question) + 1);
		}
	});

	it('asks only the four 4–7 questions of the meeting planner (DOMAIN §5.3)', () => {
		expect(ids(form, (q) => q.topic === 'my-meeting')).toEqual(['meeting-come', 'meeting-who', 'meeting-iro-first', 'meeting-needs']);
	});

	it('requires exactly who-helped, how-helped, home-safe and meeting-come', () => {
		expect(ids(form, (q) => !!q.required)).toEqual(['who-helped', 'how-helped', 'home-safe', 'meeting-come']);
	});
});

describe('young-person-8-12', () => {
	const form = latestForm('young-person-8-12');

	it('offers read-aloud and is not assisted', () => {
		expect([form.assisted, form.readAloud]).toEqual([undefined, true]);
	});

	it('uses five faces, each followed by an optional "tell me more" page', () => {
		const all = ids(form);
		const faces = form.questions.filter(isChoice).filter((q) => q.kind === 'faces');
		expect(faces.map((q) => q.id)).toEqual(['home-feel', 'school-feel', 'feelings']);
		for (const q of faces) {
			expect(q.options, q.id).toEqual(['very-unhappy', 'unhappy', 'okay', 'happy', 'very-happy', RATHER_NOT_SAY]);
			expect(form.questions[all.indexOf(q.id) + 1]?.kind, q.id).toBe('text');
		}
	});

	it('asks all of the meeting planner (DOMAIN §5.3), with the two fixed answers for the IRO only', () => {
		expect(ids(form, (q) => q.topic === 'my-meeting')).toEqual(expect.arrayContaining(MEETING_PLANNER));
		expect(ids(form, (q) => q.kind === 'text' && q.fixedVisibility === 'iro-only')).toEqual(['meeting-not-who', 'meeting-not-talk']);
	});

	it('requires exactly home-safe and meeting-come', () => {
		expect(ids(form, (q) => !!q.required)).toEqual(['home-safe', 'meeting-come']);
	});

	it('follows identity by its own "tell me more" page', () => {
		const all = ids(form);
		expect(all.indexOf('identity-more')).toBe(all.indexOf('identity') + 1);
	});
});

describe('parent', () => {
	const form = latestForm('parent');

	it('offers read-aloud', () => {
		expect(form.readAloud).toBe(true);
	});

	it('asks the 14 questions of DOMAIN §5.5', () => {
		expect(ids(form)).toEqual(
			expect.arrayContaining([
				'going-well',
				'worries',
				'placement-view',
				'everyday-decisions',
				'family-time',
				'plan-understand',
				'plan-agree',
				'want-next',
				'own-support',
				'need-to-know',
				'reports-received',
				'attend',
				'access-needs',
				'anything-else'
			])
		);
	});

	it('requires exactly plan-agree and attend, and follows plan-agree by a page for the reasons', () => {
		expect(ids(form, (q) => !!q.required)).toEqual(['plan-agree', 'attend']);
		const all = ids(form);
		expect(form.questions[all.indexOf('plan-agree') + 1]).toMatchObject({ id: 'plan-agree-why', kind: 'text' });
		expect(choice(form, 'plan-agree').options).toEqual(['agree', 'partly-agree', 'dont-agree', 'not-sure']);
	});

	it('offers an interpreter among the access needs', () => {
		expect(choice(form, 'access-needs').options).toContain('interpreter');
	});

	it('raises no safety alert (DOMAIN §5.7: parent pages link to help instead)', () => {
		expect(form.questions.filter(isChoice).filter((q) => q.safetyTrigger)).toEqual([]);
	});
});

describe('carer', () => {
	const form = latestForm('carer');
	const REQUIRED_TOPICS = ['settling', 'health', 'education', 'emotional', 'family-time', 'identity', 'safety'];
	const OPTIONAL_TOPICS = ['friends-activities', 'independence', 'delegated-authority', 'child-says', 'celebrate', 'carer-support'];

	it('starts with the required carer-role', () => {
		expect(form.questions[0]).toMatchObject({ id: 'carer-role', kind: 'choice', required: true });
	});

	it('asks the seven required topics as required text, carried forward from the last report', () => {
		for (const id of REQUIRED_TOPICS) {
			expect(form.questions.find((q) => q.id === id), id).toMatchObject({ kind: 'text', required: true, carryForward: true });
		}
	});

	it('asks the dates of the last health assessment and dentist visit after health, optional and carried forward', () => {
		const all = ids(form);
		expect(ids(form, (q) => q.kind === 'date')).toEqual(['health-assessment-date', 'dentist-date']);
		expect(all.indexOf('health-assessment-date')).toBe(all.indexOf('health') + 1);
		for (const q of form.questions.filter((x) => x.kind === 'date')) {
			expect([q.topic, q.required, q.carryForward], q.id).toEqual(['health', undefined, true]);
		}
	});

	it('ends with the six optional topics, each carried forward', () => {
		expect(ids(form).slice(-OPTIONAL_TOPICS.length)).toEqual(OPTIONAL_TOPICS);
		for (const id of OPTIONAL_TOPICS) {
			expect(form.questions.find((q) => q.id === id), id).toMatchObject({ kind: 'text', carryForward: true });
			expect(form.questions.find((q) => q.id === id)?.required, id).toBeUndefined();
		}
	});

	it('files each topic where DOMAIN §5.5 puts it', () => {
		const topic = Object.fromEntries(form.questions.map((q) => [q.id, q.topic]));
		expect(topic).toMatchObject({
			settling: 'home',
			health: 'health',
			education: 'school',
			emotional: 'health',
			'family-time': 'family-friends',
			identity: 'identity',
			safety: 'safety',
			'friends-activities': 'fun',
			independence: 'growing-up',
			'delegated-authority': 'home',
			'child-says': 'having-a-say',
			celebrate: 'since-last-time',
			'carer-support': 'home'
		});
	});
});

describe('young-person-13-plus v2', () => {
	const v1 = formById('young-person-13-plus', 1)!;
	const v2 = formById('young-person-13-plus', 2)!;

	it('is the latest 13+ version, so new consultations start on it', () => {
		expect(latestForm('young-person-13-plus')).toBe(v2);
	});

	it('keeps v1\'s questions, options and wording keys exactly, adding only safety triggers and exclusive options', () => {
		const strip = (q: Question) => {
			const { safetyTrigger: _t, exclusive: _e, ...rest } = q as ChoiceQuestion;
			return rest;
		};
		expect(v2.questions.map(strip)).toEqual(v1.questions.map(strip));
		expect(v2.title).toBe(v1.title);
	});

	it('raises a safety alert on "No" to home-safe and to safe-out', () => {
		expect(v2.questions.filter(isChoice).filter((q) => q.safetyTrigger).map((q) => [q.id, q.safetyTrigger])).toEqual([
			['home-safe', ['no']],
			['safe-out', ['no']]
		]);
	});

	it('makes "none", "nothing" and "I\'d rather not say" exclusive on every checkbox list', () => {
		for (const q of v2.questions.filter(isChoice).filter((x) => x.kind === 'choices')) {
			expect(q.exclusive, q.id).toContain(RATHER_NOT_SAY);
			for (const none of ['none', 'nothing']) if (q.options.includes(none)) expect(q.exclusive, q.id).toContain(none);
		}
	});
});

describe('young-person-13-plus', () => {
	const form = latestForm('young-person-13-plus');

	it('asks about every pack topic in DOMAIN §5.2', () => {
		const covered = new Set(form.questions.map((q) => q.topic));
		expect(TOPICS.filter((t) => !covered.has(t))).toEqual([]);
	});

	it('requires exactly home-safe, safe-out and meeting-come', () => {
		const required = form.questions.filter((q) => q.required).map((q) => q.id);
		expect(required).toEqual(['home-safe', 'safe-out', 'meeting-come']);
	});

	it('asks the pathway questions only from 16, under growing-up', () => {
		const fromSixteen = form.questions.filter((q) => q.minAge !== undefined);
		expect(fromSixteen.map((q) => [q.id, q.minAge, q.topic])).toEqual(PATHWAY.map((id) => [id, 16, 'growing-up']));
	});

	it('leaves the pathway questions out for a 15-year-old', () => {
		const ids = questionsFor(form, 15).map((q) => q.id);
		expect(ids.filter((id) => PATHWAY.includes(id))).toEqual([]);
		expect(ids).toHaveLength(form.questions.length - PATHWAY.length);
	});

	it('includes the pathway questions for a 16-year-old', () => {
		const ids = questionsFor(form, 16).map((q) => q.id);
		expect(ids).toEqual(expect.arrayContaining(PATHWAY));
		expect(ids).toHaveLength(form.questions.length);
	});

	it('asks every question of the meeting planner (DOMAIN §5.3) and the 13+ meeting-shape', () => {
		const meeting = form.questions.filter((q) => q.topic === 'my-meeting').map((q) => q.id);
		expect(meeting).toEqual(
			expect.arrayContaining([
				'meeting-come',
				'meeting-who',
				'meeting-not-who',
				'meeting-where',
				'meeting-when',
				'meeting-lead',
				'meeting-views-how',
				'meeting-iro-first',
				'meeting-not-talk',
				'meeting-needs',
				'meeting-shape'
			])
		);
	});

	it('keeps meeting-not-who and meeting-not-talk with the IRO only, with no sharing choice', () => {
		const fixed = form.questions.filter((q) => q.kind === 'text' && q.fixedVisibility === 'iro-only');
		expect(fixed.map((q) => q.id)).toEqual(['meeting-not-who', 'meeting-not-talk']);
	});

	it('uses five faces wherever it asks with faces', () => {
		const faces = form.questions.filter(isChoice).filter((q) => q.kind === 'faces');
		expect(faces.length).toBeGreaterThan(0);
		for (const q of faces) {
			expect(q.options, q.id).toEqual(['very-unhappy', 'unhappy', 'okay', 'happy', 'very-happy', RATHER_NOT_SAY]);
		}
	});

	it('follows each yes-no that DOMAIN §5.5 pairs with text by its own optional "tell me more" page', () => {
		const ids = form.questions.map((q) => q.id);
		for (const [choice, more] of [
			['safe-out', 'safe-out-more'],
			['identity', 'identity-more']
		] as const) {
			expect(ids.indexOf(more), more).toBe(ids.indexOf(choice) + 1);
			expect(form.questions[ids.indexOf(more)]?.kind).toBe('text');
		}
	});
});

describe('registry', () => {
	it('finds a form by id and version', () => {
		expect(formById('young-person-13-plus', 1)?.id).toBe('young-person-13-plus');
	});

	it('returns undefined for an unknown id or version', () => {
		expect(formById('young-person-13-plus', 999)).toBeUndefined();
		expect(formById('no-such-form', 1)).toBeUndefined();
	});

	it('gives the highest version as the latest', () => {
		for (const form of ALL_FORMS) {
			const highest = Math.max(...ALL_FORMS.filter((f) => f.id === form.id).map((f) => f.version));
			expect(latestForm(form.id).version).toBe(highest);
		}
	});

	it('throws for an unknown form id', () => {
		expect(() => latestForm('no-such-form')).toThrow(/no-such-form/);
	});

	it('holds each id and version once', () => {
		const names = ALL_FORMS.map((f) => `${f.id}@${f.version}`);
		expect(new Set(names).size).toBe(names.length);
	});

	it('has a form for every band and respondent of DOMAIN §5.1', () => {
		for (const id of ['young-person-4-7', 'young-person-8-12', 'young-person-13-plus', 'parent', 'carer']) {
			expect(latestForm(id).id).toBe(id);
		}
	});

	it('has a frozen hash only for forms that exist, so a removed version is noticed', () => {
		const names = new Set(ALL_FORMS.map((f) => `${f.id}@${f.version}`));
		expect(Object.keys(frozenHashes).filter((n) => !names.has(n))).toEqual([]);
	});
});

describe('en-GB forms.json', () => {
	it.each(ERROR_KEYS)('translates the error key %s that validatePage can return', (key) => {
		expect(typeof lookup(key)).toBe('string');
	});

	it.each([
		'share.legend',
		'share.hint',
		'share.options.iro-only',
		'share.options.iro-and-social-worker',
		'share.options.everyone',
		'fixed-iro-only',
		'not-answered',
		'optional'
	])('has the shared key %s', (key) => {
		expect(typeof lookup(key)).toBe('string');
	});

	it('names the exclusive option by its label, through i18next nesting', () => {
		const skills = choice(latestForm('young-person-13-plus'), 'skills');
		const result = validatePage(skills, new URLSearchParams([['skills', 'money'], ['skills', 'none']]));
		if (result.kind !== 'invalid') throw new Error(result.kind);
		const i18n = i18next.createInstance();
		void i18n.init({ lng: 'en-GB', resources: { 'en-GB': { forms } }, ns: ['forms'], defaultNS: 'forms', initAsync: false, interpolation: { escapeValue: false } });
		const error = result.errors.skills!;
		expect(i18n.t(error.key, { ns: 'forms', ...error.params })).toBe("You can't choose “None of these” and another answer. Untick one of them.");
	});

	it('uses only the {{childName}}, {{carerName}}, {{iroName}} placeholders in form wording', () => {
		const sections = new Set(ALL_FORMS.map((f) => f.id));
		const found = strings(en)
			.filter(([k]) => sections.has(k.split('.')[0]!))
			.flatMap(([k, s]) => [...s.matchAll(/\{\{(\w+)\}\}|\{(\w+)\}/g)].map((m) => [k, m[0]] as const));
		expect(found.filter(([, p]) => !['{{childName}}', '{{carerName}}', '{{iroName}}'].includes(p))).toEqual([]);
	});

	it('uses i18next {{name}} interpolation for the length error', () => {
		expect(lookup('errors.text-too-long')).toMatch(/\{\{count\}\}.*\{\{max\}\}/);
	});

	it('has no form wording left over from removed questions or options', () => {
		const titles = new Set(ALL_FORMS.map((f) => f.title));
		// Versions may share wording keys, so a key's options are the union over every version using it.
		const used = new Map<string, Set<string> | null>();
		for (const q of ALL_FORMS.flatMap((f) => f.questions)) {
			if (!isChoice(q)) used.set(q.wording, null);
			else used.set(q.wording, new Set([...(used.get(q.wording) ?? []), ...q.options]));
		}
		const sections = new Set([...titles, ...used.keys()].map((k) => k.split('.')[0] as string));
		const stray: string[] = [];
		for (const prefix of sections) {
			for (const [key, node] of Object.entries(lookup(prefix) as Tree)) {
				const full = `${prefix}.${key}`;
				if (titles.has(full)) continue;
				const options = used.get(full);
				if (options === undefined || typeof node === 'string') stray.push(full);
				else if (options === null ? node.options !== undefined : typeof node.options !== 'object') {
					stray.push(`${full}.options`);
				} else if (options) {
					const extra = Object.keys(node.options as Tree).filter((o) => !options.has(o));
					stray.push(...extra.map((o) => `${full}.options.${o}`));
				}
			}
		}
		expect(stray).toEqual([]);
	});

	it('keeps keys sorted at every level', () => {
		const unsorted: string[] = [];
		(function walk(node: Tree, path: string) {
			const keys = Object.keys(node);
			if (keys.join('\n') !== [...keys].sort().join('\n')) unsorted.push(path || '(root)');
			for (const [k, v] of Object.entries(node)) if (typeof v !== 'string') walk(v, path ? `${path}.${k}` : k);
		})(en, '');
		expect(unsorted).toEqual([]);
	});

	it('avoids the jargon DOMAIN §5.8 replaces (placement, contact, LAC, CLA, care plan, delegated authority, PEP, statutory, respite)', () => {
		const jargon = [/\bplacements?\b/i, /\bcontact\b/i, /\bLAC\b/, /\bCLA\b/, /\bcare plan\b/i, /\bdelegated\b/i, /\bPEP\b/, /\bstatutory\b/i, /\brespite\b/i, /\bEHCP\b/, /\bCAMHS\b/];
		const found = strings(en).filter(([, s]) => jargon.some((j) => j.test(s)));
		expect(found).toEqual([]);
	});

	it('has no HTML in strings (STYLE §4.9)', () => {
		expect(strings(en).filter(([, s]) => /<[a-z/]/i.test(s))).toEqual([]);
	});
});
