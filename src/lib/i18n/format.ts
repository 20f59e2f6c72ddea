/**
 * Building an Intl.DateTimeFormat costs ~0.1 ms (issue 10: an IRO's caseload of 70 formats ~200
 * dates, which was most of the page's server time). A formatter is immutable and depends only on
 * its locale and options, so one per (locale, kind) is kept for the life of the process.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, kind: 'day' | 'weekday' | 'instant'): Intl.DateTimeFormat {
	const key = `${kind} ${locale}`;
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat(
			locale,
			kind === 'instant'
				? { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }
				: { weekday: kind === 'weekday' ? 'long' : undefined, day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
		);
		formatters.set(key, f);
	}
	return f;
}

/** Dates and numbers follow the locale (issue 7); calendar dates are formatted as UTC days. */
export function formatDate(iso: string, locale: string, weekday = true): string {
	const [y, m, d] = iso.split('-').map(Number);
	return formatter(locale, weekday ? 'weekday' : 'day').format(new Date(Date.UTC(y!, m! - 1, d!)));
}

/** An instant as a London date and time, e.g. for "sent at". */
export function formatInstant(ms: number, locale: string): string {
	return formatter(locale, 'instant').format(new Date(ms));
}
