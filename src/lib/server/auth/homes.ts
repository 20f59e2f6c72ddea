import type { Role } from './actor';

/** Where each audience starts after signing in (path prefixes of hooks/audience.ts). */
export const HOME: Record<Role, string> = {
	'young-person': '/me',
	parent: '/parent',
	carer: '/carer',
	iro: '/iro',
	admin: '/admin',
	advocate: '/advocate'
};
