import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import type { Role } from './actor';
import { createSession, invalidateSession, invalidateUserSessions, SESSION_LIMITS, validateSessionToken, type SessionKind } from './session';

/** SECURITY §3.2, STYLE §4.3: SEC-S1 (token), SEC-S3 (limits per audience), SEC-S6 (one respondent session), SEC-S7 (refusals). */
const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

let t: TestDatabase;
let f: Family;

beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, T0);
});
afterEach(async () => {
	await t?.close();
});

function userFor(role: Role): { id: string; role: Role } {
	const ids: Record<Role, string> = {
		'young-person': f.youngPersonId, parent: f.parentId, carer: f.carerId, iro: f.iroId, admin: f.adminId, advocate: f.advocateId
	};
	return { id: ids[role], role };
}

async function sessionRows(userId?: string) {
	let q = t.db.selectFrom('session').selectAll();
	if (userId) q = q.where('user_id', '=', userId);
	return q.execute();
}

describe('SEC-S1: createSession and validateSessionToken', () => {
	it('a new session validates and names the person', async () => {
		const { token, session } = await createSession(t.db, userFor('young-person'), T0);
		const result = await validateSessionToken(t.db, token, T0 + 1000);
		expect(result.session?.id).toBe(session.id);
		expect(result.session?.kind).toBe('full');
		expect(result.actor).toEqual({ id: f.youngPersonId, role: 'young-person', displayName: 'Sam', childId: f.childId, locale: null });
	});

	it('the token is id.secret: a 120-bit base32 id and a 32-byte base64url secret', async () => {
		const { token, session } = await createSession(t.db, userFor('iro'), T0);
		const [id, secret] = token.split('.');
		expect(id).toBe(session.id);
		expect(id).toMatch(/^[a-z2-7]{24}$/);
		expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
	});

	it('stores only sha256(secret), never the secret', async () => {
		const { token, session } = await createSession(t.db, userFor('iro'), T0);
		const secret = token.split('.')[1]!;
		const [row] = await sessionRows(f.iroId);
		expect(row!.id).toBe(session.id);
		expect(row!.secret_hash).toBe(createHash('sha256').update(secret).digest('hex'));
		expect(JSON.stringify(row)).not.toContain(secret);
	});

	it('every sign-in gets a new id and secret', async () => {
		const a = await createSession(t.db, userFor('iro'), T0);
		const b = await createSession(t.db, userFor('iro'), T0);
		expect(a.session.id).not.toBe(b.session.id);
		expect(a.token.split('.')[1]).not.toBe(b.token.split('.')[1]);
	});
});

describe('SEC-S7: forged, tampered and malformed tokens are refused', () => {
	function flip(c: string): string {
		return c === 'A' ? 'B' : 'A';
	}

	it('a token with one character of the secret changed is refused', async () => {
		const { token } = await createSession(t.db, userFor('young-person'), T0);
		const tampered = token.slice(0, -1) + flip(token.at(-1)!);
		expect(await validateSessionToken(t.db, tampered, T0)).toEqual({ session: null, actor: null });
		// The genuine token still works: a forgery does not end the real session.
		expect((await validateSessionToken(t.db, token, T0)).session).not.toBeNull();
	});

	it("another session's secret with this id is refused", async () => {
		const a = await createSession(t.db, userFor('iro'), T0);
		const b = await createSession(t.db, userFor('iro'), T0);
		const mixed = `${a.session.id}.${b.token.split('.')[1]}`;
		expect((await validateSessionToken(t.db, mixed, T0)).session).toBeNull();
	});

	it('an unknown id with a well-formed secret is refused', async () => {
		const { token } = await createSession(t.db, userFor('iro'), T0);
		const unknown = `${'a'.repeat(24)}.${token.split('.')[1]}`;
		expect((await validateSessionToken(t.db, unknown, T0)).session).toBeNull();
	});

	it.each([
		['empty', ''],
		['only a dot', '.'],
		['no secret', 'abcdefghijklmnopqrstuvwx.'],
		['no id', '.c2VjcmV0'],
		['no dot', 'abcdefghijklmnopqrstuvwx'],
		['three parts', 'abcdefghijklmnopqrstuvwx.c2VjcmV0.extra'],
		['an upper-case id', 'ABCDEFGHIJKLMNOPQRSTUVWX.c2VjcmV0'],
		['a short id', 'abc.c2VjcmV0'],
		['SQL in the id', "x' or '1'='1.c2VjcmV0"],
		['a very long token', 'a'.repeat(24) + '.' + 'b'.repeat(10_000)]
	])('a malformed token (%s) is refused', async (_name, token) => {
		await createSession(t.db, userFor('iro'), T0);
		expect(await validateSessionToken(t.db, token, T0)).toEqual({ session: null, actor: null });
	});
});

/** SECURITY §3.2's table (our defaults). */
const AUDIENCES: readonly { name: string; role: Role; kind: SessionKind; idle: number; absolute: number }[] = [
	{ name: 'a young person', role: 'young-person', kind: 'full', idle: 20 * MIN, absolute: 4 * HOUR },
	{ name: 'a parent', role: 'parent', kind: 'full', idle: 30 * MIN, absolute: 8 * HOUR },
	{ name: 'a carer', role: 'carer', kind: 'full', idle: 30 * MIN, absolute: 8 * HOUR },
	{ name: 'an IRO', role: 'iro', kind: 'full', idle: 30 * MIN, absolute: 12 * HOUR },
	{ name: 'an advocate', role: 'advocate', kind: 'full', idle: 30 * MIN, absolute: 12 * HOUR },
	{ name: 'an admin', role: 'admin', kind: 'full', idle: 15 * MIN, absolute: 8 * HOUR },
	{ name: 'a young person activating', role: 'young-person', kind: 'activation', idle: 10 * MIN, absolute: 15 * MIN },
	{ name: 'a staff member activating', role: 'iro', kind: 'activation', idle: 10 * MIN, absolute: 15 * MIN }
];

describe('SEC-S3: idle and absolute limits per audience (fake clock)', () => {
	it('the limits table is SECURITY §3.2', () => {
		expect(SESSION_LIMITS).toEqual({
			'young-person': { idle: 20 * MIN, absolute: 4 * HOUR },
			parent: { idle: 30 * MIN, absolute: 8 * HOUR },
			carer: { idle: 30 * MIN, absolute: 8 * HOUR },
			advocate: { idle: 30 * MIN, absolute: 12 * HOUR },
			iro: { idle: 30 * MIN, absolute: 12 * HOUR },
			admin: { idle: 15 * MIN, absolute: 8 * HOUR },
			activation: { idle: 10 * MIN, absolute: 15 * MIN }
		});
	});

	describe.each(AUDIENCES)('$name ($kind session)', ({ role, kind, idle, absolute }) => {
		it(`SEC-S3: is still signed in 1 ms before ${idle / MIN} idle minutes`, async () => {
			const { token, session } = await createSession(t.db, userFor(role), T0, kind);
			expect(session.idleExpiresAt).toBe(T0 + idle);
			expect(session.absoluteExpiresAt).toBe(T0 + absolute);
			const result = await validateSessionToken(t.db, token, T0 + idle - 1);
			expect(result.session?.kind).toBe(kind);
		});

		it(`SEC-S3: is signed out at ${idle / MIN} idle minutes, and the row is deleted`, async () => {
			const { token, session } = await createSession(t.db, userFor(role), T0, kind);
			expect((await validateSessionToken(t.db, token, T0 + idle)).session).toBeNull();
			expect((await sessionRows()).map((r) => r.id)).not.toContain(session.id);
			// Once refused, refused for good, even at an earlier clock.
			expect((await validateSessionToken(t.db, token, T0)).session).toBeNull();
		});

		it(`SEC-S3: activity keeps it alive, but never past ${absolute / MIN} minutes from sign-in`, async () => {
			const { token } = await createSession(t.db, userFor(role), T0, kind);
			const step = idle / 2;
			let now = T0;
			while (now + step < T0 + absolute) {
				now += step;
				expect((await validateSessionToken(t.db, token, now)).session, `at +${(now - T0) / MIN} min`).not.toBeNull();
			}
			const last = await validateSessionToken(t.db, token, T0 + absolute - 1);
			expect(last.session?.absoluteExpiresAt).toBe(T0 + absolute);
			expect((await validateSessionToken(t.db, token, T0 + absolute)).session).toBeNull();
		});
	});
});

describe('SEC-S3: last_verified_at is bumped at most once a minute', () => {
	async function lastVerified(id: string): Promise<number> {
		const row = await t.db.selectFrom('session').select('last_verified_at').where('id', '=', id).executeTakeFirstOrThrow();
		return Number(row.last_verified_at);
	}

	it('is not written within the first minute, then written, then not again for a minute', async () => {
		const { token, session } = await createSession(t.db, userFor('young-person'), T0);
		await validateSessionToken(t.db, token, T0 + 30_000);
		expect(await lastVerified(session.id)).toBe(T0);
		await validateSessionToken(t.db, token, T0 + 59_999);
		expect(await lastVerified(session.id)).toBe(T0);
		const bumped = await validateSessionToken(t.db, token, T0 + MIN);
		expect(await lastVerified(session.id)).toBe(T0 + MIN);
		expect(bumped.session?.idleExpiresAt).toBe(T0 + MIN + 20 * MIN);
		await validateSessionToken(t.db, token, T0 + MIN + 59_999);
		expect(await lastVerified(session.id)).toBe(T0 + MIN);
		await validateSessionToken(t.db, token, T0 + 2 * MIN);
		expect(await lastVerified(session.id)).toBe(T0 + 2 * MIN);
	});

	it('a bump moves the idle end but never the absolute end', async () => {
		const { token } = await createSession(t.db, userFor('iro'), T0);
		const later = await validateSessionToken(t.db, token, T0 + 10 * MIN);
		expect(later.session?.idleExpiresAt).toBe(T0 + 40 * MIN);
		expect(later.session?.absoluteExpiresAt).toBe(T0 + 12 * HOUR);
	});
});

describe('SEC-S4: ending sessions on the server', () => {
	it('invalidateSession ends that session only', async () => {
		const a = await createSession(t.db, userFor('iro'), T0);
		const b = await createSession(t.db, userFor('iro'), T0);
		await invalidateSession(t.db, a.session.id);
		expect((await validateSessionToken(t.db, a.token, T0)).session).toBeNull();
		expect((await validateSessionToken(t.db, b.token, T0)).session).not.toBeNull();
	});

	it("invalidateUserSessions ends every session of that person and nobody else's", async () => {
		const a = await createSession(t.db, userFor('iro'), T0);
		const b = await createSession(t.db, userFor('iro'), T0);
		const other = await createSession(t.db, userFor('admin'), T0);
		await invalidateUserSessions(t.db, f.iroId);
		expect((await validateSessionToken(t.db, a.token, T0)).session).toBeNull();
		expect((await validateSessionToken(t.db, b.token, T0)).session).toBeNull();
		expect((await validateSessionToken(t.db, other.token, T0)).session).not.toBeNull();
		expect(await sessionRows(f.iroId)).toEqual([]);
	});

	it('a deactivated person is refused at once, and their session is deleted', async () => {
		const { token } = await createSession(t.db, userFor('parent'), T0);
		await t.db.updateTable('app_user').set({ active: 0 }).where('id', '=', f.parentId).execute();
		expect((await validateSessionToken(t.db, token, T0 + 1000)).session).toBeNull();
		expect(await sessionRows(f.parentId)).toEqual([]);
		// Re-activating the account does not bring the old session back.
		await t.db.updateTable('app_user').set({ active: 1 }).where('id', '=', f.parentId).execute();
		expect((await validateSessionToken(t.db, token, T0 + 2000)).session).toBeNull();
	});
});

describe('SEC-S6, D18: one session per respondent, several for staff', () => {
	it.each(['young-person', 'parent', 'carer'] as const)('a second sign-in by a %s ends the first', async (role) => {
		const first = await createSession(t.db, userFor(role), T0);
		const second = await createSession(t.db, userFor(role), T0 + 1000);
		expect((await validateSessionToken(t.db, first.token, T0 + 2000)).session).toBeNull();
		expect((await validateSessionToken(t.db, second.token, T0 + 2000)).session).not.toBeNull();
		expect(await sessionRows(userFor(role).id)).toHaveLength(1);
	});

	it.each(['iro', 'admin', 'advocate'] as const)('a %s may hold several sessions', async (role) => {
		const tokens = [];
		for (let i = 0; i < 3; i++) tokens.push((await createSession(t.db, userFor(role), T0 + i)).token);
		for (const token of tokens) expect((await validateSessionToken(t.db, token, T0 + 10)).session).not.toBeNull();
		expect(await sessionRows(userFor(role).id)).toHaveLength(3);
	});

	it("one respondent's new sign-in leaves everyone else's session alone", async () => {
		const child = await createSession(t.db, userFor('young-person'), T0);
		const parent = await createSession(t.db, userFor('parent'), T0);
		await createSession(t.db, userFor('parent'), T0 + 1);
		expect((await validateSessionToken(t.db, child.token, T0 + 2)).session).not.toBeNull();
		expect((await validateSessionToken(t.db, parent.token, T0 + 2)).session).toBeNull();
	});

	it('an activation session replaces a full session of the same respondent', async () => {
		const full = await createSession(t.db, userFor('young-person'), T0);
		const activation = await createSession(t.db, userFor('young-person'), T0 + 1, 'activation', null);
		expect((await validateSessionToken(t.db, full.token, T0 + 2)).session).toBeNull();
		expect((await validateSessionToken(t.db, activation.token, T0 + 2)).session?.kind).toBe('activation');
	});
});
