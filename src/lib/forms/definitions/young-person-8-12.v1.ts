import { defineForm } from '../define';
import { RATHER_NOT_SAY } from '../types';

/**
 * `young-person-8-12` v1 (DOMAIN §5.5): short plain questions, mostly one tap, five faces like 13+,
 * each face question followed by an optional "tell me more" page, and all of the meeting planner
 * (§5.3) including the two fixed IRO-only answers. Sentences of 12 words or fewer, Flesch–Kincaid
 * grade ≤4 (A11Y-21, `reading-level.spec.ts`).
 * Wording is in `forms.json` under `young-person-8-12.<id>`. A version once answered is never edited:
 * change anything here by adding `v2` (STYLE §4.7).
 */

const FACES = ['very-unhappy', 'unhappy', 'okay', 'happy', 'very-happy'];
/** DOMAIN §5.4: yes / not sure / no. */
const YES_NO = ['yes', 'not-sure', 'no'];
/** "I'd rather not say" (appended by defineForm) can't be ticked with anything else. */
const ALONE = [RATHER_NOT_SAY];
/** The `people` kind as roles until the child's own people come from their record (DOMAIN §5.4). */
const PEOPLE = [
	'my-carers',
	'my-mum',
	'my-dad',
	'brothers-or-sisters',
	'grandparents',
	'my-social-worker',
	'a-teacher',
	'a-friend',
	'my-advocate',
	'someone-else'
];

export default defineForm({
	id: 'young-person-8-12',
	version: 1,
	audience: 'young-person',
	title: 'young-person-8-12.title',
	readAloud: true,
	questions: [
		// since-last-time (Sch. 7 para 1)
		{ id: 'since-good', wording: 'young-person-8-12.since-good', topic: 'since-last-time', kind: 'text' },
		{ id: 'since-hard', wording: 'young-person-8-12.since-hard', topic: 'since-last-time', kind: 'text' },
		// home (Sch. 7 para 5): "Anything you'd change there?" is the face's "tell me more"
		{ id: 'home-feel', wording: 'young-person-8-12.home-feel', topic: 'home', kind: 'faces', options: FACES },
		{ id: 'home-change', wording: 'young-person-8-12.home-change', topic: 'home', kind: 'text' },
		{
			id: 'home-talk',
			wording: 'young-person-8-12.home-talk',
			topic: 'home',
			kind: 'choice',
			options: ['yes', 'sometimes', 'no']
		},
		// safety: "no" raises the alert, "not sure" asks (DOMAIN §5.7)
		{
			id: 'home-safe',
			wording: 'young-person-8-12.home-safe',
			topic: 'safety',
			kind: 'yes-no',
			options: YES_NO,
			required: true,
			safetyTrigger: ['no']
		},
		// family-friends (Sch. 7 para 4): "(+ who)" is its own text page
		{
			id: 'family-time',
			wording: 'young-person-8-12.family-time',
			topic: 'family-friends',
			kind: 'choice',
			options: ['not-enough', 'about-right', 'too-much', 'different-for-different-people']
		},
		{ id: 'family-time-more', wording: 'young-person-8-12.family-time-more', topic: 'family-friends', kind: 'text' },
		{ id: 'friends', wording: 'young-person-8-12.friends', topic: 'family-friends', kind: 'yes-no', options: YES_NO },
		{
			id: 'like-friends',
			wording: 'young-person-8-12.like-friends',
			topic: 'family-friends',
			kind: 'choice',
			options: ['yes', 'some', 'no']
		},
		// school (Sch. 7 para 6)
		{ id: 'school-feel', wording: 'young-person-8-12.school-feel', topic: 'school', kind: 'faces', options: FACES },
		{ id: 'school-feel-more', wording: 'young-person-8-12.school-feel-more', topic: 'school', kind: 'text' },
		{
			id: 'school-hard',
			wording: 'young-person-8-12.school-hard',
			topic: 'school',
			kind: 'choices',
			options: ['the-work', 'friends', 'someone-unkind', 'getting-there', 'nothing'],
			exclusive: ['nothing', RATHER_NOT_SAY]
		},
		// health
		{ id: 'feelings', wording: 'young-person-8-12.feelings', topic: 'health', kind: 'faces', options: FACES },
		{ id: 'feelings-more', wording: 'young-person-8-12.feelings-more', topic: 'health', kind: 'text' },
		{ id: 'health-worry', wording: 'young-person-8-12.health-worry', topic: 'health', kind: 'text' },
		{
			id: 'talk-to-someone',
			wording: 'young-person-8-12.talk-to-someone',
			topic: 'health',
			kind: 'choice',
			options: ['yes', 'maybe', 'no']
		},
		// identity (Sch. 7 para 9): yes-no + text
		{ id: 'identity', wording: 'young-person-8-12.identity', topic: 'identity', kind: 'yes-no', options: YES_NO },
		{ id: 'identity-more', wording: 'young-person-8-12.identity-more', topic: 'identity', kind: 'text' },
		// having-a-say: explain-why is "→ want it explained more?" as its own page
		{
			id: 'know-why',
			wording: 'young-person-8-12.know-why',
			topic: 'having-a-say',
			kind: 'choice',
			options: ['yes', 'a-bit', 'no']
		},
		{ id: 'explain-why', wording: 'young-person-8-12.explain-why', topic: 'having-a-say', kind: 'yes-no', options: YES_NO },
		{
			id: 'have-a-say',
			wording: 'young-person-8-12.have-a-say',
			topic: 'having-a-say',
			kind: 'choice',
			options: ['always', 'sometimes', 'hardly-ever', 'never']
		},
		{
			id: 'advocate-offer',
			wording: 'young-person-8-12.advocate-offer',
			topic: 'having-a-say',
			kind: 'choice',
			options: ['yes', 'tell-me-more', 'not-now']
		},
		// people-who-help (Sch. 7 paras 10, 13)
		{
			id: 'know-people',
			wording: 'young-person-8-12.know-people',
			topic: 'people-who-help',
			kind: 'choice',
			options: ['both', 'one', 'neither']
		},
		// the-plan (Sch. 7 para 2)
		{
			id: 'next',
			wording: 'young-person-8-12.next',
			topic: 'the-plan',
			kind: 'choice',
			options: ['stay', 'move', 'go-home', 'other-family', 'not-sure']
		},
		// my-meeting: all of the planner (DOMAIN §5.3); the two fixed answers never leave the IRO
		{
			id: 'meeting-come',
			wording: 'young-person-8-12.meeting-come',
			topic: 'my-meeting',
			kind: 'choice',
			options: ['all-of-it', 'some-of-it', 'not-this-time', 'not-sure'],
			required: true
		},
		{ id: 'meeting-come-why', wording: 'young-person-8-12.meeting-come-why', topic: 'my-meeting', kind: 'text' },
		{
			id: 'meeting-who',
			wording: 'young-person-8-12.meeting-who',
			topic: 'my-meeting',
			kind: 'choices',
			options: PEOPLE,
			exclusive: ALONE
		},
		{
			id: 'meeting-not-who',
			wording: 'young-person-8-12.meeting-not-who',
			topic: 'my-meeting',
			kind: 'text',
			fixedVisibility: 'iro-only'
		},
		{
			id: 'meeting-where',
			wording: 'young-person-8-12.meeting-where',
			topic: 'my-meeting',
			kind: 'choice',
			options: ['where-i-live', 'a-place-i-choose', 'video-call', 'dont-mind']
		},
		{
			id: 'meeting-when',
			wording: 'young-person-8-12.meeting-when',
			topic: 'my-meeting',
			kind: 'choices',
			options: ['after-school', 'holidays', 'morning', 'afternoon', 'dont-mind'],
			exclusive: ['dont-mind', RATHER_NOT_SAY]
		},
		{
			id: 'meeting-lead',
			wording: 'young-person-8-12.meeting-lead',
			topic: 'my-meeting',
			kind: 'choice',
			options: ['yes', 'with-help', 'no']
		},
		{
			id: 'meeting-views-how',
			wording: 'young-person-8-12.meeting-views-how',
			topic: 'my-meeting',
			kind: 'choices',
			options: ['this-form', 'tell-my-iro', 'my-advocate', 'letter-drawing-or-recording', 'i-will-say-them'],
			exclusive: ALONE
		},
		{
			id: 'meeting-iro-first',
			wording: 'young-person-8-12.meeting-iro-first',
			topic: 'my-meeting',
			kind: 'choice',
			options: ['visit', 'phone', 'video', 'message', 'no']
		},
		{
			id: 'meeting-not-talk',
			wording: 'young-person-8-12.meeting-not-talk',
			topic: 'my-meeting',
			kind: 'text',
			fixedVisibility: 'iro-only'
		},
		{
			id: 'meeting-needs',
			wording: 'young-person-8-12.meeting-needs',
			topic: 'my-meeting',
			kind: 'choices',
			options: ['interpreter', 'breaks', 'signing', 'someone-with-me', 'shorter-meeting', 'other', 'nothing'],
			exclusive: ['nothing', RATHER_NOT_SAY]
		},
		// anything-else
		{ id: 'anything-else', wording: 'young-person-8-12.anything-else', topic: 'anything-else', kind: 'text' }
	]
});
