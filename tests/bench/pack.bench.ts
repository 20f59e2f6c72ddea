/**
 * Issue 5's figure: the time to assemble a review pack of 50 consultations, p95 over 100 runs.
 * Run with `npm run bench:pack` (through Vite, so `$lib` resolves). It times both the pure
 * assembly (`assemblePack`) and the whole read the pack page does (queries + assembly), on a
 * migrated SQLite database in a temp directory with synchronous=FULL, as the app runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { latestForm } from '$lib/forms/registry';
import type { Answer, AnswerValue } from '$lib/forms/types';
import * as answers from '$lib/server/data/answers';
import * as children from '$lib/server/data/children';
import * as consultations from '$lib/server/data/consultations';
import * as invitations from '$lib/server/data/invitations';
import * as reviews from '$lib/server/data/reviews';
import * as users from '$lib/server/data/users';
import { migrateToLatest } from '$lib/server/db/migrate';
import { openDatabase } from '$lib/server/db/open';
import { assemblePack, type PackRespondent } from '$lib/server/pack/assemble';

const RUNS = 100;
const CONSULTATIONS = 50;

function pct(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function valueFor(q: ReturnType<typeof latestForm>['questions'][number], i: number): AnswerValue {
	if (q.kind === 'text') return { kind: 'text', text: `Answer ${i} with some words about home, school and friends. `.repeat(3) };
	if (q.kind === 'drawing') return { kind: 'drawing', strokes: [[10, 10, 50, 60, 90, 20]] };
	if (q.kind === 'date') return { kind: 'date', date: '2026-01-05' };
	if (q.kind === 'choices') return { kind: 'choices', values: [q.options[0]!] };
	return { kind: 'choice', value: q.options[i % q.options.length]! };
}

export default async function bench(): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'my-review-bench-'));
	const { db } = openDatabase(join(dir, 'bench.sqlite'));
	try {
		await migrateToLatest(db);
		const now = Date.now();
		const form = latestForm('young-person-13-plus');
		const childId = await children.create(db, { preferredName: 'Bench', dateOfBirth: '2011-01-01', lookedAfterSince: '2020-01-01', preferredLocale: 'en-GB' }, now);
		const reviewId = await reviews.create(db, { childId, sequence: 3, dueDate: '2026-12-31' }, now);
		await db.transaction().execute(async (trx) => {
			for (let n = 0; n < CONSULTATIONS; n++) {
				const userId = await users.createRespondent(trx, { role: 'young-person', displayName: `R${n}`, childId: n === 0 ? childId : null }, now);
				await invitations.ensure(trx, reviewId, userId, 'young-person', now);
				const c = await consultations.start(trx, { reviewId, respondentId: userId, respondentKind: 'young-person', formId: form.id, formVersion: form.version }, now);
				for (const [i, q] of form.questions.entries()) {
					await answers.save(trx, c.id, { questionId: q.id, value: valueFor(q, i), visibility: i % 3 === 0 ? 'everyone' : 'iro-only' } satisfies Answer, now);
				}
				await consultations.markSubmitted(trx, c.id, now);
			}
		});
		const load = async (): Promise<PackRespondent[]> => {
			const invited = await invitations.forReviews(db, [reviewId]);
			const started = await consultations.forReviews(db, [reviewId]);
			const map = await answers.forConsultations(db, started.map((c) => c.id));
			return invited.map((i) => {
				const c = started.find((x) => x.respondentId === i.respondentId)!;
				return { respondentId: i.respondentId, kind: i.respondentKind, displayName: i.displayName, invitedAt: i.invitedAt, consultation: { status: c.status, formId: c.formId, formVersion: c.formVersion, submittedAt: c.submittedAt }, answers: map.get(c.id) ?? new Map() };
			});
		};
		const respondents = await load();
		const pure: number[] = [];
		const whole: number[] = [];
		for (let r = 0; r < RUNS; r++) {
			let t0 = performance.now();
			const pack = assemblePack(respondents, 'iro');
			pure.push(performance.now() - t0);
			if (pack.sections.length !== CONSULTATIONS) throw new Error('pack is incomplete');
			t0 = performance.now();
			assemblePack(await load(), 'iro');
			whole.push(performance.now() - t0);
		}
		const answersEach = form.questions.length;
		for (const [name, xs] of [['assemblePack (pure)', pure], ['queries + assemblePack', whole]] as const) {
			const s = [...xs].sort((a, b) => a - b);
			console.log(`pack of ${CONSULTATIONS} consultations × ${answersEach} answers, ${name}: p50 ${pct(s, 50).toFixed(2)} ms, p95 ${pct(s, 95).toFixed(2)} ms, p99 ${pct(s, 99).toFixed(2)} ms over ${RUNS} runs`);
		}
	} finally {
		await db.destroy();
		rmSync(dir, { recursive: true, force: true });
	}
}
