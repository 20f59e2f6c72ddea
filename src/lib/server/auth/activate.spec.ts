import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Access } from '../access/require';
import { issueCode } from '../codes';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import * as users from '../data/users';
import { claimCode, completeActivation } from './activate';
import { CODE_CLAIM_MS, CODE_VALID_MS } from './activation';
import type { Actor } from './actor';
import { createSession, validateSessionToken, type Session } from './session';
import { signInRespondent, signInStaff } from './sign-in';

/**
 * SEC-A3 (SECURITY §3.1): codes are single use, expiring, bound to one person, rate-limited; two
 * concurrent completions make one account; a reissue replaces the old code.
 */
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
const ADDRESS = '198.51.100.7';
const GOOD = 'purple giraffes dance slowly';
const STAFF_GOOD = 'a long staff password here';
const USERNAME = /^[a-z]+-[a-z]+-\d{2}$/;

let t: TestDatabase;
let f: Family;

beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, T0);
});
afterEach(async () => {
	await t?.close();
});

function admin(): Access<'admin.manage'> {
	const actor: Actor = { id: f.adminId, role: 'admin', displayName: 'Ade Admin', childId: null, locale: null };
	return { actor, action: 'admin.manage', childId: null, reviewId: null } as unknown as Access<'admin.manage'>;
}

function issue(userId: string, now = T0, reviewId: string | null = f.reviewId): Promise<string> {
	return issueCode(t.db, admin(), { userId, reviewId }, now);
}

/** Claims a code and returns the validated activation session. */
async function claimed(code: string, now = T0): Promise<{ token: string; session: Session }> {
	const result = await claimCode(t.db, { code, address: ADDRESS }, now);
	if (result.kind !== 'ok') throw new Error(`claim failed: ${result.kind}`);
	const { session } = await validateSessionToken(t.db, result.token, now);
	if (!session) throw new Error('activation session did not validate');
	return { token: result.token, session };
}

async function codeRow(userId: string) {
	return t.db.selectFrom('activation_code').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
}

describe('SEC-A3: claimCode', () => {
	it('a fresh code claims a short activation session for its person', async () => {
		const code = await issue(f.youngPersonId);
		const result = await claimCode(t.db, { code, address: ADDRESS }, T0 + MIN);
		expect(result.kind).toBe('ok');
		const { session, actor } = await validateSessionToken(t.db, (result as { token: string }).token, T0 + MIN);
		expect(session?.kind).toBe('activation');
		expect(session?.absoluteExpiresAt).toBe(T0 + MIN + 15 * MIN);
		expect(actor?.id).toBe(f.youngPersonId);
	});

	it('the code is accepted however it is typed (case, spaces, no dash)', async () => {
		const code = await issue(f.parentId);
		const typed = ` ${code.replace('-', ' ').toLowerCase()} `;
		expect((await claimCode(t.db, { code: typed, address: ADDRESS }, T0)).kind).toBe('ok');
	});

	it('unknown and malformed codes get the same answer', async () => {
		await issue(f.youngPersonId);
		expect(await claimCode(t.db, { code: 'ABCDE-FGHJK', address: ADDRESS }, T0)).toEqual({ kind: 'invalid' });
		expect(await claimCode(t.db, { code: '?!', address: ADDRESS }, T0)).toEqual({ kind: 'invalid' });
		expect(await claimCode(t.db, { code: 'X'.repeat(40), address: ADDRESS }, T0)).toEqual({ kind: 'invalid' });
	});

	it('a code already used says so', async () => {
		const code = await issue(f.youngPersonId);
		const { session } = await claimed(code);
		expect((await completeActivation(t.db, session, GOOD, T0 + MIN)).kind).toBe('ok');
		expect(await claimCode(t.db, { code, address: ADDRESS }, T0 + 2 * MIN)).toEqual({ kind: 'used' });
	});

	it('a code past its 28 days says so', async () => {
		const code = await issue(f.youngPersonId);
		expect((await claimCode(t.db, { code, address: ADDRESS }, T0 + CODE_VALID_MS - 1)).kind).toBe('ok');
		const other = await issue(f.parentId);
		expect(await claimCode(t.db, { code: other, address: ADDRESS }, T0 + CODE_VALID_MS)).toEqual({ kind: 'expired' });
	});

	it('a code claimed by someone else in the last 15 minutes is in use, then free again', async () => {
		const code = await issue(f.youngPersonId);
		const first = await claimed(code);
		expect(await claimCode(t.db, { code, address: '203.0.113.9' }, T0 + CODE_CLAIM_MS - 1)).toEqual({ kind: 'in-use' });
		const again = await claimCode(t.db, { code, address: '203.0.113.9' }, T0 + CODE_CLAIM_MS);
		expect(again.kind).toBe('ok');
		// One activation session per code: the lapsed claim's session is gone.
		expect((await validateSessionToken(t.db, first.token, T0 + CODE_CLAIM_MS)).session).toBeNull();
	});

	it("a deactivated person's code is refused like an unknown one", async () => {
		const code = await issue(f.carerId);
		await t.db.updateTable('app_user').set({ active: 0 }).where('id', '=', f.carerId).execute();
		expect(await claimCode(t.db, { code, address: ADDRESS }, T0)).toEqual({ kind: 'invalid' });
	});

	it('SEC-R1: 10 failures from one address in 15 minutes block it, even for a good code, then lift', async () => {
		const code = await issue(f.youngPersonId);
		for (let i = 0; i < 10; i++) expect((await claimCode(t.db, { code: `WRONG-CODE${i}`, address: ADDRESS }, T0 + i)).kind).toBe('invalid');
		const blocked = await claimCode(t.db, { code, address: ADDRESS }, T0 + 10_000);
		expect(blocked).toEqual({ kind: 'limited', retryAfterSeconds: 15 * 60 - 10 });
		// Another address is not blocked by this one's failures.
		expect((await claimCode(t.db, { code, address: '203.0.113.9' }, T0 + 10_000)).kind).toBe('ok');
		const other = await issue(f.parentId, T0 + 10_000);
		expect((await claimCode(t.db, { code: other, address: ADDRESS }, T0 + 15 * MIN)).kind).toBe('ok');
	});

	it('SEC-R1: used, expired and in-use answers count as failures too', async () => {
		const code = await issue(f.youngPersonId);
		await claimed(code);
		for (let i = 0; i < 10; i++) expect((await claimCode(t.db, { code, address: '203.0.113.50' }, T0 + i)).kind).toBe('in-use');
		expect((await claimCode(t.db, { code, address: '203.0.113.50' }, T0 + 20)).kind).toBe('limited');
	});
});

describe('SEC-A3: completeActivation', () => {
	it('sets a passphrase and a generated username (two words and two digits) for a young person, and signs in', async () => {
		const { session } = await claimed(await issue(f.youngPersonId));
		const result = await completeActivation(t.db, session, GOOD, T0 + MIN);
		expect(result).toMatchObject({ kind: 'ok', role: 'young-person' });
		const user = await users.get(t.db, f.youngPersonId);
		expect(user?.username).toMatch(USERNAME);
		expect(user?.activatedAt).toBe(T0 + MIN);
		// The new session is a full one; the activation session has gone.
		const signedIn = await validateSessionToken(t.db, (result as { token: string }).token, T0 + MIN);
		expect(signedIn.session?.kind).toBe('full');
		expect(await t.db.selectFrom('session').select('kind').where('user_id', '=', f.youngPersonId).execute()).toEqual([{ kind: 'full' }]);
	});

	it('the username is never derived from the name', async () => {
		const { session } = await claimed(await issue(f.youngPersonId));
		await completeActivation(t.db, session, GOOD, T0 + MIN);
		expect((await users.get(t.db, f.youngPersonId))?.username?.toLowerCase()).not.toContain('sam');
	});

	it('parents and carers get a username too', async () => {
		for (const id of [f.parentId, f.carerId]) {
			const { session } = await claimed(await issue(id));
			expect((await completeActivation(t.db, session, GOOD, T0 + MIN)).kind).toBe('ok');
			expect((await users.get(t.db, id))?.username).toMatch(USERNAME);
		}
	});

	it('staff get no username: they sign in with their email and password', async () => {
		const { session } = await claimed(await issue(f.iroId, T0, null));
		const result = await completeActivation(t.db, session, STAFF_GOOD, T0 + MIN);
		expect(result).toMatchObject({ kind: 'ok', role: 'iro' });
		expect((await users.get(t.db, f.iroId))?.username).toBeNull();
		expect((await signInStaff(t.db, { email: 'IRO@example.org', password: STAFF_GOOD, address: ADDRESS }, T0 + 2 * MIN)).kind).toBe('ok');
	});

	it('marks the code used in the same step', async () => {
		const { session } = await claimed(await issue(f.youngPersonId));
		await completeActivation(t.db, session, GOOD, T0 + MIN);
		const [row] = await codeRow(f.youngPersonId);
		expect(Number(row!.used_at)).toBe(T0 + MIN);
	});

	it.each([
		['too short', 'short', 'errors.passphrase-too-short'],
		['common', 'password', 'errors.passphrase-common'],
		['holding the first name', 'sam likes blue bikes', 'errors.passphrase-personal']
	])('a weak passphrase (%s) is refused with its key and the code stays unused', async (_name, passphrase, key) => {
		const { session } = await claimed(await issue(f.youngPersonId));
		const result = await completeActivation(t.db, session, passphrase, T0 + MIN);
		expect(result).toMatchObject({ kind: 'invalid', error: { key } });
		const [row] = await codeRow(f.youngPersonId);
		expect(row!.used_at).toBeNull();
		expect((await users.get(t.db, f.youngPersonId))?.activatedAt).toBeNull();
		// The person can try again in the same session.
		expect((await completeActivation(t.db, session, GOOD, T0 + 2 * MIN)).kind).toBe('ok');
	});

	it('staff need at least 12 characters', async () => {
		const { session } = await claimed(await issue(f.iroId, T0, null));
		expect(await completeActivation(t.db, session, 'elevenchars', T0 + MIN)).toEqual({
			kind: 'invalid',
			error: { key: 'errors.passphrase-too-short', params: { min: 12 } }
		});
	});

	it('a second completion with the same claimed session is gone', async () => {
		const { session } = await claimed(await issue(f.youngPersonId));
		expect((await completeActivation(t.db, session, GOOD, T0 + MIN)).kind).toBe('ok');
		const username = (await users.get(t.db, f.youngPersonId))?.username;
		expect(await completeActivation(t.db, session, 'another good passphrase', T0 + 2 * MIN)).toEqual({ kind: 'gone' });
		expect((await users.get(t.db, f.youngPersonId))?.username).toBe(username);
		// The first passphrase still works; the second was never set.
		expect((await signInRespondent(t.db, { username: username!, passphrase: 'another good passphrase', address: ADDRESS }, T0 + 3 * MIN)).kind).toBe('invalid');
	});

	it('SEC-A3: two concurrent completions make exactly one account and one username', async () => {
		const { session } = await claimed(await issue(f.youngPersonId));
		const results = await Promise.all([
			completeActivation(t.db, session, GOOD, T0 + MIN),
			completeActivation(t.db, session, 'another good passphrase', T0 + MIN)
		]);
		expect(results.map((r) => r.kind).sort()).toEqual(['gone', 'ok']);
		const user = await users.get(t.db, f.youngPersonId);
		expect(user?.username).toMatch(USERNAME);
		const named = await t.db.selectFrom('app_user').select('id').where('username', 'is not', null).execute();
		expect(named).toHaveLength(1);
		const full = await t.db.selectFrom('session').select('id').where('user_id', '=', f.youngPersonId).where('kind', '=', 'full').execute();
		expect(full).toHaveLength(1);
		const winner = results[0]!.kind === 'ok' ? GOOD : 'another good passphrase';
		expect((await signInRespondent(t.db, { username: user!.username!, passphrase: winner, address: ADDRESS }, T0 + 2 * MIN)).kind).toBe('ok');
	});

	it('a code that expires between claim and completion is not consumed', async () => {
		const code = await issue(f.youngPersonId);
		const { session } = await claimed(code, T0 + CODE_VALID_MS - 5 * MIN);
		expect(await completeActivation(t.db, session, GOOD, T0 + CODE_VALID_MS)).toEqual({ kind: 'gone' });
		expect((await users.get(t.db, f.youngPersonId))?.activatedAt).toBeNull();
	});

	it('a full session cannot complete an activation', async () => {
		const { session } = await createSession(t.db, { id: f.youngPersonId, role: 'young-person' }, T0);
		expect(await completeActivation(t.db, session, GOOD, T0)).toEqual({ kind: 'gone' });
	});

	it('after activation the person signs in with the username and passphrase', async () => {
		const { session } = await claimed(await issue(f.parentId));
		await completeActivation(t.db, session, GOOD, T0 + MIN);
		const username = (await users.get(t.db, f.parentId))!.username!;
		const result = await signInRespondent(t.db, { username, passphrase: GOOD, address: ADDRESS }, T0 + 2 * MIN);
		expect(result).toMatchObject({ kind: 'ok', userId: f.parentId, role: 'parent' });
	});
});

describe('SEC-A3: reissue', () => {
	it('a new code revokes the old one, which then answers like an unknown code', async () => {
		const old = await issue(f.youngPersonId);
		const fresh = await issue(f.youngPersonId, T0 + MIN);
		expect(await claimCode(t.db, { code: old, address: ADDRESS }, T0 + 2 * MIN)).toEqual({ kind: 'invalid' });
		expect((await claimCode(t.db, { code: fresh, address: ADDRESS }, T0 + 2 * MIN)).kind).toBe('ok');
		const rows = await codeRow(f.youngPersonId);
		expect(rows.map((r) => r.revoked_at === null)).toEqual([false, true]);
	});

	it("a new code for one person leaves another person's code alone", async () => {
		const parentCode = await issue(f.parentId);
		await issue(f.youngPersonId, T0 + MIN);
		expect((await claimCode(t.db, { code: parentCode, address: ADDRESS }, T0 + 2 * MIN)).kind).toBe('ok');
	});

	it('a reissue after activation keeps the username and replaces the passphrase', async () => {
		const first = await claimed(await issue(f.youngPersonId));
		await completeActivation(t.db, first.session, GOOD, T0 + MIN);
		const username = (await users.get(t.db, f.youngPersonId))!.username!;
		const second = await claimed(await issue(f.youngPersonId, T0 + DAY), T0 + DAY);
		expect((await completeActivation(t.db, second.session, 'new cheerful passphrase', T0 + DAY + MIN)).kind).toBe('ok');
		expect((await users.get(t.db, f.youngPersonId))?.username).toBe(username);
		expect((await signInRespondent(t.db, { username, passphrase: GOOD, address: ADDRESS }, T0 + DAY + 2 * MIN)).kind).toBe('invalid');
		expect((await signInRespondent(t.db, { username, passphrase: 'new cheerful passphrase', address: ADDRESS }, T0 + DAY + 3 * MIN)).kind).toBe('ok');
	});

	it('SEC-S4, T13: reissuing a code ends every session the person has, at once (SECURITY §3.2)', async () => {
		// An adult who activated first (T13) must lose access when the IRO reissues, not only
		// when the child later completes the new code.
		const { session } = await claimed(await issue(f.youngPersonId));
		const done = await completeActivation(t.db, session, GOOD, T0 + MIN);
		const token = (done as { token: string }).token;
		expect((await validateSessionToken(t.db, token, T0 + 2 * MIN)).session).not.toBeNull();
		await issue(f.youngPersonId, T0 + 3 * MIN);
		expect((await validateSessionToken(t.db, token, T0 + 4 * MIN)).session).toBeNull();
	});

	it('T13: after a reissue the old passphrase no longer signs in, even before the new code is used', async () => {
		const { session } = await claimed(await issue(f.youngPersonId));
		await completeActivation(t.db, session, GOOD, T0 + MIN);
		const username = (await users.get(t.db, f.youngPersonId))!.username!;
		expect((await signInRespondent(t.db, { username, passphrase: GOOD, address: ADDRESS }, T0 + 2 * MIN)).kind).toBe('ok');
		await issue(f.youngPersonId, T0 + 3 * MIN);
		expect((await signInRespondent(t.db, { username, passphrase: GOOD, address: ADDRESS }, T0 + 4 * MIN)).kind).toBe('invalid');
	});

	it('issuing a code writes a code_issued audit row naming the issuer, never the code', async () => {
		const code = await issue(f.youngPersonId);
		const rows = await t.db.selectFrom('audit_event').selectAll().where('action', '=', 'code_issued').execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ actor_id: f.adminId, actor_role: 'admin', resource_type: 'activation_code', outcome: 'ok' });
		expect(JSON.stringify(rows)).not.toContain(code.replace('-', ''));
		expect(JSON.stringify(await codeRow(f.youngPersonId))).not.toContain(code.replace('-', ''));
	});
});
