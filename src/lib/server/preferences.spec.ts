import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from './db/test-db';
import { rememberFirstScreenLocale } from './preferences';
import * as users from './data/users';

/**
 * Issue 7: the language picked on the first screen becomes the person's own at sign-in, unless
 * they already chose one (a shared phone's cookie never overwrites a person's choice).
 */
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

function event(cookie: string | undefined, origin = 'http://127.0.0.1:4173'): RequestEvent {
	const url = new URL(`${origin}/sign-in`);
	const name = url.protocol === 'https:' ? '__Host-lang' : 'lang';
	return { url, cookies: { get: (n: string) => (n === name ? cookie : undefined) } } as unknown as RequestEvent;
}

async function saved(id: string): Promise<string | null> {
	const r = await t.db.selectFrom('app_user').select('preferred_locale').where('id', '=', id).executeTakeFirstOrThrow();
	return r.preferred_locale;
}

describe('rememberFirstScreenLocale', () => {
	it('saves the first-screen language for someone who has none', async () => {
		await rememberFirstScreenLocale(t.db, event('ar'), f.youngPersonId);
		expect(await saved(f.youngPersonId)).toBe('ar');
	});
	it('reads the __Host- cookie on https', async () => {
		await rememberFirstScreenLocale(t.db, event('cy', 'https://review.example'), f.youngPersonId);
		expect(await saved(f.youngPersonId)).toBe('cy');
	});
	it('never overwrites a language the person chose', async () => {
		await users.setLocale(t.db, f.youngPersonId, 'pl');
		await rememberFirstScreenLocale(t.db, event('ar'), f.youngPersonId);
		expect(await saved(f.youngPersonId)).toBe('pl');
	});
	it('ignores a missing or unshipped cookie value', async () => {
		await rememberFirstScreenLocale(t.db, event(undefined), f.youngPersonId);
		await rememberFirstScreenLocale(t.db, event('xx'), f.youngPersonId);
		expect(await saved(f.youngPersonId)).toBeNull();
	});
});
