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

/**
 * Issue 8: the question bank's published versions, registered by the server
 * (`$lib/server/forms/bank`) from the database. They continue a form's versions after the ones in
 * code, and like them are never changed once published. Empty in the browser, which needs none.
 */
let published: readonly FormDefinition[] = Object.freeze([]);

/** Server only: the question bank's published versions (replacing the previous list). */
export function setPublishedForms(forms: readonly FormDefinition[]): void {
	published = Object.freeze([...forms]);
}

/** Code versions and the bank's published versions. */
export function allForms(): readonly FormDefinition[] {
	return published.length === 0 ? ALL_FORMS : [...ALL_FORMS, ...published];
}

/**
 * The definition a stored answer was given against, or undefined for an unknown pair. A bank
 * version answers before a code version of the same number: a deployment's answers were given
 * against its own published version (a code version added later must take a number after it).
 */
export function formById(id: string, version: number): FormDefinition | undefined {
	return published.find((f) => f.id === id && f.version === version) ?? ALL_FORMS.find((f) => f.id === id && f.version === version);
}

/** The newest version of a form, for a consultation that is starting now. Throws for an unknown id. */
export function latestForm(id: string): FormDefinition {
	let latest: FormDefinition | undefined;
	for (const form of [...ALL_FORMS, ...published]) {
		if (form.id === id && (!latest || form.version >= latest.version)) latest = form;
	}
	if (!latest) throw new Error(`unknown form ${id}`);
	return latest;
}

/** Is there any version of this form yet? (The bank only makes new versions of forms in code.) */
export function hasForm(id: string): boolean {
	return ALL_FORMS.some((f) => f.id === id);
}
