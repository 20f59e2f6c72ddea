/**
 * The Easy Read pictures (issue 7; SECURITY A11Y-C1, A11Y-C2): one set, drawn for My Review, used
 * the same way everywhere (a meeting is always the same meeting). 64 × 64, strokes in `currentColor`
 * (so high contrast and the text colour recolour them), no text, nothing fetched. They are
 * decorative: the sentence beside each one carries the meaning (Picture.svelte hides them from
 * assistive technology). `flip`: the picture's direction means something (a speech bubble's tail,
 * an arrow, an ear), so it is mirrored on right-to-left pages.
 *
 * Kept as data for one component (Picture.svelte) rather than a component each: 23 components cost
 * a child's page about 5 KB of JavaScript (issue 10's 45 KB budget); as strings they gzip together.
 */
import { eyeOnPage, meeting, sideBySide, type Picture } from './link-pictures';

export type { Picture };

// Unquoted names: a quoted word here would be read as an i18n section to send with the page (issue 10's scan).
export const PICTURES = {
	/** A person on their own, apart from an office */
	apart: { flip: true, body: '<circle cx="14" cy="24" r="7" /> <path d="M3 58 V50 Q3 36 14 36 Q25 36 25 50 V58" /> <path d="M31 6 V58" stroke-dasharray="4 6" /> <path d="M36 20 L48 10 L60 20 M38 20 V56 H58 V20 M43 26 V50 M48 26 V50 M53 26 V50" />' },
	/** A calendar with one day ringed */
	calendar: { flip: false, body: '<rect x="8" y="12" width="48" height="44" rx="4" /> <path d="M8 24 H56 M20 6 V16 M44 6 V16" /> <circle cx="20" cy="34" r="2.5" fill="currentColor" stroke="none" /> <circle cx="32" cy="34" r="2.5" fill="currentColor" stroke="none" /> <circle cx="44" cy="34" r="2.5" fill="currentColor" stroke="none" /> <circle cx="20" cy="46" r="2.5" fill="currentColor" stroke="none" /> <circle cx="32" cy="46" r="2.5" fill="currentColor" stroke="none" /> <circle cx="44" cy="46" r="6" />' },
	/** Three boxes, one ticked */
	choice: { flip: true, body: '<rect x="6" y="6" width="14" height="14" rx="2" /> <path d="M9 13 L12 17 L18 9" /> <rect x="6" y="25" width="14" height="14" rx="2" /> <rect x="6" y="44" width="14" height="14" rx="2" /> <path d="M28 13 H58 M28 32 H52 M28 51 H56" />' },
	/** A clipboard with a tick */
	clipboard: { flip: false, body: '<rect x="14" y="10" width="36" height="48" rx="4" /> <rect x="24" y="5" width="16" height="9" rx="2" /> <path d="M22 36 L30 44 L44 26" />' },
	/** An arrow going through a door */
	door: { flip: true, body: '<path d="M24 58 V6 H52 V58" /> <circle cx="45" cy="33" r="2" /> <path d="M4 32 H32 M24 24 L32 32 L24 40" />' },
	/** An ear */
	ear: { flip: true, body: '<path d="M20 26 Q20 8 36 8 Q52 8 52 26 Q52 36 44 42 Q38 46 38 52 Q38 58 31 58 Q25 58 24 52" /> <path d="M28 26 Q28 17 36 17 Q44 17 44 26 Q44 32 37 34" />' },
	eyeOnPage,
	/** A present with a bow */
	gift: { flip: false, body: '<rect x="10" y="26" width="44" height="30" rx="2" /> <rect x="7" y="18" width="50" height="8" rx="2" /> <path d="M32 18 V56" /> <path d="M32 18 Q22 5 17 12 Q14 18 32 18 Q50 18 47 12 Q42 5 32 18" />' },
	/** A hand held up: no */
	hand: { flip: true, body: '<path d="M22 56 Q13 49 13 38 V28 Q13 24 17 24 Q21 24 21 28 V36" /> <path d="M21 34 V14 Q21 10 25 10 Q29 10 29 14 V32 M29 14 V10 Q29 6 33 6 Q37 6 37 10 V32 M37 13 Q37 9 41 9 Q45 9 45 13 V32 M45 19 Q45 15 49 15 Q53 15 53 19 V40 Q53 57 39 58 H28 Q24 58 22 56" />' },
	/** A heart */
	heart: { flip: false, body: '<path d="M32 54 C32 54 8 40 8 24 C8 15 15 10 22 10 C27 10 30 13 32 17 C34 13 37 10 42 10 C49 10 56 15 56 24 C56 40 32 54 32 54 Z" />' },
	/** A house */
	house: { flip: false, body: '<path d="M6 30 L32 8 L58 30" /> <path d="M14 24 V56 H50 V24" /> <path d="M27 56 V42 H37 V56" /> <rect x="18" y="30" width="8" height="7" /> <rect x="38" y="30" width="8" height="7" />' },
	meeting,
	/** A closed padlock */
	padlock: { flip: false, body: '<rect x="14" y="28" width="36" height="28" rx="4" /> <path d="M22 28 V20 Q22 10 32 10 Q42 10 42 20 V28" /> <circle cx="32" cy="40" r="3" /> <path d="M32 43 V49" />' },
	/** An open padlock */
	padlockOpen: { flip: false, body: '<rect x="14" y="28" width="36" height="28" rx="4" /> <path d="M22 28 V14 Q22 4 32 4 Q42 4 42 14 V18" /> <circle cx="32" cy="40" r="3" /> <path d="M32 43 V49" />' },
	/** A pencil */
	pencil: { flip: true, body: '<path d="M12 58 V48 L44 16 L54 26 L22 58 Z" /> <path d="M38 22 L48 32 M12 48 L22 58" />' },
	/** One person, with a star */
	person: { flip: false, body: '<circle cx="32" cy="18" r="9" /> <path d="M14 58 V50 Q14 32 32 32 Q50 32 50 50 V58" /> <path d="M32 40 L34.5 45 L40 45.5 L36 49 L37 54.5 L32 52 L27 54.5 L28 49 L24 45.5 L29.5 45 Z" />' },
	/** A phone */
	phone: { flip: false, body: '<rect x="17" y="4" width="30" height="56" rx="5" /> <path d="M28 52 H36" /> <path d="M24 16 H40 M24 24 H40 M24 32 H34" />' },
	/** A shield with a plus sign */
	shield: { flip: false, body: '<path d="M32 6 L54 14 V30 Q54 48 32 58 Q10 48 10 30 V14 Z" /> <path d="M32 22 V42 M22 32 H42" />' },
	sideBySide,
	/** A smiling face */
	smile: { flip: false, body: '<circle cx="32" cy="32" r="26" /> <circle cx="23" cy="26" r="3" fill="currentColor" stroke="none" /> <circle cx="41" cy="26" r="3" fill="currentColor" stroke="none" /> <path d="M20 38 Q32 50 44 38" />' },
	/** A speech bubble */
	speech: { flip: true, body: '<path d="M11 10 H53 Q58 10 58 15 V37 Q58 42 53 42 H26 L14 54 V42 H11 Q6 42 6 37 V15 Q6 10 11 10 Z" /> <path d="M16 21 H48 M16 31 H38" />' },
	/** A stop sign with a pause mark */
	stop: { flip: false, body: '<path d="M22 6 H42 L58 22 V42 L42 58 H22 L6 42 V22 Z" /> <path d="M26 22 V42 M38 22 V42" />' },
	/** Two people */
	twoPeople: { flip: false, body: '<circle cx="20" cy="20" r="8" /> <path d="M5 58 V50 Q5 34 20 34 Q35 34 35 50 V58" /> <circle cx="46" cy="24" r="7" /> <path d="M38 38 Q41 36 46 36 Q59 36 59 50 V58" />' }
} as const satisfies Record<string, Picture>;

export type PictureName = keyof typeof PICTURES;
