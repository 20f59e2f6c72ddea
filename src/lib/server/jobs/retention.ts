import { DEFAULT_RETENTION_DAYS, RETENTION_LIMITS, type RetentionDays } from '$lib/domain/service-settings';
import type { Db } from '../db';
import { record } from '../data/audit';

const DAY = 86_400_000;

/**
 * SECURITY §10 retention, *our defaults* (days), for the operational record kinds. Each is
 * configurable: pass a policy to `runRetention`. Sessions are not in §10's table; 30 days after
 * last use is our default (every session has expired well before that).
 */
export interface RetentionPolicy {
	/** Sessions, counted from the last time they were used. */
	sessionDays: number;
	/** Activation codes, counted from when they expired. */
	activationCodeDays: number;
	idempotencyKeyDays: number;
	/** Rate-limit counters, counted from the start of their window (24 h). */
	rateLimitDays: number;
	/** Outbox rows that were sent, counted from sending. Unsent and failed rows are kept for the admin. */
	sentOutboxDays: number;
	/** The audit log (2 years). Never below AUDIT_FLOOR_DAYS, which the database also enforces. */
	auditDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { ...DEFAULT_RETENTION_DAYS, rateLimitDays: 1 };

/** SEC-L5: the database refuses to delete audit rows younger than this (by its own clock). */
export const AUDIT_FLOOR_DAYS = RETENTION_LIMITS.auditDays.min;

/**
 * The policy from the service's settings (issue 8): each period held to its floor here too, so a
 * stored value below it (or a bad caller) can never erase sooner than the floor.
 */
export function retentionPolicy(days: RetentionDays): RetentionPolicy {
	const at = (k: keyof RetentionDays) => Math.max(RETENTION_LIMITS[k].min, Number.isSafeInteger(days[k]) ? days[k] : DEFAULT_RETENTION_DAYS[k]);
	return { sessionDays: at('sessionDays'), activationCodeDays: at('activationCodeDays'), idempotencyKeyDays: at('idempotencyKeyDays'), rateLimitDays: 1, sentOutboxDays: at('sentOutboxDays'), auditDays: at('auditDays') };
}

export type RetentionKind = 'session' | 'activation_code' | 'idempotency_key' | 'rate_limit' | 'outbox' | 'audit_event';

export type RetentionCounts = Record<RetentionKind, number>;

/**
 * Erases expired rows, one transaction per record kind. When a kind loses rows, the same
 * transaction writes one `erased` audit row: `resource_type` names the kind and `resource_id` holds
 * the count. Nothing else (no ids, no content) is recorded.
 *
 * Audit rows go only when older than both the policy and the 365-day floor measured by the real
 * clock (`wallClock`, a day's margin for clock skew with the database), so a fake or skewed `now`
 * can never ask the database for a delete its trigger would refuse.
 *
 * Not yet here: content of consultations, requests, alerts, feedback and closed children's records
 * (§10: only once the IRO has marked the pack transferred, which does not exist yet).
 */
export async function runRetention(db: Db, now: number, policy: RetentionPolicy = DEFAULT_RETENTION, wallClock: () => number = Date.now): Promise<RetentionCounts> {
	const before = (days: number) => now - days * DAY;
	const counts: RetentionCounts = { session: 0, activation_code: 0, idempotency_key: 0, rate_limit: 0, outbox: 0, audit_event: 0 };

	const erase = async (kind: RetentionKind, del: (trx: Db) => Promise<{ numDeletedRows: bigint }[]>) => {
		counts[kind] = await db.transaction().execute(async (trx) => {
			const n = Number((await del(trx)).reduce((s, r) => s + r.numDeletedRows, 0n));
			if (n > 0) {
				await record(trx, { at: now, actorId: null, actorRole: 'system', action: 'erased', resourceType: kind, resourceId: String(n) });
			}
			return n;
		});
	};

	await erase('session', (trx) => trx.deleteFrom('session').where('last_verified_at', '<', before(policy.sessionDays)).execute());
	await erase('activation_code', (trx) =>
		trx
			.deleteFrom('activation_code')
			.where('expires_at', '<', before(policy.activationCodeDays))
			.where(({ not, exists, selectFrom }) => not(exists(selectFrom('session').select('session.id').whereRef('session.activation_code_id', '=', 'activation_code.id'))))
			.execute()
	);
	await erase('idempotency_key', (trx) => trx.deleteFrom('idempotency_key').where('created_at', '<', before(policy.idempotencyKeyDays)).execute());
	await erase('rate_limit', (trx) => trx.deleteFrom('rate_limit').where('window_start', '<', before(policy.rateLimitDays)).execute());
	await erase('outbox', (trx) => trx.deleteFrom('outbox').where('sent_at', 'is not', null).where('sent_at', '<', before(policy.sentOutboxDays)).execute());

	const auditCutoff = Math.min(before(Math.max(policy.auditDays, AUDIT_FLOOR_DAYS)), wallClock() - (AUDIT_FLOOR_DAYS + 1) * DAY);
	await erase('audit_event', (trx) => trx.deleteFrom('audit_event').where('at', '<', auditCutoff).execute());

	return counts;
}
