// The rule packs the engine may use besides the built-in files: the ones imported into the open
// workspace (set by the page when its packs change, and by the payroll worker before each
// computation from the packs the page sends). Invariant: only packs that passed `checkRulePack`
// are ever active, and a pay date no active or built-in pack covers fails (`missingRulesOf` reads
// it as the tables missing) — never another year's tables.
import { fail, ok, type DomainError, type IsoDate, type Result } from '../../../shared/domain';
import { KIND_WORDS, type PackKind, type RulePackHeader } from './pack';
import type { UkRules } from './uk-rules';
import type { UsRules } from './us-rules';

export interface RulesByKind {
	'us-federal': UsRules;
	uk: UkRules;
}

/** A validated pack: its header, its rules ready for the engine, and its canonical JSON text. */
export type LoadedPack = {
	[K in PackKind]: {
		readonly kind: K;
		readonly header: RulePackHeader;
		readonly rules: RulesByKind[K];
		readonly builtIn: boolean;
		/** Canonical JSON of the whole pack, checksum included: what is stored and synced. */
		readonly text: string;
	};
}[PackKind];

/** Tables a pay date needs and no loaded pack covers. */
export interface MissingRules {
	readonly kind: PackKind;
	readonly taxYear: string;
	/** Set when packs exist for the year but none covers this date. */
	readonly payDate?: IsoDate;
}

let active: readonly LoadedPack[] = [];

/** Replaces the imported packs the engine reads (built-in files are always there). */
export function activateRulePacks(packs: readonly LoadedPack[]): void {
	active = packs.filter((p) => !p.builtIn);
}

export function activeRulePacks(): readonly LoadedPack[] {
	return active;
}

const covers = (h: RulePackHeader, date: IsoDate) => h.effectiveFrom <= date && date <= h.effectiveTo;

/**
 * The imported rules of a kind for a tax year, covering the pay date when one is given (without
 * one, the earliest pack of the year). Fails with `payroll/no-rules` (no pack for the year) or
 * `payroll/out-of-range` (none covers the date); `taxYear` in the details keeps the caller's type.
 */
export function importedRulesFor<K extends PackKind>(
	kind: K,
	taxYear: number | string,
	payDate: IsoDate | undefined,
	builtInYears: readonly string[]
): Result<RulesByKind[K]> {
	const year = String(taxYear);
	const packs = active
		.filter((p) => p.kind === kind && p.header.taxYear === year)
		.sort((a, b) => (a.header.effectiveFrom < b.header.effectiveFrom ? -1 : 1));
	const found = payDate === undefined ? packs[0] : packs.find((p) => covers(p.header, payDate));
	if (found) return ok(found.rules as RulesByKind[K]);
	const name = kind === 'uk' ? 'UK' : 'US federal';
	if (packs.length === 0) {
		const have = [...builtInYears, ...active.filter((p) => p.kind === kind).map((p) => p.header.taxYear)];
		return fail(
			'payroll/no-rules',
			`taxYear: no ${name} rule file for ${year} (have ${[...new Set(have)].join(', ')})`,
			{
				taxYear
			}
		);
	}
	return fail(
		'payroll/out-of-range',
		`payDate: ${payDate} is outside every ${name} rule pack for ${year} (${packs.map((p) => `${p.header.effectiveFrom} to ${p.header.effectiveTo}`).join(', ')})`,
		{ payDate, taxYear }
	);
}

/**
 * The tables a case's failure says are missing: `payroll/no-rules` or `payroll/out-of-range` from
 * the engine for this case's jurisdiction, tax year and pay date; anything else is not about tables.
 */
export function missingRulesOf(
	error: DomainError,
	c: {
		readonly jurisdiction: 'US' | 'UK';
		readonly taxYear: number | string;
		readonly payDate?: IsoDate | undefined;
	}
): MissingRules | undefined {
	if (error.code !== 'payroll/no-rules' && error.code !== 'payroll/out-of-range') return undefined;
	const kind: PackKind = c.jurisdiction === 'US' ? 'us-federal' : 'uk';
	const taxYear = String(c.taxYear);
	return error.code === 'payroll/out-of-range' && c.payDate
		? { kind, taxYear, payDate: c.payDate }
		: { kind, taxYear };
}

/** What a person reads: which tables are missing and what to import. */
export function missingRulesMessage(m: MissingRules): string {
	const tables = `${KIND_WORDS[m.kind]} for ${m.taxYear}`;
	return m.payDate
		? `${tables} covering ${m.payDate} are not loaded — import the ${m.taxYear} rule pack for that date`
		: `${tables} are not loaded — import the ${m.taxYear} rule pack`;
}
