// The one rule a new passphrase must meet — for a backup file and for the app lock alike — in words a
// person can follow. A passphrase is refused when it is shorter than 12 characters, uses fewer than 6
// different characters, or — once common words, runs along the alphabet or keyboard ("1234",
// "qwerty") and repeats are taken out — fewer than 8 characters are left: those are the first guesses
// of anyone who gets hold of the file or the device.
import { defineMessages, problem } from './messages';
import { err, ok, type Result } from './result';

export const PASSPHRASE_MIN_LENGTH = 12;
const MIN_DISTINCT = 6;
const MIN_LEFT = 8;

export const PASSPHRASE_MESSAGES = defineMessages({
	'passphrase/missing': 'Passphrase: enter one, or choose to download without encryption.',
	'passphrase/missing-lock': 'Passphrase: enter one to lock this workspace.',
	'passphrase/short': `Passphrase: use at least ${PASSPHRASE_MIN_LENGTH} characters — a few unrelated words are easy to remember.`,
	'passphrase/few-characters': `Passphrase: it repeats a few characters; use at least ${MIN_DISTINCT} different ones.`,
	'passphrase/predictable':
		'Passphrase: too much of it is a common word, a run such as “1234” or “qwerty”, or a repeat; add words of your own.',
	'passphrase/mismatch': 'Confirm passphrase: it does not match the passphrase.'
});

/** Words everyone tries first; matched case-insensitively anywhere in the passphrase. */
const COMMON = [
	'password',
	'passphrase',
	'passwort',
	'qwerty',
	'azerty',
	'letmein',
	'welcome',
	'admin',
	'iloveyou',
	'monkey',
	'dragon',
	'football',
	'baseball',
	'sunshine',
	'princess',
	'secret',
	'backup',
	'keel',
	'trustno1',
	'changeme'
];

/** Keyboard rows and the alphabet: four or more neighbours in a row, either way, read as one guess. */
const SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', '01234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const RUN = 4;

function stripRuns(text: string): string {
	let out = text;
	for (const seq of SEQUENCES)
		for (const line of [seq, [...seq].reverse().join('')])
			for (let len = line.length; len >= RUN; len--)
				for (let i = 0; i + len <= line.length; i++) out = out.split(line.slice(i, i + len)).join(' ');
	return out;
}

/** Removes a block repeated three or more times back to back ("abcabcabc" → "abc"). */
function stripRepeats(text: string): string {
	return text.replace(/(.{1,6}?)\1{2,}/g, '$1');
}

/** What is left to guess once the predictable parts are taken out (spaces not counted). */
export function unpredictablePart(passphrase: string, extraWords: readonly string[] = []): string {
	let rest = passphrase.toLowerCase();
	for (const word of [...COMMON, ...extraWords.map((w) => w.toLowerCase()).filter((w) => w.length >= 3)])
		rest = rest.split(word).join(' ');
	rest = stripRepeats(stripRuns(rest));
	return rest.replace(/\s+/g, '');
}

/**
 * Checks a new passphrase and its confirmation. `extraWords` are words an attacker would try for this
 * workspace in particular (its name). `purpose` only changes what an empty passphrase is told: a
 * backup may go without one, the app lock may not.
 */
export function checkNewPassphrase(args: {
	passphrase: string;
	confirmation: string;
	extraWords?: readonly string[];
	purpose?: 'backup' | 'lock';
}): Result<string> {
	const { passphrase, confirmation } = args;
	if (passphrase === '')
		return err(problem(args.purpose === 'lock' ? 'passphrase/missing-lock' : 'passphrase/missing'));
	if ([...passphrase].length < PASSPHRASE_MIN_LENGTH) return err(problem('passphrase/short'));
	if (new Set(passphrase.toLowerCase()).size < MIN_DISTINCT) return err(problem('passphrase/few-characters'));
	if ([...unpredictablePart(passphrase, args.extraWords)].length < MIN_LEFT)
		return err(problem('passphrase/predictable'));
	if (passphrase !== confirmation) return err(problem('passphrase/mismatch'));
	return ok(passphrase);
}
