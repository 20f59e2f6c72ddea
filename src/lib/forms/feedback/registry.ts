import type { FormBand } from '$lib/domain/age-band';
import type { RespondentKind } from '$lib/domain/age-band';
import feedbackCarerV1 from './definitions/feedback-carer.v1';
import feedbackParentV1 from './definitions/feedback-parent.v1';
import feedbackYoungPerson13PlusV1 from './definitions/feedback-young-person-13-plus.v1';
import feedbackYoungPerson4To7V1 from './definitions/feedback-young-person-4-7.v1';
import feedbackYoungPerson8To12V1 from './definitions/feedback-young-person-8-12.v1';
import type { FeedbackForm, FeedbackFormId } from './types';

/**
 * Every feedback form, every version, imported statically so the same list exists on the client
 * and the server. Old versions stay for good: a response is pinned to the version it was invited
 * with, and the IRO's results show that version's wording (DOMAIN §5.8).
 */
export const ALL_FEEDBACK_FORMS: readonly FeedbackForm[] = Object.freeze([
	feedbackYoungPerson4To7V1,
	feedbackYoungPerson8To12V1,
	feedbackYoungPerson13PlusV1,
	feedbackParentV1,
	feedbackCarerV1
]);

export function feedbackFormById(id: string, version: number): FeedbackForm | undefined {
	return ALL_FEEDBACK_FORMS.find((f) => f.id === id && f.version === version);
}

export function latestFeedbackForm(id: FeedbackFormId): FeedbackForm {
	let latest: FeedbackForm | undefined;
	for (const form of ALL_FEEDBACK_FORMS) if (form.id === id && (!latest || form.version > latest.version)) latest = form;
	if (!latest) throw new Error(`unknown feedback form ${id}`);
	return latest;
}

/**
 * The feedback form for a respondent (DOMAIN §7): parents and carers their own; the child the
 * version for their band on the review date (DOMAIN §5.1, the IRO's override included), none under 4.
 */
export function feedbackFormIdFor(kind: RespondentKind, band: FormBand | null): FeedbackFormId | null {
	if (kind === 'parent') return 'feedback-parent';
	if (kind === 'carer') return 'feedback-carer';
	return band ? `feedback-young-person-${band}` : null;
}
