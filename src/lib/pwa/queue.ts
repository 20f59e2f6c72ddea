/**
 * The offline queue (REL-2, SECURITY §6, D2), in the browser only. When a Continue fails because
 * the connection dropped, that page's fields are kept here and sent again, with the SAME
 * idempotency key, when the connection returns, on the next page load, or after the same person
 * signs in again. The server answers a repeated key with the first outcome, so a retry never
 * saves or alerts twice (REL-4).
 *
 * What it may hold (SECURITY §6): at most one entry per page, keyed by the page's action path:
 * the unsent fields, the action path, the idempotency key, an opaque tag for the person and the
 * time it was written. Never question text, names, or other pages. It is not encrypted: a key in
 * the same browser protects nothing from whoever holds the unlocked phone (our ASVS 14.3.3
 * exception), which is why it is kept small and short-lived.
 */
import { DB_NAME, wipe } from './wipe';

export { DB_NAME };
const STORE = 'pages';

/**
 * 4 hours: the young person's absolute session limit (D1, D2). An answer is never kept on the
 * phone longer than the sign-in it was typed in could have lasted; after that the server's copy
 * up to the last Continue is what counts, and a forgotten answer on a shared phone is gone.
 */
export const MAX_AGE_MS = 4 * 60 * 60 * 1000;

export interface QueuedPage {
	/** The form's action path, e.g. /me/review/<id>/<page>: also the entry's key. */
	action: string;
	/** The consultation it belongs to: the review in the path (one consultation per person per review). */
	scope: string;
	fields: [string, string][];
	idempotencyKey: string;
	/** An opaque tag for the person (a hash of their id), so another person's sign-in wipes it. */
	person: string;
	createdAt: number;
}

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB_NAME, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'action' });
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

async function tx<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
	const db = await open();
	try {
		return await new Promise<T | undefined>((resolve, reject) => {
			const t = db.transaction(STORE, mode);
			const req = run(t.objectStore(STORE));
			t.oncomplete = () => resolve(req ? req.result : undefined);
			t.onerror = () => reject(t.error);
			t.onabort = () => reject(t.error);
		});
	} finally {
		db.close();
	}
}

/** The review id in a respondent's action path: the consultation's scope. */
export function scopeOf(action: string): string {
	return /^\/(?:me|parent|carer)\/review\/([^/]+)\//.exec(action)?.[1] ?? '';
}

/** Writes (or replaces) this page's entry; other consultations' entries go (one at a time). */
export async function keep(entry: Omit<QueuedPage, 'scope' | 'createdAt'>, now = Date.now()): Promise<void> {
	const scope = scopeOf(entry.action);
	const others = (await all()).filter((e) => e.scope !== scope || e.person !== entry.person);
	await tx('readwrite', (s) => {
		for (const o of others) s.delete(o.action);
		s.put({ ...entry, scope, createdAt: now } satisfies QueuedPage);
	});
}

export async function all(): Promise<QueuedPage[]> {
	return ((await tx<QueuedPage[]>('readonly', (s) => s.getAll() as IDBRequest<QueuedPage[]>)) ?? []) as QueuedPage[];
}

export async function remove(action: string): Promise<void> {
	await tx('readwrite', (s) => void s.delete(action));
}

/**
 * Entries this person may still send: drops expired ones and, if someone else is signed in now,
 * everyone else's (SECURITY §6: "when another user signs in"). When none are left the database
 * itself goes, so its absence tells every page there is nothing waiting (./wipe `mayBeWaiting`;
 * SECURITY §6 keeps localStorage empty). The caller (OfflineQueue) never runs this alongside `keep`.
 */
export async function pendingFor(person: string, now = Date.now()): Promise<QueuedPage[]> {
	const entries = await all();
	const stale = entries.filter((e) => e.person !== person || !(now - e.createdAt < MAX_AGE_MS) || e.createdAt > now + 60_000);
	if (stale.length) await tx('readwrite', (s) => void stale.forEach((e) => s.delete(e.action)));
	const pending = entries.filter((e) => !stale.includes(e));
	if (!pending.length) await wipe();
	return pending;
}

/** Sign-out and Exit: the whole database goes (SEC-D4). */
export { wipe } from './wipe';
