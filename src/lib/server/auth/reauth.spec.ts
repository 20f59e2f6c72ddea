import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import * as users from '../data/users';
import { hashSecret } from './password';
import { REAUTH_WINDOW_MS, confirmUrl, keepQuery, reauthenticate, recentlyAuthenticated, safeAdminReturn } from './reauth';
import { createSession, validateSessionToken } from './session';
import { signInRespondent, signInStaff } from './sign-in';

/** SEC-S5 (SECURITY §3.2): the password typed within the last 10 minutes before an export. */
const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
const PASS = 'a long admin password here';

let hash: string;
let t: TestDatabase;
let f: Family;

beforeAll(async () => {
	hash = await hashSecret(PASS);
});
beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, T0);
	await users.setCredentials(t.db, f.adminId, null, hash, T0);
});
afterEach(async () => {
	await t?.close();
});

const admin = () => ({ id: f.adminId, role: 'admin' as const, displayName: 'Ade Admin', childId: null, locale: null });

async function session(token: string, now: number) {
	const { session } = await validateSessionToken(t.db, token, now);
	return session;
}

async function auditRows() {
	return t.db.selectFrom('audit_event').select(['action', 'resource_type', 'outcome', 'actor_id']).where('resource_type', '=', 'reauth').orderBy('at').execute();
}

describe('SEC-S5: when the password counts as fresh', () => {
	it('a staff sign-in counts for 10 minutes, then no longer', async () => {
		const r = await signInStaff(t.db, { email: 'admin@example.org', password: PASS, address: '192.0.2.1' }, T0);
		if (r.kind !== 'ok') throw new Error(r.kind);
		const s = await session(r.token, T0 + 1000);
		expect(s?.reauthenticatedAt).toBe(T0);
		expect(recentlyAuthenticated(s, T0 + REAUTH_WINDOW_MS - 1)).toBe(true);
		expect(recentlyAuthenticated(s, T0 + REAUTH_WINDOW_MS)).toBe(false);
	});

	it('a session made any other way (activation, a respondent) starts with none', async () => {
		const { token } = await createSession(t.db, { id: f.adminId, role: 'admin' }, T0);
		expect((await session(token, T0))?.reauthenticatedAt).toBeNull();
		expect(recentlyAuthenticated(await session(token, T0), T0)).toBe(false);
		await users.setCredentials(t.db, f.youngPersonId, 'sunny-otter-42', hash, T0);
		const child = await signInRespondent(t.db, { username: 'sunny-otter-42', passphrase: PASS, address: '192.0.2.1' }, T0);
		if (child.kind !== 'ok') throw new Error(child.kind);
		expect((await session(child.token, T0))?.reauthenticatedAt).toBeNull();
	});

	it('a clock that runs backwards (a time before the mark) is not fresh', () => {
		expect(recentlyAuthenticated({ reauthenticatedAt: T0 }, T0 - 1)).toBe(false);
		expect(recentlyAuthenticated(null, T0)).toBe(false);
	});
});

describe('SEC-S5: the confirm step', () => {
	it('the right password marks this session only, and is audited', async () => {
		const { token, session: s } = await createSession(t.db, { id: f.adminId, role: 'admin' }, T0);
		const other = await createSession(t.db, { id: f.adminId, role: 'admin' }, T0);
		expect(await reauthenticate(t.db, admin(), s.id, PASS, T0 + 12 * MIN, 'req-1')).toEqual({ kind: 'ok' });
		expect((await session(token, T0 + 12 * MIN))?.reauthenticatedAt).toBe(T0 + 12 * MIN);
		expect((await session(other.token, T0 + 12 * MIN))?.reauthenticatedAt).toBeNull();
		expect(await auditRows()).toEqual([{ action: 'sign_in', resource_type: 'reauth', outcome: 'ok', actor_id: f.adminId }]);
	});

	it('a wrong password changes nothing and is audited as a failure', async () => {
		const { token, session: s } = await createSession(t.db, { id: f.adminId, role: 'admin' }, T0);
		expect(await reauthenticate(t.db, admin(), s.id, 'not the password', T0, null)).toEqual({ kind: 'invalid' });
		expect((await session(token, T0))?.reauthenticatedAt).toBeNull();
		expect(await auditRows()).toEqual([{ action: 'sign_in_failed', resource_type: 'reauth', outcome: 'failed', actor_id: f.adminId }]);
	});

	it('a deactivated account is refused even with the right password', async () => {
		const { session: s } = await createSession(t.db, { id: f.adminId, role: 'admin' }, T0);
		await t.db.updateTable('app_user').set({ active: 0 }).where('id', '=', f.adminId).execute();
		expect((await reauthenticate(t.db, admin(), s.id, PASS, T0, null)).kind).toBe('invalid');
	});

	it('SEC-R1: 10 failures in 15 minutes lock the step (even the right password), with a retry time; sign-in stays open', async () => {
		const { session: s } = await createSession(t.db, { id: f.adminId, role: 'admin' }, T0);
		for (let i = 0; i < 10; i++) expect((await reauthenticate(t.db, admin(), s.id, `wrong ${i}`, T0 + i, null)).kind).toBe('invalid');
		expect(await reauthenticate(t.db, admin(), s.id, PASS, T0 + 60_000, null)).toEqual({ kind: 'limited', retryAfterSeconds: 14 * 60 });
		expect((await signInStaff(t.db, { email: 'admin@example.org', password: PASS, address: '192.0.2.1' }, T0 + 60_000)).kind).toBe('ok');
		expect((await reauthenticate(t.db, admin(), s.id, PASS, T0 + 15 * MIN, null)).kind).toBe('ok');
		expect((await auditRows()).filter((r) => r.outcome === 'denied')).toHaveLength(1);
	});

	it('SEC-R1: parallel guesses are all counted (no read-then-write gap)', async () => {
		const { session: s } = await createSession(t.db, { id: f.adminId, role: 'admin' }, T0);
		const results = await Promise.all(Array.from({ length: 14 }, (_, i) => reauthenticate(t.db, admin(), s.id, `wrong ${i}`, T0, null)));
		expect(results.filter((r) => r.kind === 'limited')).toHaveLength(4);
	});
});

describe('SEC-C7: where the confirm step goes back to', () => {
	it.each([
		['/admin/children/abc/sar', '/admin/children/abc/sar'],
		['/admin/audit?child=abcdefghijklmnopqrstuvwx&from=2026-01-01', '/admin/audit?child=abcdefghijklmnopqrstuvwx&from=2026-01-01'],
		['/admin', '/admin'],
		['//evil.example/admin', '/admin'],
		['/\\evil.example', '/admin'],
		['https://evil.example/admin', '/admin'],
		['/me/review', '/admin'],
		['/administrator', '/admin'],
		['/admin/../me', '/admin'],
		['/admin/audit?name=Ava%20Smith', '/admin'],
		['/admin/audit#x', '/admin'],
		[null, '/admin'],
		['/admin/' + 'a'.repeat(400), '/admin']
	])('%s → %s', (given, expected) => {
		expect(safeAdminReturn(given)).toBe(expected);
	});

	it('the confirm address carries the return path encoded, and a bad one becomes /admin', () => {
		expect(confirmUrl('/admin/audit?from=2026-01-01&to=2026-02-01')).toBe('/admin/confirm-password?returnTo=%2Fadmin%2Faudit%3Ffrom%3D2026-01-01%26to%3D2026-02-01');
		expect(confirmUrl('//evil.example')).toBe('/admin/confirm-password?returnTo=%2Fadmin');
	});

	it('keepQuery keeps only the filters named, and nothing else', () => {
		const url = new URL('http://x/admin/audit/export?child=abc&secret=1&from=2026-01-01&to=');
		expect(keepQuery(url, ['child', 'from', 'to'])).toBe('?child=abc&from=2026-01-01');
		expect(keepQuery(new URL('http://x/a'), ['from'])).toBe('');
	});
});
