// US federal rule files: loaded from versioned JSON, validated before use (schema and invariants:
// table rows ascending from 0, each tentative amount = previous + rate x width, column A matching the
// Rev. Proc. brackets, Step 2 checkbox rows = half the standard rows). Invalid files never compute.
import { dec, type Dec, fail, type IsoDate, ok, type Result, round } from '../../../shared/domain';
import type { UsFrequency } from '../types';
import { payrollRound } from '../rounding';
import { importedRulesFor } from './active';
import { RuleReader } from './read';
import us2025 from './us-federal-2025.json';
import us2026 from './us-federal-2026.json';

export type UsStatus = 'single' | 'married' | 'head';
export const US_STATUSES: readonly UsStatus[] = ['single', 'married', 'head'];

export interface BracketRow {
	/** Column A: the row applies when the adjusted annual wage is at least this. */
	readonly atLeast: Dec;
	/** Column C: tentative amount to withhold at column A. */
	readonly base: Dec;
	/** Column D. */
	readonly rate: Dec;
}
export type BracketTable = readonly BracketRow[];

export interface UsRules {
	readonly taxYear: number;
	readonly effectiveFrom: IsoDate;
	readonly effectiveTo: IsoDate;
	readonly periods: Readonly<Record<UsFrequency, number>>;
	readonly line1g: Readonly<Record<UsStatus, Dec>>;
	readonly allowance: Dec;
	readonly standard: Readonly<Record<UsStatus, BracketTable>>;
	readonly step2Checkbox: Readonly<Record<UsStatus, BracketTable>>;
	readonly supplemental: {
		readonly rate: Dec;
		readonly mandatoryRate: Dec;
		readonly mandatoryThreshold: Dec;
	};
	readonly socialSecurity: { readonly rate: Dec; readonly wageBase: Dec };
	readonly medicare: { readonly rate: Dec };
	readonly additionalMedicare: { readonly rate: Dec; readonly threshold: Dec };
	readonly futa: { readonly rate: Dec; readonly wageBase: Dec };
	readonly sources: Readonly<Record<string, string>>;
}

const FREQUENCIES: readonly UsFrequency[] = [
	'weekly',
	'biweekly',
	'semimonthly',
	'monthly',
	'daily',
	'quarterly',
	'semiannual',
	'annual'
];

function readTable(r: RuleReader, value: unknown, path: string): BracketRow[] {
	const rows = r.array(value, path).map((raw, i) => {
		const o = r.object(raw, `${path}[${i}]`);
		return {
			atLeast: r.decimal(o, 'atLeast', `${path}[${i}]`, { min: '0' }),
			base: r.decimal(o, 'base', `${path}[${i}]`, { min: '0' }),
			rate: r.decimal(o, 'rate', `${path}[${i}]`, { min: '0', max: '1' })
		};
	});
	r.check(rows.length >= 2, path, 'a table needs at least two rows');
	const first = rows[0];
	if (first)
		r.check(
			first.atLeast.isZero() && first.base.isZero(),
			`${path}[0]`,
			'the first row must start at 0 with 0 withheld'
		);
	for (let i = 1; i < rows.length; i++) {
		const prev = rows[i - 1] as BracketRow;
		const row = rows[i] as BracketRow;
		r.check(
			row.atLeast.greaterThan(prev.atLeast),
			`${path}[${i}].atLeast`,
			`must exceed ${prev.atLeast.toFixed()} (ascending)`
		);
		r.check(row.rate.greaterThanOrEqualTo(prev.rate), `${path}[${i}].rate`, 'rates must not fall');
	}
	return rows;
}

/** Standard table: column C is exact, column A = start + bracket top (from the Rev. Proc.). */
function checkStandard(
	r: RuleReader,
	rows: BracketRow[],
	tops: Dec[],
	deduction: Dec,
	line1g: Dec,
	path: string
) {
	const start = rows[1]?.atLeast;
	r.check(
		start !== undefined && start.equals(deduction.minus(line1g)),
		`${path}[1].atLeast`,
		`must equal standard deduction ${deduction.toFixed()} - line 1g ${line1g.toFixed()}`
	);
	r.check(
		tops.length === rows.length - 2,
		path,
		`expected ${rows.length - 2} bracket tops, found ${tops.length}`
	);
	for (let i = 1; i < rows.length; i++) {
		const prev = rows[i - 1] as BracketRow;
		const row = rows[i] as BracketRow;
		const expected = prev.base.plus(prev.rate.times(row.atLeast.minus(prev.atLeast)));
		r.check(
			row.base.equals(expected),
			`${path}[${i}].base`,
			`expected ${expected.toFixed()} = previous base + rate x width, found ${row.base.toFixed()}`
		);
		const top = tops[i - 2];
		if (i >= 2 && top && start)
			r.check(
				row.atLeast.equals(start.plus(top)),
				`${path}[${i}].atLeast`,
				`expected ${start.plus(top).toFixed()} = start + bracket top ${top.toFixed()}`
			);
	}
}

/** Checkbox table: half the standard deduction, half each bracket (bounds to whole dollars), half each amount (to the cent). */
function checkCheckbox(
	r: RuleReader,
	rows: BracketRow[],
	standard: BracketRow[],
	deduction: Dec,
	path: string
) {
	r.check(rows.length === standard.length, path, 'must have as many rows as the standard table');
	const start = deduction.dividedBy(2);
	const stdStart = standard[1]?.atLeast ?? dec(0);
	for (let i = 1; i < Math.min(rows.length, standard.length); i++) {
		const row = rows[i] as BracketRow;
		const std = standard[i] as BracketRow;
		const bound = payrollRound.dollarsHalfUp(start.plus(std.atLeast.minus(stdStart).dividedBy(2)));
		r.check(
			row.atLeast.equals(bound),
			`${path}[${i}].atLeast`,
			`expected ${bound.toFixed()} (half of the standard row)`
		);
		const base = round.centsHalfUp(std.base.dividedBy(2));
		r.check(
			row.base.equals(base),
			`${path}[${i}].base`,
			`expected ${base.toFixed()} (half of ${std.base.toFixed()})`
		);
		r.check(row.rate.equals(std.rate), `${path}[${i}].rate`, 'must equal the standard row rate');
	}
}

export function loadUsRules(raw: unknown, file: string): Result<UsRules> {
	const r = new RuleReader(file);
	const root = r.object(raw, '$');
	r.check(
		root['schema'] === 'keel.payroll.rules.us-federal/1',
		'$.schema',
		'expected keel.payroll.rules.us-federal/1'
	);
	const taxYear = r.integer(root, 'taxYear', '$');
	const effectiveFrom = r.date(root, 'effectiveFrom', '$');
	const effectiveTo = r.date(root, 'effectiveTo', '$');
	r.check(effectiveFrom <= effectiveTo, '$.effectiveTo', 'must not precede effectiveFrom');
	r.check(
		effectiveFrom.startsWith(`${taxYear}-`) && effectiveTo.startsWith(`${taxYear}-`),
		'$',
		'effective dates must lie in the tax year'
	);

	const freq = r.object(root['frequencies'], '$.frequencies');
	const periodsRaw = r.object(freq['periods'], '$.frequencies.periods');
	const periods = Object.fromEntries(
		FREQUENCIES.map((f) => [f, r.integer(periodsRaw, f, '$.frequencies.periods')])
	) as Record<UsFrequency, number>;

	const it = r.object(root['incomeTax'], '$.incomeTax');
	const sd = r.object(it['standardDeduction'], '$.incomeTax.standardDeduction');
	const tops = r.object(it['bracketTops'], '$.incomeTax.bracketTops');
	const g = r.object(it['line1g'], '$.incomeTax.line1g');
	const tables = r.object(it['tables'], '$.incomeTax.tables');
	const std = r.object(tables['standard'], '$.incomeTax.tables.standard');
	const chk = r.object(tables['step2Checkbox'], '$.incomeTax.tables.step2Checkbox');
	const line1g = {} as Record<UsStatus, Dec>;
	const standard = {} as Record<UsStatus, BracketRow[]>;
	const step2Checkbox = {} as Record<UsStatus, BracketRow[]>;
	for (const s of US_STATUSES) {
		const deduction = r.decimal(sd, s, '$.incomeTax.standardDeduction', { min: '0' });
		line1g[s] = r.decimal(g, s, '$.incomeTax.line1g', { min: '0' });
		const topList = r.array(tops[s], `$.incomeTax.bracketTops.${s}`).map((t, i) => {
			const parsed = typeof t === 'string' ? dec(t) : undefined;
			if (!parsed) r.problem(`$.incomeTax.bracketTops.${s}[${i}]`, 'expected a decimal string');
			return parsed ?? dec(0);
		});
		standard[s] = readTable(r, std[s], `$.incomeTax.tables.standard.${s}`);
		step2Checkbox[s] = readTable(r, chk[s], `$.incomeTax.tables.step2Checkbox.${s}`);
		checkStandard(r, standard[s], topList, deduction, line1g[s], `$.incomeTax.tables.standard.${s}`);
		checkCheckbox(r, step2Checkbox[s], standard[s], deduction, `$.incomeTax.tables.step2Checkbox.${s}`);
	}
	const allowance = r.decimal(
		r.object(it['allowance'], '$.incomeTax.allowance'),
		'amount',
		'$.incomeTax.allowance',
		{ min: '0' }
	);
	const sup = r.object(it['supplemental'], '$.incomeTax.supplemental');
	const ss = r.object(root['socialSecurity'], '$.socialSecurity');
	const med = r.object(root['medicare'], '$.medicare');
	const add = r.object(root['additionalMedicare'], '$.additionalMedicare');
	const futa = r.object(root['futa'], '$.futa');
	const sources: Record<string, string> = {};
	for (const [key, obj] of [
		['incomeTax', it],
		['socialSecurity', ss],
		['medicare', med],
		['additionalMedicare', add],
		['futa', futa]
	] as const)
		sources[key] = r.text(obj, 'source', `$.${key}`);
	const rules: UsRules = {
		taxYear,
		effectiveFrom,
		effectiveTo,
		periods,
		line1g,
		allowance,
		standard,
		step2Checkbox,
		supplemental: {
			rate: r.decimal(sup, 'rate', '$.incomeTax.supplemental', { min: '0', max: '1' }),
			mandatoryRate: r.decimal(sup, 'mandatoryRate', '$.incomeTax.supplemental', { min: '0', max: '1' }),
			mandatoryThreshold: r.decimal(sup, 'mandatoryThreshold', '$.incomeTax.supplemental', { min: '0' })
		},
		socialSecurity: {
			rate: r.decimal(ss, 'rate', '$.socialSecurity', { min: '0', max: '1' }),
			wageBase: r.decimal(ss, 'wageBase', '$.socialSecurity', { min: '0' })
		},
		medicare: { rate: r.decimal(med, 'rate', '$.medicare', { min: '0', max: '1' }) },
		additionalMedicare: {
			rate: r.decimal(add, 'rate', '$.additionalMedicare', { min: '0', max: '1' }),
			threshold: r.decimal(add, 'threshold', '$.additionalMedicare', { min: '0' })
		},
		futa: {
			rate: r.decimal(futa, 'rate', '$.futa', { min: '0', max: '1' }),
			wageBase: r.decimal(futa, 'wageBase', '$.futa', { min: '0' })
		},
		sources
	};
	if (r.issues.length > 0)
		return fail('payroll/invalid-rules', `Rule file ${file} is invalid: ${r.issues.slice(0, 5).join('; ')}`, {
			file,
			issues: r.issues
		});
	return ok(rules);
}

/** The built-in rule packs, by tax year. */
export const US_FILES: Readonly<Record<number, { raw: unknown; file: string }>> = {
	2025: { raw: us2025, file: 'rules/us-federal-2025.json' },
	2026: { raw: us2026, file: 'rules/us-federal-2026.json' }
};
const usCache = new Map<number, Result<UsRules>>();

/**
 * The validated rules for a tax year, from the built-in file or else an imported pack (`active.ts`); a
 * pay date, if given, must fall inside the effective dates.
 */
export function usRulesFor(taxYear: number, payDate?: IsoDate): Result<UsRules> {
	const entry = US_FILES[taxYear];
	if (!entry) return importedRulesFor('us-federal', taxYear, payDate, Object.keys(US_FILES));
	let loaded = usCache.get(taxYear);
	if (!loaded) {
		loaded = loadUsRules(entry.raw, entry.file);
		usCache.set(taxYear, loaded);
	}
	if (!loaded.ok || payDate === undefined) return loaded;
	const rules = loaded.value;
	if (payDate < rules.effectiveFrom || payDate > rules.effectiveTo)
		return fail(
			'payroll/out-of-range',
			`payDate: ${payDate} is outside ${entry.file} (effective ${rules.effectiveFrom} to ${rules.effectiveTo}); refusing to use another year's tables`,
			{ payDate, taxYear }
		);
	return loaded;
}
