import type { ParamMatcher } from '@sveltejs/kit';

/** Opaque ids only; anything else is a 404 before any load runs (SECURITY §7). */
export const match: ParamMatcher = (param) => /^[a-z2-7]{24}$/.test(param);
