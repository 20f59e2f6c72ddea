/**
 * Small-number suppression for anything that leaves the service (DOMAIN §9 "Suppression", D28):
 * counts of 1–4 show as "<5", and so does any percentage or measure built on such a count. One
 * more cell is hidden where a total would otherwise give the hidden value away (our default):
 * within each group of rows that adds up to a total row, if exactly one part is hidden in a
 * column, the smallest other non-zero part is hidden too (or, if there is none, the total).
 * IRO names are replaced by a number. Pure: returns new tables.
 */
import type { Cell, ReportTable, Row } from './types';

const SUPPRESSED: Cell = { kind: 'suppressed' };

export function isSmall(n: number): boolean {
	return n >= 1 && n <= 4;
}

function primary(c: Cell): Cell {
	switch (c.kind) {
		case 'count':
			return isSmall(c.value) ? SUPPRESSED : c;
		case 'percent':
			return isSmall(c.numerator) || isSmall(c.denominator) ? SUPPRESSED : c;
		case 'number':
			return isSmall(c.n) ? SUPPRESSED : c;
		default:
			return c;
	}
}

/** Hides a count cell and every percentage in its row built on it (as numerator or denominator). */
function hide(r: Row, column: string): void {
	const c = r.cells[column];
	if (!c || c.kind !== 'count') return;
	const value = c.value;
	r.cells[column] = SUPPRESSED;
	for (const [k, other] of Object.entries(r.cells)) {
		if (other.kind === 'percent' && (other.numerator === value || other.denominator === value)) r.cells[k] = SUPPRESSED;
	}
}

export function suppressTable(table: ReportTable): ReportTable {
	const rows: Row[] = table.rows.map((r) => ({
		...r,
		label: 'name' in r.label ? { key: 'reports.row.iro-n', params: { n: r.label.anonymous } } : r.label,
		cells: Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, primary(c)]))
	}));
	const byId = new Map(rows.map((r) => [r.id, r]));
	for (const group of table.sums ?? []) {
		for (const col of table.columns.filter((c) => c.kind === 'count')) {
			const parts = group.parts.map((id) => byId.get(id)).filter((r): r is Row => !!r && r.cells[col.id]?.kind !== undefined);
			const hidden = parts.filter((r) => r.cells[col.id]!.kind === 'suppressed');
			const total = byId.get(group.total);
			if (hidden.length !== 1 || !total || total.cells[col.id]?.kind !== 'count') continue;
			const candidates = parts
				.filter((r) => r.cells[col.id]!.kind === 'count' && (r.cells[col.id] as { value: number }).value > 0)
				.sort((a, b) => (a.cells[col.id] as { value: number }).value - (b.cells[col.id] as { value: number }).value);
			if (candidates.length) hide(candidates[0]!, col.id);
			else hide(total, col.id);
		}
	}
	return { ...table, rows };
}

export function suppressReport<T extends { tables: ReportTable[] }>(report: T): T {
	return { ...report, tables: report.tables.map(suppressTable) };
}
