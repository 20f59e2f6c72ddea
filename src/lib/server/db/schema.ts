import type { Generated } from 'kysely';

/**
 * The one hand-written `Database` interface (STYLE §4.5, rule 11). Instants are epoch ms,
 * dates 'YYYY-MM-DD', booleans 0 | 1, nullable columns `T | null`. Row types stay inside
 * `src/lib/server/data/*`.
 */
export interface Database {
	child: ChildTable;
	app_user: AppUserTable;
	child_link: ChildLinkTable;
	iro_allocation: IroAllocationTable;
	review: ReviewTable;
	invitation: InvitationTable;
	consultation: ConsultationTable;
	consultation_version: ConsultationVersionTable;
	safety_alert: SafetyAlertTable;
	answer: AnswerTable;
	session: SessionTable;
	activation_code: ActivationCodeTable;
	idempotency_key: IdempotencyKeyTable;
	rate_limit: RateLimitTable;
	outbox: OutboxTable;
	audit_event: AuditEventTable;
	review_reminder: ReviewReminderTable;
	review_meeting: ReviewMeetingTable;
	review_decision: ReviewDecisionTable;
	review_report: ReviewReportTable;
	decision_reaction: DecisionReactionTable;
	review_escalation: ReviewEscalationTable;
	service_setting: ServiceSettingTable;
	feedback_response: FeedbackResponseTable;
	feedback_answer: FeedbackAnswerTable;
	help_request: HelpRequestTable;
	help_request_event: HelpRequestEventTable;
	form_version: FormVersionTable;
	report_review: ReportReviewTable;
	report_feedback: ReportFeedbackTable;
	report_dirty: ReportDirtyTable;
}

export interface ChildTable {
	id: string;
	preferred_name: string;
	date_of_birth: string;
	preferred_locale: string;
	looked_after_since: string;
	band_override: string | null;
	band_override_reason: string | null;
	created_at: number;
	/** The record was closed on this day (they left care, or a care leaver turned 25); null while open. */
	closed_on: string | null;
	/** Why, from a fixed list (never free text about the child). */
	closed_reason: string | null;
	closed_at: number | null;
}

export interface AppUserTable {
	id: string;
	/** 'admin' | 'iro' | 'advocate' | 'young-person' | 'parent' | 'carer' */
	role: string;
	display_name: string;
	email: string | null;
	username: string | null;
	password_hash: string | null;
	child_id: string | null;
	preferred_locale: string | null;
	active: Generated<0 | 1>;
	created_at: number;
	activated_at: number | null;
	/** A respondent's own address for content-free notifications (PRIV-H8); staff use `email`. */
	notify_email: string | null;
}

export interface ChildLinkTable {
	id: string;
	child_id: string;
	user_id: string;
	/** 'parent' | 'carer' */
	relation: string;
	has_pr: 0 | 1;
	starts_on: string;
	ends_on: string | null;
}

export interface IroAllocationTable {
	id: string;
	child_id: string;
	iro_id: string;
	starts_on: string;
	ends_on: string | null;
	created_at: number;
}

export interface ReviewTable {
	id: string;
	child_id: string;
	sequence: number;
	due_date: string;
	scheduled_date: string | null;
	scheduled_time: string | null;
	held_date: string | null;
	/** 'planned' | 'scheduled' | 'held' | 'closed' */
	status: string;
	created_at: number;
	/** Reg. 33's due date when `due_date` was brought earlier (DOMAIN §3.1); null otherwise. */
	statutory_due_date: string | null;
	/** Why the review was brought earlier (≤1,000 characters), who and when. */
	earlier_reason: string | null;
	earlier_set_at: number | null;
	earlier_set_by: string | null;
	/** SECURITY §10, D20: the IRO marked the pack saved to the council's case record (when, by whom). */
	case_record_saved_at: number | null;
	case_record_saved_by: string | null;
	/** When the retention job erased the answers' content (D20); null while kept. */
	content_erased_at: number | null;
}

export interface InvitationTable {
	id: string;
	review_id: string;
	respondent_id: string;
	respondent_kind: string;
	invited_at: number;
}

export interface ConsultationTable {
	id: string;
	review_id: string;
	respondent_id: string;
	respondent_kind: string;
	form_id: string;
	form_version: number;
	/** 'draft' | 'submitted' */
	status: string;
	started_at: number;
	updated_at: number;
	submitted_at: number | null;
	revision: Generated<number>;
}

export interface AnswerTable {
	consultation_id: string;
	question_id: string;
	/** JSON of an AnswerValue */
	value: string;
	visibility: string;
	updated_at: number;
	/** The extra "my advocate" tick (DOMAIN §5.6, issue 6): 0 | 1, 0 for answers stored before it. */
	share_advocate: Generated<0 | 1>;
}

export interface SessionTable {
	id: string;
	user_id: string;
	/** hex of sha256(secret) */
	secret_hash: string;
	/** 'full' | 'activation' */
	kind: string;
	activation_code_id: string | null;
	created_at: number;
	last_verified_at: number;
	/** SEC-S5: when the password was last typed in this session (sign-in or re-authentication). */
	reauthenticated_at: number | null;
}

export interface ActivationCodeTable {
	id: string;
	code_hash: string;
	user_id: string;
	review_id: string | null;
	issued_by: string;
	created_at: number;
	expires_at: number;
	claimed_until: number | null;
	used_at: number | null;
	revoked_at: number | null;
}

export interface IdempotencyKeyTable {
	actor_id: string;
	key: string;
	action: string;
	fields_hash: string;
	location: string;
	created_at: number;
}

export interface RateLimitTable {
	bucket: string;
	key: string;
	window_start: number;
	count: number;
}

export interface ConsultationVersionTable {
	consultation_id: string;
	revision: number;
	/** JSON of Answer[] as sent */
	answers: string;
	submitted_at: number;
	reopened_at: number;
}

export interface SafetyAlertTable {
	id: string;
	child_id: string;
	review_id: string | null;
	raised_by: string;
	/** 'answer' | 'help-now' */
	source: string;
	question_id: string | null;
	/** JSON list, e.g. ["iro","duty"] (PRIV-G6) */
	shared_with: string;
	purpose: string;
	created_at: number;
	acknowledged_at: number | null;
	acknowledged_by: string | null;
}

export interface OutboxTable {
	id: string;
	/** A staff or respondent account, or null when sent to a service address (the duty contact). */
	recipient_id: string | null;
	recipient_address: string | null;
	template: string;
	created_at: number;
	attempts: Generated<number>;
	next_attempt_at: number;
	sent_at: number | null;
	/** An error class only (e.g. `EENVELOPE 550`), never a message that could echo an address. */
	last_error: string | null;
	/** Set when retries ran out: still unsent, listed for the admin (REL-16). */
	failed_at: number | null;
}

export interface AuditEventTable {
	id: string;
	at: number;
	actor_id: string | null;
	actor_role: string | null;
	action: string;
	child_id: string | null;
	resource_type: string | null;
	resource_id: string | null;
	outcome: string;
	request_id: string | null;
}

/** After the meeting (issue 5): the facts and the PN code, one row per review (DOMAIN §4.1). */
export interface ReviewMeetingTable {
	review_id: string;
	held_date: string;
	attended: 0 | 1;
	spoke_for_self: 0 | 1;
	advocate_spoke: 0 | 1;
	conveyed_non_verbally: 0 | 1;
	briefed_advocate: 0 | 1;
	views_conveyed_otherwise: 0 | 1;
	consultation_submitted: 0 | 1;
	private_talk_held: 0 | 1;
	advocacy_explained: 0 | 1;
	/** 'PN0' … 'PN7' */
	suggested_code: string;
	confirmed_code: string | null;
	code_reason: string | null;
	confirmed_by: string | null;
	confirmed_at: number | null;
	recorded_by: string;
	recorded_at: number;
}

export interface ReviewDecisionTable {
	id: string;
	review_id: string;
	position: number;
	text: string;
	owner: string;
	due_on: string;
	/** JSON list of the child's question ids this decision responds to */
	linked_questions: string;
	/** 'open' | 'done' | 'partly' | 'not-done' */
	status: string;
	status_reason: string | null;
	created_by: string;
	created_at: number;
	updated_at: number;
}

export interface ReviewReportTable {
	review_id: string;
	body: string;
	/** 'draft' | 'sent' */
	status: string;
	sent_at: number | null;
	decisions_sent_at: number | null;
	record_sent_at: number | null;
	updated_by: string;
	updated_at: number;
}

export interface DecisionReactionTable {
	decision_id: string;
	child_id: string;
	/** 'agree' | 'disagree' | 'question' */
	reaction: string;
	words: string | null;
	reacted_by: string;
	created_at: number;
	updated_at: number;
}

export interface ReviewEscalationTable {
	id: string;
	review_id: string;
	/** 1–4, DOMAIN §9 DRP stages */
	stage: number;
	raised_to: string;
	opened_on: string;
	due_on: string;
	closed_on: string | null;
	outcome: string | null;
	opened_by: string;
	opened_at: number;
	closed_by: string | null;
	closed_at: number | null;
}

/** One reminder sent to one respondent for one review (DOMAIN §3.2; ≤2 per review, PRIV-5). */
export interface ReviewReminderTable {
	review_id: string;
	respondent_id: string;
	/** The reminder day, 'YYYY-MM-DD' (London). */
	reminder_date: string;
	sent_at: number;
}

/** One per-service setting group ('schedule' | 'sla' | 'hours' | 'feedback'), JSON checked on read. */
export interface ServiceSettingTable {
	key: string;
	value_json: string;
	updated_at: number;
	updated_by: string | null;
}

/** Post-review feedback (issue 6, DOMAIN §7): one per invited respondent per review. */
export interface FeedbackResponseTable {
	id: string;
	review_id: string;
	respondent_id: string;
	/** 'young-person' | 'parent' | 'carer' */
	respondent_kind: string;
	form_id: string;
	form_version: number;
	/** 'invited' | 'draft' | 'sent' */
	status: string;
	/** A parent or carer hid their name from the IRO (service setting feedbackAnonymousAllowed). */
	anonymous: Generated<0 | 1>;
	invited_at: number;
	/** Last day answers are taken, 'YYYY-MM-DD' (London): 20 WD after the invitation. */
	closes_on: string;
	reminded_at: number | null;
	updated_at: number;
	sent_at: number | null;
}

/** One feedback answer (JSON of an AnswerValue), saved on each page move. */
export interface FeedbackAnswerTable {
	response_id: string;
	question_id: string;
	value: string;
	updated_at: number;
}

/** A request (issue 6, DOMAIN §6.2): its status and when each clock stopped (§6.4). */
export interface HelpRequestTable {
	id: string;
	/** 'advocate' | 'talk-to-iro' | 'change-review' | 'interpreter' */
	kind: string;
	child_id: string;
	requester_id: string;
	/** 'young-person' | 'parent' | 'carer' */
	requester_kind: string;
	review_id: string | null;
	/** JSON checked by valibot (`data/requests.ts`) */
	details_json: string;
	/** Consent to share a referral with the advocacy service (advocate only). */
	consent: 0 | 1;
	/** "My IRO can see what I wrote" (advocate with consent only). */
	iro_can_see: 0 | 1;
	/** 'iro' | 'advocacy' */
	handler: string;
	/** 'sent' | 'seen' | 'in-progress' | 'done' | 'not-possible' | 'withdrawn' */
	status: string;
	created_at: number;
	seen_at: number | null;
	seen_by: string | null;
	advocate_id: string | null;
	allocated_at: number | null;
	answered_at: number | null;
	closed_at: number | null;
	consent_withdrawn_at: number | null;
	updated_at: number;
}

/** One event in a request's history, under the state it led to (DOMAIN §6.3). Append-only. */
export interface HelpRequestEventTable {
	id: string;
	request_id: string;
	seq: number;
	at: number;
	actor_id: string | null;
	actor_role: string | null;
	event: string;
	state: string;
	note: string | null;
}

/** Issue 8 question bank: a form version made by an admin; `published` rows are immutable (DB triggers). */
export interface FormVersionTable {
	id: string;
	form_id: string;
	version: number;
	/** 'draft' | 'published' */
	status: string;
	base_version: number;
	/** JSON FormDefinition */
	definition: string;
	/** JSON FormWording: per locale, the title and each question's words */
	wording: string;
	created_by: string;
	created_at: number;
	updated_at: number;
	published_by: string | null;
	published_at: number | null;
}

/** Issue 8 report summary (migration 1300): one row per held review, kept up to date through `report_dirty`. */
export interface ReportReviewTable {
	held_date: string;
	review_id: string;
	sequence: number;
	due_date: string;
	review_date: string;
	/** The child's age in whole years on the held date. */
	age: number;
	band_override: string | null;
	confirmed_code: string | null;
	/** 0 no meeting facts; else 1 + 2·private talk + 4·advocacy explained. */
	meeting: number;
	child_started: number;
	child_first_sent_at: number | null;
	decisions_sent_at: number | null;
	record_sent_at: number | null;
	yp_invited: number;
	yp_sent: number;
	parent_invited: number;
	parent_sent: number;
	carer_invited: number;
	carer_sent: number;
}

/** Post-review feedback per held day: response rows (question_id '') and choice-answer rows (respondent_kind ''). */
export interface ReportFeedbackTable {
	held_date: string;
	respondent_kind: string;
	form_id: string;
	form_version: number;
	question_id: string;
	value: string;
	invited: number;
	sent: number;
}

/** Reviews whose report facts changed since the summary was last brought up to date (filled by triggers). */
export interface ReportDirtyTable {
	review_id: string;
}
