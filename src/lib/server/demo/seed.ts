import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import { addWorkingDays, londonDate } from '$lib/domain/calendar';
import { CODE_VALID_MS, hashCode } from '../auth/activation';
import { hashSecret } from '../auth/password';
import * as codes from '../data/activation-codes';
import * as decisions from '../data/decisions';
import * as feedback from '../data/feedback';
import * as reviewReports from '../data/review-reports';
import { inviteFeedback } from '../feedback/invite';
import * as allocations from '../data/allocations';
import * as children from '../data/children';
import * as invitations from '../data/invitations';
import * as reviews from '../data/reviews';
import * as users from '../data/users';
import * as requests from '../data/requests';
import { EVENT_STATE, type RequestEvent } from '$lib/domain/request-state';
import { migrateToLatest } from '../db/migrate';
import { openDatabase } from '../db/open';
import { readEnv } from '../env';
import type { Database } from '../db/schema';

/**
 * The documented demo data (README "Demo sign-ins"), for `npm run demo` only. This module is
 * never imported by the app, so the demo password and codes are absent from `build/` (SEC-A4);
 * `.ci/demo.sh` runs it through Vite before starting the server. It seeds an EMPTY database
 * only, so a second `npm run demo` keeps what people did.
 */
export const DEMO_PASSWORD = 'demo-password';

function yearsAgo(today: string, years: number, days = 40): string {
	const [y, m, d] = today.split('-').map(Number);
	const date = new Date(Date.UTC(y! - years, m! - 1, d! - days));
	return date.toISOString().slice(0, 10);
}

export async function seedDemo(db: Kysely<Database>, now: number): Promise<string[]> {
	const any = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
	if (any) return [];
	const today = londonDate(now);
	const hash = await hashSecret(DEMO_PASSWORD);
	const log: string[] = [];
	await db.transaction().execute(async (trx) => {
		const staff = async (role: 'admin' | 'iro' | 'advocate', email: string, name: string) => {
			const id = await users.createStaff(trx, { role, email, displayName: name, passwordHash: hash }, now);
			log.push(`${role}: ${email} / ${DEMO_PASSWORD}`);
			return id;
		};
		const adminId = await staff('admin', 'admin@example.org', 'Ade Admin');
		const iroId = await staff('iro', 'iro@example.org', 'Rowan Patel');
		await staff('iro', 'iro2@example.org', 'Kit Morgan');
		const serviceId = await staff('advocate', 'advocate@example.org', 'Ash Advocate');
		// Issue 6: the advocacy service's duty person (above) allocates referrals to an advocate.
		const advocateId = await staff('advocate', 'advocate2@example.org', 'Mo Khan');
		const cast: Record<string, { childId: string; childUser: string; adults: Record<'parent' | 'carer', string> }> = {};

		const kids = [
			{ name: 'Sam', age: 14, wd: 10, code: 'DEMO-TEEN', parent: ['Jo Reed', 'DEMO-PARENT'], carer: ['Pat Green', 'DEMO-CARER'] },
			{ name: 'Alex', age: 9, wd: 15, code: 'DEMO-CHILD', parent: ['Lee Shaw', null], carer: ['Robin Hale', null] },
			{ name: 'Jamie', age: 6, wd: 8, code: 'DEMO-YOUNG', parent: ['Sky Brook', null], carer: ['Dee Ford', null] }
		] as const;
		for (const k of kids) {
			const childId = await children.create(trx, { preferredName: k.name, dateOfBirth: yearsAgo(today, k.age), lookedAfterSince: yearsAgo(today, 2, 100), preferredLocale: 'en-GB' }, now);
			const childUser = await users.createRespondent(trx, { role: 'young-person', displayName: k.name, childId }, now);
			await allocations.allocate(trx, childId, iroId, yearsAgo(today, 1), now);
			const meeting = addWorkingDays(today, k.wd);
			const reviewId = await reviews.create(trx, { childId, sequence: 4, dueDate: addWorkingDays(today, k.wd + 5) }, now);
			await reviews.schedule(trx, reviewId, meeting, '16:00');
			await invitations.ensure(trx, reviewId, childUser, 'young-person', now);
			const issue = async (userId: string, code: string | null) => {
				if (!code) return;
				await codes.insert(trx, { codeHash: hashCode(code), userId, reviewId, issuedBy: adminId, expiresAt: now + CODE_VALID_MS }, now);
				log.push(`code ${code}: ${k.name}${userId === childUser ? '' : ` (${(await users.get(trx, userId))?.displayName})`}`);
			};
			await issue(childUser, k.code);
			cast[k.name] = { childId, childUser, adults: { parent: '', carer: '' } };
			for (const [relation, [name, code]] of [['parent', k.parent], ['carer', k.carer]] as const) {
				const userId = await users.createRespondent(trx, { role: relation, displayName: name }, now);
				cast[k.name]!.adults[relation] = userId;
				await children.link(trx, { childId, userId, relation, hasPr: relation === 'parent', startsOn: yearsAgo(today, 2, 100) });
				await invitations.ensure(trx, reviewId, userId, relation, now);
				await issue(userId, code);
			}
			log.push(`child ${k.name}, ${k.age}: review on ${meeting} (${k.wd} working days)`);
			await demoFeedback(trx, { childId, iroId, childUser, today, now, name: k.name });
		}
		log.push(...(await demoCaseload(trx, iroId, today, now)));
		log.push(...(await demoRequests(trx, { cast, iroId, serviceId, advocateId, now })));
	});
	return log;
}

/**
 * A fuller caseload for the IRO's "My children" (issue 5): twelve more children with reviews spread
 * from overdue to months away, some booked, some not, with their people invited, so the deadlines,
 * highlights, filters and counts have something to show. No codes: they are there to be looked at.
 */
async function demoCaseload(trx: Kysely<Database>, iroId: string, today: string, now: number): Promise<string[]> {
	const names = ['Aisha', 'Ben', 'Chloe', 'Dev', 'Ella', 'Finn', 'Grace', 'Hamza', 'Isla', 'Jay', 'Kacper', 'Lily'];
	// Working days from today to the review: negative is overdue; null means not booked yet.
	const plan: { wd: number; booked: boolean; age: number }[] = [
		{ wd: -3, booked: false, age: 15 }, { wd: 2, booked: true, age: 11 }, { wd: 4, booked: true, age: 7 }, { wd: 6, booked: false, age: 16 },
		{ wd: 12, booked: true, age: 13 }, { wd: 18, booked: true, age: 9 }, { wd: 25, booked: false, age: 5 }, { wd: 40, booked: false, age: 17 },
		{ wd: 55, booked: false, age: 12 }, { wd: 70, booked: false, age: 14 }, { wd: 90, booked: false, age: 10 }, { wd: 110, booked: false, age: 3 }
	];
	for (const [i, name] of names.entries()) {
		const p = plan[i]!;
		const childId = await children.create(trx, { preferredName: name, dateOfBirth: yearsAgo(today, p.age), lookedAfterSince: yearsAgo(today, 1, 30 + i * 7), preferredLocale: 'en-GB' }, now);
		const childUser = await users.createRespondent(trx, { role: 'young-person', displayName: name, childId }, now);
		await allocations.allocate(trx, childId, iroId, yearsAgo(today, 1, 20), now);
		const date = addWorkingDays(today, p.wd);
		const reviewId = await reviews.create(trx, { childId, sequence: 2 + (i % 3), dueDate: date }, now);
		if (p.booked) await reviews.schedule(trx, reviewId, date, i % 2 ? '10:00' : '15:30');
		const carer = await users.createRespondent(trx, { role: 'carer', displayName: `Carer of ${name}` }, now);
		await children.link(trx, { childId, userId: carer, relation: 'carer', hasPr: false, startsOn: yearsAgo(today, 1, 10) });
		if (p.booked) {
			await invitations.ensure(trx, reviewId, childUser, 'young-person', now);
			await invitations.ensure(trx, reviewId, carer, 'carer', now);
		}
	}
	return [`${names.length} more children on Rowan Patel's caseload, reviews from overdue to months away`];
}

/**
 * Issue 6 (DOMAIN §7): each child's previous review was held 8 working days ago and its decisions were
 * sent a day later, which asked the child, parent and carer how it went. Sam and Sam's parent have
 * answered and sent; everyone else can still answer (it closes 20 WD after the invitation), so the
 * demo respondents see "Tell us how it went" on their start page and the IRO sees results.
 */
async function demoFeedback(
	trx: Kysely<Database>,
	{ childId, iroId, childUser, today, now, name }: { childId: string; iroId: string; childUser: string; today: string; now: number; name: string }
): Promise<void> {
	const heldOn = addWorkingDays(today, -8);
	const invitedAt = now - 10 * 86_400_000;
	const previousId = await reviews.create(trx, { childId, sequence: 3, dueDate: heldOn }, invitedAt - 60 * 86_400_000);
	await reviews.schedule(trx, previousId, heldOn, '16:00');
	await invitations.ensure(trx, previousId, childUser, 'young-person', invitedAt - 40 * 86_400_000);
	for (const p of (await children.people(trx, childId)).filter((x) => x.endsOn === null)) {
		await invitations.ensure(trx, previousId, p.userId, p.relation, invitedAt - 40 * 86_400_000);
	}
	await reviews.markHeld(trx, previousId, heldOn);
	await decisions.add(trx, previousId, { text: 'Family time stays every other Saturday.', owner: 'Social worker', dueOn: addWorkingDays(today, 20), linkedQuestions: [] }, iroId, invitedAt);
	await reviewReports.markDecisionsSent(trx, previousId, iroId, invitedAt);
	await inviteFeedback(trx, previousId, invitedAt);
	if (name !== 'Sam') return;
	const answered: Record<string, Record<string, unknown>> = {
		'young-person': { 'fb-listened': { kind: 'choice', value: 'happy' }, 'fb-listened-words': { kind: 'text', text: 'I got to say what I wanted about weekends.' }, 'fb-iro-alone': { kind: 'choice', value: 'yes' }, 'fb-hard': { kind: 'choices', values: ['too-long'] } },
		parent: { 'fb-invited': { kind: 'choice', value: 'yes' }, 'fb-reports': { kind: 'choice', value: 'no' }, 'fb-heard': { kind: 'choice', value: 'not-sure' }, 'fb-better': { kind: 'text', text: 'Please send the reports a few days before.' } }
	};
	for (const r of await feedback.forReview(trx, previousId)) {
		const given = answered[r.respondentKind];
		if (!given) continue;
		await feedback.saveAnswers(trx, r.id, Object.entries(given).map(([questionId, value]) => ({ questionId, value: value as never })), invitedAt + 86_400_000);
		await feedback.markSent(trx, r.id, false, invitedAt + 86_400_000);
	}
}

/** Entry point for `.ci/vite-run.mjs`: open the configured database, migrate, seed if empty. */
export default async function main(): Promise<void> {
	const url = readEnv(process.env).databaseUrl;
	if (!/^postgres/.test(url)) mkdirSync(dirname(url), { recursive: true });
	const { db } = openDatabase(url);
	try {
		await migrateToLatest(db);
		const done = await seedDemo(db, Date.now());
		console.log(done.length ? `Seeded demo data:\n  ${done.join('\n  ')}` : 'The database already has data: demo seed skipped.');
	} finally {
		await db.destroy();
	}
}

/**
 * Issue 6: a few requests to follow (DOMAIN §6): Sam's advocate referral, shared with consent,
 * accepted and allocated to Mo Khan; Alex's "talk to my IRO", sent three days ago and not yet read
 * (overdue, so it reaches the admin's list); Sam's parent asking for a different time, seen by the
 * IRO; Jamie's carer's interpreter request, answered and done.
 */
async function demoRequests(
	trx: Kysely<Database>,
	{ cast, iroId, serviceId, advocateId, now }: { cast: Record<string, { childId: string; childUser: string; adults: Record<'parent' | 'carer', string> }>; iroId: string; serviceId: string; advocateId: string; now: number }
): Promise<string[]> {
	const HOUR = 3_600_000;
	const step = async (id: string, event: RequestEvent, actorId: string, role: string, at: number, note: string | null = null, advocate: string | null = null) => {
		const state = EVENT_STATE[event];
		await requests.applyEvent(trx, id, { event, state, at, actorId, advocateId: advocate });
		await requests.addEvent(trx, { requestId: id, at, actorId, actorRole: role, event, state, note });
	};
	const sam = cast.Sam!;
	const referral = await requests.insert(trx, {
		kind: 'advocate', childId: sam.childId, requesterId: sam.childUser, requesterKind: 'young-person', reviewId: null,
		details: { kind: 'advocate', about: ['where-i-live', 'my-review'], words: 'I want help saying I want to stay at my school.', contact: 'text', safeTime: 'After 4pm on weekdays', needs: '', interpreter: false, language: '', urgency: 'soon' },
		consent: true, iroCanSee: true, handler: 'advocacy'
	}, now - 30 * HOUR);
	await step(referral, 'seen', serviceId, 'advocate', now - 28 * HOUR);
	await step(referral, 'accepted', serviceId, 'advocate', now - 28 * HOUR);
	await step(referral, 'allocated', serviceId, 'advocate', now - 20 * HOUR, null, advocateId);
	const alex = cast.Alex!;
	await requests.insert(trx, {
		kind: 'talk-to-iro', childId: alex.childId, requesterId: alex.childUser, requesterKind: 'young-person', reviewId: null,
		details: { kind: 'talk-to-iro', when: 'on-my-own', how: 'visit', safeTime: '', topic: 'Football on Saturdays' }, consent: false, iroCanSee: false, handler: 'iro'
	}, now - 5 * 24 * HOUR);
	const time = await requests.insert(trx, {
		kind: 'change-review', childId: sam.childId, requesterId: sam.adults.parent, requesterKind: 'parent', reviewId: null,
		details: { kind: 'change-review', changes: ['time'], suits: 'After 5pm', reason: 'I work until 4.30.' }, consent: false, iroCanSee: false, handler: 'iro'
	}, now - 6 * HOUR);
	await step(time, 'seen', iroId, 'iro', now - 2 * HOUR);
	const jamie = cast.Jamie!;
	const interpreter = await requests.insert(trx, {
		kind: 'interpreter', childId: jamie.childId, requesterId: jamie.adults.carer, requesterKind: 'carer', reviewId: null,
		details: { kind: 'interpreter', language: 'Polish', meeting: 'The review meeting' }, consent: false, iroCanSee: false, handler: 'iro'
	}, now - 50 * HOUR);
	await step(interpreter, 'seen', iroId, 'iro', now - 48 * HOUR);
	await step(interpreter, 'done', iroId, 'iro', now - 47 * HOUR, 'A Polish interpreter is booked for the meeting.');
	return ['requests: Sam’s advocate referral (allocated to Mo Khan, advocate2@example.org), Alex’s talk to the IRO (overdue), a parent’s different time, a carer’s interpreter (done)'];
}
