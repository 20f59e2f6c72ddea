import type { RequestEvent } from '@sveltejs/kit';

/** The client address for rate limits: adapter-node's ADDRESS_HEADER/XFF_DEPTH decide (SEC-R2). */
export function clientAddress(event: RequestEvent): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

/** One string field from a form post; missing or repeated values read as ''. */
export function field(form: FormData, name: string): string {
	const all = form.getAll(name);
	return all.length === 1 && typeof all[0] === 'string' ? all[0] : '';
}
