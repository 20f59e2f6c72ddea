import { describe, expect, it } from 'vitest';
import { CARE_WORDS, DEFAULT_APP_NAME, appNameProblems, careWordsIn, normalise, readAppName } from './app-name';

/** PRIV-H2 (S: word-list lint): a service's app name stays neutral on a shared phone. */
describe('PRIV-H2: the app name word-list lint', () => {
	it('passes the default name and ordinary neutral names', () => {
		for (const name of [DEFAULT_APP_NAME, 'My Say', 'Your Voice', 'Tell Us', 'Scarecrow', 'Sunrise', 'Have your say', 'Fy Marn']) {
			expect(appNameProblems(name), name).toEqual([]);
		}
	});

	it.each([
		['My Care', ['care']],
		['MyCareApp', ['care']],
		['mycare', ['care']],
		['carehub', ['care']],
		['Looked-After Voices', ['looked after']],
		['LAC review', ['lac']],
		['Anytown Council Review', ['council']],
		['SOCIAL SERVICES', ['social', 'social services']],
		['Foster Voices', ['foster']],
		["Children's Services Review", ['children', 'children s services']],
		['Stay Safe', ['safe']],
		['Safeguarding Hub', ['safeguarding']],
		['Ask your IRO', ['iro']],
		['Fy Ngofal', ['gofal']],
		['Llais Gofal', ['gofal']],
		['Cyngor Sir', ['cyngor']]
	])('refuses %j (finds at least %j)', (name, words) => {
		expect(careWordsIn(name)).toEqual(expect.arrayContaining(words));
		expect(appNameProblems(name)).toEqual([{ problem: 'care-word', words: careWordsIn(name) }]);
	});

	it('refuses an empty name, a name too long and control characters', () => {
		expect(appNameProblems('   ')).toEqual([{ problem: 'empty' }]);
		expect(appNameProblems('x'.repeat(46))).toEqual([{ problem: 'too-long' }]);
		expect(appNameProblems('My\u0007Say')).toEqual([{ problem: 'control-character' }]);
		expect(appNameProblems('Have your say', 12)).toEqual([{ problem: 'too-long' }]);
	});

	it('normalises case, camel case and punctuation before matching', () => {
		expect(normalise('MyCare—App’s')).toBe('my care app s');
		expect(normalise('  Ｃａｒｅ ')).toBe('care');
	});

	it('lists its words in the normalised form it matches (lower case, no punctuation)', () => {
		for (const w of CARE_WORDS) expect(normalise(w), w).toBe(w);
	});
});

describe('PRIV-H2: APP_NAME and APP_SHORT_NAME (SEC-K3: a bad value stops the server at start)', () => {
	it('defaults to "My Review" for both names', () => {
		expect(readAppName({})).toEqual({ name: 'My Review', shortName: 'My Review' });
		expect(readAppName({ APP_NAME: '  ' })).toEqual({ name: 'My Review', shortName: 'My Review' });
	});

	it('uses the service’s name, and a short name for the home screen when the name is long', () => {
		expect(readAppName({ APP_NAME: 'Your Say' })).toEqual({ name: 'Your Say', shortName: 'Your Say' });
		expect(readAppName({ APP_NAME: 'Have your say today', APP_SHORT_NAME: 'Your say' })).toEqual({ name: 'Have your say today', shortName: 'Your say' });
	});

	it.each([
		[{ APP_NAME: 'Anytown Care' }, /APP_NAME must be neutral.*"care"/],
		[{ APP_NAME: 'Have your say today', APP_SHORT_NAME: 'Foster Say' }, /APP_SHORT_NAME must be neutral.*"foster"/],
		[{ APP_NAME: 'Have your say today' }, /set APP_SHORT_NAME/],
		[{ APP_NAME: 'My Say', APP_SHORT_NAME: 'A very long short name' }, /APP_SHORT_NAME must be at most 12/],
		[{ APP_NAME: 'x'.repeat(46), APP_SHORT_NAME: 'x' }, /APP_NAME must be at most 45/]
	])('refuses %o', (vars, message) => {
		expect(() => readAppName(vars)).toThrow(message);
	});
});
