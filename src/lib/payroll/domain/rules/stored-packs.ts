// Imported packs as stored in the people shard (immutable facts keyed by checksum) and judged from
// the shard's contents alone, so every replica uses the same packs. Invariant: a stored pack counts
// only if it checks whole, is stored under its own checksum and overlaps no other usable pack
// (built-in or stored); anything else is kept aside with its reason, never used, never dropped.
import type { LoadedPack } from './active';
import { builtInPacks, checkRulePack, packProblems } from './check-pack';
import { overlapOf, packWords } from './overlap';

/** The stored value of an imported pack. */
export interface StoredPack {
	/** The pack's canonical JSON. */
	readonly text: string;
	readonly addedAt: string;
	readonly addedBy: string;
}

export interface PackInReview {
	readonly key: string;
	/** The pack's title, when it could be read. */
	readonly title: string | null;
	readonly reason: string;
}

const MAX_TEXT = 2_000_000;
const checked = new Map<string, ReturnType<typeof checkRulePack>>();

/** Checks a pack's text once; the same text is the same answer (bounded cache). */
function checkText(text: string): ReturnType<typeof checkRulePack> {
	let result = checked.get(text);
	if (!result) {
		let raw: unknown;
		try {
			raw = JSON.parse(text);
		} catch {
			raw = undefined;
		}
		result = checkRulePack(raw);
		if (checked.size > 64) checked.clear();
		checked.set(text, result);
	}
	return result;
}

function titleOf(text: string): string | null {
	try {
		const t = (JSON.parse(text) as { pack?: { title?: unknown } }).pack?.title;
		return typeof t === 'string' ? t.slice(0, 200) : null;
	} catch {
		return null;
	}
}

export function storedPack(pack: LoadedPack, addedAt: string, addedBy: string): StoredPack {
	return { text: pack.text, addedAt, addedBy };
}

/** Judges every stored pack: the usable ones (sorted by kind, tax year and date) and the rest. */
export function judgeStoredPacks(entries: Iterable<readonly [string, unknown]>): {
	usable: LoadedPack[];
	review: PackInReview[];
} {
	const review: PackInReview[] = [];
	const valid: { key: string; pack: LoadedPack }[] = [];
	// Key order, not arrival order: which clash a reason names must be the same on every replica.
	const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	for (const [key, value] of sorted) {
		const v = value as Partial<StoredPack> | null;
		if (
			typeof v !== 'object' ||
			v === null ||
			typeof v.text !== 'string' ||
			typeof v.addedAt !== 'string' ||
			typeof v.addedBy !== 'string' ||
			v.text.length > MAX_TEXT
		) {
			review.push({ key, title: null, reason: 'The stored pack has the wrong shape.' });
			continue;
		}
		const result = checkText(v.text);
		if (!result.ok) {
			const problems = packProblems(result.error);
			review.push({
				key,
				title: titleOf(v.text),
				reason: problems
					.slice(0, 3)
					.map((p) => `${p.field}: ${p.message}`)
					.join('; ')
			});
		} else if (result.value.header.checksum !== key)
			review.push({
				key,
				title: result.value.header.title,
				reason: 'The pack is stored under a name that is not its checksum.'
			});
		else valid.push({ key, pack: result.value });
	}
	const builtIn = builtInPacks();
	const usable: LoadedPack[] = [];
	for (const { key, pack } of valid) {
		const clashBuiltIn = overlapOf(pack, builtIn);
		const clash =
			clashBuiltIn ??
			overlapOf(
				pack,
				valid.map((x) => x.pack)
			);
		if (clash)
			review.push({
				key,
				title: pack.header.title,
				reason: `Covers the same dates as the ${clash.builtIn ? 'built-in' : 'imported'} pack ${packWords(clash)}; ${clash.builtIn ? 'the built-in pack is used' : 'neither is used'}.`
			});
		else usable.push(pack);
	}
	const order = (p: LoadedPack) => `${p.kind} ${p.header.effectiveFrom} ${p.header.checksum}`;
	usable.sort((a, b) => (order(a) < order(b) ? -1 : 1));
	review.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	return { usable, review };
}

/** A pack as sent to the payroll worker: its checksum and canonical JSON. */
export interface PackText {
	readonly checksum: string;
	readonly text: string;
}

const byChecksum = new Map<string, LoadedPack>();

/**
 * The packs sent with a computation, checked once per checksum (a text that fails, or whose
 * checksum differs from the one it is sent under, is left out: the page sends only usable packs).
 */
export function packsFromTexts(list: readonly PackText[]): LoadedPack[] {
	return list.flatMap(({ checksum, text }) => {
		let pack = byChecksum.get(checksum);
		if (!pack) {
			const result = checkText(text);
			if (!result.ok || result.value.header.checksum !== checksum) return [];
			pack = result.value;
			byChecksum.set(checksum, pack);
		}
		return [pack];
	});
}

export function packText(pack: LoadedPack): PackText {
	return { checksum: pack.header.checksum, text: pack.text };
}
