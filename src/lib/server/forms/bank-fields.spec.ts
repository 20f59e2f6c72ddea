import { describe, expect, it } from 'vitest';
import { questionFields, singleFields } from './bank-fields';
import { SHIPPED } from './bank';

const post = (fields: [string, string][]) => {
	const f = new FormData();
	for (const [k, v] of fields) f.append(k, v);
	return f;
};
const QUESTION: [string, string][] = [
	['version', '3'],
	['index', '0'],
	['id', 'since-good'],
	['kind', 'choice'],
	['topic', 'home'],
	['required', 'no'],
	['minAge', ''],
	['options', 'yes\nno'],
	['label-en-GB', 'Is it good?'],
	['hint-en-GB', ''],
	['option-en-GB-yes', 'Yes'],
	['option-en-GB-no', 'No']
];

describe('the question bank reads exactly the fields its forms post (SEC-Z6)', () => {
	it('singleFields: each field once, nothing else', () => {
		expect(singleFields(post([['version', '2']]), ['version'])).toEqual({ version: '2' });
		expect(singleFields(post([]), ['version'])).toBeNull();
		expect(singleFields(post([['version', '2'], ['version', '3']]), ['version'])).toBeNull();
		expect(singleFields(post([['version', '2'], ['extra', 'x']]), ['version'])).toBeNull();
	});

	it('questionFields: the question, and each shipped language’s words', () => {
		const parsed = questionFields(post(QUESTION))!;
		expect(parsed.version).toBe(3);
		expect(parsed.index).toBe(0);
		expect(parsed.fields).toMatchObject({ id: 'since-good', kind: 'choice', topic: 'home', required: 'no', minAge: '', options: 'yes\nno' });
		expect(parsed.fields.words['en-GB']).toEqual({ label: 'Is it good?', hint: '', options: { yes: 'Yes', no: 'No' } });
		expect(Object.keys(parsed.fields.words).sort()).toEqual([...SHIPPED].sort());
	});

	it.each([
		['an unknown field', [...QUESTION, ['secret', 'x']]],
		['words in a language that does not ship', [...QUESTION, ['label-xx', 'x']]],
		['a field twice', [...QUESTION, ['label-en-GB', 'again']]],
		['no version', QUESTION.filter(([k]) => k !== 'version')],
		['a version that is not a number', QUESTION.map(([k, v]) => [k, k === 'version' ? 'three' : v] as [string, string])],
		['no id', QUESTION.filter(([k]) => k !== 'id')]
	] as const)('refuses %s', (_name, fields) => {
		expect(questionFields(post(fields as [string, string][]))).toBeNull();
	});

	it('takes a missing required, start age or choices as empty (radios not chosen, fields not shown)', () => {
		const parsed = questionFields(post(QUESTION.filter(([k]) => !['required', 'minAge', 'options'].includes(k))))!;
		expect(parsed.fields).toMatchObject({ required: '', minAge: '', options: '' });
	});
});
