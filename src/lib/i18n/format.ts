/** Dates and numbers follow the locale (issue 7); calendar dates are formatted as UTC days. */
export function formatDate(iso: string, locale: string, weekday = true): string {
	const [y, m, d] = iso.split('-').map(Number);
	return new Intl.DateTimeFormat(locale, { weekday: weekday ? 'long' : undefined, day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(Date.UTC(y!, m! - 1, d!))
	);
}

/** An instant as a London date and time, e.g. for "sent at". */
export function formatInstant(ms: number, locale: string): string {
	return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }).format(new Date(ms));
}
