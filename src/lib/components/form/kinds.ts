import type { Component } from 'svelte';
import type { QuestionKind } from '$lib/forms/types';

/**
 * Issue 10: a question page loads the code of ITS question's field only. Radios (also the sharing
 * choice) and the text box are in every question page anyway; the drawing pad, the faces, the
 * checkboxes and the date field are loaded for the question that uses them. A page's universal
 * load (`+page.ts`) awaits `loadKind` before the page renders, on the server and in the browser,
 * so server rendering, hydration and JavaScript-off all see the field; `Question` also loads a
 * kind it finds missing (a page without that load), showing it as soon as it arrives.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Field = Component<any>;
const loaders: Partial<Record<QuestionKind, () => Promise<{ default: Field }>>> = {
	drawing: () => import('$lib/components/child/DrawingCanvas.svelte'),
	faces: () => import('$lib/components/child/FacesScale.svelte'),
	choices: () => import('$lib/components/govuk/Checkboxes.svelte'),
	date: () => import('$lib/components/govuk/Input.svelte')
};
const loaded = new Map<QuestionKind, Field>();

/** The field component of a lazily loaded kind, once loaded; undefined before (or for a kind that isn't lazy). */
export function fieldFor(kind: QuestionKind): Field | undefined {
	return loaded.get(kind);
}

export function isLazyKind(kind: QuestionKind): boolean {
	return kind in loaders;
}

/** Loads a kind's field (a no-op for the always-there kinds and for one already loaded). */
export async function loadKind(kind: QuestionKind | undefined): Promise<void> {
	const load = kind ? loaders[kind] : undefined;
	if (!kind || !load || loaded.has(kind)) return;
	loaded.set(kind, (await load()).default);
}

/** Server start: every kind, so server rendering never waits and never misses a field. */
export async function loadAllKinds(): Promise<void> {
	await Promise.all((Object.keys(loaders) as QuestionKind[]).map(loadKind));
}
