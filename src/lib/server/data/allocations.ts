import type { Db } from '../db';
import { newId } from '../ids';

/**
 * IRO allocation (SEC-Z2): an IRO sees a child through an open allocation row, never by role.
 * Allocating a new IRO ends the previous allocation on the same day, so access moves with it.
 */
export async function allocate(db: Db, childId: string, iroId: string, today: string, now: number): Promise<void> {
	await db
		.updateTable('iro_allocation')
		.set({ ends_on: today })
		.where('child_id', '=', childId)
		.where('ends_on', 'is', null)
		.execute();
	await db
		.insertInto('iro_allocation')
		.values({ id: newId(), child_id: childId, iro_id: iroId, starts_on: today, ends_on: null, created_at: now })
		.execute();
}

/** The IRO allocated to a child now, if any. */
export async function currentIro(db: Db, childId: string, today: string): Promise<{ iroId: string; displayName: string } | undefined> {
	const r = await db
		.selectFrom('iro_allocation')
		.innerJoin('app_user', 'app_user.id', 'iro_allocation.iro_id')
		.select(['iro_allocation.iro_id', 'app_user.display_name'])
		.where('iro_allocation.child_id', '=', childId)
		.where('iro_allocation.starts_on', '<=', today)
		.where('iro_allocation.ends_on', 'is', null)
		.executeTakeFirst();
	return r && { iroId: r.iro_id, displayName: r.display_name };
}

/** Is this IRO allocated to this child now? */
export async function isAllocated(db: Db, childId: string, iroId: string, today: string): Promise<boolean> {
	const r = await db
		.selectFrom('iro_allocation')
		.select('id')
		.where('child_id', '=', childId)
		.where('iro_id', '=', iroId)
		.where('starts_on', '<=', today)
		.where('ends_on', 'is', null)
		.executeTakeFirst();
	return r !== undefined;
}
