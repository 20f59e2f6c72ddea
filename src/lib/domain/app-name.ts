/**
 * The app's name on a shared phone's home screen, app switcher and install prompt (PRIV-H2, D11):
 * each service may choose its own (APP_NAME, APP_SHORT_NAME), and this lint keeps it neutral. A
 * child's phone is seen by parents, siblings, friends and partners; a home-screen icon that says
 * "care", "foster" or a council's name tells them what the child may not want known.
 *
 * The word list (*our default*; SECURITY PRIV-H1 and PRIV-H2 ask for "no care or safety words"
 * without listing them, so the list is ours): care and its forms, being looked after and its
 * initialisms (LAC, CLA, CiC), councils and local authorities, social work and services, fostering,
 * adoption, children's homes and placements, the roles around a child (IRO, advocate), safeguarding,
 * and safety words (abuse, harm, danger, protection). Welsh services may name it in Welsh, so the
 * Welsh words for the same things are in it too. "Review" is not: it is in the default name, and
 * on its own says nothing about care.
 *
 * Matching is case-insensitive on whole words, after splitting camel case ("MyCareApp") and treating
 * punctuation as spaces ("Looked-After", "child's"); a name run together ("mycarehub") is also
 * refused when it starts or ends with a listed word of four letters or more. So "Scarecrow" passes,
 * but "My Care", "mycare" and "carehub" don't. The price: a few innocent names ("Harmony" starts
 * with "harm") are refused too, and the service picks another; a name that slips through costs more.
 */
export const DEFAULT_APP_NAME = 'My Review';

/** Chrome shows about 12 characters under a home-screen icon before cutting the name off. */
export const SHORT_NAME_MAX = 12;
/** The install prompt and app switcher show about 45. */
export const NAME_MAX = 45;

export const CARE_WORDS: readonly string[] = [
	// Care and being looked after
	'care', 'cared', 'carer', 'carers', 'caring', 'careleaver', 'care leaver', 'care leavers', 'looked after', 'lookedafter', 'lac', 'cla', 'cic', 'in care',
	// Councils and services
	'council', 'councils', 'local authority', 'authority', 'borough', 'county', 'social', 'social work', 'social worker', 'socialworker', 'social services',
	'children s services', 'childrens services', 'family services', 'corporate parent',
	// Where and with whom a child lives
	'foster', 'fostered', 'fostering', 'adopt', 'adopted', 'adoption', 'placement', 'placements', 'residential', 'children s home', 'childrens home', 'kinship', 'guardian',
	// Children, as the subject of a service
	'child', 'children', 'childrens', 'kids', 'young people', 'youth',
	// Roles and processes around a child in care
	'iro', 'reviewing officer', 'advocate', 'advocacy', 'safeguard', 'safeguarding', 'statutory', 'court', 'pathway plan', 'leaving care',
	// Safety words
	'abuse', 'harm', 'neglect', 'danger', 'protection', 'at risk', 'safe', 'safety', 'unsafe',
	// Welsh (Cymraeg) for the same things
	'gofal', 'gofalwr', 'maeth', 'maethu', 'cyngor', 'cynghor', 'gwasanaethau cymdeithasol', 'cymdeithasol', 'plant', 'diogelu', 'mabwysiadu', 'eiriolwr', 'eiriolaeth'
];

export type AppNameProblem = 'empty' | 'too-long' | 'care-word' | 'control-character';

/** Lower case, camel case split, anything but letters and digits turned into single spaces. */
export function normalise(name: string): string {
	return name
		.normalize('NFKC')
		.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** The care or safety words a name contains (whole words or phrases), in list order. */
export function careWordsIn(name: string): string[] {
	const text = ` ${normalise(name)} `;
	const squashed = normalise(name).replace(/ /g, '');
	return CARE_WORDS.filter((w) => {
		if (text.includes(` ${w} `)) return true;
		const joined = w.replace(/ /g, '');
		return joined.length >= 4 && (squashed.startsWith(joined) || squashed.endsWith(joined));
	});
}

/**
 * What is wrong with a name, if anything: empty, longer than `max`, a control character, or a care
 * or safety word. An empty list means the name may be used.
 */
export function appNameProblems(name: string, max = NAME_MAX): { problem: AppNameProblem; words?: string[] }[] {
	const problems: { problem: AppNameProblem; words?: string[] }[] = [];
	const trimmed = name.trim();
	if (!trimmed) return [{ problem: 'empty' }];
	if ([...trimmed].length > max) problems.push({ problem: 'too-long' });
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f-\u009f]/.test(trimmed)) problems.push({ problem: 'control-character' });
	const words = careWordsIn(trimmed);
	if (words.length) problems.push({ problem: 'care-word', words });
	return problems;
}

/** The service's manifest names, checked; throws a message naming the variable and the words it found. */
export function readAppName(source: { APP_NAME?: string; APP_SHORT_NAME?: string }): { name: string; shortName: string } {
	const name = source.APP_NAME?.trim() || DEFAULT_APP_NAME;
	const short = source.APP_SHORT_NAME?.trim() || '';
	const check = (variable: string, value: string, max: number) => {
		for (const p of appNameProblems(value, max)) {
			if (p.problem === 'care-word') {
				throw new Error(`${variable} must be neutral on a shared phone (PRIV-H2): it contains ${p.words!.map((w) => `"${w}"`).join(', ')}`);
			}
			if (p.problem === 'too-long') throw new Error(`${variable} must be at most ${max} characters`);
			throw new Error(`${variable} must be plain text without control characters`);
		}
	};
	check('APP_NAME', name, NAME_MAX);
	if (short) check('APP_SHORT_NAME', short, SHORT_NAME_MAX);
	else if ([...name].length > SHORT_NAME_MAX) throw new Error(`APP_NAME is longer than ${SHORT_NAME_MAX} characters: set APP_SHORT_NAME (at most ${SHORT_NAME_MAX}) for the home screen`);
	return { name, shortName: short || name };
}
