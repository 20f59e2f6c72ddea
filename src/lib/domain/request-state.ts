/**
 * Requests and their status (DOMAIN §6.2, §6.3). Pure: the data module asks `plan()` which events
 * to write for an action, and writes nothing when it answers null (an illegal transition).
 *
 * States, as the requester reads them:
 *   sent → seen → in-progress → done | not-possible, and withdrawn from any open state.
 * `done`, `not-possible` and `withdrawn` are final. A staff action on a `sent` request records
 * `seen` first (the read receipt can't be skipped). The history keeps events under the states.
 */

export const REQUEST_KINDS = ['advocate', 'talk-to-iro', 'change-review', 'interpreter'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_STATES = ['sent', 'seen', 'in-progress', 'done', 'not-possible', 'withdrawn'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const FINAL_STATES: readonly RequestState[] = Object.freeze(['done', 'not-possible', 'withdrawn']);

/** DOMAIN §6.3 "Transitions", exactly. */
export const TRANSITIONS: Readonly<Record<RequestState, readonly RequestState[]>> = Object.freeze({
	sent: ['seen', 'withdrawn'],
	seen: ['in-progress', 'done', 'not-possible', 'withdrawn'],
	'in-progress': ['done', 'not-possible', 'withdrawn'],
	done: [],
	'not-possible': [],
	withdrawn: []
});

/** Who handles a request: the allocated IRO, or the advocacy service (a referral shared with consent). */
export type Handler = 'iro' | 'advocacy';

/** Events kept in the history, each under the state it leads to (DOMAIN §6.3). */
export const REQUEST_EVENTS = [
	'sent',
	'seen',
	'accepted',
	'allocated',
	'contacted',
	'contact-arranged',
	'answered',
	'done',
	'declined',
	'withdrawn',
	'consent-withdrawn'
] as const;
export type RequestEvent = (typeof REQUEST_EVENTS)[number];

/**
 * History-only events: a clock ran out and the person responsible was told (DOMAIN §6.5 "overdue").
 * They change no state; one per clock, so nobody is told twice.
 */
export const OVERDUE_EVENTS = ['overdue-acknowledge', 'overdue-allocate', 'overdue-answer'] as const;
export type OverdueEvent = (typeof OVERDUE_EVENTS)[number];
export type HistoryEvent = RequestEvent | OverdueEvent;

export const EVENT_STATE: Readonly<Record<RequestEvent, RequestState>> = Object.freeze({
	sent: 'sent',
	seen: 'seen',
	accepted: 'in-progress',
	allocated: 'in-progress',
	contacted: 'in-progress',
	'contact-arranged': 'in-progress',
	answered: 'in-progress',
	done: 'done',
	declined: 'not-possible',
	withdrawn: 'withdrawn',
	'consent-withdrawn': 'withdrawn'
});

/** What each handler's staff may record (the IRO answers and arranges; the service accepts and allocates). */
export const STAFF_EVENTS: Readonly<Record<Handler, readonly RequestEvent[]>> = Object.freeze({
	iro: ['seen', 'answered', 'contact-arranged', 'done', 'declined'],
	advocacy: ['seen', 'accepted', 'allocated', 'contacted', 'done', 'declined']
});

/** Events that need words: a reason for "we couldn't" and an outcome for "done" (DOMAIN §6.3). */
export const NOTE_REQUIRED: readonly RequestEvent[] = Object.freeze(['done', 'declined', 'answered', 'contact-arranged']);

export function isFinal(state: RequestState): boolean {
	return FINAL_STATES.includes(state);
}

export function canMove(from: RequestState, to: RequestState): boolean {
	return TRANSITIONS[from].includes(to);
}

export type Who = { kind: 'requester' } | { kind: 'staff'; handler: Handler };

/**
 * The events to record, in order, for `event` on a request in `state`, or null when the event is
 * not allowed. Repeating work inside `in-progress` (accepted, then allocated, then contacted) stays
 * in `in-progress`. A requester may only withdraw; `consent-withdrawn` is the withdrawal of a
 * referral shared with the advocacy service (its access ends at once, DOMAIN §6.2).
 */
export function plan(state: RequestState, event: RequestEvent, who: Who): RequestEvent[] | null {
	if (event === 'sent') return null;
	if (who.kind === 'requester') {
		if (event !== 'withdrawn' && event !== 'consent-withdrawn') return null;
		return canMove(state, 'withdrawn') ? [event] : null;
	}
	if (!STAFF_EVENTS[who.handler].includes(event)) return null;
	const target = EVENT_STATE[event];
	if (state === 'sent' && event !== 'seen') {
		// The read receipt comes first: the person acting has read it.
		const rest = plan('seen', event, who);
		return rest ? ['seen', ...rest] : null;
	}
	if (state === 'in-progress' && target === 'in-progress') return [event];
	return canMove(state, target) ? [event] : null;
}

/** The state after a list of events (replaying a history); throws on an illegal one. */
export function replay(events: readonly RequestEvent[]): RequestState {
	let state: RequestState | null = null;
	for (const e of events) {
		if (state === null) {
			if (e !== 'sent') throw new Error('a history starts with sent');
			state = 'sent';
			continue;
		}
		const to = EVENT_STATE[e];
		if (!(state === 'in-progress' && to === 'in-progress') && !canMove(state, to)) throw new Error(`illegal ${e} from ${state}`);
		state = to;
	}
	if (state === null) throw new Error('empty history');
	return state;
}

/**
 * Who handles a new request (DOMAIN §6.5): a referral with consent goes to the advocacy service;
 * everything else, including a referral without consent ("I'd like to know more about
 * advocates"), goes to the allocated IRO.
 */
export function handlerFor(kind: RequestKind, consent: boolean): Handler {
	return kind === 'advocate' && consent ? 'advocacy' : 'iro';
}

/** Which kinds each requester may make (DOMAIN §6.2). */
export const KINDS_FOR: Readonly<Record<'young-person' | 'parent' | 'carer', readonly RequestKind[]>> = Object.freeze({
	'young-person': ['advocate', 'talk-to-iro', 'change-review'],
	parent: ['interpreter', 'change-review', 'talk-to-iro'],
	carer: ['interpreter', 'change-review', 'talk-to-iro']
});
