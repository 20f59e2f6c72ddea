import type { Handle } from '@sveltejs/kit';

/**
 * SECURITY §4. Runs first: refuses cross-site writes (D5: Kit's origin check plus ours on every
 * non-GET, JSON too), refuses bodies that aren't plain form posts (415), then sets the header
 * table on everything that passes through `handle` (SEC-C4).
 */
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const PERMISSIONS_POLICY =
	'accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), browsing-topics=()';

export function sameOrigin(request: Request, url: URL): boolean {
	const site = request.headers.get('sec-fetch-site');
	if (site) return site === 'same-origin';
	return request.headers.get('origin') === url.origin;
}

function plain(status: number, text: string): Response {
	return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

export const handleHeaders: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	event.locals.requestId = crypto.randomUUID();
	let response: Response;
	if (!SAFE.has(request.method) && !sameOrigin(request, url)) {
		response = plain(403, 'Forbidden');
	} else if (!SAFE.has(request.method) && !(request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
		response = plain(415, 'Unsupported Media Type');
	} else {
		response = await resolve(event);
	}
	if (event.locals.clearSiteData) response.headers.set('clear-site-data', event.locals.clearSiteData);
	return withSecurityHeaders(response, url);
};

export function withSecurityHeaders(response: Response, url: URL): Response {
	const h = response.headers;
	// Responses Kit didn't give a CSP (redirects, +server, errors) get the strictest one.
	if (!h.has('content-security-policy')) {
		h.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
	}
	if (url.protocol === 'https:') h.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	h.set('x-content-type-options', 'nosniff');
	h.set('x-frame-options', 'DENY');
	// `same-origin`, not SECURITY §4's `no-referrer`: under `no-referrer` Chromium sends
	// `Origin: null` on a plain (no-JS) form post, and Kit's origin check, which must stay on
	// (SEC-C2), then refuses every form. `same-origin` still sends nothing to any other site.
	h.set('referrer-policy', 'same-origin');
	h.set('permissions-policy', PERMISSIONS_POLICY);
	h.set('cross-origin-opener-policy', 'same-origin');
	h.set('cross-origin-resource-policy', 'same-origin');
	// SEC-D3: nothing that passes through handle is stored by the browser or a proxy.
	h.set('cache-control', 'no-store');
	h.delete('x-powered-by');
	h.delete('server');
	for (const name of [...h.keys()]) if (name.startsWith('access-control-')) h.delete(name);
	return response;
}
