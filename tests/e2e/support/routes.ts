/**
 * The route tree as the security sweeps see it (fuzz, headers/CSP, third-party scan): every page,
 * form action and `+server` handler under src/routes, enumerated from the file tree the same way
 * the access matrix does, and for each one the persona and target the matrix says may use it.
 * A route with no matrix entry fails the access matrix; here it is simply skipped.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import ts from 'typescript';
import { MATRIX, type Target, type Who } from '../../fixtures/access-matrix';
import { PERSONAS, RESPONDENT_PASSPHRASE, STAFF_PASSWORD, type PersonaName, type SeededIds } from '../../fixtures/personas';
import { ROOT } from './private-server';

export interface Cell {
	key: string;
	method: 'GET' | 'POST';
	pattern: string;
	/** `?/name` or ''. */
	search: string;
	action: string | null;
	params: string[];
	/** A `+server` handler rather than a page or action. */
	endpoint: boolean;
}

const ROUTES = join(ROOT, 'src/routes');

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		return statSync(p).isDirectory() ? walk(p) : [p];
	});
}

function parse(file: string): ts.SourceFile {
	return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function exported(node: ts.Node): boolean {
	return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function actionsOf(file: string): string[] {
	const names: string[] = [];
	for (const stmt of parse(file).statements) {
		if (!ts.isVariableStatement(stmt) || !exported(stmt)) continue;
		for (const d of stmt.declarationList.declarations) {
			if (!ts.isIdentifier(d.name) || d.name.text !== 'actions' || !d.initializer) continue;
			let init: ts.Expression = d.initializer;
			while (ts.isSatisfiesExpression(init) || ts.isAsExpression(init) || ts.isParenthesizedExpression(init)) init = init.expression;
			if (!ts.isObjectLiteralExpression(init)) throw new Error(`${file}: actions must be an object literal`);
			for (const p of init.properties) if (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) names.push(p.name.text);
		}
	}
	return names;
}

function handlersOf(file: string): string[] {
	const names: string[] = [];
	for (const stmt of parse(file).statements) {
		if (!exported(stmt)) continue;
		if (ts.isFunctionDeclaration(stmt) && stmt.name) names.push(stmt.name.text);
		if (ts.isVariableStatement(stmt)) for (const d of stmt.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
	}
	return names.filter((n) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(n));
}

export function enumerateRoutes(): Cell[] {
	const dirs = new Map<string, string[]>();
	for (const f of walk(ROUTES)) {
		const base = f.slice(f.lastIndexOf(sep) + 1);
		if (!['+page.server.ts', '+server.ts', '+page.svelte'].includes(base)) continue;
		dirs.set(dirname(f), [...(dirs.get(dirname(f)) ?? []), base]);
	}
	const cells: Cell[] = [];
	for (const [dir, files] of [...dirs].sort(([a], [b]) => a.localeCompare(b))) {
		const params: string[] = [];
		const pattern =
			'/' +
			relative(ROUTES, dir)
				.split(sep)
				.filter((s) => s !== '' && !/^\(.+\)$/.test(s))
				.map((s) => {
					const m = /^\[([A-Za-z]+)(?:=[A-Za-z]+)?\]$/.exec(s);
					if (!m) return s;
					params.push(m[1]!);
					return `[${m[1]}]`;
				})
				.join('/');
		const add = (method: string, action: string | null, endpoint: boolean) => {
			const search = action && action !== 'default' ? `?/${action}` : '';
			cells.push({ key: `${method} ${pattern}${search}`, method: method as Cell['method'], pattern, search, action, params, endpoint });
		};
		if (files.includes('+server.ts')) for (const h of handlersOf(join(dir, '+server.ts'))) add(h, null, true);
		if (files.includes('+page.server.ts') || files.includes('+page.svelte')) {
			add('GET', null, false);
			if (files.includes('+page.server.ts')) for (const a of actionsOf(join(dir, '+page.server.ts'))) add('POST', a, false);
		}
	}
	return cells;
}

/** Who the matrix lets use a cell, and on which target: child C's resources first, else A's. */
export function userFor(cell: Cell): { who: Who; target: Target | null } | null {
	const rule = MATRIX[cell.key];
	if (!rule) return null;
	if (Array.isArray(rule.allowed)) {
		const list = rule.allowed as readonly Who[];
		const signedIn = list.find((w) => w !== 'anonymous');
		return { who: signedIn ?? (list.includes('anonymous') ? 'anonymous' : list[0]!), target: null };
	}
	const per = rule.allowed as Record<Target, readonly Who[]>;
	if (per.C.length) return { who: per.C[0]!, target: 'C' };
	if (per.A.length) return { who: per.A[0]!, target: 'A' };
	return null;
}

/** The concrete URL of a cell for a target (`pageId` given by the caller). */
export function urlFor(cell: Cell, ids: SeededIds, target: Target | null, pageId = ids.pageId): string {
	const t = target === 'C' ? ids.childC : ids.childA;
	return (
		cell.pattern.replace(/\[([A-Za-z]+)\]/g, (_, name: string) => {
			if (name === 'pageId') return pageId;
			if (name === 'reviewId') return t.reviewId;
			if (name === 'childId') return t.childId;
			// An id the seed doesn't name (a request, a referral…): a well-formed id of no record,
			// so the sweep still reaches the route and its 404.
			return 'zzzzzzzzzzzzzzzzzzzzzzzz';
		}) + cell.search
	);
}

export function readSeededIds(): SeededIds {
	return JSON.parse(readFileSync(join(dirname(process.env.E2E_DATABASE_PATH!), 'personas.json'), 'utf8')) as SeededIds;
}

/** Signs a persona in through the real form (as the access matrix does). */
export async function signIn(api: APIRequestContext, name: PersonaName, origin: string): Promise<void> {
	const p = PERSONAS[name];
	const staff = p.role === 'admin' || p.role === 'iro' || p.role === 'advocate';
	const res = await api.post(staff ? '/sign-in/staff' : '/sign-in', {
		// A browser's Accept: Kit answers a form POST that accepts JSON with JSON, not a redirect.
		headers: { origin, accept: 'text/html,application/xhtml+xml' },
		form: staff ? { email: p.login, password: STAFF_PASSWORD } : { username: p.login, passphrase: RESPONDENT_PASSPHRASE },
		maxRedirects: 0
	});
	if (res.status() !== 303) throw new Error(`${name} could not sign in: ${res.status()}`);
}

/** Terminal requests end the session they run in: sweeps send them signed out. */
export const ENDS_SESSION = new Set(['POST /sign-out?/now', 'POST /sign-out?/everywhere', 'GET /exit']);
