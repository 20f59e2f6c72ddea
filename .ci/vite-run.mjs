#!/usr/bin/env node
// Usage: node .ci/vite-run.mjs <module.ts> [args…]
// Loads a TypeScript module through Vite's SSR module loader with the project's vite.config.ts,
// so `$lib/…`, `$env/…` and `import.meta.glob` work (STYLE §6: scripts that need app modules run
// through Vite). Awaits `mod.default(...args)`, closes the server, and exits 0 — or non-zero with
// the error printed.
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const [target, ...args] = process.argv.slice(2);

if (!target) {
	console.error('usage: node .ci/vite-run.mjs <module.ts> [args…]');
	process.exit(2);
}

const file = resolve(process.cwd(), target);
if (!existsSync(file)) {
	console.error(`vite-run: no such module: ${target}`);
	process.exit(2);
}

// Inside the project: a root-relative id; outside it: Vite's /@fs/ prefix.
const rel = relative(root, file);
const id = !rel.startsWith('..') && !isAbsolute(rel) ? '/' + rel.split(sep).join('/') : '/@fs' + file;

process.chdir(root);
const { createServer } = await import('vite');

let server;
let code = 0;
try {
	server = await createServer({
		root,
		configFile: resolve(root, 'vite.config.ts'),
		server: { middlewareMode: true, hmr: false, watch: null },
		appType: 'custom',
		logLevel: 'error'
	});
	const mod = await server.ssrLoadModule(id);
	if (typeof mod.default !== 'function') {
		throw new Error(`${target} has no default export function`);
	}
	await mod.default(...args);
} catch (error) {
	code = 1;
	if (server && error instanceof Error) server.ssrFixStacktrace(error);
	console.error(`vite-run: ${target} failed:`);
	console.error(error);
} finally {
	try {
		await server?.close();
	} catch (error) {
		console.error('vite-run: closing the Vite server failed:', error);
		code ||= 1;
	}
}
// Exit explicitly: a module that leaves a handle open (a pool, a timer) must not hang the caller.
process.exit(code);
