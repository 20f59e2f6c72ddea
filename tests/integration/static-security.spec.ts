import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Static checks over the source (SECURITY §12 "S"): what no code path may do, proven by reading
 * every file rather than by hoping a test happens to walk the path.
 * - SEC-L5, D26: nothing updates `audit_event`; only `jobs/retention.ts` may delete from it, and no
 *   migration after the foundation drops its append-only triggers.
 * - SEC-C6: parameterised SQL only, no `sql.raw`/`sql.lit`/`sql.id` built from input.
 * - SEC-C5: no `{@html}` in any component.
 * - PRIV-9: the server talks only to SMTP and the database: no absolute `fetch` in src/lib/server.
 * Every table name passed to Kysely's write builders must be a string literal, so the scan cannot
 * be dodged by a variable.
 */
const ROOT = process.cwd();

function files(dir: string, ext: RegExp): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : files(p, ext);
		return ext.test(name) ? [p] : [];
	});
}

const SOURCE = files(join(ROOT, 'src'), /\.(ts|js|svelte)$/).filter((f) => !/\.spec\.ts$/.test(f) && !f.includes('/test-db.'));
const MIGRATIONS = files(join(ROOT, 'migrations'), /\.ts$/);
const rel = (f: string) => relative(ROOT, f);

/** The only file allowed to delete audit rows (above the DB-enforced one-year floor). */
const AUDIT_DELETER = 'src/lib/server/jobs/retention.ts';

/** Every call `x.<method>(<first arg>)` in a TypeScript file, with the first argument's text. */
function calls(file: string, methods: ReadonlySet<string>): { method: string; arg: ts.Expression | undefined; line: number }[] {
	const text = readFileSync(file, 'utf8');
	const src = ts.createSourceFile(file, file.endsWith('.svelte') ? scriptOf(text) : text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
	const out: { method: string; arg: ts.Expression | undefined; line: number }[] = [];
	const visit = (n: ts.Node) => {
		if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && methods.has(n.expression.name.text)) {
			out.push({ method: n.expression.name.text, arg: n.arguments[0], line: src.getLineAndCharacterOfPosition(n.getStart()).line + 1 });
		}
		ts.forEachChild(n, visit);
	};
	visit(src);
	return out;
}

function scriptOf(svelte: string): string {
	return [...svelte.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

/** The table a Kysely builder names: `'audit_event'` or `'audit_event as a'`. Undefined when not a literal. */
function tableOf(arg: ts.Expression | undefined): string | undefined {
	if (!arg) return undefined;
	if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return arg.text.split(/\s+as\s+/)[0]!.trim();
	return undefined;
}

const WRITES = new Set(['updateTable', 'deleteFrom', 'insertInto', 'replaceInto', 'mergeInto']);

describe('SEC-L5: the audit log has no update or delete path in code', () => {
	it('scans the source, and the scan sees Kysely writes and audit inserts (else it proves nothing)', () => {
		expect(SOURCE.length).toBeGreaterThan(100);
		const all = SOURCE.filter((f) => !f.endsWith('.svelte')).flatMap((f) => calls(f, WRITES).map((c) => ({ f, table: tableOf(c.arg), method: c.method })));
		expect(all.filter((c) => c.method === 'deleteFrom').length).toBeGreaterThan(3);
		expect(all.filter((c) => c.method === 'updateTable').length).toBeGreaterThan(10);
		expect(all.some((c) => c.method === 'insertInto' && c.table === 'audit_event')).toBe(true);
	});

	it('every Kysely write names its table with a string literal (so this scan cannot be dodged)', () => {
		const dynamic = SOURCE.filter((f) => !f.endsWith('.svelte')).flatMap((f) =>
			calls(f, WRITES).filter((c) => tableOf(c.arg) === undefined).map((c) => `${rel(f)}:${c.line} ${c.method}(…)`)
		);
		expect(dynamic).toEqual([]);
	});

	it('nothing calls updateTable, replaceInto or mergeInto on audit_event', () => {
		const hits = SOURCE.flatMap((f) =>
			calls(f, new Set(['updateTable', 'replaceInto', 'mergeInto'])).filter((c) => tableOf(c.arg) === 'audit_event').map((c) => `${rel(f)}:${c.line}`)
		);
		expect(hits).toEqual([]);
	});

	it(`only ${AUDIT_DELETER} calls deleteFrom('audit_event')`, () => {
		const hits = SOURCE.flatMap((f) => calls(f, new Set(['deleteFrom'])).filter((c) => tableOf(c.arg) === 'audit_event').map(() => rel(f)));
		expect(hits.filter((f) => f !== AUDIT_DELETER)).toEqual([]);
	});

	it('an insert into audit_event never upserts (onConflict … doUpdateSet would be an update path)', () => {
		const hits: string[] = [];
		for (const f of SOURCE) {
			const text = readFileSync(f, 'utf8');
			for (const m of text.matchAll(/insertInto\(\s*['"`]audit_event['"`]\s*\)([\s\S]{0,1500}?)\.execute/g)) {
				if (/onConflict|onDuplicateKeyUpdate|orReplace/.test(m[1]!)) hits.push(rel(f));
			}
		}
		expect(hits).toEqual([]);
	});

	it('no raw SQL text updates, deletes from, replaces into or truncates audit_event', () => {
		const pattern = /\b(update\s+(or\s+\w+\s+)?["`]?audit_event|delete\s+from\s+["`]?audit_event|replace\s+into\s+["`]?audit_event|truncate\s+(table\s+)?["`]?audit_event|drop\s+table\s+(if\s+exists\s+)?["`]?audit_event)/i;
		const hits = SOURCE.filter((f) => pattern.test(readFileSync(f, 'utf8')) && rel(f) !== AUDIT_DELETER).map(rel);
		expect(hits).toEqual([]);
	});

	it('the foundation migration installs the database guard, and no later migration removes it', () => {
		const foundation = MIGRATIONS.find((f) => f.endsWith('_create_foundation.ts'))!;
		const text = readFileSync(foundation, 'utf8');
		expect(text).toMatch(/create trigger audit_event_no_update before update/);
		expect(text).toMatch(/audit_event_no_recent_delete|before update or delete on audit_event/);
		const later = MIGRATIONS.filter((f) => f !== foundation && /drop\s+(trigger|function|rule)[^;`]*audit_event|dropTable\(\s*['"]audit_event/i.test(readFileSync(f, 'utf8')));
		expect(later.map(rel)).toEqual([]);
	});
});

describe('SEC-C6: parameterised SQL only', () => {
	it('no sql.raw, sql.lit, sql.id or sql.ref in src (every value goes through a bound parameter)', () => {
		const hits = SOURCE.filter((f) => /\bsql\s*\.\s*(raw|lit|id|ref|table)\s*\(/.test(readFileSync(f, 'utf8'))).map(rel);
		expect(hits).toEqual([]);
	});

	it('no string-built SQL handed to a driver (db.exec / prepare with a template holding ${…})', () => {
		const hits = SOURCE.filter((f) => /\.(exec|prepare)\(\s*`[^`]*\$\{/.test(readFileSync(f, 'utf8'))).map(rel);
		expect(hits).toEqual([]);
	});
});

describe('SEC-C5: text stays text', () => {
	it('no {@html} in any component', () => {
		const hits = SOURCE.filter((f) => f.endsWith('.svelte') && /\{@html\s/.test(readFileSync(f, 'utf8'))).map(rel);
		expect(hits).toEqual([]);
	});

	it('no innerHTML, outerHTML, insertAdjacentHTML or document.write in client code', () => {
		const hits = SOURCE.filter((f) => !f.includes('/lib/server/') && /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write\(/.test(readFileSync(f, 'utf8'))).map(rel);
		expect(hits).toEqual([]);
	});
});

describe('PRIV-9, D9: no third parties from the server', () => {
	it('no absolute fetch in src/lib/server (the server talks only to SMTP and the database)', () => {
		const hits = SOURCE.filter((f) => f.includes('/lib/server/') && /fetch\(\s*['"`]https?:/.test(readFileSync(f, 'utf8'))).map(rel);
		expect(hits).toEqual([]);
	});

	it('no http(s) URL to another host in any component or client module, except the Exit page default', () => {
		const hits: string[] = [];
		for (const f of SOURCE.filter((f) => !f.includes('/lib/server/'))) {
			const text = readFileSync(f, 'utf8').replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\/|<!--[\s\S]*?-->/g, '');
			for (const m of text.matchAll(/https?:\/\/[^\s'"`<>)]+/g)) {
				if (/^https?:\/\/(www\.w3\.org|127\.0\.0\.1|localhost)/.test(m[0])) continue;
				hits.push(`${rel(f)}: ${m[0]}`);
			}
		}
		expect(hits).toEqual([]);
	});
});
