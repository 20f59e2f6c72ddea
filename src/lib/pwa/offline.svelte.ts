import { createContext } from 'svelte';
import { applyAction, deserialize } from '$app/forms';
import type { QueuedPage } from './queue';
import { mayBeWaiting, wipe } from './wipe';

/**
 * The IndexedDB code loads only when it has something to do (issue 10: a child's page loads ≤45 KB
 * of JavaScript): on a failed Continue, on Sign out or Exit, or to replay while the queue's
 * database exists (./queue deletes it when empty; nothing is kept in localStorage, SECURITY §6).
 */
const queue = () => import('./queue');

/**
 * What the person is told about an unsent answer (SECURITY §6): "Not sent yet…" while one is kept,
 * then "Sent". Never the answer itself. Shared through context from the root layout.
 */
export type OfflineStatus = 'idle' | 'queued' | 'sent';

/** How often to try again while something is waiting, besides the `online` event (which can miss captive or flaky networks). */
const RETRY_MS = 20_000;

export class OfflineQueue {
	status: OfflineStatus = $state('idle');
	#person: () => string | null;
	#busy = false;
	/**
	 * Writing an entry and reading what is pending (which deletes the database once it is empty) take
	 * turns, so an emptied database is never deleted under an entry just kept.
	 */
	#turn: Promise<unknown> = Promise.resolve();
	#timer: ReturnType<typeof setInterval> | undefined;

	constructor(person: () => string | null) {
		this.#person = person;
	}

	#inTurn<T>(run: () => Promise<T>): Promise<T> {
		const next = this.#turn.then(run, run);
		this.#turn = next.catch(() => undefined);
		return next;
	}

	/** A Continue failed for a network reason: keep the page's fields and its idempotency key. */
	async keep(action: string, form: FormData): Promise<boolean> {
		const person = this.#person();
		const key = form.get('idempotency_key');
		// Offline before the service worker had cached this chunk: the page then shows the error as before.
		const q = await queue().catch(() => null);
		if (!q || !person || typeof key !== 'string' || !q.scopeOf(action)) return false;
		const fields = [...form.entries()].filter((e): e is [string, string] => typeof e[1] === 'string');
		await this.#inTurn(() => q.keep({ action, fields, idempotencyKey: key, person }));
		this.status = 'queued';
		this.#schedule();
		return true;
	}

	/** Sends what is waiting, oldest first; stops at the first network failure. */
	async replay(): Promise<void> {
		const person = this.#person();
		if (!person || this.#busy) return;
		this.#busy = true;
		try {
			if (!(await mayBeWaiting())) return;
			const q = await queue();
			const pending = (await this.#inTurn(() => q.pendingFor(person))).sort((a, b) => a.createdAt - b.createdAt);
			if (pending.length === 0) {
				if (this.status === 'queued') this.status = 'idle';
				return;
			}
			this.status = 'queued';
			for (const entry of pending) {
				if (!(await this.#send(entry))) return this.#schedule();
			}
			// All sent: this look finds the queue empty and deletes its database (or finds a page kept meanwhile).
			if ((await this.#inTurn(() => q.pendingFor(person))).length) return this.#schedule();
			this.status = 'sent';
			this.#stop();
		} catch {
			this.#schedule();
		} finally {
			this.#busy = false;
		}
	}

	/** true when the entry is settled (sent or refused for good), false to try again later. */
	async #send(entry: QueuedPage): Promise<boolean> {
		let response: Response;
		try {
			response = await fetch(entry.action, {
				method: 'POST',
				body: new URLSearchParams(entry.fields),
				headers: { 'x-sveltekit-action': 'true', accept: 'application/json' },
				redirect: 'manual',
				cache: 'no-store'
			});
		} catch {
			return false;
		}
		// Signed out meanwhile (the fence answers with a plain redirect): keep it for the same person's next sign-in.
		if (response.type === 'opaqueredirect' || !(response.headers.get('content-type') ?? '').includes('json')) return false;
		const result = deserialize(await response.text());
		if (result.type === 'redirect' && result.location.startsWith('/sign-in')) return false;
		if (result.type === 'failure' && result.status >= 500) return false;
		await (await queue()).remove(entry.action);
		// Still on that page: show what happened there, as a normal Continue would (next page, or the errors with the values kept).
		if (location.pathname + location.search === entry.action) await applyAction(result);
		return true;
	}

	#schedule(): void {
		if (!this.#timer) this.#timer = setInterval(() => void this.replay(), RETRY_MS);
	}

	#stop(): void {
		clearInterval(this.#timer);
		this.#timer = undefined;
	}

	/** This page was just sent online: drop any older copy of it still waiting. */
	async forget(action: string): Promise<void> {
		if (!(await mayBeWaiting())) return;
		try {
			await (await queue()).remove(action);
		} catch {
			// No IndexedDB (private mode, blocked storage): nothing was kept, nothing to drop.
		}
	}

	/** Sign-out and Exit (SEC-D4). */
	async wipe(): Promise<void> {
		this.#stop();
		this.status = 'idle';
		await wipe();
	}
}

export const [getOfflineQueue, setOfflineQueue] = createContext<OfflineQueue>();
