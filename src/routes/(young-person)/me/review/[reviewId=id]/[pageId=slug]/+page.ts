import { loadKind } from '$lib/components/form/kinds';
import type { PageLoad } from './$types';

/** Issue 10: the question's own field (drawing, faces, checkboxes, date) arrives before the page renders. */
export const load: PageLoad = async ({ data }) => {
	await loadKind(data.question.kind);
	return data;
};
