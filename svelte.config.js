import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	// discloseVersion: no Svelte version beacon in every page's JavaScript (issue 10's weight budget).
	compilerOptions: { runes: true, discloseVersion: false },
	kit: {
		adapter: adapter({ precompress: true }),
		// SEC-C2: Kit's origin check stays on, with no trusted origins.
		csrf: { trustedOrigins: [] },
		// SEC-C3 / D7 / D8: nonce CSP, no unsafe-inline, no third-party origins.
		csp: {
			mode: 'nonce',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// SvelteKit's own route announcer (.svelte-kit/generated/root.svelte) carries one fixed
				// inline style attribute (visually hidden). Without this the browser blocks it on every
				// page with JavaScript (a CSP violation, and the announcer shows on screen after a client
				// navigation). Only that exact attribute value is allowed; no 'unsafe-inline'. The CSP
				// sweep (tests/e2e/headers.e2e.ts) fails if Kit ever changes it.
				'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				'img-src': ['self', 'data:'],
				'font-src': ['none'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'frame-src': ['none'],
				'frame-ancestors': ['none'],
				'form-action': ['self'],
				'object-src': ['none'],
				'base-uri': ['none']
			}
		},
		// Vite inlines small CSS into a <style> tag by default; D8 keeps style-src to 'self'.
		inlineStyleThreshold: 0,
		serviceWorker: { register: false },
		// Issue 10 (≤45 KB of JavaScript on a child's page): the server resolves a path to its route
		// on a client navigation, so the browser no longer downloads the whole route table (every
		// staff route with its node list, ~2.3 KB gzipped, and the router's matching code) before a
		// child's first question; the list of staff routes is no longer sent to every visitor either.
		// Cost: one small request (`…/__route.js`) the first time each path is visited in a tab.
		router: { resolution: 'server' }
	}
};

export default config;
