import type { Translate } from '$lib/i18n';
import type { Label } from '$lib/domain/reports/types';

/** A row's label: a translated key under `reports.`, or an IRO's name as stored. */
export function labelText(t: Translate, label: Label): string {
	return 'name' in label ? label.name : (t(label.key, label.params ?? {}) as string);
}
