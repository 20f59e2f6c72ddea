/**
 * The smallest part of the offline queue (./queue), which every child's page loads for Exit this
 * page: the database's name, whether anything may be waiting, and wiping it (SEC-D4). The rest of
 * the queue loads only when it has work (issue 10).
 *
 * Nothing goes in localStorage or sessionStorage (SECURITY §6: they may hold nothing). "Something
 * may be waiting" is the queue database existing at all: ./queue deletes it once it is empty, so
 * a page asks the browser for its databases' names (no content, no module to load) instead of
 * keeping a flag of its own.
 */
export const DB_NAME = 'queue';

/**
 * True when the queue database exists, so it may hold an unsent answer. Where the browser can't
 * list databases (Firefox before 126) or storage is refused, true: the queue then looks for itself.
 */
export async function mayBeWaiting(): Promise<boolean> {
	try {
		if (typeof indexedDB.databases !== 'function') return true;
		return (await indexedDB.databases()).some((d) => d.name === DB_NAME);
	} catch {
		return true;
	}
}

/** Sign-out and Exit: the whole database goes (SEC-D4). Resolves even if it is blocked. */
export function wipe(): Promise<void> {
	return new Promise((resolve) => {
		try {
			const req = indexedDB.deleteDatabase(DB_NAME);
			req.onsuccess = req.onerror = req.onblocked = () => resolve();
		} catch {
			resolve();
		}
	});
}
