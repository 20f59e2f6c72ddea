import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** An opaque random id: 120 bits as 24 lowercase base32 characters (unguessable URLs, SEC-D2). */
export function newId(): string {
	const bytes = new Uint8Array(15);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export const ID_PATTERN = /^[a-z2-7]{24}$/;
