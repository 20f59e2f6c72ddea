import type { SubmitFunction } from '@sveltejs/kit';

/** A11Y-8: with JS on, a double tap makes one submission (the server's idempotency key is the real guard). */
export function once(): SubmitFunction {
	let sending = false;
	return ({ cancel }) => {
		if (sending) return cancel();
		sending = true;
		return async ({ update }) => {
			await update();
			sending = false;
		};
	};
}
