import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: { runes: true },
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
		serviceWorker: { register: false }
	}
};

export default config;
