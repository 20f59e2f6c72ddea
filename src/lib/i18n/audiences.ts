/**
 * Which strings children, parents and carers read (issue 7: "complete catalogues for every child,
 * parent and carer page"; staff pages may stay English). Everything in `forms`, and every `common`
 * key except the staff-only ones here. An entry is a dotted key or section (`pack` covers
 * `pack.*`), or, ending in `-`, a key prefix (`errors.setting-`). `RESPONDENT_ALSO` brings back the
 * few keys of a staff section that respondents see too. Used by the catalogue check
 * (tests/integration/i18n-keys.spec.ts) and `.ci/i18n-missing.mjs`.
 */
export const STAFF_ONLY_COMMON: readonly string[] = [
	'admin', 'advocate', 'after-meeting', 'alerts', 'audit', 'bank', 'band', 'caseload', 'child', 'child-new', 'code', 'decisions',
	'deliveries', 'escalations', 'feedback.iro', 'letters', 'meeting', 'outcome', 'pack', 'participation', 'people', 'reports',
	'case-record', 'reauth', 'requests.staff', 'review-report', 'roles', 'sar', 'settings', 'staff-new', 'staff-sign-in',
	// Errors only staff forms show (meeting facts, decisions, escalations, service settings, staff records).
	'errors.attended-choose', 'errors.choose-iro', 'errors.choose-role', 'errors.closed-', 'errors.code-choose', 'errors.decision-',
	'errors.decisions-none', 'errors.due-', 'errors.earlier-', 'errors.email-taken', 'errors.end-before-start', 'errors.held-',
	'errors.in-meeting-not-attended', 'errors.looked-after-before-birth', 'errors.name-too-long', 'errors.no-review-to-move',
	'errors.opened-', 'errors.outcome-', 'errors.owner-', 'errors.raised-to-', 'errors.reason-too-long', 'errors.report-',
	'errors.setting-', 'errors.staff-sign-in-invalid', 'errors.reauth-invalid', 'errors.stage-choose', 'errors.status-', 'errors.audit-', 'errors.bank-', 'errors.deactivate-self', 'errors.already-closed', 'errors.close-reason', 'errors.not-25-yet', 'errors.review-before-care', 'requests.pack'
];

/** Keys in a staff-only section that respondents also read (answers shared with parents and carers). */
export const RESPONDENT_ALSO: readonly string[] = ['pack.drawing', 'pack.visibility-'];

function matches(key: string, entry: string): boolean {
	return entry.endsWith('-') ? key.startsWith(entry) : key === entry || key.startsWith(`${entry}.`);
}

/** True when a `common` key (dotted) is read by respondents. */
export function isRespondentCommonKey(key: string): boolean {
	return RESPONDENT_ALSO.some((e) => matches(key, e)) || !STAFF_ONLY_COMMON.some((e) => matches(key, e));
}
