/** Roles, SECURITY §2. IRO managers arrive with the reports issue. */
export const ROLES = ['admin', 'iro', 'advocate', 'young-person', 'parent', 'carer'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES: readonly Role[] = ['admin', 'iro', 'advocate'];
export const RESPONDENT_ROLES: readonly Role[] = ['young-person', 'parent', 'carer'];

/** Who is signed in. Holds opaque ids and the display name only (no other personal data). */
export interface Actor {
	id: string;
	role: Role;
	displayName: string;
	/** The young person's own child record. */
	childId: string | null;
	locale: string | null;
}

export function isRole(value: string): value is Role {
	return (ROLES as readonly string[]).includes(value);
}
