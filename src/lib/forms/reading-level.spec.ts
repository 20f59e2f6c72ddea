import { describe, expect, it } from 'vitest';
import forms from '../i18n/locales/en-GB/forms.json';
import { latestFeedbackForm } from './feedback/registry';
import type { FeedbackFormId } from './feedback/types';
import { latestForm } from './registry';
import type { FormDefinition } from './types';

/**
 * A11Y-21: English child strings at Flesch–Kincaid grade ≤2 for 4–7 and ≤4 for 8–12, per form, with
 * a fixed syllable counter (our default), so the score never moves because a library changed. The
 * text measured is what a child sees and hears for each question: the form's title, every label,
 * hint and option. Placeholders are read as a one-syllable name. DOMAIN §5.8 adds the per-question
 * limits: about 8 words a 4–7 question, and 8–12 sentences of 12 words or fewer. 13+ and adult
 * forms are held to a reading age of about 9 (grade 4) by the same measure.
 */

type Tree = { [key: string]: string | Tree };
const en = forms as unknown as Tree;

function lookup(key: string): string | Tree | undefined {
	let node: string | Tree | undefined = en;
	for (const part of key.split('.')) {
		if (node === undefined || typeof node === 'string') return undefined;
		node = node[part];
	}
	return node;
}

/**
 * Syllables in one word: groups of vowels (y counts), less a silent final "e" ("home", but not
 * "little"), or a silent "-es"/"-ed" ("likes", "helped", but not "places" or "wanted"); at least 1.
 */
export function syllables(word: string): number {
	const w = word.toLowerCase().replace(/[^a-z]/g, '');
	if (w.length <= 3) return 1;
	let count = (w.match(/[aeiouy]+/g) ?? []).length;
	if (/[^aeiouy]e$/.test(w) && !/[^aeiouy]le$/.test(w)) count--;
	else if (/[^aeiouycgsxzh]es$/.test(w) || /[^aeiouytd]ed$/.test(w)) count--;
	return Math.max(1, count);
}

/** The words of a string: runs without spaces that hold a letter or digit ("you're" is one word). */
export function words(text: string): string[] {
	return text
		.replace(/\{\{\w+\}\}/g, 'Sam')
		.split(/[\s/]+/)
		.filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** Sentences: split at . ! ? (or a colon); a label or option with no full stop is one sentence. */
export function sentences(text: string): string[] {
	return text.split(/[.!?:]+(?:\s+|$)/).filter((s) => words(s).length > 0);
}

export interface Score {
	words: number;
	sentences: number;
	syllables: number;
	grade: number;
}

/** Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59. */
export function fleschKincaid(texts: readonly string[]): Score {
	let w = 0;
	let s = 0;
	let y = 0;
	for (const text of texts) {
		for (const sentence of sentences(text)) {
			const ws = words(sentence);
			s += 1;
			w += ws.length;
			y += ws.reduce((n, word) => n + syllables(word), 0);
		}
	}
	const grade = w === 0 ? 0 : 0.39 * (w / s) + 11.8 * (y / w) - 15.59;
	return { words: w, sentences: s, syllables: y, grade: Math.round(grade * 100) / 100 };
}

/** Every English string a question puts in front of the child: label, hint and options. */
function questionStrings(form: FormDefinition): { id: string; label: string; all: string[] }[] {
	return form.questions.map((q) => {
		const node = lookup(q.wording) as Tree;
		const options = typeof node.options === 'object' ? Object.values(node.options).filter((v) => typeof v === 'string') : [];
		const label = node.label as string;
		return { id: q.id, label, all: [label, ...(typeof node.hint === 'string' ? [node.hint] : []), ...options] };
	});
}

function formStrings(form: FormDefinition): string[] {
	return [lookup(form.title) as string, ...questionStrings(form).flatMap((q) => q.all)];
}

describe('the syllable counter', () => {
	it.each([
		['a', 1],
		['the', 1],
		['home', 1],
		['like', 1],
		['likes', 1],
		['helped', 1],
		['school', 1],
		['you’re', 1],
		['happy', 2],
		['little', 2],
		['places', 2],
		['wanted', 2],
		['worried', 2],
		['someone', 2],
		['family', 3],
		['advocate', 3],
		['religion', 3]
	])('counts %s as %i', (word, expected) => {
		expect(syllables(word)).toBe(expected);
	});

	it('scores a known passage the same every time', () => {
		// 2 sentences, 10 words, 12 syllables ("very" and "happy" have 2): 0.39 × 5 + 11.8 × 1.2 − 15.59
		expect(fleschKincaid(['The cat sat on the mat.', 'It was very happy.'])).toEqual({
			words: 10,
			sentences: 2,
			syllables: 12,
			grade: 0.52
		});
	});
});

describe.each([
	['young-person-4-7', 2, 8],
	['young-person-8-12', 4, 12]
] as const)('%s reading level (A11Y-21)', (id, maxGrade, maxWords) => {
	const form = latestForm(id);

	it(`is at Flesch–Kincaid grade ${maxGrade} or below over its title, labels, hints and options`, () => {
		const score = fleschKincaid(formStrings(form));
		expect(score.grade, JSON.stringify(score)).toBeLessThanOrEqual(maxGrade);
	});

	it(`is at grade ${maxGrade} or below over its question labels alone, so short options can't hide a hard question`, () => {
		const score = fleschKincaid(questionStrings(form).map((q) => q.label));
		expect(score.grade, JSON.stringify(score)).toBeLessThanOrEqual(maxGrade);
	});

	it(`keeps every sentence to ${maxWords} words or fewer (DOMAIN §5.8)`, () => {
		const long = questionStrings(form)
			.flatMap((q) => q.all.flatMap(sentences).map((s) => [q.id, s, words(s).length] as const))
			.filter(([, , n]) => n > maxWords);
		expect(long).toEqual([]);
	});
});

/** DOMAIN §5.8: 13+ and adults in plain English at a reading age of about 9, which is grade 4. */
describe.each(['young-person-13-plus', 'parent', 'carer'])('%s reading level (DOMAIN §5.8)', (id) => {
	it('is at Flesch–Kincaid grade 4 or below over its title, labels, hints and options', () => {
		const score = fleschKincaid(formStrings(latestForm(id)));
		expect(score.grade, JSON.stringify(score)).toBeLessThanOrEqual(4);
	});
});

/**
 * Issue 6: the post-review feedback forms (DOMAIN §7) are held to the same measures: 4–7 at grade 2
 * and about 8 words, 8–12 at grade 4 and 12 words a sentence, 13+ and adults at grade 4.
 */
describe.each([
	['feedback-young-person-4-7', 2, 8],
	['feedback-young-person-8-12', 4, 12],
	['feedback-young-person-13-plus', 4, Infinity],
	['feedback-parent', 4, Infinity],
	['feedback-carer', 4, Infinity]
] as const)('%s reading level (A11Y-21, DOMAIN §5.8)', (id: FeedbackFormId, maxGrade, maxWords) => {
	const form = latestFeedbackForm(id) as unknown as FormDefinition;

	it(`is at Flesch–Kincaid grade ${maxGrade} or below over its title, labels, hints and options`, () => {
		const score = fleschKincaid(formStrings(form));
		expect(score.grade, JSON.stringify(score)).toBeLessThanOrEqual(maxGrade);
	});

	it(`is at grade ${maxGrade} or below over its question labels alone`, () => {
		const score = fleschKincaid(questionStrings(form).map((q) => q.label));
		expect(score.grade, JSON.stringify(score)).toBeLessThanOrEqual(maxGrade);
	});

	it(`keeps every sentence to ${maxWords} words or fewer`, () => {
		const long = questionStrings(form)
			.flatMap((q) => q.all.flatMap(sentences).map((s) => [q.id, s, words(s).length] as const))
			.filter(([, , n]) => n > maxWords);
		expect(long).toEqual([]);
	});
});
