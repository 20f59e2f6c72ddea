/**
 * CSV for every report table (RFC 4180, CRLF). Labels are passed in already translated, so this
 * stays pure. SEC-V5: a cell starting with =, +, -, @, tab or CR is prefixed with ' so a
 * spreadsheet never runs it as a formula.
 */
import type { Cell, ReportTable, Row } from './types';

export function cellText(c: Cell | undefined): string {
	if (!c) return '';
	switch (c.kind) {
		case 'count':
			return String(c.value);
		case 'percent':
		case 'number':
			return c.value === null ? '' : String(c.value);
		case 'suppressed':
			return '<5';
		default:
			return '';
	}
}

export function csvField(s: string): string {
	const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function tableToCsv(table: ReportTable, labels: { corner: string; column: (id: string) => string; row: (r: Row) => string; notRecorded: string }): string {
	const lines = [[labels.corner, ...table.columns.map((c) => labels.column(c.id))]];
	for (const r of table.rows) {
		lines.push([labels.row(r), ...table.columns.map((c) => (r.notRecorded ? labels.notRecorded : cellText(r.cells[c.id])))]);
	}
	return lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Reads CSV back into rows of fields (RFC 4180 quoting); used by the tests and by anyone checking an export. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let field = '';
	let fields: string[] = [];
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!;
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			fields.push(field);
			field = '';
		} else if (ch === '\r' && text[i + 1] === '\n') {
			fields.push(field);
			rows.push(fields);
			fields = [];
			field = '';
			i++;
		} else if (ch === '\n') {
			fields.push(field);
			rows.push(fields);
			fields = [];
			field = '';
		} else field += ch;
	}
	if (field !== '' || fields.length) {
		fields.push(field);
		rows.push(fields);
	}
	return rows;
}
