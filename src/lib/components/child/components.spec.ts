import { render } from 'svelte/server';
import type { Component } from 'svelte';
import { describe, expect, it } from 'vitest';
import AssistedBanner from './AssistedBanner.svelte';
import DrawingCanvas from './DrawingCanvas.svelte';
import FaceIcon from './FaceIcon.svelte';
import FacesScale from './FacesScale.svelte';
import HelpNow from './HelpNow.svelte';
import ReadAloud from './ReadAloud.svelte';
import SafetyMessage from './SafetyMessage.svelte';
import TestHarness from './TestHarness.svelte';
import { parseStrokes } from '$lib/forms/drawing';
import { cleanStrokes, MAX_POINTS, MAX_STROKES, serialiseStrokes } from './drawing';

/** Server-renders `component` inside the i18n context, as a page would with JavaScript off. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function ssr<P extends Record<string, any>>(component: Component<P>, props: P): string {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	const { body, head } = render(TestHarness as Component<any>, { props: { component, props } });
	return head + body;
}

/** Markup with Svelte's hydration comments removed. */
const strip = (html: string) => html.replace(/<!--[^>]*-->/g, '').trim();

const FIVE = [
	{ value: 'very-unhappy', text: 'Very unhappy' },
	{ value: 'unhappy', text: 'Unhappy' },
	{ value: 'okay', text: 'Okay' },
	{ value: 'happy', text: 'Happy' },
	{ value: 'very-happy', text: 'Very happy' },
	{ value: 'rather-not-say', text: "I'd rather not say" }
];

const outputs: Record<string, string> = {};

describe('FacesScale', () => {
	it('is a fieldset of real radios with visible labels; the first input has the field id', () => {
		const html = ssr(FacesScale, { id: 'school', legend: 'How is school?', asHeading: true, options: FIVE, value: 'happy' });
		outputs.faces = html;
		expect(html).toMatch(/<fieldset class="govuk-fieldset"/);
		expect(strip(html)).toMatch(/<legend[^>]*><h1 class="govuk-fieldset__heading">How is school\?<\/h1><\/legend>/);
		const inputs = [...html.matchAll(/<input [^>]*>/g)].map((m) => m[0]);
		expect(inputs).toHaveLength(6);
		for (const input of inputs) {
			expect(input).toContain('type="radio"');
			expect(input).toContain('name="school"');
		}
		expect(inputs[0]).toContain('id="school"');
		expect(inputs[0]).toContain('value="very-unhappy"');
		expect(inputs[1]).toContain('id="school-unhappy"');
		expect(inputs[5]).toContain('id="school-rather-not-say"');
		expect(inputs.filter((i) => / checked/.test(i))).toEqual([expect.stringContaining('value="happy"')]);
		for (const o of FIVE) {
			const forId = o.value === 'very-unhappy' ? 'school' : `school-${o.value}`;
			const label = strip(html).split(`<label class="app-faces__label" for="${forId}">`)[1]?.split('</label>')[0];
			expect(label, o.value).toMatch(new RegExp(`<span class="app-faces__text">${o.text}</span>$`));
		}
		// Five face pictures, decorative; "I'd rather not say" has none.
		expect(html.match(/<svg class="app-face /g)).toHaveLength(5);
		expect(html.match(/<svg [^>]*aria-hidden="true"/g)).toHaveLength(5);
		expect(html).not.toContain('aria-describedby');
		expect(html).not.toContain('govuk-form-group--error');
	});

	it('wires the hint and error into aria-describedby, with a hidden "Error:" prefix', () => {
		const html = ssr(FacesScale, {
			id: 'home',
			legend: 'How is home?',
			hint: 'Choose one',
			error: "Answer this question before you send, or choose I'd rather not say",
			options: [
				{ value: 'sad', text: 'Sad' },
				{ value: 'okay', text: 'Okay' },
				{ value: 'happy', text: 'Happy' }
			]
		});
		outputs.facesError = html;
		expect(html).toContain('govuk-form-group--error');
		expect(html).toMatch(/<fieldset class="govuk-fieldset" aria-describedby="home-hint home-error">/);
		expect(html).toContain('<div id="home-hint" class="govuk-hint">Choose one</div>');
		expect(html).toMatch(/<p id="home-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:<\/span> Answer this question/);
		expect(html).toContain('app-faces--3');
		expect(html).not.toContain(' checked');
		expect(html.match(/type="radio"/g)).toHaveLength(3);
	});
});

describe('FaceIcon', () => {
	it('draws a different picture for every face, hidden from assistive tech', () => {
		const values = ['very-unhappy', 'unhappy', 'okay', 'happy', 'very-happy', 'sad'] as const;
		const shapes = new Set<string>();
		for (const value of values) {
			const html = ssr(FaceIcon, { value });
			outputs[`face-${value}`] = html;
			expect(html).toContain(`app-face--${value}`);
			expect(html).toContain('aria-hidden="true"');
			expect(html).not.toMatch(/gradient/i);
			// Same picture apart from the colour class would fail 1.4.1.
			shapes.add(strip(html).replace(/class="[^"]*"/g, ''));
		}
		expect(shapes.size).toBe(values.length);
	});
});

describe('DrawingCanvas', () => {
	it('server-renders the no-JavaScript line, the label and a hidden field, but no canvas', () => {
		const html = ssr(DrawingCanvas, { id: 'draw', label: 'Draw your home', asHeading: true, hint: 'You can skip this' });
		outputs.drawing = html;
		expect(html).toContain('Drawing needs JavaScript. You can skip this, or write instead.');
		expect(html).not.toContain('<canvas');
		expect(html).not.toContain('Undo');
		expect(html).toContain('<h1 class="govuk-label-wrapper">');
		expect(html).toMatch(/id="draw"/);
		expect(html).toMatch(/aria-describedby="draw-hint"/);
		expect(html).toMatch(/<input type="hidden" name="draw" value=""\/?>/);
	});

	it('keeps an earlier drawing in the hidden field, so sending without JavaScript does not lose it', () => {
		const value = [
			[10, 20, 30, 40],
			[5, 5]
		];
		const html = ssr(DrawingCanvas, { id: 'draw', label: 'Draw', value, error: 'Too big' });
		outputs.drawingValue = html;
		expect(html).toContain(`value="${JSON.stringify(value).replace(/"/g, '&quot;')}"`);
		expect(html).toMatch(/<p id="draw-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:<\/span> Too big<\/p>/);
	});

	it('takes the field as posted (JSON) and parses it; a malformed one is an empty drawing', () => {
		const html = ssr(DrawingCanvas, { id: 'draw', label: 'Draw', value: '[[10,20,30,40]]' });
		expect(html).toContain(`value="${JSON.stringify([[10, 20, 30, 40]]).replace(/"/g, '&quot;')}"`);
		expect(ssr(DrawingCanvas, { id: 'draw', label: 'Draw', value: '<script>' })).toMatch(/<input type="hidden" name="draw" value=""\/?>/);
	});

	it('cleans stored strokes: integers, inside 320×240, within the limits', () => {
		expect(cleanStrokes('nope')).toEqual([]);
		expect(cleanStrokes([[1.4, 2.6, -5, 999, 'x', 3], 'bad', []])).toEqual([[1, 3, 0, 239]]);
		expect(cleanStrokes([[320, 240, 500, -1]])).toEqual([[319, 239, 319, 0]]);
		const many = Array.from({ length: MAX_STROKES + 50 }, () => [1, 1]);
		expect(cleanStrokes(many)).toHaveLength(MAX_STROKES);
		const long = [Array.from({ length: (MAX_POINTS + 100) * 2 }, () => 7)];
		expect(cleanStrokes(long)[0]).toHaveLength(MAX_POINTS * 2);
		expect(serialiseStrokes([])).toBe('');
		expect(serialiseStrokes([[1, 2]])).toBe('[[1,2]]');
		// Whatever the canvas posts, the server's own check accepts, even at the limits.
		const biggest = cleanStrokes(Array.from({ length: MAX_STROKES }, () => Array.from({ length: (MAX_POINTS / MAX_STROKES) * 2 }, (_, i) => (i % 2 ? 239 : 319))));
		expect(parseStrokes(serialiseStrokes(biggest))).toEqual(biggest);
		expect(parseStrokes(serialiseStrokes(cleanStrokes([[0, 0], [320.4, 240.6, 5, 5]])))).toEqual([[0, 0], [319, 239, 5, 5]]);
	});
});

describe('ReadAloud', () => {
	it('renders nothing on the server (no voices known, and nothing to do with JavaScript off)', () => {
		const html = ssr(ReadAloud, { texts: ['How is school?', 'Happy', 'Sad'], lang: 'en-GB' });
		outputs.readAloud = html;
		expect(strip(html)).toBe('');
	});
});

describe('HelpNow', () => {
	it('is a plain POST form with one submit button and no other fields', () => {
		const html = ssr(HelpNow, { action: '?/help' });
		outputs.helpNow = html;
		expect(html).toMatch(/<form method="POST" action="\?\/help" class="app-help-now">/);
		expect(html).toMatch(/<button type="submit" class="govuk-button app-help-now__button">I need help now<\/button>/);
		expect(html).not.toMatch(/<input/);
		expect(html.match(/<button/g)).toHaveLength(1);
	});
});

describe('SafetyMessage', () => {
	it('gives 999 and Childline as phone links and says who will see it', () => {
		const html = ssr(SafetyMessage, { iroName: 'Sam', hours: 'Monday to Friday, 9 to 5' });
		outputs.safety = html;
		expect(html).toMatch(/<h2 [^>]*>[\s\S]*If you are not safe right now[\s\S]*<\/h2>/);
		expect(strip(html)).toContain('In danger right now? Call <a class="app-safety__tel" href="tel:999">999</a>.');
		expect(strip(html)).toContain('Childline, free, any time: <a class="app-safety__tel" href="tel:08001111">0800 1111</a>.');
		expect(html).toContain('Sam and the duty team will see this. They work Monday to Friday, 9 to 5. Before then, call Childline or 999.');
		expect(html).toMatch(/<section class="app-safety" aria-labelledby="([^"]+)-title">[\s\S]*id="\1-title"/);
	});
});

describe('AssistedBanner', () => {
	it('tells the helping adult to let the child choose, in the child’s own words', () => {
		const html = ssr(AssistedBanner, { childName: 'Jo' });
		outputs.assisted = html;
		expect(html).toContain('You are helping Jo. Let them choose. Write down what they say, in their words.');
		expect(html).toContain('Ask: is this what you wanted to say?');
		expect(html).toMatch(/role="region" aria-labelledby="([^"]+)-title"[\s\S]*id="\1-title"/);
	});
});

describe('all child components', () => {
	it('use no inline style attributes (D8) and show no raw translation keys', () => {
		expect(Object.keys(outputs).length).toBeGreaterThanOrEqual(10);
		for (const [name, html] of Object.entries(outputs)) {
			expect(html, name).not.toMatch(/\sstyle=/i);
			expect(html, name).not.toMatch(/<style/i);
			expect(html, name).not.toContain('child-ui.');
		}
	});
});
