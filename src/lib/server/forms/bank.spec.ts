import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fieldsOf } from '$lib/forms/bank';
import { formById, latestForm } from '$lib/forms/registry';
import { i18nFor } from '$lib/i18n';
import type { Db } from '../db';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import * as answers from '../data/answers';
import * as consultations from '../data/consultations';
import { loadContext } from '../consultation/context';
import { assemblePack, type PackRespondent } from '../pack/assemble';
import { accessFor } from '../review/spec-helpers';
import { editDraft, loadDraft, publishDraft, resetBankForms, SHIPPED, startDraft, syncBankForms } from './bank';

/**
 * The question bank against a real database (issue 8): a published version is immutable (the
 * database refuses), consultations started before publishing keep their version, those started
 * after get the new one, and an older pack renders exactly as before.
 */
let t: TestDatabase;
let db: Db;
let f: Family;
const NOW = Date.UTC(2029, 11, 1, 10);
const FORM = 'young-person-13-plus';

const admin = () => accessFor('admin.manage', { id: f.adminId, role: 'admin' }, { reviewId: '', childId: '' });
const asChild = (who: 'sam' | 'alex') =>
	who === 'sam'
		? accessFor('review.answer', { id: f.youngPersonId, role: 'young-person', childId: f.childId }, { reviewId: f.reviewId, childId: f.childId })
		: accessFor('review.answer', { id: f.otherYoungPersonId, role: 'young-person', childId: f.otherChildId }, { reviewId: f.otherReviewId, childId: f.otherChildId });
const en = (key: string) => i18nFor('en-GB').t(`forms:${key}`);

/** Fills every word a shipped language other than English lacks (the catalogues may not have them yet). */
async function fillOtherLanguages(version: number): Promise<void> {
	const loaded = (await loadDraft(admin(), db, FORM))!;
	for (let i = 0; i < loaded.draft.questions.length; i++) {
		const fields = fieldsOf(loaded.draft, i)!;
		let changed = false;
		for (const l of SHIPPED) {
			const w = fields.words[l]!;
			const english = fields.words['en-GB']!;
			if (!w.label) ((w.label = `[${l}] ${english.label}`), (changed = true));
			for (const [code, text] of Object.entries(english.options)) if (!w.options[code]) ((w.options[code] = `[${l}] ${text}`), (changed = true));
		}
		if (changed) expect((await editDraft(admin(), db, FORM, version, { kind: 'fields', index: i, fields }, NOW)).ok).toBe(true);
	}
	const titles = Object.fromEntries(SHIPPED.map((l) => [l, loaded.draft.wording[l]?.title || `[${l}] title`]));
	await editDraft(admin(), db, FORM, version, { kind: 'title', titles }, NOW);
}

async function packOf(consultationId: string): Promise<unknown> {
	const c = (await consultations.forReviews(db, [f.reviewId])).find((x) => x.id === consultationId)!;
	const respondent: PackRespondent = {
		respondentId: f.youngPersonId, kind: 'young-person', displayName: 'Sam', invitedAt: NOW,
		consultation: { status: c.status, formId: c.formId, formVersion: c.formVersion, submittedAt: c.submittedAt },
		answers: await answers.forConsultation(db, c.id)
	};
	const pack = assemblePack([respondent], 'iro');
	// What the IRO reads: each item with the words it was asked with.
	return pack.sections.map((s) => ({ ...s, topics: s.topics.map((tp) => ({ ...tp, items: tp.items.map((i) => ({ ...i, label: en(`${i.wording}.label`) })) })) }));
}

beforeEach(async () => {
	resetBankForms();
	t = await openTestDatabase();
	db = t.db;
	f = await seedFamily(db, NOW);
});
afterEach(async () => {
	resetBankForms();
	await t.close();
});

describe('publishing a new version', () => {
	it('pins consultations already started, gives the new version to those that start after, and leaves the old pack unchanged', async () => {
		const before = latestForm(FORM);
		// Sam starts (and sends) on the version in use.
		const samCtx = await loadContext(db, asChild('sam'), 'young-person');
		expect(samCtx.form!.version).toBe(before.version);
		const started = await consultations.start(db, { reviewId: f.reviewId, respondentId: f.youngPersonId, respondentKind: 'young-person', formId: FORM, formVersion: samCtx.form!.version }, NOW);
		await answers.save(db, started.id, { questionId: 'since-good', value: { kind: 'text', text: 'Football on Saturdays' }, visibility: 'everyone' }, NOW);
		await answers.save(db, started.id, { questionId: 'home-safe', value: { kind: 'choice', value: 'no' }, visibility: 'iro-only' }, NOW);
		await consultations.markSubmitted(db, started.id, NOW);
		const oldPack = await packOf(started.id);
		const oldLabel = en(`${FORM}.since-good.label`);

		// An admin makes the next version: rewords a question, adds one, publishes.
		const draft = await startDraft(admin(), db, FORM, before.version, NOW);
		expect(draft).toEqual({ ok: true, version: before.version + 1 });
		const version = before.version + 1;
		let loaded = (await loadDraft(admin(), db, FORM))!;
		const i = loaded.draft.questions.findIndex((q) => q.id === 'since-good');
		const fields = fieldsOf(loaded.draft, i)!;
		fields.words['en-GB']!.label = 'What has gone well for you lately?';
		await editDraft(admin(), db, FORM, version, { kind: 'fields', index: i, fields }, NOW);
		loaded = (await editDraft(admin(), db, FORM, version, { kind: 'add' }, NOW)).ok ? (await loadDraft(admin(), db, FORM))! : loaded;
		const added = loaded.draft.questions.length - 1;
		const newFields = fieldsOf(loaded.draft, added)!;
		newFields.id = 'proud-of';
		newFields.topic = 'since-last-time';
		for (const l of SHIPPED) newFields.words[l]!.label = l === 'en-GB' ? 'What are you proud of?' : `[${l}] What are you proud of?`;
		await editDraft(admin(), db, FORM, version, { kind: 'fields', index: added, fields: newFields }, NOW);
		await fillOtherLanguages(version);
		expect((await loadDraft(admin(), db, FORM))!.check.problems).toEqual([]);

		// Nothing changes for anyone until it is published.
		expect(latestForm(FORM).version).toBe(before.version);
		expect(await publishDraft(admin(), db, FORM, version, NOW + 1000)).toEqual({ ok: true, version });

		// Sam keeps the version they started on; Alex, starting now, gets the new one.
		const samAfter = await loadContext(db, asChild('sam'), 'young-person');
		expect(samAfter.form).toBe(formById(FORM, before.version));
		expect(samAfter.questions.some((q) => q.id === 'proud-of')).toBe(false);
		const alexCtx = await loadContext(db, asChild('alex'), 'young-person');
		expect(alexCtx.form!.version).toBe(version);
		const alexSinceGood = alexCtx.questions.find((q) => q.id === 'since-good')!;
		expect(en(`${alexSinceGood.wording}.label`)).toBe('What has gone well for you lately?');
		expect(en(`${alexCtx.questions.find((q) => q.id === 'proud-of')!.wording}.label`)).toBe('What are you proud of?');
		// The safety question still raises its alert on the new version (DOMAIN §5.7).
		const homeSafe = alexCtx.questions.find((q) => q.id === 'home-safe')!;
		expect(homeSafe.kind === 'yes-no' || homeSafe.kind === 'choice' ? homeSafe.safetyTrigger : null).toEqual(['no']);

		// Sam's pack: the same items, flags and words as before the new version existed.
		expect(en(`${FORM}.since-good.label`)).toBe(oldLabel);
		expect(await packOf(started.id)).toEqual(oldPack);

		// Another process (or a restart) reads the published version back from the database.
		resetBankForms();
		expect(formById(FORM, version)).toBeUndefined();
		await syncBankForms(db);
		expect(formById(FORM, version)!.questions.map((q) => q.id)).toEqual(alexCtx.form!.questions.map((q) => q.id));
		expect(latestForm(FORM).version).toBe(version);
	});

	it('refuses to publish with problems, keeping the draft as it was typed', async () => {
		const base = latestForm('parent');
		await startDraft(admin(), db, 'parent', base.version, NOW);
		const version = base.version + 1;
		const loaded = (await loadDraft(admin(), db, 'parent'))!;
		const fields = fieldsOf(loaded.draft, 0)!;
		fields.words['en-GB']!.label = '';
		fields.id = 'Going Well';
		await editDraft(admin(), db, 'parent', version, { kind: 'fields', index: 0, fields }, NOW);
		const result = await publishDraft(admin(), db, 'parent', version, NOW);
		expect(result.ok).toBe(false);
		const problems = 'check' in result ? result.check.problems.filter((p) => p.question === 0).map((p) => `${p.field}:${p.error.key}`) : [];
		expect(problems).toEqual(expect.arrayContaining(['id:errors.bank-id-format', 'label-en-GB:errors.bank-label-missing']));
		const still = (await loadDraft(admin(), db, 'parent'))!;
		expect(still.draft.questions[0]!.id).toBe('Going Well');
		expect(latestForm('parent').version).toBe(base.version);
		const rows = await db.selectFrom('form_version').select(['status']).where('form_id', '=', 'parent').execute();
		expect(rows).toEqual([{ status: 'draft' }]);
	});

	it('answers a second publish of the same version as the first, and starts no draft from an old version', async () => {
		const base = latestForm('carer');
		await startDraft(admin(), db, 'carer', base.version, NOW);
		const version = base.version + 1;
		// Starting again keeps the one open draft.
		expect(await startDraft(admin(), db, 'carer', base.version, NOW)).toEqual({ ok: true, version });
		const loaded = (await loadDraft(admin(), db, 'carer'))!;
		if (loaded.check.problems.length > 0) {
			// Other shipped languages may not have the carer's words yet: fill them for this test.
			for (let i = 0; i < loaded.draft.questions.length; i++) {
				const fields = fieldsOf(loaded.draft, i)!;
				for (const l of SHIPPED) {
					fields.words[l]!.label ||= `[${l}] ${fields.words['en-GB']!.label}`;
					for (const [c, v] of Object.entries(fields.words['en-GB']!.options)) fields.words[l]!.options[c] ||= `[${l}] ${v}`;
				}
				await editDraft(admin(), db, 'carer', version, { kind: 'fields', index: i, fields }, NOW);
			}
			await editDraft(admin(), db, 'carer', version, { kind: 'title', titles: Object.fromEntries(SHIPPED.map((l) => [l, loaded.draft.wording[l]?.title || `[${l}] title`])) }, NOW);
		}
		expect(await publishDraft(admin(), db, 'carer', version, NOW)).toEqual({ ok: true, version });
		expect(await publishDraft(admin(), db, 'carer', version, NOW)).toEqual({ ok: true, version });
		expect(await startDraft(admin(), db, 'carer', base.version, NOW)).toEqual({ ok: false, stale: true });
		const audit = await db.selectFrom('audit_event').select(['action', 'resource_id']).where('action', '=', 'form_published').execute();
		expect(audit).toEqual([{ action: 'form_published', resource_id: `carer@${version}` }]);
	});
});

describe('a published version is immutable (the database refuses)', () => {
	async function published(): Promise<string> {
		await db
			.insertInto('form_version')
			.values({ id: 'v-published', form_id: 'carer', version: 99, status: 'published', base_version: 1, definition: '{}', wording: '{}', created_by: f.adminId, created_at: NOW, updated_at: NOW, published_by: f.adminId, published_at: NOW })
			.execute();
		return 'v-published';
	}

	it('refuses an update of any column, including turning it back into a draft', async () => {
		const id = await published();
		await expect(db.updateTable('form_version').set({ wording: '{"en-GB":{}}' }).where('id', '=', id).execute()).rejects.toThrow(/immutable/);
		await expect(db.updateTable('form_version').set({ status: 'draft', published_at: null, published_by: null }).where('id', '=', id).execute()).rejects.toThrow(/immutable/);
		const row = await db.selectFrom('form_version').select(['status', 'wording']).where('id', '=', id).executeTakeFirstOrThrow();
		expect(row).toEqual({ status: 'published', wording: '{}' });
	});

	it('refuses a delete', async () => {
		const id = await published();
		await expect(db.deleteFrom('form_version').where('id', '=', id).execute()).rejects.toThrow(/immutable/);
		expect(await db.selectFrom('form_version').select('id').where('id', '=', id).execute()).toHaveLength(1);
	});

	it('lets a draft be edited and thrown away, and allows one draft per form', async () => {
		await startDraft(admin(), db, 'parent', latestForm('parent').version, NOW);
		const row = await db.selectFrom('form_version').select(['id', 'version']).where('form_id', '=', 'parent').executeTakeFirstOrThrow();
		await db.updateTable('form_version').set({ updated_at: NOW + 1 }).where('id', '=', row.id).execute();
		await expect(
			db.insertInto('form_version').values({ id: 'second', form_id: 'parent', version: row.version + 1, status: 'draft', base_version: 1, definition: '{}', wording: '{}', created_by: f.adminId, created_at: NOW, updated_at: NOW, published_by: null, published_at: null }).execute()
		).rejects.toThrow();
		await db.deleteFrom('form_version').where('id', '=', row.id).execute();
		expect(await loadDraft(admin(), db, 'parent')).toBeNull();
	});

	it('has no update path in code: publishing is the only write to a published row, and it is guarded by status', async () => {
		const { readFileSync } = await import('node:fs');
		const source = readFileSync(new URL('./bank.ts', import.meta.url), 'utf8');
		const updates = source.split("updateTable('form_version')").slice(1);
		expect(updates.length).toBeGreaterThan(0);
		for (const u of updates) expect(u.slice(0, 400)).toContain(".where('status', '=', 'draft')");
		const deletes = source.split("deleteFrom('form_version')").slice(1);
		for (const d of deletes) expect(d.slice(0, 200)).toContain(".where('status', '=', 'draft')");
	});
});
