import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../db/test-db';
import { cachedReport } from './load';
import { generateYear, writeDataset } from './synthetic';

let opened: TestDatabase | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

const total = (r: Awaited<ReturnType<typeof cachedReport>>) => {
	const c = r.tables.find((t) => t.id === 'reviews')!.rows.find((x) => x.id === 'total-cla')!.cells.reviews!;
	return c.kind === 'count' ? c.value : null;
};

describe('cachedReport', () => {
	it('keeps a period’s report while nothing is written, and counts afresh after any write', async () => {
		opened = await openTestDatabase();
		const { dataset, period } = generateYear({ reviews: 60, seed: 3 });
		await writeDataset(opened.db, dataset, Date.now());
		const first = await cachedReport(opened.db, period, '2026-11-26');
		// SQLite keeps the report until a write; Postgres (several instances) always counts afresh.
		if (opened.dialect === 'sqlite') expect(await cachedReport(opened.db, period, '2026-11-26')).toBe(first);
		const inYear = dataset.reviews.find((r) => r.heldDate && r.heldDate >= period.from)!;
		await opened.db.updateTable('review').set({ held_date: '2020-01-01' }).where('id', '=', inYear.id).execute();
		const after = await cachedReport(opened.db, period, '2026-11-26');
		if (opened.dialect === 'sqlite') expect(after).not.toBe(first);
		expect(total(after)).toBe(total(first)! - 1);
	});
});
