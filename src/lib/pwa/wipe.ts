/**
 * The smallest part of the offline queue (./queue), which every child's page loads for Exit this
 * page: the database's name, the "something may be waiting" flag, and wiping both (SEC-D4). The
 * rest of the queue loads only when it has work (issue 10).
 */
export const DB_NAME = 'queue';
export const WAITING_FLAG = 'queue-waiting';

/** Sign-out and Exit: the whole database goes (SEC-D4). Resolves even if it is blocked. */
export function wipe(): Promise<void> {
	try {
		localStorage.removeItem(WAITING_FLAG);
	} catch {
		// Storage refused: nothing to clear.
	}
	return new Promise((resolve) => {
		try {
			const req = indexedDB.deleteDatabase(DB_NAME);
			req.onsuccess = req.onerror = req.onblocked = () => resolve();
		} catch {
			resolve();
		}
	});
}
