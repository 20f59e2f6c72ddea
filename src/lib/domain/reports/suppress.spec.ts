import { describe, expect, it } from 'vitest';
import { count, percent } from './numbers';
import { suppressTable } from './suppress';
import type { ReportTable } from './types';

const table = (parts: Record<string, number>, total: number): ReportTable => ({
	id: 'participation',
	figures: [],
	status: 'ok',
	columns: [
		{ id: 'n', kind: 'count' },
		{ id: 'p', kind: 'percent' }
	],
	rows: [
		...Object.entries(parts).map(([id, n]) => ({ id, label: { key: `row.${id}` }, cells: { n: count(n), p: percent(n, total) } })),
		{ id: 'total', label: { key: 'row.total' }, cells: { n: count(total), p: { kind: 'empty' } }, total: true }
	],
	chart: null,
	sums: [{ parts: Object.keys(parts), total: 'total' }],
	definitions: []
});

const shown = (t: ReportTable) => Object.fromEntries(t.rows.map((r) => [r.id, [r.cells.n!.kind === 'count' ? r.cells.n!.value : '<5', r.cells.p!.kind === 'percent' ? r.cells.p!.value : r.cells.p!.kind === 'suppressed' ? '<5' : null]]));

describe('suppression beyond the service (DOMAIN §9)', () => {
	it('hides 1–4 and the percentages built on them, keeps 0 and 5+', () => {
		expect(shown(suppressTable(table({ a: 0, b: 5, c: 3, d: 2, e: 90 }, 100)))).toEqual({
			a: [0, 0], b: [5, 5], c: ['<5', '<5'], d: ['<5', '<5'], e: [90, 90], total: [100, null]
		});
	});
	it('hides one more part when a single hidden one could be worked out from the total', () => {
		expect(shown(suppressTable(table({ a: 3, b: 7, c: 40 }, 50)))).toEqual({ a: ['<5', '<5'], b: ['<5', '<5'], c: [40, 80], total: [50, null] });
	});
	it('hides the total when no other part can be hidden', () => {
		expect(shown(suppressTable(table({ a: 3, b: 0 }, 3)))).toEqual({ a: ['<5', '<5'], b: [0, '<5'], total: ['<5', null] });
	});
	it('replaces IRO names by a number', () => {
		const t: ReportTable = { ...table({}, 0), rows: [{ id: 'iro-1', label: { name: 'Rowan Patel', anonymous: '1' }, cells: { n: count(60), p: { kind: 'empty' } } }], sums: [] };
		expect(suppressTable(t).rows[0]!.label).toEqual({ key: 'reports.row.iro-n', params: { n: '1' } });
		expect(JSON.stringify(suppressTable(t))).not.toContain('Rowan');
	});
});
