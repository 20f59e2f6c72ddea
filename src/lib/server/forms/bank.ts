import {
	addQuestion,
	applyFields,
	catalogueFragment,
	checkDraft,
	draftFrom,
	moveQuestion,
	publishedDefinition,
	removeQuestion,
	wordingOf,
	type Draft,
	type DraftCheck,
	type FormWording,
	type QuestionFields
} from '$lib/forms/bank';
import { defineForm } from '$lib/forms/define';
import { ALL_FORMS, formById, hasForm, latestForm, setPublishedForms } from '$lib/forms/registry';
import type { FormDefinition } from '$lib/forms/types';
import { DEFAULT_LOCALE, LOCALES, i18nFor, type Locale } from '$lib/i18n';
import type { Access } from '../access/require';
import type { Db } from '../db';
import * as audit from '../data/audit';
import { newId } from '../ids';
import { log } from '../log';
// Every shipped catalogue, so a draft copies each language's words from the version it starts from.
import '../i18n-catalogues';

/**
 * The question bank's database side (issue 8). Drafts are edited freely (one per form); publishing
 * checks the draft (`checkDraft`), writes the version once, and registers it with the form
 * registry and i18n, so consultations opened from then on start on it. Published rows are never
 * updated or deleted (the database refuses: migration 2026_11_26_1100).
 */

/** English first, then every other shipped language: the words a version must have. */
export const SHIPPED: readonly Locale[] = [DEFAULT_LOCALE, ...LOCALES.filter((l) => l !== DEFAULT_LOCALE)];

/** A language's name in itself (e.g. Cymraeg), as the language picker shows it. */
export function languageName(locale: string): string {
	try {
		const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale);
		return name ? name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) : locale;
	} catch {
		return locale;
	}
}

type Row = {
	id: string;
	form_id: string;
	version: number;
	status: string;
	base_version: number;
	definition: string;
	wording: string;
	created_at: number;
	updated_at: number;
	published_by: string | null;
	published_at: number | null;
};

let knownPublished = -1;

/**
 * Brings the registry and i18n up to date with the published bank versions: a count when nothing
 * changed, a full read when one was published (by this process or another).
 */
export async function syncBankForms(db: Db): Promise<void> {
	const row = await db.selectFrom('form_version').select((eb) => eb.fn.countAll<number | string>().as('n')).where('status', '=', 'published').executeTakeFirst();
	const n = Number(row?.n ?? 0);
	if (n === knownPublished) return;
	const rows = (await db.selectFrom('form_version').selectAll().where('status', '=', 'published').orderBy('form_id').orderBy('version').execute()) as Row[];
	registerPublished(rows);
	knownPublished = rows.length;
}

/** For tests: forget what was registered, so the next sync reads again. */
export function resetBankForms(): void {
	knownPublished = -1;
	setPublishedForms([]);
}

function registerPublished(rows: Row[]): void {
	const forms: FormDefinition[] = [];
	for (const r of rows) {
		try {
			const form = defineForm(JSON.parse(r.definition) as FormDefinition);
			if (form.id !== r.form_id || form.version !== Number(r.version)) throw new Error('id or version differs from its row');
			const wording = JSON.parse(r.wording) as FormWording;
			for (const locale of SHIPPED) {
				const fragment = catalogueFragment(form, wording, locale);
				// Deep-merged into the form's section; a version's words never change, so adding again is harmless.
				if (fragment) i18nFor(locale).addResourceBundle(locale, 'forms', fragment, true, true);
			}
			// A version added in code after this service published its own with the same number: the
			// service's (answered) version keeps the number in the registry; the code one must be renumbered.
			if (ALL_FORMS.some((f) => f.id === form.id && f.version === form.version)) log.error({ formId: form.id, version: form.version }, 'question bank: a version in code has the number of a published bank version');
			forms.push(form);
		} catch (err) {
			log.error({ err, formId: r.form_id, version: Number(r.version) }, 'question bank: a published version could not be read');
		}
	}
	setPublishedForms(forms);
}

/** The forms an admin can make a new version of: every form in code. */
export function bankFormIds(): string[] {
	return [...new Set(ALL_FORMS.map((f) => f.id))];
}

export interface VersionSummary {
	version: number;
	source: 'code' | 'bank';
	publishedAt: number | null;
	publishedBy: string | null;
	questions: number;
	title: string;
}

export interface FormSummary {
	formId: string;
	audience: FormDefinition['audience'];
	latest: number;
	versions: VersionSummary[];
	draft: { version: number; updatedAt: number } | null;
}

export async function listForms(_access: Access<'admin.manage'>, db: Db): Promise<FormSummary[]> {
	await syncBankForms(db);
	const rows = await db
		.selectFrom('form_version')
		.leftJoin('app_user', 'app_user.id', 'form_version.published_by')
		.select(['form_version.form_id', 'form_version.version', 'form_version.status', 'form_version.updated_at', 'form_version.published_at', 'app_user.display_name'])
		.execute();
	return bankFormIds().map((formId) => {
		const code = ALL_FORMS.filter((f) => f.id === formId).map<VersionSummary>((f) => ({ version: f.version, source: 'code', publishedAt: null, publishedBy: null, questions: f.questions.length, title: f.title }));
		const bank = rows
			.filter((r) => r.form_id === formId && r.status === 'published')
			.map<VersionSummary>((r) => {
				const f = formById(formId, Number(r.version));
				return { version: Number(r.version), source: 'bank', publishedAt: Number(r.published_at), publishedBy: r.display_name, questions: f?.questions.length ?? 0, title: f?.title ?? '' };
			});
		const draft = rows.find((r) => r.form_id === formId && r.status === 'draft');
		const latest = latestForm(formId);
		return {
			formId,
			audience: latest.audience,
			latest: latest.version,
			versions: [...code, ...bank].sort((a, b) => b.version - a.version),
			draft: draft ? { version: Number(draft.version), updatedAt: Number(draft.updated_at) } : null
		};
	});
}

async function draftRow(db: Db, formId: string): Promise<Row | undefined> {
	return (await db.selectFrom('form_version').selectAll().where('form_id', '=', formId).where('status', '=', 'draft').executeTakeFirst()) as Row | undefined;
}

function toDraft(r: Row): Draft {
	const def = JSON.parse(r.definition) as Pick<Draft, 'audience' | 'assisted' | 'readAloud' | 'questions'>;
	return {
		formId: r.form_id,
		version: Number(r.version),
		audience: def.audience,
		...(def.assisted ? { assisted: true as const } : {}),
		...(def.readAloud ? { readAloud: true as const } : {}),
		questions: def.questions,
		wording: JSON.parse(r.wording) as FormWording
	};
}

function draftColumns(d: Draft): { definition: string; wording: string } {
	return {
		definition: JSON.stringify({ audience: d.audience, ...(d.assisted ? { assisted: true } : {}), ...(d.readAloud ? { readAloud: true } : {}), questions: d.questions }),
		wording: JSON.stringify(d.wording)
	};
}

/** A published version's words: stored with a bank version, read from the catalogues for a code version. */
async function wordingOfVersion(db: Db, form: FormDefinition): Promise<FormWording> {
	const row = await db.selectFrom('form_version').select('wording').where('form_id', '=', form.id).where('version', '=', form.version).where('status', '=', 'published').executeTakeFirst();
	if (row) return JSON.parse(row.wording) as FormWording;
	return wordingOf(form, SHIPPED, (locale, key) => i18nFor(locale as Locale).getResource(locale, 'forms', key));
}

export interface LoadedDraft {
	draft: Draft;
	base: FormDefinition;
	baseWording: FormWording;
	check: DraftCheck;
	updatedAt: number;
}

/** The form's open draft with what stops it being published, or null. */
export async function loadDraft(_access: Access<'admin.manage'>, db: Db, formId: string): Promise<LoadedDraft | null> {
	await syncBankForms(db);
	const row = await draftRow(db, formId);
	if (!row) return null;
	const draft = toDraft(row);
	const base = formById(formId, Number(row.base_version)) ?? latestForm(formId);
	const baseWording = await wordingOfVersion(db, base);
	return { draft, base, baseWording, check: checkDraft(draft, { form: base, wording: baseWording }, SHIPPED, languageName), updatedAt: Number(row.updated_at) };
}

export type StartResult = { ok: true; version: number } | { ok: false; stale: true };

/**
 * Starts the next version of a form from its latest published one (code or bank). `baseVersion` is
 * the version the admin saw: if another was published since, nothing is started. An open draft is
 * kept (one per form), so starting twice is harmless.
 */
export async function startDraft(access: Access<'admin.manage'>, db: Db, formId: string, baseVersion: number, now: number): Promise<StartResult> {
	await syncBankForms(db);
	const open = await draftRow(db, formId);
	if (open) return { ok: true, version: Number(open.version) };
	const base = latestForm(formId);
	if (base.version !== baseVersion) return { ok: false, stale: true };
	const draft = draftFrom(base, await wordingOfVersion(db, base), base.version + 1);
	try {
		await db.transaction().execute(async (trx) => {
			await trx
				.insertInto('form_version')
				.values({
					id: newId(), form_id: formId, version: draft.version, status: 'draft', base_version: base.version, ...draftColumns(draft),
					created_by: access.actor.id, created_at: now, updated_at: now, published_by: null, published_at: null
				})
				.execute();
			await audit.record(trx, { at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'form_draft_changed', resourceType: 'form', resourceId: `${formId}@${draft.version}` });
		});
	} catch (err) {
		// Another admin started it a moment ago (one draft per form): use theirs.
		const raced = await draftRow(db, formId);
		if (raced) return { ok: true, version: Number(raced.version) };
		throw err;
	}
	return { ok: true, version: draft.version };
}

export type Edit =
	| { kind: 'add' }
	| { kind: 'remove'; index: number }
	| { kind: 'move'; index: number; by: -1 | 1 }
	| { kind: 'fields'; index: number; fields: QuestionFields }
	| { kind: 'title'; titles: Record<string, string> };

/** Applies one edit to the open draft; false when there is none (or the question isn't there). */
export async function editDraft(access: Access<'admin.manage'>, db: Db, formId: string, version: number, edit: Edit, now: number): Promise<{ ok: true; draft: Draft } | { ok: false }> {
	return db.transaction().execute(async (trx) => {
		const row = await draftRow(trx, formId);
		if (!row || Number(row.version) !== version) return { ok: false as const };
		const before = toDraft(row);
		let after: Draft;
		switch (edit.kind) {
			case 'add':
				after = addQuestion(before);
				break;
			case 'remove':
				if (!before.questions[edit.index]) return { ok: false as const };
				after = removeQuestion(before, edit.index);
				break;
			case 'move':
				after = moveQuestion(before, edit.index, edit.by);
				break;
			case 'fields':
				if (!before.questions[edit.index]) return { ok: false as const };
				after = applyFields(before, edit.index, edit.fields);
				break;
			case 'title': {
				const wording: FormWording = { ...before.wording };
				for (const locale of SHIPPED) {
					const title = edit.titles[locale];
					if (title === undefined) continue;
					wording[locale] = { questions: {}, ...wording[locale], title: title.trim().slice(0, 200) };
				}
				after = { ...before, wording };
				break;
			}
		}
		await trx.updateTable('form_version').set({ ...draftColumns(after), updated_at: now }).where('id', '=', row.id).where('status', '=', 'draft').execute();
		await audit.record(trx, { at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'form_draft_changed', resourceType: 'form', resourceId: `${formId}@${version}` });
		return { ok: true as const, draft: after };
	});
}

/** Throws the draft away (a published version can't be: the database refuses). */
export async function discardDraft(access: Access<'admin.manage'>, db: Db, formId: string, version: number, now: number): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const row = await draftRow(trx, formId);
		if (!row || Number(row.version) !== version) return false;
		await trx.deleteFrom('form_version').where('id', '=', row.id).where('status', '=', 'draft').execute();
		await audit.record(trx, { at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'form_draft_changed', resourceType: 'form', resourceId: `${formId}@${version}` });
		return true;
	});
}

export type PublishResult = { ok: true; version: number } | { ok: false; check: DraftCheck } | { ok: false; gone: true };

/**
 * Publishes the open draft if nothing stops it: from this moment consultations that open start on
 * it; those already open keep the version they started on, and every pack shows the wording of the
 * version answered. Publishing the same version twice (a double click) answers as the first did.
 */
export async function publishDraft(access: Access<'admin.manage'>, db: Db, formId: string, version: number, now: number): Promise<PublishResult> {
	const result = await db.transaction().execute(async (trx): Promise<PublishResult> => {
		const row = await draftRow(trx, formId);
		if (!row || Number(row.version) !== version) {
			const done = await trx.selectFrom('form_version').select('id').where('form_id', '=', formId).where('version', '=', version).where('status', '=', 'published').executeTakeFirst();
			return done ? { ok: true, version } : { ok: false, gone: true };
		}
		const draft = toDraft(row);
		const base = formById(formId, Number(row.base_version)) ?? latestForm(formId);
		const baseWording = await wordingOfVersion(trx, base);
		const check = checkDraft(draft, { form: base, wording: baseWording }, SHIPPED, languageName);
		if (check.problems.length > 0) return { ok: false, check };
		// Another version can't have been published meanwhile (one draft per form), unless one shipped in code.
		if (latestForm(formId).version >= version) return { ok: false, check: { problems: [{ question: null, field: 'form', error: { key: 'errors.bank-stale' } }], warnings: [] } };
		let definition: FormDefinition;
		try {
			definition = publishedDefinition(draft);
		} catch (err) {
			log.warn({ err, formId, version }, 'question bank: a checked draft failed defineForm');
			return { ok: false, check: { problems: [{ question: null, field: 'form', error: { key: 'errors.bank-invalid' } }], warnings: [] } };
		}
		// Only the words of the questions the version has, for the shipped languages.
		const wording: FormWording = {};
		for (const locale of SHIPPED) {
			const w = draft.wording[locale];
			if (!w) continue;
			wording[locale] = { title: w.title, questions: Object.fromEntries(definition.questions.map((q) => [q.id, w.questions[q.id]!])) };
		}
		await trx
			.updateTable('form_version')
			.set({ status: 'published', definition: JSON.stringify(definition), wording: JSON.stringify(wording), updated_at: now, published_at: now, published_by: access.actor.id })
			.where('id', '=', row.id)
			.where('status', '=', 'draft')
			.execute();
		await audit.record(trx, { at: now, actorId: access.actor.id, actorRole: access.actor.role, action: 'form_published', resourceType: 'form', resourceId: `${formId}@${version}` });
		return { ok: true, version };
	});
	if (result.ok) await syncBankForms(db);
	return result;
}

/** Is this a form the bank can make versions of? */
export function isBankForm(formId: string): boolean {
	return hasForm(formId);
}
