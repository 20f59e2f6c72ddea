import type { Selectable } from 'kysely';
import type { Role } from '../auth/actor';
import type { Db } from '../db';
import type { AppUserTable } from '../db/schema';
import { newId } from '../ids';

type UserRow = Selectable<AppUserTable>;

export interface User {
	id: string;
	role: Role;
	displayName: string;
	email: string | null;
	username: string | null;
	childId: string | null;
	active: boolean;
	activatedAt: number | null;
}

/** Sign-in facts: the hash never leaves the auth use-cases. */
export interface Credentials {
	id: string;
	role: Role;
	passwordHash: string | null;
	active: boolean;
}

function toUser(r: UserRow): User {
	return {
		id: r.id, role: r.role as Role, displayName: r.display_name, email: r.email, username: r.username,
		childId: r.child_id, active: r.active === 1, activatedAt: r.activated_at
	};
}

export async function createStaff(
	db: Db,
	input: { role: 'admin' | 'iro' | 'advocate'; email: string; displayName: string; passwordHash: string | null },
	now: number
): Promise<string> {
	const id = newId();
	await db
		.insertInto('app_user')
		.values({ id, role: input.role, email: input.email.toLowerCase(), display_name: input.displayName, password_hash: input.passwordHash, created_at: now, username: null, child_id: null, preferred_locale: null, activated_at: input.passwordHash ? now : null })
		.execute();
	return id;
}

/** A respondent record: no username or passphrase until they activate with a code. */
export async function createRespondent(
	db: Db,
	input: { role: 'young-person' | 'parent' | 'carer'; displayName: string; childId?: string | null },
	now: number
): Promise<string> {
	const id = newId();
	await db
		.insertInto('app_user')
		.values({ id, role: input.role, display_name: input.displayName, child_id: input.childId ?? null, email: null, username: null, password_hash: null, created_at: now, preferred_locale: null, activated_at: null })
		.execute();
	return id;
}

export async function get(db: Db, id: string): Promise<User | undefined> {
	const r = await db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
	return r && toUser(r);
}

export async function credentialsByEmail(db: Db, email: string): Promise<Credentials | undefined> {
	const r = await db
		.selectFrom('app_user')
		.select(['id', 'role', 'password_hash', 'active'])
		.where('email', '=', email.trim().toLowerCase())
		.executeTakeFirst();
	return r && { id: r.id, role: r.role as Role, passwordHash: r.password_hash, active: r.active === 1 };
}

/** SEC-S5: the signed-in person's own credentials, for the confirm-password step. */
export async function credentialsById(db: Db, id: string): Promise<Credentials | undefined> {
	const r = await db.selectFrom('app_user').select(['id', 'role', 'password_hash', 'active']).where('id', '=', id).executeTakeFirst();
	return r && { id: r.id, role: r.role as Role, passwordHash: r.password_hash, active: r.active === 1 };
}

export async function credentialsByUsername(db: Db, username: string): Promise<Credentials | undefined> {
	const r = await db
		.selectFrom('app_user')
		.select(['id', 'role', 'password_hash', 'active'])
		.where('username', '=', username)
		.executeTakeFirst();
	return r && { id: r.id, role: r.role as Role, passwordHash: r.password_hash, active: r.active === 1 };
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
	const r = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
	return r !== undefined;
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
	const r = await db.selectFrom('app_user').select('id').where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
	return r !== undefined;
}

/** Sets the passphrase hash, and a respondent's username (staff sign in with email: null keeps it). */
export async function setCredentials(db: Db, id: string, username: string | null, passwordHash: string, now: number): Promise<void> {
	await db
		.updateTable('app_user')
		.set({ password_hash: passwordHash, activated_at: now, ...(username ? { username } : {}) })
		.where('id', '=', id)
		.execute();
}

export async function listByRole(db: Db, role: Role): Promise<User[]> {
	const rows = await db.selectFrom('app_user').selectAll().where('role', '=', role).orderBy('display_name').execute();
	return rows.map(toUser);
}

/** A respondent's own address for content-free notifications (PRIV-H8), or null for none. */
export async function setNotifyEmail(db: Db, id: string, email: string | null): Promise<void> {
	await db.updateTable('app_user').set({ notify_email: email === null ? null : email.trim().toLowerCase() }).where('id', '=', id).execute();
}

/** A reissued code replaces the passphrase: the old one stops working at once (SECURITY §3.1, T13). */
export async function clearPassword(db: Db, id: string): Promise<void> {
	await db.updateTable('app_user').set({ password_hash: null }).where('id', '=', id).execute();
}

/** The language a person chose (issue 7: remembered per person, not just per device). */
export async function setLocale(db: Db, id: string, locale: string): Promise<void> {
	await db.updateTable('app_user').set({ preferred_locale: locale }).where('id', '=', id).execute();
}

/** As `setLocale`, only when the person has not chosen one yet. */
export async function setLocaleIfUnset(db: Db, id: string, locale: string): Promise<void> {
	await db.updateTable('app_user').set({ preferred_locale: locale }).where('id', '=', id).where('preferred_locale', 'is', null).execute();
}
