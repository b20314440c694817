// Payee similarity in [0,1] that survives how banks mangle names: case, accents, card-processor noise words,
// store numbers, truncation and abbreviations ("AMZN MKTP US*2K3" vs "Amazon" scores high, unrelated names low).

const NOISE = new Set([
	'the',
	'inc',
	'ltd',
	'llc',
	'gmbh',
	'ag',
	'sa',
	'sarl',
	'bv',
	'plc',
	'co',
	'corp',
	'company',
	'and',
	'pos',
	'purchase',
	'payment',
	'card',
	'debit',
	'credit',
	'visa',
	'mastercard',
	'sepa',
	'ach',
	'dd',
	'so',
	'mktp',
	'marketplace',
	'www',
	'com',
	'net',
	'org',
	'us',
	'usa',
	'uk',
	'de',
	'fr',
	'online',
	'store',
	'shop',
	'transfer',
	'ref',
	'des',
	'id',
	'trn',
	'paypal',
	'sq',
	'tst',
	'pmt',
	'pymt',
	'autopay',
	'recurring',
	'bill',
	'ueberweisung',
	'lastschrift'
]);

export interface PayeeProfile {
	readonly tokens: readonly string[];
	readonly grams: ReadonlySet<string>;
}

/** Lower case, no accents, no digits-bearing tokens, no noise words; at most 8 tokens. */
export function payeeTokens(text: string): string[] {
	const plain = text
		.slice(0, 120)
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase();
	const out: string[] = [];
	for (const raw of plain.split(/[^a-z0-9]+/)) {
		if (raw.length < 2 || /\d/.test(raw) || NOISE.has(raw)) continue;
		out.push(raw);
		if (out.length === 8) break;
	}
	return out;
}

function trigrams(text: string): Set<string> {
	const s = ` ${text} `;
	const g = new Set<string>();
	for (let i = 0; i + 3 <= s.length; i++) g.add(s.slice(i, i + 3));
	return g;
}

export function payeeProfile(text: string): PayeeProfile {
	const tokens = payeeTokens(text);
	return { tokens, grams: trigrams(tokens.join(' ')) };
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
	if (a.size === 0 || b.size === 0) return 0;
	let common = 0;
	for (const g of a) if (b.has(g)) common++;
	return (2 * common) / (a.size + b.size);
}

/** `short` keeps the first letter of `long` and the rest in order: amzn ~ amazon, wmt ~ walmart. */
function isAbbreviation(short: string, long: string): boolean {
	if (short.length < 3 || short.length >= long.length || short[0] !== long[0]) return false;
	let j = 0;
	for (let i = 0; i < long.length && j < short.length; i++) if (long[i] === short[j]) j++;
	return j === short.length;
}

function tokenSimilarity(a: string, b: string): number {
	if (a === b) return 1;
	const [s, l] = a.length <= b.length ? [a, b] : [b, a];
	if (s.length >= 4 && l.startsWith(s)) return 0.9;
	if (isAbbreviation(s, l)) return 0.85;
	return dice(trigrams(a), trigrams(b));
}

/** Similarity of two payee profiles: the better of token alignment (over the shorter name) and whole-name trigrams. */
export function profileSimilarity(a: PayeeProfile, b: PayeeProfile): number {
	if (a.tokens.length === 0 || b.tokens.length === 0) return 0;
	const [short, long] = a.tokens.length <= b.tokens.length ? [a.tokens, b.tokens] : [b.tokens, a.tokens];
	let total = 0;
	for (const t of short) {
		let best = 0;
		for (const u of long) best = Math.max(best, tokenSimilarity(t, u));
		total += best;
	}
	const aligned = total / short.length;
	// A one-word name matching one of many words is weaker evidence than a full match.
	const coverage = short.length / long.length;
	const tokenScore = aligned * (0.8 + 0.2 * coverage);
	return Math.max(tokenScore, dice(a.grams, b.grams));
}

export function payeeSimilarity(a: string, b: string): number {
	return profileSimilarity(payeeProfile(a), payeeProfile(b));
}
