import { env } from '$lib/server/env';
import type { RequestHandler } from './$types';

/**
 * The web app manifest (issue 7, PRIV-H2): served here rather than from `static/` so each service
 * can set the installed app's name (APP_NAME, APP_SHORT_NAME; default "My Review"), checked against
 * the care-word list when the server starts (src/lib/domain/app-name.ts). The rest is fixed: an
 * abstract icon with no crest or care words, `start_url` `/`. Public and the same for everyone,
 * nothing personal; `no-store` like every response (the headers hook), which browsers accept.
 */
export const GET: RequestHandler = () => {
	const { name, shortName } = env().appName;
	const manifest = {
		id: '/',
		name,
		short_name: shortName,
		lang: 'en-GB',
		dir: 'auto',
		start_url: '/',
		scope: '/',
		display: 'standalone',
		orientation: 'any',
		background_color: '#ffffff',
		theme_color: '#1d4f5c',
		icons: [
			{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
			{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
			{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
			{ src: '/icons/maskable.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'maskable' },
			{ src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
			{ src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
		]
	};
	return new Response(JSON.stringify(manifest), {
		headers: { 'content-type': 'application/manifest+json; charset=utf-8' }
	});
};
