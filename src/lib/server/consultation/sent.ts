import type { Answer } from '$lib/forms/types';
import type { Db } from '../db';
import * as answers from '../data/answers';
import * as consultations from '../data/consultations';
import type { Consultation } from '../data/consultations';

/**
 * What a respondent last SENT (issue 4 "change after sending"): the live answers when the form
 * is sent; while it is reopened, the newest kept version, so the pack, the shared view and the
 * participation facts never lose a view that was sent (DOMAIN §4: a lost answer turns PN6 into
 * PN7). Null when nothing was ever sent.
 */
export interface SentView {
	submittedAt: number;
	answers: Map<string, Answer>;
	/** The person reopened it and is changing it now. */
	beingChanged: boolean;
}

export async function sentView(db: Db, c: Consultation): Promise<SentView | null> {
	if (c.status === 'submitted' && c.submittedAt !== null) {
		return { submittedAt: c.submittedAt, answers: await answers.forConsultation(db, c.id), beingChanged: false };
	}
	const kept = await consultations.latestVersion(db, c.id);
	if (!kept) return null;
	const list = JSON.parse(kept.answers) as Answer[];
	return { submittedAt: kept.submittedAt, answers: new Map(list.map((a) => [a.questionId, a])), beingChanged: true };
}
