import { USERNAME_FIRST, USERNAME_SECOND } from './username-words';

function pick<T>(list: readonly T[]): T {
	const buf = new Uint32Array(1);
	crypto.getRandomValues(buf);
	return list[buf[0]! % list.length]!;
}

/** A short username such as `sunny-otter-42`: two child-safe words and two digits, never from the name. */
export function generateUsername(): string {
	const digits = String(10 + (crypto.getRandomValues(new Uint32Array(1))[0]! % 90));
	return `${pick(USERNAME_FIRST)}-${pick(USERNAME_SECOND)}-${digits}`;
}

/** Usernames are typed on phones: lower-case, trimmed, spaces read as dashes. */
export function normaliseUsername(input: string): string {
	return input.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '-');
}
