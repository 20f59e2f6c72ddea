import { database, type Db } from '../db';
import { env } from '../env';
import { log } from '../log';
import { transportFromEnv, type MailTransport } from './mail';
import { eraseTransferredContent } from './content-erasure';
import { deliverDue } from './outbox';
import { sendFeedbackReminders } from './feedback-reminders';
import { sendReminders } from './reminders';
import { notifyOverdueRequests } from './request-overdue';
import { retentionPolicy, runRetention } from './retention';
import { loadSettings } from '../settings';
import { refresh as refreshReportSummary } from '../data/report-summary';

/** How often the outbox is looked at (*our default*); reminders at most hourly (daily granularity). */
export const TICK_MS = 15_000;
export const REMINDER_EVERY_MS = 60 * 60_000;
/** SECURITY §10: the retention job runs daily (the first pass after start, then every 24 h). */
export const RETENTION_EVERY_MS = 24 * 60 * 60_000;

export interface Jobs {
	/** One pass now (tests, and each interval). Overlapping calls share the pass in flight. */
	tick(): Promise<void>;
	/** Stops the interval and waits for the message in flight (REL-9), then closes the transport. */
	stop(): Promise<void>;
}

/**
 * The background loop for the outbox and reminders. The interval is unref'd, so it never keeps the
 * process alive; a failed pass is logged (no addresses, no content) and the next one tries again.
 */
export function createJobs(opts: { db: () => Db; transport: MailTransport; publicUrl: string | null; now?: () => number; intervalMs?: number }): Jobs & { start(): void } {
	const now = opts.now ?? Date.now;
	let running: Promise<void> | null = null;
	let lastReminders = -Infinity;
	let lastRetention = -Infinity;
	let timer: ReturnType<typeof setInterval> | undefined;

	const pass = async () => {
		const db = opts.db();
		const at = now();
		if (at - lastReminders >= REMINDER_EVERY_MS) {
			const queued = await sendReminders(db, at);
			const feedbackQueued = await sendFeedbackReminders(db, at);
			// Issue 6, DOMAIN §6.5: a request past its service level is brought to whoever has it, once per clock.
			const overdue = await notifyOverdueRequests(db, at);
			if (overdue > 0) log.info({ overdue }, 'overdue requests notified');
			lastReminders = at;
			if (queued > 0) log.info({ queued }, 'reminders queued');
			if (feedbackQueued > 0) log.info({ queued: feedbackQueued }, 'feedback reminders queued');
		}
		if (at - lastRetention >= RETENTION_EVERY_MS) {
			lastRetention = at;
			// Counts only (never ids or content), as in the `erased` audit rows the job writes.
			// A failure must not hold up the outbox; it is logged and tried again the next day.
			try {
				// Issue 8: the periods the service set (floors kept), read afresh each day.
				const erased = await runRetention(db, at, retentionPolicy((await loadSettings(db)).retention));
				if (Object.values(erased).some((n) => n > 0)) log.info({ erased }, 'retention: expired rows erased');
				// SECURITY §10, D20: answers' content of reviews saved to the case record, 90 days after the meeting.
				const content = await eraseTransferredContent(db, at);
				if (content.reviews > 0) log.info({ content }, 'retention: content of transferred reviews erased');
			} catch (err: unknown) {
				log.error({ err }, 'retention pass failed');
			}
		}
		const r = await deliverDue(db, opts.transport, now(), { publicUrl: opts.publicUrl });
		if (r.failed > 0) log.warn({ ...r }, 'outbox: messages marked failed');
		else if (r.sent + r.retrying > 0) log.info({ ...r }, 'outbox delivered');
		// Issue 8: the report summary recounts what changed since the last pass, so the report page
		// rarely has anything to recount itself (one indexed read when nothing changed).
		try {
			const recounted = await refreshReportSummary(db);
			if (recounted > 0) log.debug({ recounted }, 'report summary brought up to date');
		} catch (err: unknown) {
			log.error({ err }, 'report summary pass failed');
		}
	};

	const tick = () => {
		running ??= pass()
			.catch((err: unknown) => log.error({ err }, 'outbox worker pass failed'))
			.finally(() => {
				running = null;
			});
		return running;
	};

	return {
		tick,
		start() {
			timer ??= setInterval(() => void tick(), opts.intervalMs ?? TICK_MS);
			timer.unref();
			void tick();
		},
		async stop() {
			if (timer) clearInterval(timer);
			timer = undefined;
			await running;
			opts.transport.close();
		}
	};
}

/**
 * Started from `hooks.server.ts` init, unless OUTBOX_WORKER=off. Returns the stop function for
 * `sveltekit:shutdown` (REL-9: the outbox finishes its message, then the database closes).
 */
export function startJobs(): () => Promise<void> {
	const { mail } = env();
	if (!mail.worker) {
		log.info('outbox worker off (OUTBOX_WORKER=off)');
		return async () => {};
	}
	const transport = transportFromEnv(mail);
	if (transport.kind === 'capture') log.warn({ path: mail.capturePath }, 'SMTP_URL is not set: messages go to the local capture file (demo only)');
	const jobs = createJobs({ db: database, transport, publicUrl: mail.publicUrl });
	jobs.start();
	return () => jobs.stop();
}
