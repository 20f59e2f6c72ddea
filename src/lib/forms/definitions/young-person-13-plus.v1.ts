import { defineForm } from '../define';

/**
 * `young-person-13-plus` v1 (DOMAIN §5.5): every 8–12 question in older wording, the 13+ additions,
 * the meeting planner (§5.3) and the pathway pages from 16. One question per page; taps come
 * before free text within a topic. Wording is in `forms.json` under `young-person-13-plus.<id>`.
 * A version once answered is never edited: change anything here by adding `v2` (STYLE §4.7).
 */

const FACES = ['very-unhappy', 'unhappy', 'okay', 'happy', 'very-happy'];
/** DOMAIN §5.4: yes / not sure / no. */
const YES_NO = ['yes', 'not-sure', 'no'];
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
	id: 'young-person-13-plus',
	version: 1,
	audience: 'young-person',
	title: 'young-person-13-plus.title',
	questions: [
		// home (Sch. 7 para 5)
		{ id: 'home-feel', wording: 'young-person-13-plus.home-feel', topic: 'home', kind: 'faces', options: FACES },
		{
			id: 'home-talk',
			wording: 'young-person-13-plus.home-talk',
			topic: 'home',
			kind: 'choice',
			options: ['yes', 'sometimes', 'no']
		},
		{ id: 'home-change', wording: 'young-person-13-plus.home-change', topic: 'home', kind: 'text' },
		// safety: a "no" on home-safe or safe-out raises the alert (DOMAIN §5.7), so they come early
		{
			id: 'home-safe',
			wording: 'young-person-13-plus.home-safe',
			topic: 'safety',
			kind: 'yes-no',
			options: YES_NO,
			required: true
		},
		{
			id: 'safe-out',
			wording: 'young-person-13-plus.safe-out',
			topic: 'safety',
			kind: 'yes-no',
			options: YES_NO,
			required: true
		},
		{ id: 'safe-out-more', wording: 'young-person-13-plus.safe-out-more', topic: 'safety', kind: 'text' },
		// family-friends (Sch. 7 para 4)
		{
			id: 'family-time',
			wording: 'young-person-13-plus.family-time',
			topic: 'family-friends',
			kind: 'choice',
			options: ['not-enough', 'about-right', 'too-much', 'different-for-different-people']
		},
		{
			id: 'family-time-more',
			wording: 'young-person-13-plus.family-time-more',
			topic: 'family-friends',
			kind: 'text'
		},
		{
			id: 'friends',
			wording: 'young-person-13-plus.friends',
			topic: 'family-friends',
			kind: 'yes-no',
			options: YES_NO
		},
		{
			id: 'like-friends',
			wording: 'young-person-13-plus.like-friends',
			topic: 'family-friends',
			kind: 'choice',
			options: ['yes', 'some', 'no']
		},
		// school (Sch. 7 para 6)
		{
			id: 'school-feel',
			wording: 'young-person-13-plus.school-feel',
			topic: 'school',
			kind: 'faces',
			options: FACES
		},
		{
			id: 'school-hard',
			wording: 'young-person-13-plus.school-hard',
			topic: 'school',
			kind: 'choices',
			options: ['the-work', 'friends', 'someone-unkind', 'getting-there', 'nothing']
		},
		{ id: 'plans', wording: 'young-person-13-plus.plans', topic: 'school', kind: 'text' },
		// health
		{ id: 'feelings', wording: 'young-person-13-plus.feelings', topic: 'health', kind: 'faces', options: FACES },
		{
			id: 'talk-to-someone',
			wording: 'young-person-13-plus.talk-to-someone',
			topic: 'health',
			kind: 'choice',
			options: ['yes', 'maybe', 'no']
		},
		{ id: 'health-worry', wording: 'young-person-13-plus.health-worry', topic: 'health', kind: 'text' },
		{ id: 'support-private', wording: 'young-person-13-plus.support-private', topic: 'health', kind: 'text' },
		// identity (Sch. 7 para 9)
		{
			id: 'identity',
			wording: 'young-person-13-plus.identity',
			topic: 'identity',
			kind: 'yes-no',
			options: YES_NO
		},
		{ id: 'identity-more', wording: 'young-person-13-plus.identity-more', topic: 'identity', kind: 'text' },
		// fun: not in the 8–12 set; one tap so every §5.2 topic is asked
		{
			id: 'fun',
			wording: 'young-person-13-plus.fun',
			topic: 'fun',
			kind: 'choice',
			options: ['yes', 'some', 'no']
		},
		// people-who-help (Sch. 7 paras 10, 13)
		{
			id: 'know-people',
			wording: 'young-person-13-plus.know-people',
			topic: 'people-who-help',
			kind: 'choice',
			options: ['both', 'one', 'neither']
		},
		// having-a-say: explain-why is the 8–12 "→ want it explained more?" as its own page
		{
			id: 'know-why',
			wording: 'young-person-13-plus.know-why',
			topic: 'having-a-say',
			kind: 'choice',
			options: ['yes', 'a-bit', 'no']
		},
		{
			id: 'explain-why',
			wording: 'young-person-13-plus.explain-why',
			topic: 'having-a-say',
			kind: 'yes-no',
			options: YES_NO
		},
		{
			id: 'have-a-say',
			wording: 'young-person-13-plus.have-a-say',
			topic: 'having-a-say',
			kind: 'choice',
			options: ['always', 'sometimes', 'hardly-ever', 'never']
		},
		{
			id: 'rights',
			wording: 'young-person-13-plus.rights',
			topic: 'having-a-say',
			kind: 'choice',
			options: ['both', 'one', 'neither']
		},
		{
			id: 'advocate-offer',
			wording: 'young-person-13-plus.advocate-offer',
			topic: 'having-a-say',
			kind: 'choice',
			options: ['yes', 'tell-me-more', 'not-now']
		},
		// since-last-time (Sch. 7 para 1)
		{ id: 'since-good', wording: 'young-person-13-plus.since-good', topic: 'since-last-time', kind: 'text' },
		{ id: 'since-hard', wording: 'young-person-13-plus.since-hard', topic: 'since-last-time', kind: 'text' },
		// the-plan (Sch. 7 para 2)
		{
			id: 'next',
			wording: 'young-person-13-plus.next',
			topic: 'the-plan',
			kind: 'choice',
			options: ['stay', 'move', 'go-home', 'other-family', 'not-sure']
		},
		// growing-up: skills from 13, the pathway pages from 16
		{
			id: 'skills',
			wording: 'young-person-13-plus.skills',
			topic: 'growing-up',
			kind: 'choices',
			options: ['money', 'cooking', 'shopping', 'bills', 'travel', 'appointments', 'running-a-home', 'none']
		},
		{
			id: 'pathway-plan',
			wording: 'young-person-13-plus.pathway-plan',
			topic: 'growing-up',
			kind: 'choice',
			options: ['yes', 'partly', 'no', 'not-seen'],
			minAge: 16
		},
		{
			id: 'after-18',
			wording: 'young-person-13-plus.after-18',
			topic: 'growing-up',
			kind: 'choice',
			options: ['with-my-carers', 'supported-lodgings', 'my-own-place', 'family', 'not-sure'],
			minAge: 16
		},
		{
			id: 'documents',
			wording: 'young-person-13-plus.documents',
			topic: 'growing-up',
			kind: 'choices',
			options: ['passport-or-id', 'national-insurance-number', 'bank-account', 'birth-certificate', 'none'],
			minAge: 16
		},
		{
			id: 'money',
			wording: 'young-person-13-plus.money',
			topic: 'growing-up',
			kind: 'faces',
			options: FACES,
			minAge: 16
		},
		{
			id: 'personal-adviser',
			wording: 'young-person-13-plus.personal-adviser',
			topic: 'growing-up',
			kind: 'yes-no',
			options: YES_NO,
			minAge: 16
		},
		// my-meeting: the meeting planner (DOMAIN §5.3); the two fixed answers never leave the IRO
		{
			id: 'meeting-come',
			wording: 'young-person-13-plus.meeting-come',
			topic: 'my-meeting',
			kind: 'choice',
			options: ['all-of-it', 'some-of-it', 'not-this-time', 'not-sure'],
			required: true
		},
		{ id: 'meeting-come-why', wording: 'young-person-13-plus.meeting-come-why', topic: 'my-meeting', kind: 'text' },
		{
			id: 'meeting-who',
			wording: 'young-person-13-plus.meeting-who',
			topic: 'my-meeting',
			kind: 'choices',
			options: PEOPLE
		},
		{
			id: 'meeting-not-who',
			wording: 'young-person-13-plus.meeting-not-who',
			topic: 'my-meeting',
			kind: 'text',
			fixedVisibility: 'iro-only'
		},
		{
			id: 'meeting-where',
			wording: 'young-person-13-plus.meeting-where',
			topic: 'my-meeting',
			kind: 'choice',
			options: ['where-i-live', 'a-place-i-choose', 'video-call', 'dont-mind']
		},
		{
			id: 'meeting-when',
			wording: 'young-person-13-plus.meeting-when',
			topic: 'my-meeting',
			kind: 'choices',
			options: ['after-school-or-college', 'holidays', 'morning', 'afternoon', 'dont-mind']
		},
		{
			id: 'meeting-lead',
			wording: 'young-person-13-plus.meeting-lead',
			topic: 'my-meeting',
			kind: 'choice',
			options: ['yes', 'with-help', 'no']
		},
		{
			id: 'meeting-shape',
			wording: 'young-person-13-plus.meeting-shape',
			topic: 'my-meeting',
			kind: 'choices',
			options: ['short', 'in-parts', 'some-without-me', 'i-lead-it']
		},
		{
			id: 'meeting-views-how',
			wording: 'young-person-13-plus.meeting-views-how',
			topic: 'my-meeting',
			kind: 'choices',
			options: ['this-form', 'tell-my-iro', 'my-advocate', 'letter-drawing-or-recording', 'i-will-say-them']
		},
		{
			id: 'meeting-iro-first',
			wording: 'young-person-13-plus.meeting-iro-first',
			topic: 'my-meeting',
			kind: 'choice',
			options: ['visit', 'phone', 'video', 'message', 'no']
		},
		{
			id: 'meeting-not-talk',
			wording: 'young-person-13-plus.meeting-not-talk',
			topic: 'my-meeting',
			kind: 'text',
			fixedVisibility: 'iro-only'
		},
		{
			id: 'meeting-needs',
			wording: 'young-person-13-plus.meeting-needs',
			topic: 'my-meeting',
			kind: 'choices',
			options: ['interpreter', 'breaks', 'signing', 'someone-with-me', 'shorter-meeting', 'other']
		},
		// anything-else
		{ id: 'anything-else', wording: 'young-person-13-plus.anything-else', topic: 'anything-else', kind: 'text' }
	]
});
