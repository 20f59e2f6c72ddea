import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import forms from '../../i18n/locales/en-GB/forms.json';
import { isChoiceQuestion, RATHER_NOT_SAY, TOPICS, type Question } from '../types';
import { validatePage } from '../validate';
import { defineFeedbackForm } from './define';
import frozen from './frozen-versions.json';
import { ALL_FEEDBACK_FORMS, feedbackFormById, feedbackFormIdFor, latestFeedbackForm } from './registry';
import { FEEDBACK_FORM_IDS, WORDS_SUFFIX, type FeedbackForm } from './types';

type Tree = { [key: string]: string | Tree };
const en = forms as unknown as Tree;
const frozenHashes = frozen as Record<string, string>;

function lookup(key: string): string | Tree | undefined {
	let node: string | Tree | undefined = en;
	for (const part of key.split('.')) {
		if (node === undefined || typeof node === 'string') return undefined;
		node = node[part];
	}
	return node;
}

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

/** SHA-256 over a definition and every English string it uses, as for the consultation forms. */
function fingerprint(form: FeedbackForm): string {
	const english: Record<string, unknown> = { [form.title]: lookup(form.title) };
	for (const q of form.questions) english[q.wording] = lookup(q.wording);
	return createHash('sha256').update(stableJson({ definition: form, english })).digest('hex');
}

const ids = (form: FeedbackForm) => form.pages.map((p) => p.id);
const CHILD_IDS = ['fb-listened', 'fb-iro-alone', 'fb-arrangements', 'fb-advocate', 'fb-understood', 'fb-agree', 'fb-hard', 'fb-report-format', 'fb-better'];

describe.each(ALL_FEEDBACK_FORMS.map((f) => [`${f.id}@${f.version}`, f] as const))('%s', (name, form) => {
	it('is one of the five feedback forms of DOMAIN §7, with a positive whole version', () => {
		expect(FEEDBACK_FORM_IDS).toContain(form.id);
		expect(Number.isInteger(form.version) && form.version > 0).toBe(true);
	});

	it('lets every question be skipped: nothing is required, and an empty page saves as skipped', () => {
		for (const q of form.questions) {
			expect(q.required, q.id).toBeFalsy();
			const r = validatePage(q, new URLSearchParams());
			expect(r.kind === 'ok' && r.answer.value.kind, q.id).toBe('skipped');
		}
	});

	it('asks with faces or yes / not sure / no, lists, words or a drawing, and never asks for a date', () => {
		for (const q of form.questions) expect(['faces', 'yes-no', 'choice', 'choices', 'text', 'drawing'], q.id).toContain(q.kind);
	});

	it('keeps each page’s words as `<id>-words` text on the same page, under the form’s wording', () => {
		for (const p of form.pages) {
			expect(p.question.wording).toBe(`${form.id}.${p.id}`);
			if (p.words) expect([p.words.id, p.words.kind, p.words.wording]).toEqual([p.id + WORDS_SUFFIX, 'text', `${form.id}.${p.id}${WORDS_SUFFIX}`]);
		}
		expect(form.questions.map((q) => q.id)).toEqual(form.pages.flatMap((p) => [p.id, ...(p.words ? [p.words.id] : [])]));
	});

	it('files every question under a known pack topic', () => {
		for (const q of form.questions) expect(TOPICS, q.id).toContain(q.topic);
	});

	it('counts as positive only real options, never "I\'d rather not say", and only on choice questions', () => {
		for (const p of form.pages) {
			if (p.positive.length === 0) continue;
			expect(isChoiceQuestion(p.question), p.id).toBe(true);
			const options = isChoiceQuestion(p.question) ? p.question.options : [];
			for (const v of p.positive) expect(options, p.id).toContain(v);
			expect(p.positive, p.id).not.toContain(RATHER_NOT_SAY);
		}
	});

	it('counts the top two of five faces as positive, or the top face of three (DOMAIN §7 roll-up)', () => {
		const facePages = form.pages.filter((x) => x.question.kind === 'faces');
		expect(facePages.length > 0, 'faces on child forms only').toBe(form.audience === 'young-person');
		for (const p of facePages) {
			const options = isChoiceQuestion(p.question) ? p.question.options.filter((o) => o !== RATHER_NOT_SAY) : [];
			expect(p.positive, p.id).toEqual(options.length === 5 ? ['happy', 'very-happy'] : ['happy']);
		}
	});

	it('ends a child’s lists with "I\'d rather not say", and an adult’s without it', () => {
		for (const q of form.questions.filter(isChoiceQuestion)) {
			if (form.audience === 'young-person') expect(q.options.at(-1), q.id).toBe(RATHER_NOT_SAY);
			else expect(q.options, q.id).not.toContain(RATHER_NOT_SAY);
		}
	});

	it('has English for its title, every label and every option', () => {
		expect(typeof lookup(form.title), form.title).toBe('string');
		for (const q of form.questions) {
			expect(typeof lookup(`${q.wording}.label`), q.wording).toBe('string');
			if (isChoiceQuestion(q)) for (const o of q.options) expect(typeof lookup(`${q.wording}.options.${o}`), `${q.wording} ${o}`).toBe('string');
		}
	});

	it('does not lead: a yes / not sure / no question offers "No" as plainly as "Yes"', () => {
		for (const q of form.questions.filter((x) => x.kind === 'yes-no')) {
			expect(lookup(`${q.wording}.options.yes`), q.id).toBe('Yes');
			expect(lookup(`${q.wording}.options.no`), q.id).toBe('No');
		}
	});

	it('is frozen: its definition and English match frozen-versions.json', () => {
		const hash = fingerprint(form);
		expect(
			frozenHashes[name],
			frozenHashes[name] === undefined
				? `${name} has no frozen hash. Once it is final, add "${name}": "${hash}" to feedback/frozen-versions.json.`
				: `${name} has changed. A version once answered is never edited; make a new version instead (DOMAIN §5.8).`
		).toBe(hash);
	});
});

describe('the feedback question sets (DOMAIN §7)', () => {
	it('asks the 8–12 and 13+ versions every child question, in order', () => {
		expect(ids(latestFeedbackForm('feedback-young-person-8-12'))).toEqual(CHILD_IDS);
		expect(ids(latestFeedbackForm('feedback-young-person-13-plus'))).toEqual(CHILD_IDS);
	});

	it('keeps the 4–7 version short, assisted and read aloud, with three faces and a drawing', () => {
		const f = latestFeedbackForm('feedback-young-person-4-7');
		expect(ids(f)).toEqual(['fb-listened', 'fb-iro-alone', 'fb-advocate', 'fb-understood', 'fb-better']);
		expect([f.assisted, f.readAloud]).toEqual([true, true]);
		const faces = f.pages[0]!.question;
		expect(isChoiceQuestion(faces) && faces.options).toEqual(['sad', 'okay', 'happy', RATHER_NOT_SAY]);
		expect(f.pages.at(-1)!.question.kind).toBe('drawing');
	});

	it('asks parents and carers their own questions', () => {
		expect(ids(latestFeedbackForm('feedback-parent'))).toEqual(['fb-invited', 'fb-reports', 'fb-access', 'fb-heard', 'fb-understood', 'fb-record', 'fb-better']);
		expect(ids(latestFeedbackForm('feedback-carer'))).toEqual(['fb-report-used', 'fb-support', 'fb-actions', 'fb-record', 'fb-better']);
	});

	it('has "I didn\'t want to" beside yes and no on the private talk, so a refusal is not counted as a missed duty', () => {
		const q = latestFeedbackForm('feedback-young-person-13-plus').pages.find((p) => p.id === 'fb-iro-alone')!;
		expect(isChoiceQuestion(q.question) && q.question.options).toEqual(['yes', 'no', 'didnt-want', RATHER_NOT_SAY]);
		expect(q.checks).toBe('reg36');
	});

	it('has a frozen hash only for forms that exist', () => {
		const names = new Set(ALL_FEEDBACK_FORMS.map((f) => `${f.id}@${f.version}`));
		expect(Object.keys(frozenHashes).filter((n) => !names.has(n))).toEqual([]);
	});

	it('finds each form by id and version, and picks the form for each respondent', () => {
		expect(feedbackFormById('feedback-parent', 1)?.audience).toBe('parent');
		expect(feedbackFormById('feedback-parent', 99)).toBeUndefined();
		expect(feedbackFormIdFor('young-person', '4-7')).toBe('feedback-young-person-4-7');
		expect(feedbackFormIdFor('young-person', '13-plus')).toBe('feedback-young-person-13-plus');
		expect(feedbackFormIdFor('young-person', null)).toBeNull();
		expect(feedbackFormIdFor('parent', null)).toBe('feedback-parent');
		expect(feedbackFormIdFor('carer', '8-12')).toBe('feedback-carer');
	});
});

describe('defineFeedbackForm refuses a bad definition', () => {
	const base = { id: 'feedback-parent' as const, version: 9, audience: 'parent' as const, title: 't' };
	const yesNo = (extra: object = {}) => ({ question: { id: 'fb-x', topic: 'my-meeting' as const, kind: 'yes-no' as const, options: ['yes', 'no'], ...extra } });
	it.each([
		['a required question', { pages: [yesNo({ required: true })] }, /skipped/],
		['a positive value that is not an option', { pages: [{ ...yesNo(), positive: ['maybe'] }] }, /not an option/],
		['a positive rate on words', { pages: [{ question: { id: 'fb-x', topic: 'my-meeting', kind: 'text' }, positive: ['yes'] }] }, /only choices/],
		['words on a words question', { pages: [{ question: { id: 'fb-x', topic: 'my-meeting', kind: 'text' }, words: true }] }, /no extra words/],
		['fixed IRO-only words', { pages: [{ question: { id: 'fb-x', topic: 'my-meeting', kind: 'text', fixedVisibility: 'iro-only' } }] }, /no sharing/],
		['a repeated id', { pages: [yesNo(), yesNo()] }, /duplicate/]
	])('%s', (_label, extra, message) => {
		expect(() => defineFeedbackForm({ ...base, ...(extra as { pages: never[] }) })).toThrow(message);
	});

	it('never counts "I\'d rather not say" as positive on a child’s form', () => {
		const spec = { id: 'feedback-young-person-8-12' as const, version: 9, audience: 'young-person' as const, title: 't' };
		expect(() => defineFeedbackForm({ ...spec, pages: [{ question: { id: 'fb-x', topic: 'my-meeting', kind: 'yes-no', options: ['yes', 'no'] }, positive: [RATHER_NOT_SAY] }] })).toThrow(/never positive/);
	});
});

/** Every question of every form, so a new form or question can't skip the checks above. */
export const EVERY_QUESTION: Question[] = ALL_FEEDBACK_FORMS.flatMap((f) => [...f.questions]);
