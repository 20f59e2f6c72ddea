import * as v from 'valibot';
import { countCodePoints, normaliseText } from '$lib/forms/validate';

export interface TextFieldOptions {
	/** Most code points allowed. */
	max: number;
	/** i18n key shown when the text is longer than `max`. */
	tooLong: string;
	/** i18n key shown when the text has characters we refuse (controls, lone surrogates, …). */
	badCharacters: string;
	/** i18n key shown when the field is empty; omit when empty is allowed. */
	empty?: string;
	/** Allow line breaks (a text area). */
	multiline?: boolean;
}

/**
 * One free-text field, normalised before it is checked (NFC, trimmed, no control characters):
 * the shared rule behind every staff and request text box. Messages are i18n keys, never English.
 */
export function textField(o: TextFieldOptions) {
	return v.pipe(
		v.string(),
		v.rawTransform(({ dataset, addIssue, NEVER }) => {
			const n = normaliseText(dataset.value);
			if (!n.ok || (!o.multiline && n.text.includes('\n'))) {
				addIssue({ message: o.badCharacters });
				return NEVER;
			}
			return n.text;
		}),
		v.check((s) => !o.empty || s.length > 0, o.empty ?? ''),
		v.check((s) => countCodePoints(s) <= o.max, o.tooLong)
	);
}
