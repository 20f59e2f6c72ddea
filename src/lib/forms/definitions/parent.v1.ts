import { defineForm } from '../define';

/**
 * `parent` v1 (DOMAIN §5.5): a parent or person with parental responsibility. Reading age about 9,
 * read-aloud, and every shipped language. A parent may disagree with the plan, and may need an
 * interpreter. Their answers go to the IRO and the export, never to the child or to other
 * respondents (DOMAIN §5.6; the pack's `canSee` ignores an adult's sharing value). Choice lists get
 * no "I'd rather not say": that rule is for children, and every page here but two is optional.
 * - The 14 §5.5 questions; where §5.5 adds "+ text" (placement-view, family-time, plan-agree's
 *   "tell us why"), the text is its own optional page straight after (one question per page), and
 *   access-needs is followed by a page for the language or support needed.
 * - Required: `plan-agree` and `attend`.
 * Wording is in `forms.json` under `parent.<id>`. A version once answered is never edited: change
 * anything here by adding `v2` (STYLE §4.7).
 */

const FACES = ['very-unhappy', 'unhappy', 'okay', 'happy', 'very-happy'];

export default defineForm({
	id: 'parent',
	version: 1,
	audience: 'parent',
	title: 'parent.title',
	readAloud: true,
	questions: [
		// since-last-time
		{ id: 'going-well', wording: 'parent.going-well', topic: 'since-last-time', kind: 'text' },
		{ id: 'worries', wording: 'parent.worries', topic: 'since-last-time', kind: 'text' },
		// home
		{ id: 'placement-view', wording: 'parent.placement-view', topic: 'home', kind: 'faces', options: FACES },
		{ id: 'placement-view-more', wording: 'parent.placement-view-more', topic: 'home', kind: 'text' },
		{
			id: 'everyday-decisions',
			wording: 'parent.everyday-decisions',
			topic: 'home',
			kind: 'choice',
			options: ['yes', 'some', 'no']
		},
		// family-friends: family time, never "contact" (DOMAIN §5.8)
		{
			id: 'family-time',
			wording: 'parent.family-time',
			topic: 'family-friends',
			kind: 'choice',
			options: ['well', 'okay', 'not-well', 'not-happening']
		},
		{ id: 'family-time-more', wording: 'parent.family-time-more', topic: 'family-friends', kind: 'text' },
		// the-plan
		{
			id: 'plan-understand',
			wording: 'parent.plan-understand',
			topic: 'the-plan',
			kind: 'choice',
			options: ['yes', 'partly', 'no']
		},
		{
			id: 'plan-agree',
			wording: 'parent.plan-agree',
			topic: 'the-plan',
			kind: 'choice',
			options: ['agree', 'partly-agree', 'dont-agree', 'not-sure'],
			required: true
		},
		{ id: 'plan-agree-why', wording: 'parent.plan-agree-why', topic: 'the-plan', kind: 'text' },
		{ id: 'want-next', wording: 'parent.want-next', topic: 'the-plan', kind: 'text' },
		{ id: 'own-support', wording: 'parent.own-support', topic: 'the-plan', kind: 'text' },
		// identity
		{ id: 'need-to-know', wording: 'parent.need-to-know', topic: 'identity', kind: 'text' },
		// my-meeting
		{
			id: 'reports-received',
			wording: 'parent.reports-received',
			topic: 'my-meeting',
			kind: 'choice',
			options: ['yes', 'not-yet', 'no']
		},
		{
			id: 'attend',
			wording: 'parent.attend',
			topic: 'my-meeting',
			kind: 'choice',
			options: ['yes', 'separate-meeting', 'no'],
			required: true
		},
		{
			id: 'access-needs',
			wording: 'parent.access-needs',
			topic: 'my-meeting',
			kind: 'choices',
			options: ['interpreter', 'step-free', 'supporter', 'other', 'none'],
			exclusive: ['none']
		},
		{ id: 'access-needs-more', wording: 'parent.access-needs-more', topic: 'my-meeting', kind: 'text' },
		// anything-else
		{ id: 'anything-else', wording: 'parent.anything-else', topic: 'anything-else', kind: 'text' }
	]
});
