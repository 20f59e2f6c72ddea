import type { HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { closeDatabase, database, startDatabase } from '$lib/server/db';
import { syncBankForms } from '$lib/server/forms/bank';
import { handleAudience } from '$lib/server/hooks/audience';
import { makeHandleError } from '$lib/server/hooks/errors';
import { handleHeaders } from '$lib/server/hooks/headers';
import { handleLocale } from '$lib/server/hooks/locale';
import { handleSession } from '$lib/server/hooks/session';
import { installMissingKeyFallback } from '$lib/server/i18n-strings';
import { loadAllKinds } from '$lib/components/form/kinds';
import { startJobs } from '$lib/server/jobs/worker';
import { log } from '$lib/server/log';

/** One process, one writer (D4): migrations run once at start (REL-8). */
export const init: ServerInit = async () => {
	await startDatabase();
	// Issue 8: the question bank's published versions join the form registry (and i18n) before any page.
	await syncBankForms(database());
	// Issue 10: question fields load per kind in the browser; the server has them all from the start.
	await loadAllKinds();
	// Issue 5: the outbox and reminders worker (off with OUTBOX_WORKER=off). REL-9: on shutdown it
	// finishes the message in flight, then the database closes.
	const stopJobs = startJobs();
	process.once('sveltekit:shutdown', () => void stopJobs().finally(() => closeDatabase()));
};

// Issue 10: a key a page wasn't sent still renders on the server, and is logged.
installMissingKeyFallback();

export const handle = sequence(handleHeaders, handleSession, handleLocale, handleAudience);

/** SEC-L6, SEC-L4: only real 5xx are logged as errors, without anything the request carried (hooks/errors.ts). */
export const handleError: HandleServerError = makeHandleError(log);
