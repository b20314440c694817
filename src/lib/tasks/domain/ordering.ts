// Fractional order keys: every valid key sorts with plain `<` on JS strings (code-unit order), and
// keyBetween(a, b) returns a valid key strictly between a and b. A key is an integer part (a head
// letter that encodes its length, then base-62 digits) and a fraction that never ends in '0', so
// appending at either end grows keys logarithmically and there is always room between two keys.
// Equal keys (concurrent inserts) are ordered by id in compareOrder, so order is total everywhere.

export const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
const ZERO = '0';
const LAST = 'z';
/** The least integer part; not a key by itself so that something can always go before a key. */
const SMALLEST_INTEGER = 'A' + ZERO.repeat(26);

function digitValue(ch: string | undefined): number {
	return ch === undefined ? -1 : DIGITS.indexOf(ch);
}

/** Length of the integer part, head included, or 0 if the head is not a letter. */
function integerLength(head: string | undefined): number {
	if (head === undefined) return 0;
	if (head >= 'a' && head <= 'z') return head.charCodeAt(0) - 'a'.charCodeAt(0) + 2;
	if (head >= 'A' && head <= 'Z') return 'Z'.charCodeAt(0) - head.charCodeAt(0) + 2;
	return 0;
}

export function isValidKey(key: string): boolean {
	const n = integerLength(key[0]);
	if (n === 0 || key.length < n) return false;
	for (let i = 1; i < key.length; i++) if (digitValue(key[i]) < 0) return false;
	if (key.length > n && key.endsWith(ZERO)) return false;
	return key !== SMALLEST_INTEGER;
}

function assertKey(key: string): void {
	if (!isValidKey(key)) throw new Error(`ordering: invalid order key ${JSON.stringify(key)}`);
}

function split(key: string): { integer: string; fraction: string } {
	const n = integerLength(key[0]);
	return { integer: key.slice(0, n), fraction: key.slice(n) };
}

/** A fraction strictly between a and b (b null = 1); a < b, neither ends in '0'. */
function midpoint(a: string, b: string | null): string {
	if (b !== null) {
		let n = 0;
		while ((a[n] ?? ZERO) === b[n]) n++;
		if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
	}
	const da = a.length > 0 ? digitValue(a[0]) : 0;
	const db = b !== null ? digitValue(b[0]) : BASE;
	if (db - da > 1) return DIGITS[Math.round((da + db) / 2)] ?? '';
	if (b !== null && b.length > 1) return b.slice(0, 1);
	return (DIGITS[da] ?? '') + midpoint(a.slice(1), null);
}

/** The next integer part, or null when the largest (z + 26 × 'z') is reached. */
function incrementInteger(integer: string): string | null {
	const head = integer[0] ?? '';
	const digits = integer.slice(1).split('');
	for (let i = digits.length - 1; i >= 0; i--) {
		const v = digitValue(digits[i]);
		if (v < BASE - 1) {
			digits[i] = DIGITS[v + 1] ?? '';
			return head + digits.join('');
		}
		digits[i] = ZERO;
	}
	if (head === 'Z') return 'a' + ZERO;
	if (head === 'z') return null;
	const next = String.fromCharCode(head.charCodeAt(0) + 1);
	return next > 'a' ? next + digits.join('') + ZERO : next + digits.slice(1).join('');
}

/** The previous integer part, or null below the smallest. */
function decrementInteger(integer: string): string | null {
	const head = integer[0] ?? '';
	const digits = integer.slice(1).split('');
	for (let i = digits.length - 1; i >= 0; i--) {
		const v = digitValue(digits[i]);
		if (v > 0) {
			digits[i] = DIGITS[v - 1] ?? '';
			return head + digits.join('');
		}
		digits[i] = LAST;
	}
	if (head === 'a') return 'Z' + LAST;
	if (head === 'A') return null;
	const prev = String.fromCharCode(head.charCodeAt(0) - 1);
	return prev < 'Z' ? prev + digits.join('') + LAST : prev + digits.slice(1).join('');
}

function plainKeyBetween(a: string | null, b: string | null): string {
	if (a === null && b === null) return 'a' + ZERO;
	if (a === null) {
		const { integer, fraction } = split(b ?? '');
		if (integer === SMALLEST_INTEGER) return integer + midpoint('', fraction);
		if (fraction.length > 0) return integer;
		const prev = decrementInteger(integer);
		if (prev === null) throw new Error('ordering: no room before the smallest key');
		return prev === SMALLEST_INTEGER ? prev + midpoint('', null) : prev;
	}
	const { integer: ia, fraction: fa } = split(a);
	if (b === null) return incrementInteger(ia) ?? ia + midpoint(fa, null);
	const { integer: ib, fraction: fb } = split(b);
	if (ia === ib) return ia + midpoint(fa, fb);
	const next = incrementInteger(ia);
	if (next !== null && next < b) return next;
	return ia + midpoint(fa, null);
}

/** Base-62 digits derived from a salt (FNV-1a), 5 long, never ending in '0'. */
export function saltSuffix(salt: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < salt.length; i++) {
		h ^= salt.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	let out = '';
	for (let i = 0; i < 5; i++) {
		out += DIGITS[h % BASE] ?? '';
		h = Math.floor(h / BASE) + i * 7919;
	}
	return out.endsWith(ZERO) ? out.slice(0, -1) + '1' : out;
}

/** A random salt for one insert, from an injected random source (Math.random in the app). */
export function randomSalt(random: () => number, length = 8): string {
	let out = '';
	for (let i = 0; i < length; i++) out += DIGITS[Math.floor(random() * BASE) % BASE] ?? '';
	return out;
}

/** key + suffix, moved first to a key that is no prefix of `upper` so the result stays below it. */
function jitter(key: string, upper: string | null, suffix: string): string {
	let base = key;
	while (upper !== null && upper.startsWith(base)) base = plainKeyBetween(base, upper);
	return base + suffix;
}

/**
 * A key strictly between a and b (null = open end). With a salt (replica id or randomSalt()), two
 * replicas inserting between the same neighbours get distinct keys. Throws (a programmer error)
 * on invalid keys or when a >= b: pick distinct neighbours, see keyForPosition.
 */
export function keyBetween(a: string | null, b: string | null, salt?: string): string {
	if (a !== null) assertKey(a);
	if (b !== null) assertKey(b);
	if (a !== null && b !== null && a >= b) {
		throw new Error(`ordering: keyBetween needs a < b, got ${JSON.stringify(a)} >= ${JSON.stringify(b)}`);
	}
	const key = plainKeyBetween(a, b);
	return salt === undefined ? key : jitter(key, b, saltSuffix(salt));
}

function plainKeysBetween(a: string | null, b: string | null, n: number): string[] {
	if (n <= 0) return [];
	if (n === 1) return [plainKeyBetween(a, b)];
	if (b === null) {
		const out: string[] = [];
		let last = a;
		for (let i = 0; i < n; i++) out.push((last = plainKeyBetween(last, null)));
		return out;
	}
	if (a === null) {
		const out: string[] = [];
		let first = b;
		for (let i = 0; i < n; i++) out.unshift((first = plainKeyBetween(null, first)));
		return out;
	}
	const half = Math.floor(n / 2);
	const mid = plainKeyBetween(a, b);
	return [...plainKeysBetween(a, mid, half), mid, ...plainKeysBetween(mid, b, n - half - 1)];
}

/** n ascending keys strictly between a and b; with a salt, distinct from another replica's. */
export function keysBetween(a: string | null, b: string | null, n: number, salt?: string): string[] {
	if (a !== null) assertKey(a);
	if (b !== null) assertKey(b);
	if (a !== null && b !== null && a >= b) throw new Error('ordering: keysBetween needs a < b');
	const keys = plainKeysBetween(a, b, n);
	if (salt === undefined) return keys;
	const suffix = saltSuffix(salt);
	return keys.map((key, i) => jitter(key, keys[i + 1] ?? b, suffix));
}

export interface Ordered {
	readonly order: string;
	readonly id: string;
}

function compareText(x: string, y: string): number {
	return x < y ? -1 : x > y ? 1 : 0;
}

/** Total order, identical on every replica: by key in code-unit order, then by id. */
export function compareOrder(x: Ordered, y: Ordered): number {
	return compareText(x.order, y.order) || compareText(x.id, y.id);
}

/**
 * The key that puts an item at `index` of `siblings` (sorted by compareOrder, the moved item not
 * among them). Siblings that share a key are one block: an item cannot be put inside a block of
 * ties, so it goes right after the block instead.
 */
export function keyForPosition(siblings: readonly Ordered[], index: number, salt?: string): string {
	const i = Math.max(0, Math.min(index, siblings.length));
	const before = siblings[i - 1]?.order ?? null;
	let j = i;
	while (before !== null && siblings[j]?.order === before) j++;
	const after = siblings[j]?.order ?? null;
	return keyBetween(before, after, salt);
}
