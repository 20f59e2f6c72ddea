import { defineForm } from '../define';
import { RATHER_NOT_SAY } from '../types';

/**
 * `young-person-4-7` v1 (DOMAIN §5.5): a young child, about 4 to 7, answering with a trusted adult.
 * Pictures and three faces with word labels, every question and choice read aloud on tap, one tap a
 * page, about 8 words a question (A11Y-21: Flesch–Kincaid grade ≤2, `reading-level.spec.ts`).
 * - The first two pages are for the adult: who helped and how (A11Y-C6, PRIV-11).
 * - Where §5.5 pairs a question with a drawing, the drawing is its own optional page straight after
 *   (one question per page, STYLE §4.8); with JS off the page is a plain "Continue" that skips it.
 * - The meeting planner is only `meeting-come`, `meeting-who`, `meeting-iro-first` and
 *   `meeting-needs` (DOMAIN §5.3).
 * Wording is in `forms.json` under `young-person-4-7.<id>`. A version once answered is never edited:
 * change anything here by adding `v2` (STYLE §4.7).
 */

/** DOMAIN §5.4: three faces for 4–7, each with a visible word. */
const FACES = ['sad', 'okay', 'happy'];
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
	id: 'young-person-4-7',
	version: 1,
	audience: 'young-person',
	title: 'young-person-4-7.title',
	assisted: true,
	readAloud: true,
	questions: [
		// To the adult: who helped and how (DOMAIN §5.5, A11Y-C6). Filed under having-a-say, which
		// covers how the child was included.
		{
			id: 'who-helped',
			wording: 'young-person-4-7.who-helped',
			topic: 'having-a-say',
			kind: 'choices',
			options: ['carer', 'social-worker', 'advocate', 'iro', 'teacher', 'family', 'other'],
			exclusive: ALONE,
			required: true
		},
		{
			id: 'how-helped',
			wording: 'young-person-4-7.how-helped',
			topic: 'having-a-say',
			kind: 'choices',
			options: ['read-to-them', 'they-point', 'they-tell-me', 'i-write-it-down'],
			exclusive: ALONE,
			required: true
		},
		// home
		{ id: 'home-feel', wording: 'young-person-4-7.home-feel', topic: 'home', kind: 'faces', options: FACES },
		{ id: 'home-grown-ups', wording: 'young-person-4-7.home-grown-ups', topic: 'home', kind: 'faces', options: FACES },
		// safety: "no" raises the alert, "not sure" asks (DOMAIN §5.7), so it comes early
		{
			id: 'home-safe',
			wording: 'young-person-4-7.home-safe',
			topic: 'safety',
			kind: 'yes-no',
			options: YES_NO,
			required: true,
			safetyTrigger: ['no']
		},
		// family-friends: "No one" gives the negative equal weight (DOMAIN §5.8, not leading)
		{
			id: 'miss-someone',
			wording: 'young-person-4-7.miss-someone',
			topic: 'family-friends',
			kind: 'choices',
			options: ['mum', 'dad', 'brothers-or-sisters', 'grandparents', 'a-friend', 'a-pet', 'someone-else', 'no-one'],
			exclusive: ['no-one', RATHER_NOT_SAY]
		},
		{ id: 'miss-someone-draw', wording: 'young-person-4-7.miss-someone-draw', topic: 'family-friends', kind: 'drawing' },
		{
			id: 'family-time',
			wording: 'young-person-4-7.family-time',
			topic: 'family-friends',
			kind: 'choice',
			options: ['not-enough', 'just-right', 'too-much']
		},
		// school
		{ id: 'school-feel', wording: 'young-person-4-7.school-feel', topic: 'school', kind: 'faces', options: FACES },
		// fun
		{
			id: 'fun',
			wording: 'young-person-4-7.fun',
			topic: 'fun',
			kind: 'choices',
			options: ['playing-outside', 'games', 'drawing', 'books', 'sport', 'music', 'toys', 'something-else'],
			exclusive: ALONE
		},
		{ id: 'fun-draw', wording: 'young-person-4-7.fun-draw', topic: 'fun', kind: 'drawing' },
		// health: "drawing/text" is a drawing page, then the adult writes the child's own words
		{ id: 'worry', wording: 'young-person-4-7.worry', topic: 'health', kind: 'yes-no', options: YES_NO },
		{ id: 'worry-draw', wording: 'young-person-4-7.worry-draw', topic: 'health', kind: 'drawing' },
		{ id: 'worry-words', wording: 'young-person-4-7.worry-words', topic: 'health', kind: 'text' },
		// having-a-say: explain-why is "→ Would you like someone to explain?" as its own page
		{
			id: 'know-why',
			wording: 'young-person-4-7.know-why',
			topic: 'having-a-say',
			kind: 'choice',
			options: ['yes', 'a-bit', 'no']
		},
		{ id: 'explain-why', wording: 'young-person-4-7.explain-why', topic: 'having-a-say', kind: 'yes-no', options: YES_NO },
		{
			id: 'advocate-offer',
			wording: 'young-person-4-7.advocate-offer',
			topic: 'having-a-say',
			kind: 'choice',
			options: ['yes', 'not-now']
		},
		// people-who-help
		{
			id: 'know-social-worker',
			wording: 'young-person-4-7.know-social-worker',
			topic: 'people-who-help',
			kind: 'yes-no',
			options: YES_NO
		},
		// my-meeting: the four 4–7 questions of the planner (DOMAIN §5.3)
		{
			id: 'meeting-come',
			wording: 'young-person-4-7.meeting-come',
			topic: 'my-meeting',
			kind: 'choice',
			options: ['all-of-it', 'some-of-it', 'not-this-time', 'not-sure'],
			required: true
		},
		{
			id: 'meeting-who',
			wording: 'young-person-4-7.meeting-who',
			topic: 'my-meeting',
			kind: 'choices',
			options: PEOPLE,
			exclusive: ALONE
		},
		{
			id: 'meeting-iro-first',
			wording: 'young-person-4-7.meeting-iro-first',
			topic: 'my-meeting',
			kind: 'choice',
			options: ['visit', 'phone', 'video', 'no']
		},
		{
			id: 'meeting-needs',
			wording: 'young-person-4-7.meeting-needs',
			topic: 'my-meeting',
			kind: 'choices',
			options: ['breaks', 'someone-with-me', 'shorter-meeting', 'interpreter', 'signing', 'other', 'nothing'],
			exclusive: ['nothing', RATHER_NOT_SAY]
		},
		// anything-else: "drawing/text", as for worry
		{ id: 'one-wish', wording: 'young-person-4-7.one-wish', topic: 'anything-else', kind: 'drawing' },
		{ id: 'one-wish-words', wording: 'young-person-4-7.one-wish-words', topic: 'anything-else', kind: 'text' }
	]
});
