import { defineFeedbackForm } from '../define';

/**
 * `feedback-young-person-4-7` v1 (DOMAIN §7, the 4–7 wording in brackets there): five short pages
 * done with a trusted adult, read aloud, three faces. About 8 words a question, Flesch–Kincaid grade
 * ≤2 (A11Y-21, `reading-level.spec.ts`). Every page can be skipped. Wording is in `forms.json` under
 * `feedback-young-person-4-7.<id>`. A version once answered is never edited: add `v2` instead.
 */
export default defineFeedbackForm({
	id: 'feedback-young-person-4-7',
	version: 1,
	audience: 'young-person',
	title: 'feedback-young-person-4-7.title',
	assisted: true,
	readAloud: true,
	pages: [
		// On a three-face scale only the top face counts as positive (the top two of five, DOMAIN §7).
		{ question: { id: 'fb-listened', topic: 'having-a-say', kind: 'faces', options: ['sad', 'okay', 'happy'] }, words: true, positive: ['happy'], checks: 's25b' },
		{ question: { id: 'fb-iro-alone', topic: 'people-who-help', kind: 'choice', options: ['yes', 'no', 'didnt-want'] }, positive: ['yes'], checks: 'reg36' },
		{ question: { id: 'fb-advocate', topic: 'having-a-say', kind: 'yes-no', options: ['yes', 'not-sure', 'no'] }, positive: ['yes'], checks: 'advocacy' },
		{ question: { id: 'fb-understood', topic: 'the-plan', kind: 'yes-no', options: ['yes', 'not-sure', 'no'] }, positive: ['yes'], checks: 'record' },
		{ question: { id: 'fb-better', topic: 'my-meeting', kind: 'drawing' }, words: true }
	]
});
