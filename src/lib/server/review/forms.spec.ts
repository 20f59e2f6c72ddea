import { describe, expect, it } from 'vitest';
import { parseFields, ReactionSchema, ReportSchema } from './forms';
import { post } from './spec-helpers';

/** SEC-V1, SEC-V6, SEC-Z6: the after-the-meeting forms take exactly their fields, under the one Unicode rule. */
const ID = 'abcdefghijklmnopqrstuvwx';

describe('parseFields', () => {
	it('accepts emoji, ZWJ sequences, combining marks and right-to-left text, normalised to NFC', () => {
		const words = 'e\u0301 👨‍👩‍👧 مرحبا';
		const out = parseFields(ReactionSchema, post({ decisionId: ID, reaction: 'question', words }), ['decisionId', 'reaction', 'words']);
		expect(out).toEqual({ ok: true, value: { decisionId: ID, reaction: 'question', words: words.normalize('NFC') } });
	});

	it('counts code points, not UTF-16 units: 2,000 emoji fit, 2,001 do not (D25)', () => {
		const fields = ['decisionId', 'reaction', 'words'];
		expect(parseFields(ReactionSchema, post({ decisionId: ID, reaction: 'agree', words: '😀'.repeat(2000) }), fields).ok).toBe(true);
		expect(parseFields(ReactionSchema, post({ decisionId: ID, reaction: 'agree', words: '😀'.repeat(2001) }), fields)).toMatchObject({ errors: { words: { key: 'errors.words-too-long' } } });
	});

	it('refuses control characters and noncharacters with a message (a lone surrogate never survives FormData: it arrives as U+FFFD), and keeps what was typed', () => {
		for (const body of ['a\u0000b', 'x\uFFFF', 'bell\u0007', 'c1\u0085']) {
			expect(parseFields(ReportSchema, post({ body }), ['body'])).toEqual({ ok: false, raw: { body }, errors: { body: { key: 'errors.text-bad-characters' } } });
		}
	});

	it('HTML is only text: kept as typed, never stripped', () => {
		expect(parseFields(ReportSchema, post({ body: '<script>alert(1)</script>' }), ['body'])).toEqual({ ok: true, value: { body: '<script>alert(1)</script>' } });
	});

	it('SEC-Z6: unknown, repeated or file fields are malformed', () => {
		expect(parseFields(ReportSchema, post({ body: 'x', other: 'y' }), ['body'])).toEqual({ ok: false, malformed: true });
		expect(parseFields(ReportSchema, post({ body: ['x', 'y'] }), ['body'])).toEqual({ ok: false, malformed: true });
		const withFile = new FormData();
		withFile.append('body', new Blob(['x']), 'x.txt');
		expect(parseFields(ReportSchema, withFile, ['body'])).toEqual({ ok: false, malformed: true });
	});
});
