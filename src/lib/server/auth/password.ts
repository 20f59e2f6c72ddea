import { hash, verify } from '@node-rs/argon2';

/** argon2id with STYLE §4.3's parameters (m = 19456 KiB, t = 2, p = 1). Algorithm 2 = argon2id. */
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a secret. Never call inside a transaction (STYLE §4.5: no IO or heavy work there). */
export function hashSecret(secret: string): Promise<string> {
	return hash(secret.normalize('NFKC'), OPTIONS);
}

/** A fixed hash used for unknown accounts so timing matches (SECURITY §3.1). */
let dummy: Promise<string> | undefined;

/** Verifies a secret; with a null hash it still spends the same time and answers false. */
export async function verifySecret(storedHash: string | null, secret: string): Promise<boolean> {
	if (!storedHash) {
		dummy ??= hashSecret('not-a-real-secret-for-timing');
		await verify(await dummy, secret.normalize('NFKC')).catch(() => false);
		return false;
	}
	return verify(storedHash, secret.normalize('NFKC')).catch(() => false);
}
