import { defineFeedbackForm } from '../define';
import { RATHER_NOT_SAY } from '../../types';

/**
 * `feedback-young-person-13-plus` v1 (DOMAIN §7): every child question, five faces or yes / not sure / no
 * plus optional words, all skippable. Plain English at a reading age of about 9 (DOMAIN §5.8).
 * Wording is in `forms.json` under `feedback-young-person-13-plus.<id>`. A version once answered is
 * never edited: add `v2` instead.
 */
const FACES = ['very-unhappy', 'unhappy', 'okay', 'happy', 'very-happy'];
const YES_NO = ['yes', 'not-sure', 'no'];

export default defineFeedbackForm({
	id: 'feedback-young-person-13-plus',
	version: 1,
	audience: 'young-person',
	title: 'feedback-young-person-13-plus.title',
	readAloud: true,
	pages: [
		{ question: { id: 'fb-listened', topic: 'having-a-say', kind: 'faces', options: FACES }, words: true, positive: ['happy', 'very-happy'], checks: 's25b' },
		{ question: { id: 'fb-iro-alone', topic: 'people-who-help', kind: 'choice', options: ['yes', 'no', 'didnt-want'] }, positive: ['yes'], checks: 'reg36' },
		{ question: { id: 'fb-arrangements', topic: 'my-meeting', kind: 'yes-no', options: YES_NO }, words: true, positive: ['yes'], checks: 'planner' },
		{ question: { id: 'fb-advocate', topic: 'having-a-say', kind: 'yes-no', options: YES_NO }, positive: ['yes'], checks: 'advocacy' },
		{ question: { id: 'fb-understood', topic: 'the-plan', kind: 'yes-no', options: YES_NO }, positive: ['yes'], checks: 'record' },
		{ question: { id: 'fb-agree', topic: 'the-plan', kind: 'yes-no', options: YES_NO }, words: true, positive: ['yes'], checks: 'wishes' },
		{
			question: {
				id: 'fb-hard',
				topic: 'my-meeting',
				kind: 'choices',
				options: ['too-many-people', 'too-long', 'words', 'private-things', 'the-place', 'the-time', 'nothing'],
				exclusive: ['nothing', RATHER_NOT_SAY]
			},
			checks: 'pain-points'
		},
		{
			question: { id: 'fb-report-format', topic: 'my-meeting', kind: 'choices', options: ['in-the-app', 'paper', 'read-to-me', 'pictures', 'another-language'], exclusive: [RATHER_NOT_SAY] },
			checks: 'report'
		},
		{ question: { id: 'fb-better', topic: 'my-meeting', kind: 'text' } }
	]
});
