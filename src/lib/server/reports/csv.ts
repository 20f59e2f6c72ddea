import { tableToCsv } from '$lib/domain/reports/csv';
import type { Report, ReportTable } from '$lib/domain/reports/types';
import { labelText } from '$lib/components/reports/labels';
import type { Translate } from '$lib/i18n';

/** One report table as CSV, headers and labels in the reader's language (STYLE §4.9). */
export function tableCsv(t: Translate, table: ReportTable): string {
	if (table.status === 'not-recorded') return `${t('reports.csv.figure')}\r\n${t('reports.not-recorded-short')}\r\n`;
	return tableToCsv(table, {
		corner: t('reports.csv.figure'),
		column: (c) => t(`reports.col.${c}`),
		row: (r) => labelText(t, r.label),
		notRecorded: t('reports.not-recorded-short')
	});
}

/** Every table, each under its title line, separated by an empty line. */
export function reportCsv(t: Translate, report: Report): string {
	return report.tables.map((table) => `${t(`reports.table.${table.id}.title`)}\r\n${tableCsv(t, table)}`).join('\r\n');
}
