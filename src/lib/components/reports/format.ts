import type { Translate } from '$lib/i18n';
import type { Cell } from '$lib/domain/reports/types';

/** A cell as the page shows it, in the reader's locale: counts whole, percentages and measures to one place. */
export function cellDisplay(t: Translate, locale: string, c: Cell | undefined): string {
	if (!c) return '';
	const one = (v: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
	switch (c.kind) {
		case 'count':
			return new Intl.NumberFormat(locale).format(c.value);
		case 'percent':
			return c.value === null ? t('reports.no-value') : t('reports.percent-value', { value: one(c.value) });
		case 'number':
			return c.value === null ? t('reports.no-value') : t(`reports.unit.${c.unit}`, { value: one(c.value) });
		case 'suppressed':
			return t('reports.suppressed');
		default:
			return '';
	}
}

/** The number a chart bar stands for (0 when there is none). */
export function cellValue(c: Cell | undefined): number {
	if (!c) return 0;
	if (c.kind === 'count') return c.value;
	if (c.kind === 'percent' || c.kind === 'number') return c.value ?? 0;
	return 0;
}
