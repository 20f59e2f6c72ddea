import type { Access } from './access/require';
import { database } from './db';
import { env } from './env';
import { issueFor, listRespondents, type Respondent } from './people';
import { qrShape, type QrShape } from './qr';

/**
 * Printable invitation letters (issue 5): for each current respondent who has not activated, the
 * allocated IRO makes a letter with a fresh one-time code (SEC-A3) and a QR code that opens
 * `/activate` with the code in the URL fragment, never the query (SEC-A9): a fragment is never
 * sent to the server, so it reaches no request log, proxy or Referer. The letter is neutral
 * outside (PRIV-H8): the service name, a first name, the address and the code.
 */
export interface LetterCandidate {
	userId: string;
	name: string;
	kind: Respondent['kind'];
	code: Respondent['code'];
	invited: boolean;
}

export interface Letter {
	userId: string;
	/** Only the first name: the letter may be opened by someone else (T13). */
	firstName: string;
	code: string;
	/** Where to type the code, shown in words on the letter. */
	signInAddress: string;
	/** The QR code of `${signInAddress}#code=${code}`. */
	qr: QrShape;
}

/** Who can be sent a letter: the child and their current parents and carers who have not activated yet. */
export async function letterCandidates(access: Access<'code.issue'>, now: number): Promise<LetterCandidate[]> {
	const all = await listRespondents(database(), access.childId!, access.reviewId, now);
	return all.filter((r) => r.current && !r.activated).map((r) => ({ userId: r.userId, name: r.name, kind: r.kind, code: r.code, invited: r.invited }));
}

/** The service's public origin: PUBLIC_URL or ORIGIN, else the address this request came to. */
export function publicOrigin(requestOrigin: string): string {
	return env().mail.publicUrl ?? requestOrigin;
}

/**
 * Issues a fresh code (an earlier unused one stops working) and lays out the letter. Null when the
 * person is not one of this child's current, not-yet-activated respondents.
 */
export async function createLetter(access: Access<'code.issue'>, userId: string, origin: string, now: number): Promise<Letter | null> {
	const candidates = await letterCandidates(access, now);
	if (!candidates.some((c) => c.userId === userId)) return null;
	const issued = await issueFor(access, access.childId!, userId, now);
	if (!issued) return null;
	const signInAddress = `${origin}/activate`;
	return {
		userId,
		firstName: issued.name.trim().split(/\s+/)[0] ?? issued.name,
		code: issued.code,
		signInAddress,
		qr: qrShape(`${signInAddress}#code=${issued.code}`)
	};
}
