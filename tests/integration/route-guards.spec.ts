import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PUBLIC_PATHS } from '$lib/server/hooks/audience';

/**
 * SEC-Z3, SEC-A1, STYLE §4.2: authorisation runs on the server in every load and action. Every
 * `+page.server.ts` and `+server.ts` is read; each exported `load`, each action in `actions` and
 * each HTTP handler must call `await requireAccess(…)` or `requireSelf(…)` (directly, or through
 * a function declared in the same file), or be on the PUBLIC allowlist below with a reason.
 * The allowlist is the inventory of ways in (SECURITY §3.1). Layout loads are not a fence and
 * are not checked here.
 */
const GUARDS = ['requireAccess', 'requireSelf'] as const;
const GUARD_MODULE = '$lib/server/access/require';

/** Route id (Kit's, from src/routes) and export → why it needs no guard. Keep it short. */
const PUBLIC: Record<string, string> = {
	'/(public) load': 'the landing page: sends a signed-in person home, holds nothing personal',
	'/(public)/sign-in load': 'the respondent sign-in form',
	'/(public)/sign-in actions.default': 'signing in starts a session (rate-limited, SEC-A6, SEC-R1)',
	'/(public)/sign-in/staff load': 'the staff sign-in form',
	'/(public)/sign-in/staff actions.default': 'staff sign-in starts a session (rate-limited, SEC-A6, SEC-R1)',
	'/(public)/activate load': 'the code entry form from the invitation letter',
	'/(public)/activate actions.default': 'claiming a one-time code starts an activation session (rate-limited, SEC-A3)',
	'/(public)/sign-out load': 'says only whether someone is signed in; the actions need the session',
	'/(public)/exit GET': 'Exit this page must work for anyone, signed in or not (A11Y-17, D13)',
	'/(public)/settings load': 'language and display settings: the choices and the display cookie, nothing personal',
	'/(public)/settings actions.language': 'sets the language cookie; signed in, only the person\'s own record (issue 7)',
	'/(public)/settings actions.display': 'sets the display cookie on this device (A11Y-22)',
	'/(public)/manifest.webmanifest GET': 'the web app manifest: the service\'s neutral app name (PRIV-H2), nothing personal'
	// The public information pages (/help, /accessibility, /staying-safe-online) have no server file.
};

const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'fallback']);
/** Page options Kit reads from a server file: configuration, not code that runs per request. */
const PAGE_OPTIONS = new Set(['prerender', 'ssr', 'csr', 'trailingSlash', 'config', 'entries']);

// Two patterns, not `{+page.server,+server}.ts`: Vite's glob reads `{+…` as an extglob and matches nothing.
// The test below compares the result with the disk, so a glob that silently finds nothing fails.
const sources = import.meta.glob<string>(['/src/routes/**/+page.server.ts', '/src/routes/**/+server.ts'], {
	query: '?raw',
	import: 'default',
	eager: true
});

const ROUTES_DIR = join(process.cwd(), 'src', 'routes');
function onDisk(): string[] {
	return (readdirSync(ROUTES_DIR, { recursive: true }) as string[])
		.filter((p) => /(^|[/\\])\+(page\.server|server)\.ts$/.test(p))
		.map((p) => '/' + relative(process.cwd(), join(ROUTES_DIR, p)).split(sep).join('/'))
		.sort();
}

function routeIdOf(file: string): string {
	const dir = file.replace(/^\/src\/routes/, '').replace(/\/\+(page\.server|server)\.ts$/, '');
	return dir || '/';
}

interface Entry {
	/** `load`, `actions.<name>`, or an HTTP method. */
	name: string;
	guarded: boolean;
	problem?: string;
}

function unwrap(node: ts.Expression): ts.Expression {
	let n = node;
	while (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isSatisfiesExpression(n) || ts.isTypeAssertionExpression(n)) n = n.expression;
	return n;
}

/**
 * Reads one server file and says, per export, whether it runs a guard. A guard is a call of
 * `requireAccess` (awaited: an un-awaited promise guards nothing) or `requireSelf`, imported from
 * the access module, inside the export's own code or inside a function of the same file it calls.
 */
function analyse(source: string, fileName = 'route.ts'): { entries: Entry[]; unknownExports: string[] } {
	const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
	const imported = new Set<string>();
	const locals = new Map<string, ts.Node>();
	const exported: { name: string; node: ts.Node }[] = [];
	const unknownExports: string[] = [];

	for (const stmt of sf.statements) {
		if (ts.isImportDeclaration(stmt) && ts.isStringLiteral(stmt.moduleSpecifier) && stmt.moduleSpecifier.text === GUARD_MODULE) {
			const named = stmt.importClause?.namedBindings;
			if (named && ts.isNamedImports(named)) {
				for (const el of named.elements) {
					const original = (el.propertyName ?? el.name).text;
					if ((GUARDS as readonly string[]).includes(original) && el.name.text === original) imported.add(original);
				}
			}
		}
		const isExported = ts.canHaveModifiers(stmt) && (ts.getModifiers(stmt) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
		if (ts.isFunctionDeclaration(stmt) && stmt.name) {
			locals.set(stmt.name.text, stmt);
			if (isExported) exported.push({ name: stmt.name.text, node: stmt });
		} else if (ts.isVariableStatement(stmt)) {
			for (const d of stmt.declarationList.declarations) {
				if (!ts.isIdentifier(d.name) || !d.initializer) continue;
				locals.set(d.name.text, d.initializer);
				if (isExported) exported.push({ name: d.name.text, node: d.initializer });
			}
		} else if (ts.isExportDeclaration(stmt) || ts.isExportAssignment(stmt)) {
			unknownExports.push(stmt.getText(sf));
		}
	}

	function callsGuard(node: ts.Node, seen: Set<string>): boolean {
		let found = false;
		const visit = (n: ts.Node): void => {
			if (found) return;
			if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) {
				const callee = n.expression.text;
				if (imported.has(callee)) {
					let p: ts.Node = n.parent;
					while (ts.isParenthesizedExpression(p)) p = p.parent;
					if (callee === 'requireSelf' || ts.isAwaitExpression(p)) {
						found = true;
						return;
					}
				} else if (locals.has(callee) && !seen.has(callee)) {
					seen.add(callee);
					if (callsGuard(locals.get(callee)!, seen)) {
						found = true;
						return;
					}
				}
			}
			ts.forEachChild(n, visit);
		};
		visit(node);
		return found;
	}

	function resolve(node: ts.Node): ts.Node {
		if (ts.isExpression(node)) {
			const n = unwrap(node);
			if (ts.isIdentifier(n) && locals.has(n.text)) return locals.get(n.text)!;
			return n;
		}
		return node;
	}

	const entries: Entry[] = [];
	for (const { name, node } of exported) {
		if (name === 'load' || HTTP_METHODS.has(name)) {
			entries.push({ name, guarded: callsGuard(resolve(node), new Set()) });
		} else if (name === 'actions') {
			const obj = resolve(node);
			if (!ts.isObjectLiteralExpression(obj)) {
				entries.push({ name: 'actions', guarded: false, problem: 'actions is not an object literal this check can read' });
				continue;
			}
			for (const prop of obj.properties) {
				const key = prop.name && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name)) ? prop.name.text : undefined;
				if (!key) {
					entries.push({ name: 'actions.?', guarded: false, problem: `unreadable action: ${prop.getText(sf).slice(0, 60)}` });
				} else if (ts.isPropertyAssignment(prop)) {
					entries.push({ name: `actions.${key}`, guarded: callsGuard(resolve(prop.initializer), new Set()) });
				} else if (ts.isMethodDeclaration(prop)) {
					entries.push({ name: `actions.${key}`, guarded: callsGuard(prop, new Set()) });
				} else if (ts.isShorthandPropertyAssignment(prop)) {
					const target = locals.get(key);
					entries.push({ name: `actions.${key}`, guarded: target ? callsGuard(target, new Set()) : false });
				} else {
					entries.push({ name: `actions.${key}`, guarded: false, problem: 'unreadable action (spread or accessor)' });
				}
			}
		} else if (!PAGE_OPTIONS.has(name) && !name.startsWith('_')) {
			unknownExports.push(name);
		}
	}
	return { entries, unknownExports };
}

const FILES = Object.keys(sources).sort();
const ROWS = FILES.flatMap((file) => {
	const routeId = routeIdOf(file);
	return analyse(sources[file]!, file).entries.map((e) => ({ file, routeId, key: `${routeId} ${e.name}`, ...e }));
});

describe('SEC-Z3: the route files', () => {
	it('the glob finds every +page.server.ts and +server.ts on disk', () => {
		expect(FILES.length).toBeGreaterThan(0);
		expect(FILES).toEqual(onDisk());
	});

	it.each(FILES)('%s exports only loads, actions, handlers and page options this check understands', (file) => {
		expect(analyse(sources[file]!, file).unknownExports).toEqual([]);
	});
});

describe('SEC-Z3: every load, action and handler is guarded or public', () => {
	it.each(ROWS.map((r) => [r.key, r] as const))('%s', (_key, row) => {
		expect(row.problem, row.file).toBeUndefined();
		const reason = PUBLIC[row.key];
		if (reason !== undefined) {
			expect(reason.length, `${row.key}: give the public entry a reason`).toBeGreaterThan(10);
			return;
		}
		expect(row.guarded, `${row.file}: ${row.name} calls neither await requireAccess(…) nor requireSelf(…), and is not on the PUBLIC allowlist`).toBe(true);
	});

	it('the PUBLIC allowlist has no stale entries (each names an existing export)', () => {
		const keys = new Set(ROWS.map((r) => r.key));
		expect(Object.keys(PUBLIC).filter((k) => !keys.has(k))).toEqual([]);
	});

	it('a public entry that now calls a guard should leave the allowlist', () => {
		expect(ROWS.filter((r) => PUBLIC[r.key] !== undefined && r.guarded).map((r) => r.key)).toEqual([]);
	});

	it('SEC-A1: every public route is also a public path of the outer fence (hooks/audience.ts)', () => {
		const paths = new Set(Object.keys(PUBLIC).map((k) => k.split(' ')[0]!.replace(/\/\([^)]+\)/g, '') || '/'));
		for (const p of paths) expect(PUBLIC_PATHS, p).toContain(p);
	});
});

describe('the checker itself (it must fail when a new route forgets)', () => {
	const IMPORT = `import { requireAccess, requireSelf } from '$lib/server/access/require';\n`;
	const guarded = (src: string) => Object.fromEntries(analyse(IMPORT + src).entries.map((e) => [e.name, e.guarded]));

	it('finds a guard in a load and in each action separately', () => {
		expect(
			guarded(`
			export const load = async ({ params }) => ({ x: await requireAccess('review.answer', { reviewId: params.id }) });
			export const actions = {
				send: async () => { await requireAccess('review.answer'); },
				forgot: async ({ request }) => { return { ok: true }; },
				async method() { requireSelf('full', '/sign-in'); }
			};`)
		).toEqual({ load: true, 'actions.send': true, 'actions.forgot': false, 'actions.method': true });
	});

	it('an action guarded through a helper of the same file counts; a helper without a guard does not', () => {
		expect(
			guarded(`
			async function end(event) { requireSelf('full', '/sign-out'); }
			function nothing() { return 1; }
			export const actions = { default: async (e) => end(e), other: async () => nothing() };`)
		).toEqual({ 'actions.default': true, 'actions.other': false });
	});

	it('an un-awaited requireAccess guards nothing', () => {
		expect(guarded(`export const load = async () => { requireAccess('caseload.view'); return { secret: 1 }; };`)).toEqual({ load: false });
	});

	it('a guard named in a comment or a string does not count', () => {
		expect(guarded(`export const load = async () => { /* await requireAccess() */ return { s: 'requireAccess(' }; };`)).toEqual({ load: false });
	});

	it('a look-alike requireAccess not imported from the access module does not count', () => {
		const src = `const requireAccess = async () => true;\nexport const load = async () => { await requireAccess('x'); return {}; };`;
		expect(analyse(src).entries).toEqual([{ name: 'load', guarded: false }]);
	});

	it('HTTP handlers are checked, as functions or consts', () => {
		expect(guarded(`export async function GET() { return new Response(); }\nexport const POST = async () => { await requireAccess('x'); };`)).toEqual({
			GET: false,
			POST: true
		});
	});

	it('re-exports and unknown exports are reported rather than skipped', () => {
		const { unknownExports } = analyse(`export { load } from './other';\nexport const helper = 1;\nexport const prerender = false;`);
		expect(unknownExports).toHaveLength(2);
	});
});
