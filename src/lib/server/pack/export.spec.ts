import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Answer } from '$lib/forms/types';
import { assemblePack, type PackRespondent } from './assemble';
import { PackExportSchema, SCHEMA, toExport } from './export';

const SENT = Date.UTC(2026, 10, 20, 10);
const child: PackRespondent = {
	respondentId: 'c', kind: 'young-person', displayName: 'Sam', invitedAt: 1,
	consultation: { status: 'submitted', formId: 'young-person-13-plus', formVersion: 1, submittedAt: SENT },
	answers: new Map<string, Answer>([
		['since-good', { questionId: 'since-good', value: { kind: 'text', text: 'IRO-ONLY-CANARY' }, visibility: 'iro-only' }],
		['plans', { questionId: 'plans', value: { kind: 'text', text: 'college' }, visibility: 'iro-and-social-worker' }],
		['home-safe', { questionId: 'home-safe', value: { kind: 'choice', value: 'yes' }, visibility: 'iro-only' }],
		['meeting-not-who', { questionId: 'meeting-not-who', value: { kind: 'text', text: 'NOT-WHO-CANARY' }, visibility: 'iro-only' }]
	])
};
const parent: PackRespondent = { respondentId: 'p', kind: 'parent', displayName: 'Jo', invitedAt: 2, consultation: null, answers: new Map() };

const exported = toExport(assemblePack([child, parent], 'social-worker'), {
	review: { id: 'r1', sequence: 3, dueDate: '2026-12-10', scheduledDate: '2026-12-09' },
	child: { name: 'Sam', ageOnReviewDate: 14, band: '13-plus' },
	locksOn: '2026-12-04',
	alerts: [{ createdAt: SENT, source: 'answer', acknowledgedAt: null }],
	now: SENT + 1000,
	wording: (key) => `EN:${key}`,
	late: (ms) => ms > Date.UTC(2026, 11, 5),
	meeting: { heldDate: '2026-12-09', attended: false, suggestedCode: 'PN6', confirmedCode: 'PN5', codeReason: 'Briefed an advocate by phone' },
	decisions: [{ text: 'Weekly family time', owner: 'Social worker', dueOn: '2027-01-15', status: 'open', statusReason: null }],
	previous: { sequence: 2, heldDate: '2026-06-10', decisions: [{ text: 'Swimming lessons', owner: 'Carer', dueOn: '2026-09-01', status: 'partly', statusReason: 'Pool closed in August' }] },
	requests: [{ kind: 'talk-to-iro', requesterKind: 'young-person', state: 'done', sentAt: SENT, closedAt: SENT + 86_400_000, metServiceLevel: true }]
});

describe('the pack JSON export (DOMAIN §8.3, schema my-review-pack v2)', () => {
	it('matches the published schema', () => {
		expect(() => v.parse(PackExportSchema, exported)).not.toThrow();
		expect(exported.schema).toBe(SCHEMA);
		expect(exported.review.kind).toBe('subsequent');
	});

	it('is the social-worker view: IRO-only answers are left out and counted, never included (DOMAIN §8.2)', () => {
		const text = JSON.stringify(exported);
		expect(text).not.toContain('IRO-ONLY-CANARY');
		expect(text).not.toContain('NOT-WHO-CANARY');
		expect(text).toContain('college');
		expect(exported.respondents[0]!.withheldCount).toBe(3);
	});

	it('carries the wording asked, who has not responded, and alerts without content', () => {
		expect(exported.respondents[0]!.answers[0]!.wording).toBe('EN:young-person-13-plus.plans.label');
		expect(exported.notResponded).toEqual([{ role: 'parent', name: 'Jo', invitedAt: new Date(2).toISOString(), started: false }]);
		expect(exported.alerts).toEqual([{ raisedAt: new Date(SENT).toISOString(), source: 'answer', acknowledgedAt: null }]);
	});

	it('v2: carries the participation code suggested and confirmed, this review\'s decisions and last review\'s with what became of them', () => {
		expect(exported.schemaVersion).toBe(2);
		expect(exported.participation).toEqual({ heldOn: '2026-12-09', attended: false, suggestedCode: 'PN6', confirmedCode: 'PN5', codeReason: 'Briefed an advocate by phone' });
		expect(exported.decisions).toEqual([{ text: 'Weekly family time', owner: 'Social worker', dueOn: '2027-01-15', status: 'open', statusReason: null }]);
		expect(exported.previousDecisions).toEqual({ reviewSequence: 2, heldOn: '2026-06-10', decisions: [{ text: 'Swimming lessons', owner: 'Carer', dueOn: '2026-09-01', status: 'partly', statusReason: 'Pool closed in August' }] });
	});

	it('issue 6: requests since the last review travel as kind, who, state, dates and service level, never their words', () => {
		expect(exported.requests).toEqual([{ kind: 'talk-to-iro', requester: 'young-person', state: 'done', sentAt: new Date(SENT).toISOString(), closedAt: new Date(SENT + 86_400_000).toISOString(), metServiceLevel: true }]);
	});

	it('before the meeting there is no participation and no decisions; a first review has no previous', () => {
		const first = toExport(assemblePack([child], 'social-worker'), {
			review: { id: 'r0', sequence: 1, dueDate: '2026-12-10', scheduledDate: null }, child: { name: 'Sam', ageOnReviewDate: 14, band: '13-plus' },
			locksOn: '2026-12-04', alerts: [], now: SENT, wording: (k) => k, late: () => false, meeting: null, decisions: [], previous: null
		});
		expect(v.parse(PackExportSchema, first)).toMatchObject({ participation: null, decisions: [], previousDecisions: null });
	});

	it('refuses a shape that drifts from the schema', () => {
		expect(() => v.parse(PackExportSchema, { ...exported, extra: true })).toThrow();
	});
});
