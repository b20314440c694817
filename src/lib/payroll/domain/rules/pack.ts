// A rule pack is a rule file (US federal or UK) carrying a `pack` header: what it is (kind, tax year,
// effective dates), a title and source a person can read, and a checksum, the SHA-256 of the
// canonical JSON of the whole file with the checksum left out. Invariant: the checksum depends only
// on the file's values, never on key order or whitespace, so the same pack has one checksum
// everywhere (it is the pack's identity when stored and synced).
import { sha256Hex, type IsoDate } from '../../../shared/domain';

export const PACK_FORMAT = 'keel.payroll.rule-pack/1';
export type PackKind = 'us-federal' | 'uk';
export const PACK_KINDS: readonly PackKind[] = ['us-federal', 'uk'];

export interface RulePackHeader {
	readonly format: typeof PACK_FORMAT;
	readonly kind: PackKind;
	/** "2027" for US federal, "2027-28" for UK. */
	readonly taxYear: string;
	readonly effectiveFrom: IsoDate;
	readonly effectiveTo: IsoDate;
	readonly title: string;
	readonly source: string;
	/** Lowercase hex SHA-256 of the canonical JSON of the file without this field. */
	readonly checksum: string;
}

/** How a kind of tables is named to a person. */
export const KIND_WORDS: Readonly<Record<PackKind, string>> = {
	'us-federal': 'US federal tables',
	uk: 'UK tax tables'
};

/**
 * JSON with object keys sorted (by UTF-16 code units) at every level and no whitespace; arrays keep
 * their order. Only what JSON.parse can produce is expected.
 */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const entries = Object.entries(value)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/** The file without `pack.checksum` (what the checksum covers). */
function withoutChecksum(raw: Record<string, unknown>): Record<string, unknown> {
	const pack = raw['pack'];
	if (typeof pack !== 'object' || pack === null || Array.isArray(pack)) return raw;
	const { checksum: _checksum, ...rest } = pack as Record<string, unknown>;
	return { ...raw, pack: rest };
}

/** The checksum a pack should carry: SHA-256 of its canonical JSON without the checksum. */
export function packChecksum(raw: Record<string, unknown>): string {
	return sha256Hex(canonicalJson(withoutChecksum(raw)));
}

/** The pack with its checksum set to match its contents. */
export function sealPack(raw: Record<string, unknown>): Record<string, unknown> {
	const pack = raw['pack'];
	if (typeof pack !== 'object' || pack === null || Array.isArray(pack)) return raw;
	return { ...raw, pack: { ...pack, checksum: packChecksum(raw) } };
}

/** The calendar dates a pack covers overlap another's. */
export function datesOverlap(
	a: Pick<RulePackHeader, 'effectiveFrom' | 'effectiveTo'>,
	b: Pick<RulePackHeader, 'effectiveFrom' | 'effectiveTo'>
): boolean {
	return a.effectiveFrom <= b.effectiveTo && b.effectiveFrom <= a.effectiveTo;
}
