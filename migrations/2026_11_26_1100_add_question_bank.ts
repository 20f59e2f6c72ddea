import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Issue 8, the question bank: versions of a consultation form made by an admin (and, through them,
 * a children in care council) without touching code. One row per version: at most one `draft` per
 * form, edited freely; `published` rows join the form registry (after the versions in code) and are
 * never changed or deleted again (STYLE §4.7: a version once answered is never edited), which the
 * database itself enforces with triggers, as for `audit_event`.
 * `definition` is the FormDefinition as JSON; `wording` is its words per language, JSON
 * `{ [locale]: { title, questions: { [id]: { label, hint?, options? } } } }`, stored with the
 * version rather than in forms.json. Frozen once shipped (STYLE §4.6).
 */
export async function up(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	const instant = pg ? 'bigint' : 'integer';
	const strict = pg ? sql`` : sql`strict`;

	await db.schema
		.createTable('form_version')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('form_id', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		// The version the draft was started from (code or bank).
		.addColumn('base_version', 'integer', (c) => c.notNull())
		.addColumn('definition', 'text', (c) => c.notNull())
		.addColumn('wording', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull().references('app_user.id'))
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.addColumn('published_by', 'text', (c) => c.references('app_user.id'))
		.addColumn('published_at', instant)
		.addUniqueConstraint('form_version_once', ['form_id', 'version'])
		.addCheckConstraint('form_version_status', sql`status in ('draft','published')`)
		.addCheckConstraint('form_version_published', sql`(status = 'draft') = (published_at is null) and (status = 'draft') = (published_by is null)`)
		.modifyEnd(strict)
		.execute();
	// One draft per form at a time: the council works on one next version.
	await db.schema.createIndex('form_version_one_draft').on('form_version').column('form_id').unique().where(sql.ref('status'), '=', 'draft').execute();

	// A published version is immutable: no update, no delete (a draft may be published once, or discarded).
	if (pg) {
		await sql`create function form_version_guard() returns trigger language plpgsql as $$
			begin
				if old.status = 'published' then raise exception 'published form versions are immutable'; end if;
				if tg_op = 'DELETE' then return old; end if;
				return new;
			end $$`.execute(db);
		await sql`create trigger form_version_immutable before update or delete on form_version
			for each row execute function form_version_guard()`.execute(db);
	} else {
		await sql`create trigger form_version_no_update before update on form_version
			when old.status = 'published'
			begin select raise(abort, 'published form versions are immutable'); end`.execute(db);
		await sql`create trigger form_version_no_delete before delete on form_version
			when old.status = 'published'
			begin select raise(abort, 'published form versions are immutable'); end`.execute(db);
	}
}
