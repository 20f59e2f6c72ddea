import { defineForm } from '../define';
import { isChoiceQuestion, RATHER_NOT_SAY, type Question } from '../types';
import v1 from './young-person-13-plus.v1';

/**
 * `young-person-13-plus` v2: v1's questions, ids, order, options and wording keys exactly, so the
 * English stays shared with v1 and frozen with it. v1 can't gain these rules, because a version
 * once answered is never edited (STYLE §4.7, frozen-versions.json); consultations started on v1 keep
 * v1, and new ones start on v2.
 * Only the rules added by issue 4 differ:
 * - `safetyTrigger: ['no']` on `home-safe` and `safe-out` (DOMAIN §5.7);
 * - `exclusive` on every checkbox list: "None of these", "Nothing" and "I don't mind" can't be
 *   ticked with anything else, and neither can "I'd rather not say".
 */

const ALERT_ON_NO: Readonly<Record<string, readonly string[]>> = { 'home-safe': ['no'], 'safe-out': ['no'] };

const EXCLUSIVE: Readonly<Record<string, readonly string[]>> = {
	'school-hard': ['nothing', RATHER_NOT_SAY],
	skills: ['none', RATHER_NOT_SAY],
	documents: ['none', RATHER_NOT_SAY],
	'meeting-who': [RATHER_NOT_SAY],
	'meeting-when': ['dont-mind', RATHER_NOT_SAY],
	'meeting-shape': [RATHER_NOT_SAY],
	'meeting-views-how': [RATHER_NOT_SAY],
	'meeting-needs': [RATHER_NOT_SAY]
};

function withIssue4Rules(q: Question): Question {
	if (!isChoiceQuestion(q)) return q;
	const safetyTrigger = ALERT_ON_NO[q.id];
	const exclusive = EXCLUSIVE[q.id];
	return { ...q, ...(safetyTrigger ? { safetyTrigger } : {}), ...(exclusive ? { exclusive } : {}) };
}

export default defineForm({
	...v1,
	version: 2,
	questions: v1.questions.map(withIssue4Rules)
});
