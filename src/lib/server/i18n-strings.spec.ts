import { describe, expect, it } from 'vitest';
import { latestForm } from '$lib/forms/registry';
import { stringsFor, withFormStrings, wordingKeys } from './i18n-strings';

const QUESTION = '/(young-person)/me/review/[reviewId=id]/[pageId=slug]';
const size = (x: unknown) => JSON.stringify(x).length;

describe('the strings a route is sent (issue 10)', () => {
	it('a child’s question page gets the words its code names, and no staff words', () => {
		const s = stringsFor('en-GB', QUESTION);
		const common = s.common as Record<string, Record<string, unknown>>;
		// The page (question.*), the root layout (app.*), the error summary, the field components.
		expect(common.question?.continue).toBe('Continue');
		expect(common.app?.['sign-out']).toBeTypeOf('string');
		expect(common.errors?.['summary-title']).toBeTypeOf('string');
		expect((s.forms as Record<string, Record<string, unknown>>).share?.legend).toBeTypeOf('string');
		// Not the IRO's caseload, the admin's pages, or any form's wording (that comes with the page's data).
		expect(common.caseload).toBeUndefined();
		expect(common.admin).toBeUndefined();
		expect(s.forms?.['young-person-13-plus']).toBeUndefined();
		expect(size(s)).toBeLessThan(12_000);
	});

	it('keeps plural forms, and sections named by a prefix (`band.${x}`)', () => {
		const s = stringsFor('en-GB', '/(young-person)/me/review/[reviewId=id]/start');
		const start = (s.common as Record<string, Record<string, unknown>>).start!;
		expect(start.questions_one).toBeTypeOf('string');
		expect(start.questions_other).toBeTypeOf('string');
	});

	it('a public page gets its own paragraphs (returnObjects lists)', () => {
		const s = stringsFor('en-GB', '/(public)/help');
		expect(Array.isArray((s.common as Record<string, Record<string, unknown>>).help?.paragraphs)).toBe(true);
	});

	it('an unknown route (an error page) still gets the layout’s and the error page’s words', () => {
		const s = stringsFor('en-GB', null);
		expect((s.common as Record<string, unknown>).app).toBeDefined();
		expect((s.common as Record<string, unknown>).error).toBeDefined();
	});

	it('a page’s data brings exactly the wording it shows', () => {
		const form = latestForm('young-person-13-plus');
		const q = form.questions.find((x) => x.kind === 'choice' || x.kind === 'yes-no')!;
		expect(wordingKeys({ question: q, list: [{ wording: 'a.b' }], m: new Map([['k', { wording: 'c.d' }]]) })).toEqual(new Set([q.wording, 'a.b', 'c.d']));
		const data = withFormStrings('en-GB', { question: q });
		const [section, id] = q.wording.split('.') as [string, string];
		const forms = data.formStrings.forms as Record<string, Record<string, { label: string }>>;
		expect(forms[section]?.[id]?.label).toBeTypeOf('string');
		expect(Object.keys(forms[section]!)).toEqual([id]);
	});
});
