import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIENCES, PUBLIC_PATHS } from '../../src/lib/server/hooks/audience';

/**
 * The outer fence lets a wrong role through as "nobody" so the page's own guard answers 404
 * (hooks/audience.ts). That is only safe if every page under a protected prefix has a server
 * load that calls the guard (route-guards.spec.ts checks the call), and if every other page is
 * on the public list: a page outside both would be open to anyone (SEC-Z1, deny by default).
 */
const ROUTES = join(process.cwd(), 'src/routes');

function pages(dir: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) out.push(...pages(p));
		else if (name === '+page.svelte') out.push(dir);
	}
	return out;
}

function urlOf(dir: string): string {
	const path = '/' + relative(ROUTES, dir).split('/').filter((s) => s && !/^\(.*\)$/.test(s)).join('/');
	return path === '/' ? '/' : path.replace(/\/$/, '');
}

describe('SEC-Z1: every page is either public or guarded by its own server load', () => {
	const all = pages(ROUTES);
	it('finds the pages', () => {
		expect(all.length).toBeGreaterThan(15);
	});
	for (const dir of all) {
		const url = urlOf(dir);
		it(`${url} is public or has a +page.server.ts`, () => {
			const isPublic = PUBLIC_PATHS.includes(url);
			const prefixed = AUDIENCES.some((a) => url === a.prefix || url.startsWith(a.prefix + '/'));
			expect(isPublic || prefixed, `${url} is neither public nor under an audience prefix`).toBe(true);
			if (!isPublic) expect(readdirSync(dir)).toContain('+page.server.ts');
		});
	}
});
