import { dev } from '$app/environment';

/**
 * Registers Kit's service worker (`svelte.config.js` has `register: false` so this one place
 * decides). It precaches the app shell only (src/service-worker.ts); `updateViaCache: 'none'`
 * makes each visit check for a new version rather than trusting the HTTP cache.
 */
export function registerServiceWorker(): void {
	if (!('serviceWorker' in navigator)) return;
	const register = () =>
		navigator.serviceWorker.register('/service-worker.js', { type: dev ? 'module' : 'classic', updateViaCache: 'none' }).catch(() => {
			// No worker (private mode, blocked storage): the app still works online; nothing to tell the person.
		});
	// Issue 10: installing precaches the whole shell; on a first visit over a slow connection that
	// must not compete with the page itself, so it waits until the page has loaded.
	if (document.readyState === 'complete') void register();
	else addEventListener('load', () => void register(), { once: true });
}
