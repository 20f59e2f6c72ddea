import { defineForm } from '../define';

/**
 * `carer` v1 (DOMAIN §5.5): the foster carer, family or friends carer, or residential key worker of
 * the active placement. A structured report across the review topics, under 10 minutes when little
 * has changed: every topic is `carryForward`, so the server opens it with this carer's last submitted
 * answer for this child ("from your report of {date}") and the carer chooses *No change* or *Update*
 * (WCAG 3.3.7, A11Y-14).
 * - `carer-role` (required), then whether their supervising social worker helped.
 * - The seven required topics as required text; the dates of the last health assessment and the
 *   last dentist visit follow `health` (optional: a carer may not know them).
 * - The six optional topics.
 * Carers' answers go to the IRO and the export only (DOMAIN §5.6). Wording is in `forms.json` under
 * `carer.<id>`. A version once answered is never edited: change anything here by adding `v2`.
 */

export default defineForm({
	id: 'carer',
	version: 1,
	audience: 'carer',
	title: 'carer.title',
	questions: [
		{
			id: 'carer-role',
			wording: 'carer.carer-role',
			topic: 'home',
			kind: 'choice',
			options: ['foster-carer', 'family-friends-carer', 'key-worker', 'other'],
			required: true,
			carryForward: true
		},
		// Asked afresh each time: it is about this report, not the child.
		{
			id: 'supervising-helped',
			wording: 'carer.supervising-helped',
			topic: 'home',
			kind: 'choice',
			options: ['yes', 'no']
		},
		// Required: text, or No change (DOMAIN §5.5)
		{ id: 'settling', wording: 'carer.settling', topic: 'home', kind: 'text', required: true, carryForward: true },
		{ id: 'health', wording: 'carer.health', topic: 'health', kind: 'text', required: true, carryForward: true },
		{ id: 'health-assessment-date', wording: 'carer.health-assessment-date', topic: 'health', kind: 'date', carryForward: true },
		{ id: 'dentist-date', wording: 'carer.dentist-date', topic: 'health', kind: 'date', carryForward: true },
		{ id: 'education', wording: 'carer.education', topic: 'school', kind: 'text', required: true, carryForward: true },
		{ id: 'emotional', wording: 'carer.emotional', topic: 'health', kind: 'text', required: true, carryForward: true },
		{ id: 'family-time', wording: 'carer.family-time', topic: 'family-friends', kind: 'text', required: true, carryForward: true },
		{ id: 'identity', wording: 'carer.identity', topic: 'identity', kind: 'text', required: true, carryForward: true },
		{ id: 'safety', wording: 'carer.safety', topic: 'safety', kind: 'text', required: true, carryForward: true },
		// Optional
		{ id: 'friends-activities', wording: 'carer.friends-activities', topic: 'fun', kind: 'text', carryForward: true },
		{ id: 'independence', wording: 'carer.independence', topic: 'growing-up', kind: 'text', carryForward: true },
		{ id: 'delegated-authority', wording: 'carer.delegated-authority', topic: 'home', kind: 'text', carryForward: true },
		{ id: 'child-says', wording: 'carer.child-says', topic: 'having-a-say', kind: 'text', carryForward: true },
		{ id: 'celebrate', wording: 'carer.celebrate', topic: 'since-last-time', kind: 'text', carryForward: true },
		{ id: 'carer-support', wording: 'carer.carer-support', topic: 'home', kind: 'text', carryForward: true }
	]
});
