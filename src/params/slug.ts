import type { ParamMatcher } from '@sveltejs/kit';

/** Question ids are kebab-case (STYLE §4.7). */
export const match: ParamMatcher = (param) => /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(param) && param.length <= 60;
