import type { Actor } from '$lib/server/auth/actor';
import type { Session } from '$lib/server/auth/session';
import type { Locale, Translate } from '$lib/i18n';

declare global {
	namespace App {
		interface Locals {
			actor: Actor | null;
			session: Session | null;
			locale: Locale;
			/** The languages the service offers respondents (issue 8 settings; English always). */
			offeredLocales?: readonly Locale[];
			t: Translate;
			requestId: string;
			/** Set by sign-out and Exit; the header hook sends it as Clear-Site-Data (D12). */
			clearSiteData?: string;
			/** A signed-in person on another audience's path: refused, but named in the audit row (SEC-L3). */
			deniedActor?: Actor | null;
		}
		interface Error {
			message: string;
			code: string;
			id: string;
		}
	}
}

export {};
