import { defineFeedbackForm } from '../define';

/**
 * `feedback-parent` v1 (DOMAIN §7 "Parent"): yes / not sure / no plus optional words, all skippable,
 * plain English at a reading age of about 9 (DOMAIN §5.8). Wording is in `forms.json` under
 * `feedback-parent.<id>`. A version once answered is never edited: add `v2` instead.
 */
const YES_NO = ['yes', 'not-sure', 'no'];

export default defineFeedbackForm({
	id: 'feedback-parent',
	version: 1,
	audience: 'parent',
	title: 'feedback-parent.title',
	pages: [
		{ question: { id: 'fb-invited', topic: 'my-meeting', kind: 'yes-no', options: YES_NO }, positive: ['yes'], checks: 'invited' },
		{ question: { id: 'fb-reports', topic: 'my-meeting', kind: 'yes-no', options: YES_NO }, positive: ['yes'], checks: 'reports' },
		{ question: { id: 'fb-access', topic: 'my-meeting', kind: 'yes-no', options: YES_NO }, words: true, positive: ['yes'], checks: 'access' },
		{ question: { id: 'fb-heard', topic: 'having-a-say', kind: 'yes-no', options: YES_NO }, words: true, positive: ['yes'], checks: 'wishes' },
		{ question: { id: 'fb-understood', topic: 'the-plan', kind: 'yes-no', options: YES_NO }, positive: ['yes'], checks: 'record' },
		{ question: { id: 'fb-record', topic: 'the-plan', kind: 'choice', options: ['yes', 'not-yet', 'no'] }, positive: ['yes'], checks: 'record' },
		{ question: { id: 'fb-better', topic: 'my-meeting', kind: 'text' } }
	]
});
