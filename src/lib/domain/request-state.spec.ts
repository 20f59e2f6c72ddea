import { describe, expect, it } from 'vitest';
import {
	canMove,
	EVENT_STATE,
	FINAL_STATES,
	handlerFor,
	isFinal,
	plan,
	replay,
	REQUEST_EVENTS,
	REQUEST_STATES,
	STAFF_EVENTS,
	TRANSITIONS,
	type Handler,
	type RequestState
} from './request-state';

/** DOMAIN §6.3, written out once more as the pairs that are allowed; everything else is refused. */
const LEGAL: readonly [RequestState, RequestState][] = [
	['sent', 'seen'],
	['sent', 'withdrawn'],
	['seen', 'in-progress'],
	['seen', 'done'],
	['seen', 'not-possible'],
	['seen', 'withdrawn'],
	['in-progress', 'done'],
	['in-progress', 'not-possible'],
	['in-progress', 'withdrawn']
];

describe('request states: transitions exactly as DOMAIN §6.3', () => {
	const all = REQUEST_STATES.flatMap((from) => REQUEST_STATES.map((to) => [from, to] as const));
	it.each(all.map(([from, to]) => [`${from} → ${to}`, from, to, LEGAL.some(([a, b]) => a === from && b === to)] as const))(
		'%s allowed: %s',
		(_n, from, to, allowed) => {
			expect(canMove(from, to)).toBe(allowed);
		}
	);

	it('has the six states and three final ones', () => {
		expect(REQUEST_STATES).toEqual(['sent', 'seen', 'in-progress', 'done', 'not-possible', 'withdrawn']);
		expect(FINAL_STATES).toEqual(['done', 'not-possible', 'withdrawn']);
		for (const s of FINAL_STATES) expect(TRANSITIONS[s]).toEqual([]);
	});

	it.each(FINAL_STATES)('%s is final: no event of anyone moves it', (s) => {
		expect(isFinal(s)).toBe(true);
		for (const e of REQUEST_EVENTS) {
			expect(plan(s, e, { kind: 'requester' })).toBeNull();
			for (const h of ['iro', 'advocacy'] as Handler[]) expect(plan(s, e, { kind: 'staff', handler: h })).toBeNull();
		}
	});
});

describe('plan(): which events an action records', () => {
	const iro = { kind: 'staff', handler: 'iro' } as const;
	const service = { kind: 'staff', handler: 'advocacy' } as const;
	const me = { kind: 'requester' } as const;
	it.each([
		['staff action on sent records seen first', 'sent', 'answered', iro, ['seen', 'answered']],
		['service accepts a sent referral: seen, then accepted', 'sent', 'accepted', service, ['seen', 'accepted']],
		['service declines a sent referral: seen, then declined', 'sent', 'declined', service, ['seen', 'declined']],
		['IRO closes a sent request: seen, then done', 'sent', 'done', iro, ['seen', 'done']],
		['opening records seen', 'sent', 'seen', iro, ['seen']],
		['seen is recorded once only', 'seen', 'seen', iro, null],
		['accepted, then allocated: both in progress', 'in-progress', 'allocated', service, ['allocated']],
		['contact recorded while in progress', 'in-progress', 'contacted', service, ['contacted']],
		['IRO answers a seen request', 'seen', 'answered', iro, ['answered']],
		['IRO arranges contact', 'seen', 'contact-arranged', iro, ['contact-arranged']],
		['IRO declines', 'in-progress', 'declined', iro, ['declined']],
		['the IRO cannot allocate an advocate', 'seen', 'allocated', iro, null],
		['the service cannot "answer" as the IRO', 'seen', 'answered', service, null],
		['nobody records "sent" again', 'seen', 'sent', iro, null],
		['staff cannot withdraw for the requester', 'seen', 'withdrawn', iro, null],
		['staff cannot withdraw consent for the child', 'seen', 'consent-withdrawn', service, null],
		['requester withdraws a sent request', 'sent', 'withdrawn', me, ['withdrawn']],
		['requester withdraws while in progress', 'in-progress', 'withdrawn', me, ['withdrawn']],
		['requester withdraws consent to share', 'seen', 'consent-withdrawn', me, ['consent-withdrawn']],
		['requester cannot close their own request', 'seen', 'done', me, null],
		['requester cannot mark seen', 'sent', 'seen', me, null]
	] as const)('%s', (_n, state, event, who, expected) => {
		expect(plan(state, event, who)).toEqual(expected);
	});

	it('never yields an illegal transition for any state × event × actor', () => {
		const whos = [me, iro, service];
		for (const s of REQUEST_STATES)
			for (const e of REQUEST_EVENTS)
				for (const w of whos) {
					const events = plan(s, e, w);
					if (!events) continue;
					let state = s;
					for (const ev of events) {
						const to = EVENT_STATE[ev];
						expect(state === 'in-progress' && to === 'in-progress' ? true : canMove(state, to), `${s} ${e} ${ev}`).toBe(true);
						state = to;
					}
					if (w.kind === 'staff') for (const ev of events) expect(STAFF_EVENTS[w.handler]).toContain(ev);
				}
	});
});

describe('replay(): a history gives the state', () => {
	it.each([
		[['sent'], 'sent'],
		[['sent', 'seen'], 'seen'],
		[['sent', 'seen', 'accepted', 'allocated', 'contacted', 'done'], 'done'],
		[['sent', 'withdrawn'], 'withdrawn'],
		[['sent', 'seen', 'declined'], 'not-possible'],
		[['sent', 'seen', 'consent-withdrawn'], 'withdrawn']
	] as const)('%j → %s', (events, state) => {
		expect(replay(events)).toBe(state);
	});
	it.each([[['seen']], [['sent', 'done']], [['sent', 'withdrawn', 'seen']], [['sent', 'seen', 'done', 'answered']], [[]]] as const)('%j is refused', (events) => {
		expect(() => replay(events)).toThrow();
	});
});

describe('handlerFor(): who a new request goes to (DOMAIN §6.5)', () => {
	it.each([
		['advocate', true, 'advocacy'],
		['advocate', false, 'iro'],
		['talk-to-iro', true, 'iro'],
		['talk-to-iro', false, 'iro'],
		['change-review', false, 'iro'],
		['interpreter', false, 'iro']
	] as const)('%s with consent %s → %s', (kind, consent, handler) => {
		expect(handlerFor(kind, consent)).toBe(handler);
	});
});
