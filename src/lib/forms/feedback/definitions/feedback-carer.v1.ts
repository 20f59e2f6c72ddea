import { defineFeedbackForm } from '../define';

/**
 * `feedback-carer` v1 (DOMAIN §7 "Carer"): yes / not sure / no plus optional words, all skippable,
 * plain English at a reading age of about 9 (DOMAIN §5.8). Wording is in `forms.json` under
 * `feedback-carer.<id>`. A version once answered is never edited: add `v2` instead.
 */
const YES_NO = ['yes', 'not-sure', 'no'];

export default defineFeedbackForm({
	id: 'feedback-carer',
	version: 1,
	audience: 'carer',
	title: 'feedback-carer.title',
	pages: [
		{ question: { id: 'fb-report-used', topic: 'my-meeting', kind: 'yes-no', options: YES_NO }, words: true, positive: ['yes'], checks: 'carer-report' },
		{ question: { id: 'fb-support', topic: 'home', kind: 'yes-no', options: YES_NO }, words: true, positive: ['yes'], checks: 'support' },
		{ question: { id: 'fb-actions', topic: 'the-plan', kind: 'yes-no', options: YES_NO }, positive: ['yes'], checks: 'actions' },
		{ question: { id: 'fb-record', topic: 'the-plan', kind: 'choice', options: ['yes', 'not-yet', 'no'] }, positive: ['yes'], checks: 'record' },
		{ question: { id: 'fb-better', topic: 'my-meeting', kind: 'text' } }
	]
});
