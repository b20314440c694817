// Which journal directives the reader refuses (they would change amounts or account names if
// skipped) and which it skips with a warning (they change no balance), with the words it says.

/** Directives that change amounts or account names: refused rather than silently skipped. */
export const REFUSED: Readonly<Record<string, string>> = {
	include: 'include is not supported: join the files into one',
	alias: 'account aliases are not supported: rename the accounts in the file',
	apply: '`apply account` is not supported: write full account names',
	end: "'end' without a matching block",
	C: 'commodity conversion (C) is not supported',
	A: 'a default balancing account (A) is not supported: write both sides of each transaction',
	bucket: 'a default balancing account (bucket) is not supported: write both sides of each transaction',
	'apply-tag': '`apply tag` is not supported'
};
/** Directives skipped with a warning: they do not change any balance. */
export const SKIPPED: Readonly<Record<string, string>> = {
	P: 'market price ignored (Keel does not revalue)',
	N: 'ignored (N: commodity excluded from prices)',
	tag: 'tag declaration ignored',
	payee: 'payee declaration ignored',
	define: 'define ignored',
	'~': 'periodic transaction ignored (it only forecasts)',
	'=': 'automated transaction ignored (hledger applies it only with --auto)'
};

export const isSpace = (c: number) => c === 32 || c === 9;
export const DIGIT = (c: number) => c >= 48 && c <= 57;
