import { describe, expect, it } from 'vitest';
import { defineForm } from './define';
import { DRAWING, type Question } from './types';
import { parseStrokes } from './drawing';
import { countCodePoints, fieldNames, normaliseText, validatePage } from './validate';

const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}'; // 👨‍👩‍👧‍👦, 7 code points
const FACES = ['very-unhappy', 'unhappy', 'okay', 'happy', 'very-happy'];

const form = defineForm({
	id: 'validate-spec',
	version: 1,
	audience: 'young-person',
	title: 'validate-spec.title',
	questions: [
		{ id: 'home-safe', wording: 'w.home-safe', topic: 'safety', kind: 'yes-no', options: ['yes', 'not-sure', 'no'], required: true },
		{ id: 'home-feel', wording: 'w.home-feel', topic: 'home', kind: 'faces', options: FACES },
		{ id: 'next', wording: 'w.next', topic: 'the-plan', kind: 'choice', options: ['stay', 'move'] },
		{ id: 'skills', wording: 'w.skills', topic: 'growing-up', kind: 'choices', options: ['money', 'cooking', 'travel'] },
		{ id: 'needs', wording: 'w.needs', topic: 'my-meeting', kind: 'choices', options: ['breaks', 'other'], required: true },
		{ id: 'since-good', wording: 'w.since-good', topic: 'since-last-time', kind: 'text' },
		{ id: 'short', wording: 'w.short', topic: 'anything-else', kind: 'text', maxLength: 3 },
		{ id: 'not-who', wording: 'w.not-who', topic: 'my-meeting', kind: 'text', fixedVisibility: 'iro-only' },
		{
			id: 'docs',
			wording: 'w.docs',
			topic: 'growing-up',
			kind: 'choices',
			options: ['passport', 'bank-account', 'none'],
			exclusive: ['none', 'rather-not-say']
		},
		{ id: 'draw', wording: 'w.draw', topic: 'anything-else', kind: 'drawing' }
	]
});

/** An adult's form: required text and dates are allowed here and only here. */
const carerForm = defineForm({
	id: 'validate-spec-carer',
	version: 1,
	audience: 'carer',
	title: 'validate-spec-carer.title',
	questions: [
		{ id: 'settling', wording: 'c.settling', topic: 'home', kind: 'text', required: true, carryForward: true },
		{ id: 'dentist', wording: 'c.dentist', topic: 'health', kind: 'date' },
		{ id: 'assessed', wording: 'c.assessed', topic: 'health', kind: 'date', required: true },
		{ id: 'carer-role', wording: 'c.carer-role', topic: 'home', kind: 'choice', options: ['foster-carer', 'other'], required: true },
		{ id: 'access-needs', wording: 'c.access-needs', topic: 'my-meeting', kind: 'choices', options: ['interpreter', 'none'], required: true, exclusive: ['none'] }
	]
});

function q(id: string): Question {
	const found = [...form.questions, ...carerForm.questions].find((x) => x.id === id);
	if (!found) throw new Error(`no question ${id}`);
	return found;
}

function body(pairs: [string, string][]): URLSearchParams {
	return new URLSearchParams(pairs);
}

describe('normaliseText', () => {
	it.each([
		['plain text is kept', 'I like football', 'I like football'],
		['an emoji is kept', 'Happy \u{1F600}', 'Happy \u{1F600}'],
		['a ZWJ family emoji is kept whole', `my ${FAMILY}`, `my ${FAMILY}`],
		['Arabic right-to-left text is kept', 'أحب عائلتي', 'أحب عائلتي'],
		['Hebrew right-to-left text is kept', 'אני אוהב את המשפחה שלי', 'אני אוהב את המשפחה שלי'],
		['a right-to-left override is kept (the page isolates it when shown)', 'a\u202Eb', 'a\u202Eb'],
		['combining marks are composed to NFC', 'cafe\u0301', 'caf\u00E9'],
		['combining marks with no composed form are kept', 'नमस्ते', 'नमस्ते'],
		['HTML is only text and is kept as typed', '<script>alert(1)</script>', '<script>alert(1)</script>'],
		['a tab inside the text is kept', 'a\tb', 'a\tb'],
		['a line feed inside the text is kept', 'a\nb', 'a\nb'],
		['CRLF is folded to LF', 'one\r\ntwo\r\nthree', 'one\ntwo\nthree'],
		['a lone CR is folded to LF', 'one\rtwo', 'one\ntwo'],
		['spaces and new lines around the text are trimmed', '  \n hello \r\n ', 'hello'],
		['text of only spaces is empty', ' \t \n ', '']
	])('%s', (_name, raw, expected) => {
		expect(normaliseText(raw)).toEqual({ ok: true, text: expected });
	});

	it.each([
		['NUL', 'a\u0000b'],
		['BEL', 'a\u0007b'],
		['vertical tab', 'a\u000Bb'],
		['form feed', 'a\u000Cb'],
		['ESC', 'a\u001B[31mb'],
		['unit separator', 'a\u001Fb'],
		['DEL', 'a\u007Fb'],
		['C1 control U+0080', 'a\u0080b'],
		['C1 next line U+0085', 'a\u0085b'],
		['C1 control U+009F', 'a\u009Fb'],
		['U+FFFE', 'a\uFFFEb'],
		['U+FFFF', 'a\uFFFFb'],
		['a lone high surrogate', 'a\uD83Db'],
		['a lone low surrogate', 'a\uDE00b'],
		['a control at the end, which trimming would otherwise hide', 'hello\u0000'],
		['a control at the start', '\u001Bhello']
	])('rejects %s', (_name, raw) => {
		expect(normaliseText(raw)).toEqual({ ok: false, error: { key: 'errors.text-bad-characters' } });
	});
});

describe('countCodePoints', () => {
	it.each([
		['an empty string', '', 0],
		['ASCII', 'abc', 3],
		['one emoji outside the BMP (two UTF-16 units)', '\u{1F600}', 1],
		['a ZWJ family (four people, three joiners)', FAMILY, 7],
		['a letter and a combining accent', 'e\u0301', 2],
		['Arabic', 'مرحبا', 5]
	])('counts %s', (_name, s, expected) => {
		expect(countCodePoints(s)).toBe(expected);
	});
});

describe('fieldNames', () => {
	it.each([
		['a choice posts its id', 'next', ['next']],
		['checkboxes post their id', 'skills', ['skills']],
		['text posts its id, a sharing choice and the "my advocate" tick', 'since-good', ['since-good', 'since-good-share', 'since-good-share-advocate']],
		['fixed IRO-only text has no sharing choice', 'not-who', ['not-who']],
		['a drawing posts its id, a sharing choice and the "my advocate" tick', 'draw', ['draw', 'draw-share', 'draw-share-advocate']],
		['a date posts its id only', 'dentist', ['dentist']]
	])('%s', (_name, id, expected) => {
		expect(fieldNames(q(id))).toEqual(expected);
	});
});

describe('validatePage: answers', () => {
	it.each([
		['a face', 'home-feel', [['home-feel', 'happy']], { kind: 'choice', value: 'happy' }],
		['yes-no', 'home-safe', [['home-safe', 'no']], { kind: 'choice', value: 'no' }],
		[
			"I'd rather not say on a required page",
			'home-safe',
			[['home-safe', 'rather-not-say']],
			{ kind: 'choice', value: 'rather-not-say' }
		],
		[
			'several checkboxes, in option order',
			'skills',
			[['skills', 'travel'], ['skills', 'money']],
			{ kind: 'choices', values: ['money', 'travel'] }
		],
		[
			'every checkbox',
			'skills',
			[['skills', 'money'], ['skills', 'cooking'], ['skills', 'travel'], ['skills', 'rather-not-say']],
			{ kind: 'choices', values: ['money', 'cooking', 'travel', 'rather-not-say'] }
		]
	] as [string, string, [string, string][], unknown][])('a choice answer is stored IRO-only: %s', (_name, id, pairs, value) => {
		expect(validatePage(q(id), body(pairs))).toEqual({
			kind: 'ok',
			answer: { questionId: id, value, visibility: 'iro-only' }
		});
	});

	it.each([
		['no face chosen', 'home-feel', []],
		['no option chosen', 'next', []],
		['an empty single value', 'next', [['next', '']]],
		['no checkbox ticked', 'skills', []],
		['a lone empty checkbox value', 'skills', [['skills', '']]],
		['no text', 'since-good', []],
		['empty text', 'since-good', [['since-good', ''], ['since-good-share', 'everyone']]],
		['text of only spaces', 'since-good', [['since-good', '  \r\n  ']]],
		['empty fixed text', 'not-who', [['not-who', '']]]
	] as [string, string, [string, string][]][])('an empty optional page is skipped: %s', (_name, id, pairs) => {
		expect(validatePage(q(id), body(pairs))).toEqual({
			kind: 'ok',
			answer: { questionId: id, value: { kind: 'skipped' }, visibility: 'iro-only' }
		});
	});

	it.each([
		['a missing share defaults to only the IRO', [['since-good', 'hi']], 'iro-only'],
		['only my IRO', [['since-good', 'hi'], ['since-good-share', 'iro-only']], 'iro-only'],
		['my IRO and my social worker', [['since-good-share', 'iro-and-social-worker'], ['since-good', 'hi']], 'iro-and-social-worker'],
		['everyone at my review', [['since-good', 'hi'], ['since-good-share', 'everyone']], 'everyone']
	] as [string, [string, string][], string][])('text keeps its sharing choice: %s', (_name, pairs, visibility) => {
		expect(validatePage(q('since-good'), body(pairs))).toEqual({
			kind: 'ok',
			answer: { questionId: 'since-good', value: { kind: 'text', text: 'hi' }, visibility }
		});
	});

	it.each([
		['2,000 ASCII characters', 'a'.repeat(2000)],
		['2,000 emoji (4,000 UTF-16 units)', '\u{1F600}'.repeat(2000)],
		['CRLF folded', 'line one\r\nline two'],
		['HTML kept as text', '<b>bold</b> & <script>x</script>'],
		['right-to-left text', 'مرحبا'],
		['a ZWJ family', FAMILY]
	])('text within the limit is stored normalised: %s', (_name, typed) => {
		const result = validatePage(q('since-good'), body([['since-good', typed]]));
		expect(result).toEqual({
			kind: 'ok',
			answer: {
				questionId: 'since-good',
				value: { kind: 'text', text: typed.normalize('NFC').replace(/\r\n/g, '\n') },
				visibility: 'iro-only'
			}
		});
	});

	it('the limit is counted after NFC, so decomposed accents are not double-counted', () => {
		const result = validatePage(q('short'), body([['short', 'e\u0301e\u0301e\u0301']]));
		expect(result).toEqual({
			kind: 'ok',
			answer: { questionId: 'short', value: { kind: 'text', text: '\u00E9\u00E9\u00E9' }, visibility: 'iro-only' }
		});
	});

	it('fixed IRO-only text is stored as IRO-only', () => {
		expect(validatePage(q('not-who'), body([['not-who', 'My uncle']]))).toEqual({
			kind: 'ok',
			answer: { questionId: 'not-who', value: { kind: 'text', text: 'My uncle' }, visibility: 'iro-only' }
		});
	});

	it('keys the caller allows (a CSRF token, a button) are accepted alongside the answer', () => {
		const result = validatePage(q('next'), body([['next', 'stay'], ['csrf', 'x'], ['save-and-return', '']]), ['csrf', 'save-and-return']);
		expect(result).toEqual({
			kind: 'ok',
			answer: { questionId: 'next', value: { kind: 'choice', value: 'stay' }, visibility: 'iro-only' }
		});
	});

	it('FormData is read the same way as URLSearchParams', () => {
		const data = new FormData();
		data.append('skills', 'cooking');
		data.append('skills', 'money');
		expect(validatePage(q('skills'), data)).toEqual({
			kind: 'ok',
			answer: { questionId: 'skills', value: { kind: 'choices', values: ['money', 'cooking'] }, visibility: 'iro-only' }
		});
	});
});

describe('validatePage: invalid answers keep what was typed', () => {
	it.each([
		['nothing chosen on a required yes-no', 'home-safe', [], { key: 'errors.choose-one' }, { 'home-safe': '' }],
		['an empty value on a required yes-no', 'home-safe', [['home-safe', '']], { key: 'errors.choose-one' }, { 'home-safe': '' }],
		['nothing ticked on required checkboxes', 'needs', [], { key: 'errors.choose-at-least-one' }, { needs: [] }],
		['a lone empty checkbox on required checkboxes', 'needs', [['needs', '']], { key: 'errors.choose-at-least-one' }, { needs: [''] }],
		[
			'one code point over the limit',
			'since-good',
			[['since-good', 'a'.repeat(2001)], ['since-good-share', 'everyone']],
			{ key: 'errors.text-too-long', params: { max: 2000, count: 2001 } },
			{ 'since-good': 'a'.repeat(2001), 'since-good-share': 'everyone' }
		],
		[
			'2,001 emoji',
			'since-good',
			[['since-good', '\u{1F600}'.repeat(2001)]],
			{ key: 'errors.text-too-long', params: { max: 2000, count: 2001 } },
			{ 'since-good': '\u{1F600}'.repeat(2001), 'since-good-share': 'iro-only' }
		],
		[
			'over a lowered limit',
			'short',
			[['short', 'abcd']],
			{ key: 'errors.text-too-long', params: { max: 3, count: 4 } },
			{ short: 'abcd', 'short-share': 'iro-only' }
		],
		[
			'a NUL, with the text returned untouched',
			'since-good',
			[['since-good', ' <b>hi</b>\u0000 \r\n'], ['since-good-share', 'iro-and-social-worker']],
			{ key: 'errors.text-bad-characters' },
			{ 'since-good': ' <b>hi</b>\u0000 \r\n', 'since-good-share': 'iro-and-social-worker' }
		],
		['a control in fixed text', 'not-who', [['not-who', 'x\u001By']], { key: 'errors.text-bad-characters' }, { 'not-who': 'x\u001By' }]
	] as [string, string, [string, string][], unknown, unknown][])('%s', (_name, id, pairs, error, raw) => {
		expect(validatePage(q(id), body(pairs))).toEqual({ kind: 'invalid', errors: { [id]: error }, raw });
	});

	it('a lone surrogate never reaches validatePage: form bodies are USV strings, so it arrives as U+FFFD', () => {
		expect(validatePage(q('since-good'), body([['since-good', 'hi \uD83D']]))).toEqual({
			kind: 'ok',
			answer: { questionId: 'since-good', value: { kind: 'text', text: 'hi \uFFFD' }, visibility: 'iro-only' }
		});
	});

	it('exactly 2,000 code points is accepted and one more is not', () => {
		const at = validatePage(q('since-good'), body([['since-good', 'x'.repeat(1999) + '\u{1F600}']]));
		const over = validatePage(q('since-good'), body([['since-good', 'x'.repeat(2000) + '\u{1F600}']]));
		expect([at.kind, over.kind]).toEqual(['ok', 'invalid']);
	});
});

describe('validatePage: forgeries are malformed (400)', () => {
	it.each([
		['an unknown key', 'next', [['next', 'stay'], ['admin', '1']]],
		['a key from another page', 'next', [['next', 'stay'], ['home-safe', 'yes']]],
		['a key that only differs by case', 'next', [['Next', 'stay']]],
		['a single choice posted twice', 'next', [['next', 'stay'], ['next', 'move']]],
		['the same single choice posted twice', 'home-safe', [['home-safe', 'yes'], ['home-safe', 'yes']]],
		['a forged option', 'next', [['next', 'go-to-the-moon']]],
		['a forged face', 'home-feel', [['home-feel', '6']]],
		['a forged checkbox', 'skills', [['skills', 'money'], ['skills', 'hacking']]],
		['an empty checkbox beside a real one', 'skills', [['skills', ''], ['skills', 'money']]],
		['a repeated checkbox', 'skills', [['skills', 'money'], ['skills', 'money']]],
		[
			'more checkboxes than options',
			'skills',
			[['skills', 'money'], ['skills', 'cooking'], ['skills', 'travel'], ['skills', 'rather-not-say'], ['skills', 'money']]
		],
		['text posted twice', 'since-good', [['since-good', 'a'], ['since-good', 'b']]],
		['a forged share value', 'since-good', [['since-good', 'hi'], ['since-good-share', 'the-internet']]],
		['an empty share value', 'since-good', [['since-good', 'hi'], ['since-good-share', '']]],
		['the advocate flag as a share value', 'since-good', [['since-good', 'hi'], ['since-good-share', 'advocate']]],
		['a share value posted twice', 'since-good', [['since-good', 'hi'], ['since-good-share', 'iro-only'], ['since-good-share', 'everyone']]],
		['a share choice on fixed IRO-only text', 'not-who', [['not-who', 'hi'], ['not-who-share', 'everyone']]],
		['a share choice on a choice question', 'next', [['next', 'stay'], ['next-share', 'everyone']]],
		['a forged option even when the page would also be invalid', 'home-safe', [['home-safe', 'maybe']]]
	] as [string, string, [string, string][]][])('%s', (_name, id, pairs) => {
		expect(validatePage(q(id), body(pairs))).toEqual({ kind: 'malformed' });
	});

	it('a file upload is malformed', () => {
		const data = new FormData();
		data.append('since-good', new Blob(['hi']), 'hi.txt');
		expect(validatePage(q('since-good'), data)).toEqual({ kind: 'malformed' });
	});

	it('an allowed extra key does not let other unknown keys through', () => {
		expect(validatePage(q('next'), body([['next', 'stay'], ['csrf', 'x'], ['other', 'y']]), ['csrf'])).toEqual({
			kind: 'malformed'
		});
	});
});

/** A small seeded property test (SEC-V6); fast-check is not a dependency, so the generator is ours. */
describe('normaliseText properties', () => {
	function random(seed: number): () => number {
		let a = seed >>> 0;
		return () => {
			a = (a + 0x6d2b79f5) >>> 0;
			let t = a;
			t = Math.imul(t ^ (t >>> 15), t | 1);
			t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
			return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
		};
	}
	const allowedRanges: [number, number][] = [
		[0x20, 0x7e],
		[0xa0, 0x24f],
		[0x300, 0x36f],
		[0x590, 0x6ff],
		[0x200d, 0x200d],
		[0x4e00, 0x4e80],
		[0x1f300, 0x1f64f]
	];
	const SEED = 20_240_601;

	function allowedString(next: () => number): string {
		const length = Math.floor(next() * 40);
		let s = '';
		for (let i = 0; i < length; i++) {
			const pick = next();
			if (pick < 0.05) s += '\t';
			else if (pick < 0.1) s += next() < 0.5 ? '\n' : '\r\n';
			else {
				const [lo, hi] = allowedRanges[Math.floor(next() * allowedRanges.length)] as [number, number];
				s += String.fromCodePoint(lo + Math.floor(next() * (hi - lo + 1)));
			}
		}
		return s;
	}

	it(`allowed text always passes, NFC-normalised, folded and trimmed, and normalising twice changes nothing (seed ${SEED})`, () => {
		const next = random(SEED);
		for (let i = 0; i < 2000; i++) {
			const s = allowedString(next);
			const expected = s.normalize('NFC').replace(/\r\n?/g, '\n').trim();
			const once = normaliseText(s);
			expect(once, JSON.stringify(s)).toEqual({ ok: true, text: expected });
			expect(normaliseText(expected)).toEqual({ ok: true, text: expected });
		}
	});

	it(`one bad character anywhere is always rejected (seed ${SEED})`, () => {
		const next = random(SEED + 1);
		const bad = ['\u0000', '\u0008', '\u000B', '\u001F', '\u007F', '\u0080', '\u009F', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF'];
		for (let i = 0; i < 2000; i++) {
			const s = allowedString(next);
			const at = Math.floor(next() * (s.length + 1));
			// Inserting between a surrogate pair would make a lone surrogate too, which is also bad.
			const withBad = s.slice(0, at) + (bad[Math.floor(next() * bad.length)] as string) + s.slice(at);
			expect(normaliseText(withBad).ok, JSON.stringify(withBad)).toBe(false);
		}
	});
});

describe('validatePage: exclusive options', () => {
	it.each([
		['an exclusive option on its own', [['docs', 'none']], ['none']],
		["I'd rather not say on its own", [['docs', 'rather-not-say']], ['rather-not-say']],
		['several ordinary options together', [['docs', 'bank-account'], ['docs', 'passport']], ['passport', 'bank-account']]
	] as [string, [string, string][], string[]][])('accepts %s', (_name, pairs, values) => {
		expect(validatePage(q('docs'), body(pairs))).toEqual({
			kind: 'ok',
			answer: { questionId: 'docs', value: { kind: 'choices', values }, visibility: 'iro-only' }
		});
	});

	it.each([
		['"none" with another option', [['docs', 'passport'], ['docs', 'none']], 'none'],
		["I'd rather not say with another option", [['docs', 'rather-not-say'], ['docs', 'bank-account']], 'rather-not-say'],
		['two exclusive options: the first in option order is named', [['docs', 'rather-not-say'], ['docs', 'none']], 'none']
	] as [string, [string, string][], string][])('refuses %s, naming the option by its label key', (_name, pairs, option) => {
		expect(validatePage(q('docs'), body(pairs))).toEqual({
			kind: 'invalid',
			errors: { docs: { key: 'errors.exclusive-option', params: { option: `w.docs.options.${option}` } } },
			raw: { docs: pairs.map(([, v]) => v) }
		});
	});

	it('a question without exclusive options still takes any combination', () => {
		const all = [['skills', 'money'], ['skills', 'rather-not-say']] as [string, string][];
		expect(validatePage(q('skills'), body(all)).kind).toBe('ok');
	});
});

describe('validatePage: drawings', () => {
	const stroke = (points: number) => Array.from({ length: points * 2 }, (_, i) => i % 7);
	const json = (strokes: number[][]) => JSON.stringify(strokes);

	it.each([
		['a single dot', '[[0,0]]', [[0, 0]]],
		['the far corners of the canvas', '[[0,0,319,239]]', [[0, 0, 319, 239]]],
		['two strokes, with spaces', ' [ [1, 2, 3, 4], [5,6] ] ', [[1, 2, 3, 4], [5, 6]]],
		['whole numbers written as 1.0 or 1e1', '[[1.0,1e1]]', [[1, 10]]],
		['200 strokes of 25 points: 5,000 points', json(Array.from({ length: 200 }, () => stroke(25))), Array.from({ length: 200 }, () => stroke(25))]
	] as [string, string, number[][]][])('stores %s', (_name, posted, strokes) => {
		expect(validatePage(q('draw'), body([['draw', posted], ['draw-share', 'everyone']]))).toEqual({
			kind: 'ok',
			answer: { questionId: 'draw', value: { kind: 'drawing', strokes }, visibility: 'everyone' }
		});
	});

	it('keeps the default sharing, only my IRO, when none is posted', () => {
		expect(validatePage(q('draw'), body([['draw', '[[1,1]]']]))).toMatchObject({ answer: { visibility: 'iro-only' } });
	});

	it.each([
		['no field at all (JS off, "skip")', []],
		['an empty field', [['draw', '']]],
		['only spaces', [['draw', '  ']]],
		['an empty list of strokes', [['draw', '[]']]],
		['an empty drawing shared with everyone: nothing to share', [['draw', '[]'], ['draw-share', 'everyone']]]
	] as [string, [string, string][]][])('skips %s', (_name, pairs) => {
		expect(validatePage(q('draw'), body(pairs))).toEqual({
			kind: 'ok',
			answer: { questionId: 'draw', value: { kind: 'skipped' }, visibility: 'iro-only' }
		});
	});

	it.each([
		['text that is not JSON', 'a cat'],
		['cut-off JSON', '[[1,2'],
		['a JSON object', '{"strokes":[[1,2]]}'],
		['a number', '5'],
		['null', 'null'],
		['a flat list of numbers', '[1,2]'],
		['an empty stroke', '[[]]'],
		['a stroke with an odd count (half a point)', '[[1,2,3]]'],
		['a fraction', '[[1.5,2]]'],
		['a number as a string', '[["1",2]]'],
		['true', '[[true,1]]'],
		['null as a coordinate', '[[null,1]]'],
		['a nested list as a coordinate', '[[[1],1]]'],
		['a negative x', '[[-1,0]]'],
		['x at the canvas width', `[[${DRAWING.width},0]]`],
		['y at the canvas height', `[[0,${DRAWING.height}]]`],
		['a huge number', '[[1e400,0]]'],
		['201 strokes', json(Array.from({ length: 201 }, () => [1, 1]))],
		['5,001 points', json([...Array.from({ length: 200 }, () => stroke(25)).slice(0, 199), stroke(26)])],
		['more than 65,536 characters, even of spaces', `${' '.repeat(DRAWING.maxChars)}[]`]
	])('a broken drawing is invalid, never a 400, and comes back as sent: %s', (_name, posted) => {
		expect(validatePage(q('draw'), body([['draw', posted], ['draw-share', 'iro-and-social-worker']]))).toEqual({
			kind: 'invalid',
			errors: { draw: { key: 'errors.drawing-invalid' } },
			raw: { draw: posted, 'draw-share': 'iro-and-social-worker' }
		});
	});

	it.each([
		['a drawing posted twice', [['draw', '[[1,1]]'], ['draw', '[[2,2]]']]],
		['a forged share value', [['draw', '[[1,1]]'], ['draw-share', 'the-internet']]],
		['a share value posted twice', [['draw', '[[1,1]]'], ['draw-share', 'iro-only'], ['draw-share', 'everyone']]],
		['a key from another page', [['draw', '[[1,1]]'], ['since-good', 'hi']]]
	] as [string, [string, string][]][])('a forgery is malformed: %s', (_name, pairs) => {
		expect(validatePage(q('draw'), body(pairs))).toEqual({ kind: 'malformed' });
	});

	it('parseStrokes copies the strokes, so nothing else rides along', () => {
		expect(parseStrokes('[[3,4]]')).toEqual([[3, 4]]);
		expect(parseStrokes('[[3,4]]')?.[0]).not.toHaveProperty('extra');
	});
});

describe('validatePage: dates', () => {
	const TODAY = '2025-06-15';

	it.each([
		['today', '2025-06-15'],
		['a leap day', '2024-02-29'],
		['the earliest date', '1900-01-01'],
		['a date with spaces around it', ' 2025-01-02 ']
	])('stores %s', (_name, posted) => {
		expect(validatePage(q('dentist'), body([['dentist', posted]]), [], TODAY)).toEqual({
			kind: 'ok',
			answer: { questionId: 'dentist', value: { kind: 'date', date: posted.trim() }, visibility: 'iro-only' }
		});
	});

	it.each([
		['no field', []],
		['an empty field', [['dentist', '']]],
		['only spaces', [['dentist', ' ']]]
	] as [string, [string, string][]][])('an optional date left blank is skipped: %s', (_name, pairs) => {
		expect(validatePage(q('dentist'), body(pairs), [], TODAY)).toEqual({
			kind: 'ok',
			answer: { questionId: 'dentist', value: { kind: 'skipped' }, visibility: 'iro-only' }
		});
	});

	it.each([
		['tomorrow', '2025-06-16'],
		['29 February in a common year', '2023-02-29'],
		['month 13', '2025-13-01'],
		['31 April', '2025-04-31'],
		['day 0', '2025-04-00'],
		['a British-style date', '15/06/2025'],
		['no leading zeros', '2025-6-1'],
		['before 1900', '1899-12-31'],
		['a word', 'yesterday'],
		['a date and time', '2025-06-15T00:00']
	])('a date that is not real, or is in the future, is invalid: %s', (_name, posted) => {
		expect(validatePage(q('dentist'), body([['dentist', posted]]), [], TODAY)).toEqual({
			kind: 'invalid',
			errors: { dentist: { key: 'errors.date-invalid' } },
			raw: { dentist: posted }
		});
	});

	it('a required date left blank asks for the date', () => {
		expect(validatePage(q('assessed'), body([['assessed', '']]), [], TODAY)).toEqual({
			kind: 'invalid',
			errors: { assessed: { key: 'errors.date-needed' } },
			raw: { assessed: '' }
		});
	});

	it('without a "today", the clock decides what is in the future', () => {
		expect(validatePage(q('dentist'), body([['dentist', '2999-01-01']])).kind).toBe('invalid');
		expect(validatePage(q('dentist'), body([['dentist', '2000-01-01']])).kind).toBe('ok');
	});

	it.each([
		['a date posted twice', [['dentist', '2025-01-01'], ['dentist', '2025-01-02']]],
		['a sharing choice on a date', [['dentist', '2025-01-01'], ['dentist-share', 'everyone']]]
	] as [string, [string, string][]][])('a forgery is malformed: %s', (_name, pairs) => {
		expect(validatePage(q('dentist'), body(pairs), [], TODAY)).toEqual({ kind: 'malformed' });
	});
});

describe("validatePage: required text on an adult's form", () => {
	it.each([
		['no field', []],
		['an empty answer', [['settling', '']]],
		['only spaces and new lines', [['settling', ' \r\n ']]]
	] as [string, [string, string][]][])('asks for an answer: %s', (_name, pairs) => {
		const typed = pairs[0]?.[1] ?? '';
		expect(validatePage(q('settling'), body(pairs))).toEqual({
			kind: 'invalid',
			errors: { settling: { key: 'errors.text-needed' } },
			raw: { settling: typed, 'settling-share': 'iro-only' }
		});
	});

	it('stores an answer', () => {
		expect(validatePage(q('settling'), body([['settling', ' Settled well ']]))).toEqual({
			kind: 'ok',
			answer: { questionId: 'settling', value: { kind: 'text', text: 'Settled well' }, visibility: 'iro-only' }
		});
	});

	it('a control character is refused before the answer is counted as missing', () => {
		expect(validatePage(q('settling'), body([['settling', '\u0000']]))).toMatchObject({
			errors: { settling: { key: 'errors.text-bad-characters' } }
		});
	});
});

describe("validatePage: nothing chosen on an adult's required page", () => {
	it.each([
		['a single choice', 'carer-role', { key: 'errors.choose-one-plain' }, { 'carer-role': '' }],
		['checkboxes', 'access-needs', { key: 'errors.choose-at-least-one-plain' }, { 'access-needs': [] }]
	] as [string, string, unknown, unknown][])("never mentions I'd rather not say, which adults aren't offered: %s", (_name, id, error, raw) => {
		expect(validatePage(q(id), body([]))).toEqual({ kind: 'invalid', errors: { [id]: error }, raw });
	});
});
