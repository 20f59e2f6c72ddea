import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from '../db/test-db';
import * as users from '../data/users';
import { LIMITS, consume } from '../data/rate-limits';
import { hashSecret } from './password';
import { validateSessionToken } from './session';
import { signInRespondent, signInStaff, type SignInResult } from './sign-in';

/**
 * SEC-A6, SEC-R1 (SECURITY §3.1, §3.3): one answer for unknown names and wrong secrets, failure
 * limits per account (or per hash of the typed name) and per address, never a permanent lock.
 */
const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
const ADDRESS = '198.51.100.7';
const PASS = 'purple giraffes dance slowly';
const USERNAME = 'sunny-otter-42';
const STAFF_EMAIL = 'iro@example.org';

let hash: string;
let t: TestDatabase;
let f: Family;

// argon2 is slow on purpose: hash once for the file.
beforeAll(async () => {
	hash = await hashSecret(PASS);
});
beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, T0);
	await users.setCredentials(t.db, f.youngPersonId, USERNAME, hash, T0);
	await users.setCredentials(t.db, f.iroId, null, hash, T0);
});
afterEach(async () => {
	await t?.close();
});

const child = (passphrase: string, now: number, username = USERNAME, address = ADDRESS) =>
	signInRespondent(t.db, { username, passphrase, address }, now);
const staff = (password: string, now: number, email = STAFF_EMAIL, address = ADDRESS) => signInStaff(t.db, { email, password, address }, now);

async function auditActions(): Promise<string[]> {
	return (await t.db.selectFrom('audit_event').select('action').orderBy('at').execute()).map((r) => r.action);
}

describe('SEC-A6: right and wrong secrets', () => {
	it('a respondent with the right passphrase signs in with a full session', async () => {
		const result = await child(PASS, T0);
		expect(result).toMatchObject({ kind: 'ok', userId: f.youngPersonId, role: 'young-person' });
		const { session, actor } = await validateSessionToken(t.db, (result as { token: string }).token, T0);
		expect(session?.kind).toBe('full');
		expect(actor?.id).toBe(f.youngPersonId);
	});

	it('the username is read as a phone types it: capitals, spaces for dashes, stray spaces', async () => {
		expect((await child(PASS, T0, '  Sunny Otter 42 ')).kind).toBe('ok');
	});

	it('a staff member with the right password signs in, whatever the case of the email', async () => {
		expect(await staff(PASS, T0, ' IRO@Example.org ')).toMatchObject({ kind: 'ok', userId: f.iroId, role: 'iro' });
	});

	it('the passphrase is compared after NFKC (what the person typed on another keyboard)', async () => {
		expect((await child('ｐｕｒｐｌｅ giraffes dance slowly', T0)).kind).toBe('ok');
	});

	it('a wrong passphrase is refused', async () => {
		expect(await child('purple giraffes dance quickly', T0)).toEqual({ kind: 'invalid' });
		expect(await staff('not the password at all', T0)).toEqual({ kind: 'invalid' });
	});

	it('T11: an unknown username and a wrong passphrase get exactly the same answer', async () => {
		const wrong = await child('wrong passphrase here', T0);
		const unknown = await child(PASS, T0, 'nobody-here-99');
		expect(unknown).toEqual(wrong);
		expect(await staff(PASS, T0, 'nobody@example.org')).toEqual(await staff('wrong password here', T0));
	});

	it('an account that has not activated yet (no passphrase) answers like an unknown one', async () => {
		await t.db.updateTable('app_user').set({ username: 'quiet-badger-17' }).where('id', '=', f.parentId).execute();
		expect(await child('', T0, 'quiet-badger-17')).toEqual({ kind: 'invalid' });
		expect(await child(PASS, T0, 'quiet-badger-17')).toEqual({ kind: 'invalid' });
	});

	it('a deactivated account is refused with the same answer, even with the right passphrase', async () => {
		await t.db.updateTable('app_user').set({ active: 0 }).where('id', '=', f.youngPersonId).execute();
		expect(await child(PASS, T0)).toEqual({ kind: 'invalid' });
	});

	it('SEC-L3: sign-ins and failures are audited', async () => {
		await child('wrong passphrase here', T0);
		await child(PASS, T0 + 1);
		expect(await auditActions()).toEqual(['sign_in_failed', 'sign_in']);
	});
});

describe('SEC-A1: each door takes only its own credentials', () => {
	it('respondent credentials are refused on the staff sign-in', async () => {
		// Give the respondent an email so the lookup finds them: the role check must still refuse.
		await t.db.updateTable('app_user').set({ email: 'sam@example.org' }).where('id', '=', f.youngPersonId).execute();
		expect(await staff(PASS, T0, 'sam@example.org')).toEqual({ kind: 'invalid' });
		expect(await staff(PASS, T0, USERNAME)).toEqual({ kind: 'invalid' });
	});

	it('staff credentials are refused on the respondent sign-in', async () => {
		// Give the IRO a username so the lookup finds them: the role check must still refuse.
		await t.db.updateTable('app_user').set({ username: 'staff-person-11' }).where('id', '=', f.iroId).execute();
		expect(await child(PASS, T0, 'staff-person-11')).toEqual({ kind: 'invalid' });
		expect(await child(PASS, T0, STAFF_EMAIL)).toEqual({ kind: 'invalid' });
	});
});

describe('SEC-R1: failure limits per account', () => {
	it('5 failures lock a respondent account for 15 minutes, even against the right passphrase', async () => {
		for (let i = 0; i < 5; i++) expect(await child(`wrong ${i} passphrase`, T0 + i * 1000)).toEqual({ kind: 'invalid' });
		expect(await child(PASS, T0 + 10_000)).toEqual({ kind: 'limited', retryAfterSeconds: 15 * 60 - 10 });
		expect(await child(PASS, T0 + 15 * MIN - 1)).toEqual({ kind: 'limited', retryAfterSeconds: 1 });
		// Never a permanent lock (an abuser's tool): the window ends and the right passphrase works.
		expect((await child(PASS, T0 + 15 * MIN)).kind).toBe('ok');
	});

	it('4 failures do not lock a respondent account', async () => {
		for (let i = 0; i < 4; i++) await child(`wrong ${i} passphrase`, T0 + i);
		expect((await child(PASS, T0 + 10)).kind).toBe('ok');
	});

	it('10 failures lock a staff account for 15 minutes; 9 do not', async () => {
		for (let i = 0; i < 9; i++) expect(await staff(`wrong password ${i}`, T0 + i * 1000)).toEqual({ kind: 'invalid' });
		expect(await staff(`wrong password 9`, T0 + 9000)).toEqual({ kind: 'invalid' });
		expect(await staff(PASS, T0 + 20_000)).toEqual({ kind: 'limited', retryAfterSeconds: 15 * 60 - 20 });
		expect((await staff(PASS, T0 + 15 * MIN)).kind).toBe('ok');
	});

	it('a success clears the earlier failures of that account', async () => {
		for (let i = 0; i < 4; i++) await child(`wrong ${i} passphrase`, T0 + i);
		expect((await child(PASS, T0 + 10)).kind).toBe('ok');
		for (let i = 0; i < 4; i++) expect(await child(`wrong again ${i}`, T0 + 20 + i)).toEqual({ kind: 'invalid' });
		expect((await child(PASS, T0 + 30)).kind).toBe('ok');
	});

	it("one account's lock leaves other accounts alone", async () => {
		await users.setCredentials(t.db, f.parentId, 'quiet-badger-17', hash, T0);
		for (let i = 0; i < 5; i++) await child(`wrong ${i} passphrase`, T0 + i);
		expect((await child(PASS, T0 + 10)).kind).toBe('limited');
		expect((await child(PASS, T0 + 10, 'quiet-badger-17')).kind).toBe('ok');
	});

	it('T11, SEC-A6: a known and an unknown username behave the same under the limit', async () => {
		const run = async (username: string, base: number): Promise<SignInResult[]> => {
			const out: SignInResult[] = [];
			for (let i = 0; i < 7; i++) out.push(await child(`wrong ${i} passphrase`, base + i * 1000, username));
			return out;
		};
		const known = await run(USERNAME, T0);
		const unknown = await run('nobody-here-99', T0);
		expect(unknown).toEqual(known);
		expect(known.map((r) => r.kind)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid', 'limited', 'limited']);
	});

	it('SEC-R1: a burst of parallel guesses gets no more than 5 tries at a respondent account', async () => {
		// An attacker sends guesses at once rather than one by one: the limit must still hold.
		const results = await Promise.all(Array.from({ length: 20 }, (_, i) => child(`parallel guess ${i}`, T0 + i)));
		expect(results.filter((r) => r.kind === 'invalid').length).toBeLessThanOrEqual(5);
		expect(results.filter((r) => r.kind === 'limited').length).toBeGreaterThanOrEqual(15);
	});

	it('T11: an unknown staff email is limited after 10 failures, like a known one', async () => {
		const results: string[] = [];
		for (let i = 0; i < 11; i++) results.push((await staff(`wrong password ${i}`, T0 + i, 'nobody@example.org')).kind);
		expect(results).toEqual([...Array(10).fill('invalid'), 'limited']);
	});
});

describe('SEC-R1: failure limit per address', () => {
	it('50 failures from one address in 15 minutes block every sign-in from it, and only it', async () => {
		// Counted directly: 50 argon2 verifications would only slow the suite.
		for (let i = 0; i < 50; i++) await consume(t.db, LIMITS.signInByAddress, ADDRESS, T0 + i);
		expect(await child(PASS, T0 + 1000)).toEqual({ kind: 'limited', retryAfterSeconds: 15 * 60 - 1 });
		expect((await staff(PASS, T0 + 1000)).kind).toBe('limited');
		expect((await child(PASS, T0 + 1000, USERNAME, '203.0.113.9')).kind).toBe('ok');
	});

	it('the address limit is 50 per 15 minutes and the account limits 5 and 10 (SECURITY §3.3)', () => {
		expect(LIMITS.signInByAddress).toMatchObject({ max: 50, windowMs: 15 * MIN });
		expect(LIMITS.respondentSignIn).toMatchObject({ max: 5, windowMs: 15 * MIN });
		expect(LIMITS.staffSignIn).toMatchObject({ max: 10, windowMs: 15 * MIN });
	});
});
