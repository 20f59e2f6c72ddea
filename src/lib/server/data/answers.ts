import type { Answer, AnswerValue, Visibility } from '$lib/forms/types';
import type { Db } from '../db';

/**
 * The one place an answer row exists (STYLE §2.4). A page save is an upsert on
 * (consultation, question), so a replayed Continue lands on the same row (REL-4).
 */
export async function save(db: Db, consultationId: string, answer: Answer, now: number): Promise<void> {
	const value = JSON.stringify(answer.value);
	const share_advocate = answer.advocate ? 1 : 0;
	await db
		.insertInto('answer')
		.values({ consultation_id: consultationId, question_id: answer.questionId, value, visibility: answer.visibility, updated_at: now, share_advocate })
		.onConflict((oc) => oc.columns(['consultation_id', 'question_id']).doUpdateSet({ value, visibility: answer.visibility, updated_at: now, share_advocate }))
		.execute();
}

function toAnswer(r: { question_id: string; value: string; visibility: string; share_advocate: number }): Answer {
	const a: Answer = { questionId: r.question_id, value: JSON.parse(r.value) as AnswerValue, visibility: r.visibility as Visibility };
	return r.share_advocate === 1 ? { ...a, advocate: true } : a;
}

/** All answers of one consultation, keyed by question id. */
export async function forConsultation(db: Db, consultationId: string): Promise<Map<string, Answer>> {
	const rows = await db.selectFrom('answer').select(['question_id', 'value', 'visibility', 'share_advocate']).where('consultation_id', '=', consultationId).execute();
	return new Map(rows.map((r) => [r.question_id, toAnswer(r)]));
}

/** Answers of many consultations (the pack), keyed by consultation id. */
export async function forConsultations(db: Db, ids: readonly string[]): Promise<Map<string, Map<string, Answer>>> {
	const out = new Map<string, Map<string, Answer>>();
	if (ids.length === 0) return out;
	const rows = await db
		.selectFrom('answer')
		.select(['consultation_id', 'question_id', 'value', 'visibility', 'share_advocate'])
		.where('consultation_id', 'in', ids)
		.execute();
	for (const r of rows) {
		let m = out.get(r.consultation_id);
		if (!m) out.set(r.consultation_id, (m = new Map()));
		m.set(r.question_id, toAnswer(r));
	}
	return out;
}
