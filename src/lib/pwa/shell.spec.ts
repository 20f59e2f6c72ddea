import { describe, expect, it } from 'vitest';
import { childShell, staffOnlyFiles, type ClientManifest } from './shell';

/** Issue 7, REL-3: the first visit precaches what respondents need, not staff pages' code. */
const N = '.svelte-kit/generated/client-optimized/nodes';
const manifest: ClientManifest = {
	[`${N}/0.js`]: { file: '_app/immutable/nodes/0.a.js', imports: ['_shared.js'], css: ['_app/immutable/assets/0.css'] },
	[`${N}/1.js`]: { file: '_app/immutable/nodes/1.b.js', imports: ['_shared.js', '_form.js'], dynamicImports: ['src/lib/pwa/queue.ts'] },
	[`${N}/2.js`]: { file: '_app/immutable/nodes/2.c.js', imports: ['_shared.js', '_chart.js', '_form.js'], css: ['_app/immutable/assets/2.css'] },
	[`${N}/3.js`]: { file: '_app/immutable/nodes/3.d.js', imports: ['_chart.js'] },
	'.svelte-kit/generated/client-optimized/app.js': { file: '_app/immutable/entry/app.e.js', isEntry: true, dynamicImports: [`${N}/0.js`, `${N}/1.js`, `${N}/2.js`, `${N}/3.js`] },
	'_shared.js': { file: '_app/immutable/chunks/shared.f.js' },
	'_form.js': { file: '_app/immutable/chunks/form.g.js' },
	'_chart.js': { file: '_app/immutable/chunks/chart.h.js' },
	'src/lib/pwa/queue.ts': { file: '_app/immutable/chunks/queue.i.js' }
};
const nodes = {
	[`/${N}/0.js`]: 'export { default as component } from "../../../../src/routes/+layout.svelte";',
	[`/${N}/1.js`]: 'export { default as component } from "../../../../src/routes/(young-person)/me/+page.svelte";',
	[`/${N}/2.js`]: 'export { default as component } from "../../../../src/routes/(iro)/iro/reports/+page.svelte";',
	[`/${N}/3.js`]: 'export { default as component } from "../../../../src/routes/(admin)/admin/+page.svelte";'
};

describe('the first-visit precache (issue 7, REL-3)', () => {
	it('leaves out staff pages and what only they import, keeps what a child page shares with them', () => {
		expect([...staffOnlyFiles(manifest, nodes)].sort()).toEqual(['_app/immutable/assets/2.css', '_app/immutable/chunks/chart.h.js', '_app/immutable/nodes/2.c.js', '_app/immutable/nodes/3.d.js']);
	});
	it('keeps lazily loaded code a child page needs offline (the queue)', () => {
		const build = Object.values(manifest).flatMap((c) => [c.file, ...(c.css ?? [])]).map((f) => `/${f}`);
		expect(childShell(build, manifest, nodes)).toEqual(expect.arrayContaining(['/_app/immutable/chunks/queue.i.js', '/_app/immutable/chunks/form.g.js', '/_app/immutable/entry/app.e.js', '/_app/immutable/assets/0.css']));
		expect(childShell(build, manifest, nodes)).not.toContain('/_app/immutable/nodes/2.c.js');
	});
	it('keeps the whole build when the manifest is not there (dev)', () => {
		expect(childShell(['/_app/x.js'], undefined, {})).toEqual(['/_app/x.js']);
	});
});
