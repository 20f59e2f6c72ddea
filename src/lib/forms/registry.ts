import carerV1 from './definitions/carer.v1';
import parentV1 from './definitions/parent.v1';
import youngPerson13PlusV1 from './definitions/young-person-13-plus.v1';
import youngPerson13PlusV2 from './definitions/young-person-13-plus.v2';
import youngPerson4To7V1 from './definitions/young-person-4-7.v1';
import youngPerson8To12V1 from './definitions/young-person-8-12.v1';
import type { FormDefinition } from './types';

/**
 * Every form definition, every version, imported statically so the same list exists on the
 * client and the server. Old versions stay here for good: a consultation is pinned to the version
 * it started on and its pack renders that version's wording (DOMAIN §5.1, §5.8).
 */
export const ALL_FORMS: readonly FormDefinition[] = Object.freeze([
	youngPerson4To7V1,
	youngPerson8To12V1,
	youngPerson13PlusV1,
	youngPerson13PlusV2,
	parentV1,
	carerV1
]);

/** The definition a stored answer was given against, or undefined for an unknown pair. */
export function formById(id: string, version: number): FormDefinition | undefined {
	return ALL_FORMS.find((f) => f.id === id && f.version === version);
}

/** The newest version of a form, for a consultation that is starting now. Throws for an unknown id. */
export function latestForm(id: string): FormDefinition {
	let latest: FormDefinition | undefined;
	for (const form of ALL_FORMS) {
		if (form.id === id && (!latest || form.version > latest.version)) latest = form;
	}
	if (!latest) throw new Error(`unknown form ${id}`);
	return latest;
}

/** Is there any version of this form yet? */
export function hasForm(id: string): boolean {
	return ALL_FORMS.some((f) => f.id === id);
}
