import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Access } from './access/require';
import { claimCode } from './auth/activate';
import type { Actor } from './auth/actor';
import * as users from './data/users';
import { openTestDatabase, seedFamily, type Family, type TestDatabase } from './db/test-db';
import { createLetter, letterCandidates } from './letters';
import { qrShape } from './qr';

/**
 * Issue 5's printable invitation letters: a fresh one-time code (SEC-A3) and a QR code carrying it
 * in the URL fragment only (SEC-A9), for the child's current people who have not activated.
 */
let t: TestDatabase;
let f: Family;
vi.mock('$lib/server/db', async (importOriginal) => ({ ...(await importOriginal<typeof import('$lib/server/db')>()), database: () => t.db }));

const T0 = Date.UTC(2029, 10, 1, 9, 0, 0);
const ORIGIN = 'https://myreview.example.gov.uk';

beforeEach(async () => {
	t = await openTestDatabase();
	f = await seedFamily(t.db, T0);
});
afterEach(async () => {
	await t?.close();
});

function iro(childId = f.childId, reviewId = f.reviewId): Access<'code.issue'> {
	const actor: Actor = { id: f.iroId, role: 'iro', displayName: 'Rowan Patel', childId: null, locale: null };
	return { actor, action: 'code.issue', childId, reviewId } as unknown as Access<'code.issue'>;
}

describe('issue 5: invitation letters', () => {
	it('SEC-A9: the letter’s QR code encodes the sign-in address with the code in the fragment, never the query', async () => {
		const letter = await createLetter(iro(), f.parentId, ORIGIN, T0);
		expect(letter).not.toBeNull();
		expect(letter!.code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
		expect(letter!.signInAddress).toBe(`${ORIGIN}/activate`);
		// QR encoding is deterministic: the drawn modules are exactly those of the fragment URL.
		expect(letter!.qr).toEqual(qrShape(`${ORIGIN}/activate#code=${letter!.code}`));
		expect(letter!.qr.path).not.toBe(qrShape(`${ORIGIN}/activate?code=${letter!.code}`).path);
		// PRIV-H8, T13: only the first name goes on the letter.
		expect(letter!.firstName).toBe('Jo');
		expect(JSON.stringify(letter)).not.toContain('Reed');
	});

	it('SEC-A3: the letter’s code is a real one-time code for that person, and issuing it is audited', async () => {
		const letter = (await createLetter(iro(), f.youngPersonId, ORIGIN, T0))!;
		const claimed = await claimCode(t.db, { code: letter.code, address: '198.51.100.9' }, T0 + 60_000);
		expect(claimed.kind).toBe('ok');
		const rows = await t.db.selectFrom('audit_event').select(['action', 'actor_id', 'child_id']).where('action', '=', 'code_issued').execute();
		expect(rows).toEqual([{ action: 'code_issued', actor_id: f.iroId, child_id: f.childId }]);
	});

	it('SEC-A3: a new letter stops the previous letter’s code working', async () => {
		const a = (await createLetter(iro(), f.parentId, ORIGIN, T0))!;
		const b = (await createLetter(iro(), f.parentId, ORIGIN, T0 + 1000))!;
		expect(a.code).not.toBe(b.code);
		expect((await claimCode(t.db, { code: a.code, address: '198.51.100.9' }, T0 + 2000)).kind).not.toBe('ok');
		expect((await claimCode(t.db, { code: b.code, address: '198.51.100.9' }, T0 + 3000)).kind).toBe('ok');
	});

	it('SEC-Z1: no letter for someone who has already activated, or who is not this child’s', async () => {
		await users.setCredentials(t.db, f.carerId, 'pat-green-11', 'hash', T0);
		expect((await letterCandidates(iro(), T0)).map((c) => c.userId).sort()).toEqual([f.youngPersonId, f.parentId].sort());
		expect(await createLetter(iro(), f.carerId, ORIGIN, T0)).toBeNull();
		expect(await createLetter(iro(), f.otherYoungPersonId, ORIGIN, T0)).toBeNull();
		const issued = await t.db.selectFrom('activation_code').select('id').execute();
		expect(issued).toEqual([]);
	});
});

describe('qrShape', () => {
	it('SEC-A9: the QR code is drawn as a version-sized square with the three finder patterns in their corners', () => {
		const { size, path } = qrShape(`${ORIGIN}/activate#code=ABCDE-23456`);
		expect((size - 17) % 4).toBe(0);
		// Each finder pattern's top edge is a run of 7 dark modules at x = 0 and x = size - 7 on row 0.
		expect(path.startsWith('M0 0h7v1h-7z')).toBe(true);
		expect(path).toContain(`M${size - 7} 0h7v1h-7z`);
		expect(path).toContain(`M0 ${size - 1}h7v1h-7z`);
	});
});
