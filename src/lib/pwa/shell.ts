/**
 * What the service worker precaches on a first visit (issue 7, REL-3): the app shell a child,
 * parent or carer needs, not every file the build made. Staff pages (IRO, admin, advocate) and the
 * code only they import (charts, question bank, pack) stay out: a child's phone on patchy data
 * should not download them, and staff use the app online. Everything still comes from the build
 * (`$service-worker`'s `build`), so nothing personal is ever cached (SECURITY §6).
 *
 * The split is worked out when the worker is built, from Vite's client manifest (which chunk
 * imports which) and Kit's generated route nodes (which node is which page): a staff node is one
 * whose page lives in the (admin), (iro) or (advocate) route group; a file is left out only when
 * nothing but staff nodes lead to it. Without the manifest (dev) the whole build is kept, as before.
 */
export interface ManifestChunk {
	file: string;
	css?: string[];
	assets?: string[];
	imports?: string[];
	dynamicImports?: string[];
	isEntry?: boolean;
}
export type ClientManifest = Record<string, ManifestChunk>;

/** Route groups whose pages only staff open. */
export const STAFF_ROUTE = /\/src\/routes\/\((?:admin|iro|advocate)\)\//;

/**
 * The build files only staff pages need. `nodes` maps each generated node file
 * (`…/client-optimized/nodes/12.js`, as a path ending like the manifest's key) to its source, which
 * imports the page's components.
 */
export function staffOnlyFiles(manifest: ClientManifest, nodes: Record<string, string>): Set<string> {
	const staffNodes = new Set<string>();
	for (const [path, source] of Object.entries(nodes)) {
		if (!STAFF_ROUTE.test(source)) continue;
		const key = Object.keys(manifest).find((k) => path.endsWith(k));
		if (key) staffNodes.add(key);
	}
	const reached = new Set<string>();
	const visit = (key: string): void => {
		const chunk = manifest[key];
		if (!chunk || reached.has(key) || staffNodes.has(key)) return;
		reached.add(key);
		for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
	};
	// Every entry (Kit's start and app) and every page that isn't staff's, and all they import, now or lazily.
	for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry || (/\/nodes\/\d+\.js$/.test(key) && !staffNodes.has(key))) visit(key);
	const files = (keys: Iterable<string>) => new Set([...keys].flatMap((k) => [manifest[k]!.file, ...(manifest[k]!.css ?? []), ...(manifest[k]!.assets ?? [])]));
	const needed = files(reached);
	return new Set([...files(Object.keys(manifest))].filter((f) => !needed.has(f)));
}

/** `build` (paths from the site's root, `/_app/…`) less the files only staff need. */
export function childShell(build: readonly string[], manifest: ClientManifest | undefined, nodes: Record<string, string>): string[] {
	if (!manifest || Object.keys(nodes).length === 0) return [...build];
	const staff = staffOnlyFiles(manifest, nodes);
	return build.filter((path) => !staff.has(path.replace(/^.*?\/(?=_app\/)/, '')));
}
