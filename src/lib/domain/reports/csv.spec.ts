import { describe, expect, it } from 'vitest';
import { cellText, csvField, parseCsv, tableToCsv } from './csv';
import { count, percent } from './numbers';
import type { ReportTable } from './types';

describe('CSV', () => {
	it('quotes RFC 4180 style and defuses formulas (SEC-V5)', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('a, "b"')).toBe('"a, ""b"""');
		expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		for (const bad of ['+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvField(bad).replace(/^"/, '').startsWith(`'`)).toBe(true);
	});

	it('round-trips names with commas, quotes and new lines', () => {
		const fields = [['a', 'b,c', 'say "hi"', 'two\nlines', '']];
		expect(parseCsv(fields.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n')).toEqual(fields);
	});

	it('writes a table with a header row and a not-recorded marker', () => {
		const t: ReportTable = {
			id: 'advocacy', figures: [], status: 'ok',
			columns: [{ id: 'count', kind: 'count' }, { id: 'percent', kind: 'percent' }],
			rows: [
				{ id: 'x', label: { key: 'row.x' }, cells: { count: count(4), percent: percent(4, 5) } },
				{ id: 'y', label: { key: 'row.y' }, cells: { count: { kind: 'empty' }, percent: { kind: 'empty' } }, notRecorded: true }
			],
			chart: null, definitions: []
		};
		const csv = tableToCsv(t, { corner: 'Figure', column: (c) => c.toUpperCase(), row: (r) => r.id, notRecorded: 'Not yet recorded' });
		expect(csv).toBe('Figure,COUNT,PERCENT\r\nx,4,80\r\ny,Not yet recorded,Not yet recorded\r\n');
		expect(cellText({ kind: 'suppressed' })).toBe('<5');
	});
});
