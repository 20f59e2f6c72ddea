/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The app's service worker (REL-3, SECURITY §6, STYLE §4.11): Kit's built-in one, nothing else.
 *
 * - Precaches ONLY the app shell: Vite's build output (`build`) and `static/` (`files`), in a cache
 *   named after `version`, served cache-first. None of these hold anything personal. Of `build`,
 *   only what respondents' pages use: code only staff pages need is left to the network (issue 7:
 *   a first visit on a child's phone fetched ~450 KB; see $lib/pwa/shell).
 * - Navigations always go to the network. Offline, they get a neutral page drawn here; there is
 *   no `cache.put` anywhere, so pages, `__data.json` and every signed-in response (all `no-store`,
 *   SEC-D3) never land in Cache Storage.
 * - Anything else (form posts, `__data.json`, exports) is left to the browser untouched.
 * - Old caches go on activate. Sign-out and Exit wipe it all via Clear-Site-Data (D12).
 */
import { build, files, version } from '$service-worker';
import { offlinePage } from '$lib/pwa/offline-page';
import { childShell, type ClientManifest } from '$lib/pwa/shell';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `shell-${version}`;
// Read when the worker is built (Kit builds it after the client): which chunk imports which, and which node is which page.
// Both are absent in dev, where the whole build is kept.
const [manifest] = Object.values(import.meta.glob<ClientManifest>('/.svelte-kit/output/client/.vite/manifest.json', { eager: true, import: 'default', exhaustive: true }));
const nodes = import.meta.glob<string>('/.svelte-kit/generated/client-optimized/nodes/*.js', { eager: true, query: '?raw', import: 'default', exhaustive: true });
const SHELL = [...childShell(build, manifest, nodes), ...files];
const SHELL_SET = new Set(SHELL);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(SHELL))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
			.then(() => sw.clients.claim())
	);
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (SHELL_SET.has(url.pathname)) {
		event.respondWith(caches.match(url.pathname).then((hit) => hit ?? fetch(request)));
		return;
	}
	if (request.mode === 'navigate') {
		// Network only; offline, a neutral page in the languages we ship (nothing cached from the app).
		event.respondWith(
			fetch(request).catch(
				() => new Response(offlinePage(navigator.languages), {
						status: 503,
						headers: {
							'content-type': 'text/html; charset=utf-8',
							'cache-control': 'no-store',
							'content-security-policy': "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
						}
					})
			)
		);
	}
});
