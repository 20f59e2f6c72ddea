import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import forms from '../i18n/locales/en-GB/forms.json';
import { questionsFor } from './define';
import frozen from './frozen-versions.json';
import { ALL_FORMS, formById, latestForm } from './registry';
import { RATHER_NOT_SAY, TOPICS, type ChoiceQuestion, type FormDefinition, type Question } from './types';
import { ERROR_KEYS } from './validate';

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
	if (question.kind !== 'text') keys.push(...question.options.map((o) => `${question.wording}.options.${o}`));
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

const isChoice = (q: Question): q is ChoiceQuestion => q.kind !== 'text';

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

	it('makes only choice questions required, because required means "choose something", never "disclose"', () => {
		for (const q of form.questions.filter((x) => x.required)) expect(q.kind, q.id).not.toBe('text');
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

	it('avoids the jargon DOMAIN §5.8 replaces (placement, contact, LAC, CLA, care plan)', () => {
		const jargon = [/\bplacements?\b/i, /\bcontact\b/i, /\bLAC\b/, /\bCLA\b/, /\bcare plan\b/i];
		const found = strings(en).filter(([, s]) => jargon.some((j) => j.test(s)));
		expect(found).toEqual([]);
	});

	it('has no HTML in strings (STYLE §4.9)', () => {
		expect(strings(en).filter(([, s]) => /<[a-z/]/i.test(s))).toEqual([]);
	});
});
