// UK rule files (PAYE bands per regime, Class 1 NI thresholds and category rates): loaded from
// versioned JSON and validated (bands positive and summing to the additional-rate threshold, rates
// rising, per-500 pay adjustment = 5,000/52 or /12 rounded up, NI thresholds ordered and matching
// the annual figures) before any figure is used.
import { dec, type Dec, fail, type IsoDate, ok, type Result, round } from '../../../shared/domain';
import { payrollRound } from '../rounding';
import { importedRulesFor } from './active';
import { RuleReader } from './read';
import uk2025 from './uk-2025-26.json';
import uk2026 from './uk-2026-27.json';
import { readStudentLoans, type StudentLoanRules } from './uk-student-loans';

export type UkRegime = 'rUK' | 'scotland' | 'wales';
/** FUST / IZUST: the freeport and investment zone upper secondary thresholds (letters F I L S, N E D K). */
export type NiThresholdName = 'LEL' | 'PT' | 'ST' | 'UEL' | 'UST' | 'AUST' | 'VUST' | 'FUST' | 'IZUST';
const THRESHOLDS: readonly NiThresholdName[] = [
	'LEL',
	'PT',
	'ST',
	'UEL',
	'UST',
	'AUST',
	'VUST',
	'FUST',
	'IZUST'
];

/**
 * How the tax to the top of each band, k(i), is worked for n periods (both truncated to 4 places):
 * `annualTotals` = annual tax on bands 1..i x n / 52 or 12; `bandByBand` = k(i-1) + (c(i) - c(i-1)) x
 * rate(i), truncated at each band. HMRC's 2025-26 test data is reproduced to the penny only with
 * the first for rUK and Wales and the second for Scotland (README, Rounding).
 */
export type BandTaxToDate = 'annualTotals' | 'bandByBand';
const BAND_TAX_TO_DATE: readonly BandTaxToDate[] = ['annualTotals', 'bandByBand'];

export interface TaxRegimeRules {
	/** Bands of taxable pay: width and rate; the top rate applies beyond the last band. */
	readonly bands: readonly { readonly rate: Dec; readonly width: Dec }[];
	readonly topRate: Dec;
	/** Index (into bands) of the basic rate: BR uses it, D0 the next rate, D1 the one after. */
	readonly basicRateIndex: number;
	readonly bandTaxToDate: BandTaxToDate;
}

export interface NiCategoryRules {
	readonly label: string;
	readonly employeePtToUel: Dec;
	readonly employeeAboveUel: Dec;
	readonly employerFrom: NiThresholdName;
	readonly employerRate: Dec;
}

export interface UkRules {
	readonly taxYear: string;
	readonly effectiveFrom: IsoDate;
	readonly effectiveTo: IsoDate;
	readonly emergencyCode: string;
	readonly payAdjustmentPer500: { readonly weekly: Dec; readonly monthly: Dec };
	readonly regulatoryLimit: Dec;
	readonly regimes: Readonly<Record<UkRegime, TaxRegimeRules>>;
	readonly niWeekly: Readonly<Record<NiThresholdName, Dec>>;
	/** HMRC's published two- and four-weekly figures (not always weekly x 2 or x 4). */
	readonly niTwoWeekly: Readonly<Record<NiThresholdName, Dec>>;
	readonly niFourWeekly: Readonly<Record<NiThresholdName, Dec>>;
	readonly niMonthly: Readonly<Record<NiThresholdName, Dec>>;
	readonly niCategories: Readonly<Record<string, NiCategoryRules>>;
	/** Student and postgraduate loan thresholds and rates (uk-student-loans.ts). */
	readonly studentLoans: StudentLoanRules;
}

function readRegime(r: RuleReader, raw: unknown, path: string, additionalThreshold: Dec): TaxRegimeRules {
	const o = r.object(raw, path);
	r.text(o, 'source', path);
	const bands = r.array(o['bands'], `${path}.bands`).map((b, i) => {
		const bo = r.object(b, `${path}.bands[${i}]`);
		return {
			rate: r.decimal(bo, 'rate', `${path}.bands[${i}]`, { min: '0', max: '1' }),
			width: r.decimal(bo, 'width', `${path}.bands[${i}]`, { min: '1' })
		};
	});
	const topRate = r.decimal(o, 'topRate', path, { min: '0', max: '1' });
	const basicRateIndex = r.integer(o, 'basicRateIndex', path);
	const bandTaxToDate = r.text(o, 'bandTaxToDate', path) as BandTaxToDate;
	r.check(
		BAND_TAX_TO_DATE.includes(bandTaxToDate),
		`${path}.bandTaxToDate`,
		`expected ${BAND_TAX_TO_DATE.join('|')}`
	);
	r.check(
		basicRateIndex >= 0 && basicRateIndex < bands.length,
		`${path}.basicRateIndex`,
		'must point at a band'
	);
	const rates = [...bands.map((b) => b.rate), topRate];
	for (let i = 1; i < rates.length; i++)
		r.check(
			(rates[i] as Dec).greaterThan(rates[i - 1] as Dec),
			`${path}.bands[${i}]`,
			'rates must rise band by band'
		);
	const total = bands.reduce((acc, b) => acc.plus(b.width), dec(0));
	r.check(
		total.equals(additionalThreshold),
		`${path}.bands`,
		`widths must sum to ${additionalThreshold.toFixed()} (top-rate threshold of taxable pay), found ${total.toFixed()}`
	);
	return { bands, topRate, basicRateIndex, bandTaxToDate };
}

export function loadUkRules(raw: unknown, file: string): Result<UkRules> {
	const r = new RuleReader(file);
	const root = r.object(raw, '$');
	r.check(root['schema'] === 'keel.payroll.rules.uk/1', '$.schema', 'expected keel.payroll.rules.uk/1');
	const taxYear = r.text(root, 'taxYear', '$');
	const effectiveFrom = r.date(root, 'effectiveFrom', '$');
	const effectiveTo = r.date(root, 'effectiveTo', '$');
	const startYear = Number(taxYear.slice(0, 4));
	r.check(
		/^\d{4}-\d{2}$/.test(taxYear) && (startYear + 1) % 100 === Number(taxYear.slice(5)),
		'$.taxYear',
		'expected e.g. 2025-26'
	);
	r.check(
		effectiveFrom === `${startYear}-04-06` && effectiveTo === `${startYear + 1}-04-05`,
		'$',
		'a UK tax year runs 6 April to 5 April'
	);

	const paye = r.object(root['paye'], '$.paye');
	r.text(paye, 'source', '$.paye');
	const pa = r.decimal(paye, 'personalAllowance', '$.paye', { min: '0' });
	const emergencyCode = r.text(paye, 'emergencyCode', '$.paye');
	r.check(
		emergencyCode === `${pa.dividedToIntegerBy(10).toFixed()}L`,
		'$.paye.emergencyCode',
		`expected the allowance ${pa.toFixed()} / 10 with suffix L`
	);
	const per500 = r.object(paye['payAdjustmentPer500'], '$.paye.payAdjustmentPer500');
	const weekly500 = r.decimal(per500, 'weekly', '$.paye.payAdjustmentPer500');
	const monthly500 = r.decimal(per500, 'monthly', '$.paye.payAdjustmentPer500');
	const up = payrollRound.penceUp;
	r.check(
		weekly500.equals(up(dec(5000).dividedBy(52))),
		'$.paye.payAdjustmentPer500.weekly',
		'expected 5,000 / 52 rounded up to the penny'
	);
	r.check(
		monthly500.equals(up(dec(5000).dividedBy(12))),
		'$.paye.payAdjustmentPer500.monthly',
		'expected 5,000 / 12 rounded up to the penny'
	);
	const regulatoryLimit = r.decimal(paye, 'regulatoryLimit', '$.paye', { min: '0', max: '1' });
	const regimesRaw = r.object(paye['regimes'], '$.paye.regimes');

	const ni = r.object(root['ni'], '$.ni');
	r.text(ni, 'source', '$.ni');
	const annualRaw = r.object(ni['annual'], '$.ni.annual');
	const thresholds = r.object(ni['thresholds'], '$.ni.thresholds');
	const weeklyRaw = r.object(thresholds['weekly'], '$.ni.thresholds.weekly');
	const monthlyRaw = r.object(thresholds['monthly'], '$.ni.thresholds.monthly');
	const twoWeeklyRaw = r.object(thresholds['twoWeekly'], '$.ni.thresholds.twoWeekly');
	const fourWeeklyRaw = r.object(thresholds['fourWeekly'], '$.ni.thresholds.fourWeekly');
	r.text(thresholds, 'source', '$.ni.thresholds');
	const annual = {} as Record<NiThresholdName, Dec>;
	const niWeekly = {} as Record<NiThresholdName, Dec>;
	const niTwoWeekly = {} as Record<NiThresholdName, Dec>;
	const niFourWeekly = {} as Record<NiThresholdName, Dec>;
	const niMonthly = {} as Record<NiThresholdName, Dec>;
	for (const t of THRESHOLDS) {
		annual[t] = r.decimal(annualRaw, t, '$.ni.annual', { min: '0' });
		niWeekly[t] = r.decimal(weeklyRaw, t, '$.ni.thresholds.weekly', { min: '0' });
		niMonthly[t] = r.decimal(monthlyRaw, t, '$.ni.thresholds.monthly', { min: '0' });
		// HMRC publishes per-period thresholds as the annual figure over 52 or 12 to the nearest pound
		// (the LEL is defined the other way round: annual = weekly x 52).
		const weeklyExpected = t === 'LEL' ? annual[t].dividedBy(52) : round.halfUp(annual[t].dividedBy(52), 0);
		r.check(
			niWeekly[t].equals(weeklyExpected),
			`$.ni.thresholds.weekly.${t}`,
			`expected ${weeklyExpected.toFixed()} from annual ${annual[t].toFixed()}`
		);
		const monthlyExpected = round.halfUp(annual[t].dividedBy(12), 0);
		r.check(
			niMonthly[t].equals(monthlyExpected),
			`$.ni.thresholds.monthly.${t}`,
			`expected ${monthlyExpected.toFixed()} from annual ${annual[t].toFixed()}`
		);
		// Two- and four-weekly: HMRC publishes its own whole-pound figures, rounded either way from
		// annual x weeks / 52 (ST 5,000 gives 193 two-weekly, not 96 x 2); the LEL is weekly x weeks.
		for (const [key, weeks, set, raw] of [
			['twoWeekly', 2, niTwoWeekly, twoWeeklyRaw],
			['fourWeekly', 4, niFourWeekly, fourWeeklyRaw]
		] as const) {
			const path = `$.ni.thresholds.${key}`;
			set[t] = r.decimal(raw, t, path, { min: '0' });
			const share = annual[t].times(weeks).dividedBy(52);
			if (t === 'LEL')
				r.check(
					set[t].equals(niWeekly.LEL.times(weeks)),
					`${path}.LEL`,
					`expected the weekly LEL x ${weeks} = ${niWeekly.LEL.times(weeks).toFixed()}`
				);
			else
				r.check(
					set[t].isInteger() && set[t].minus(share).abs().lessThan(1),
					`${path}.${t}`,
					`expected whole pounds within 1 of annual ${annual[t].toFixed()} x ${weeks} / 52 = ${share.toDecimalPlaces(2).toFixed()}`
				);
		}
	}
	for (const [name, set] of [
		['weekly', niWeekly],
		['twoWeekly', niTwoWeekly],
		['fourWeekly', niFourWeekly],
		['monthly', niMonthly],
		['annual', annual]
	] as const) {
		r.check(
			set.LEL.lessThan(set.PT) && set.PT.lessThan(set.UEL) && set.ST.lessThan(set.PT),
			`$.ni.${name}`,
			'expected ST < PT and LEL < PT < UEL'
		);
		for (const u of ['UST', 'AUST', 'VUST', 'FUST', 'IZUST'] as const)
			r.check(set[u].greaterThanOrEqualTo(set.ST), `$.ni.${name}.${u}`, 'must not be below ST');
	}
	const catsRaw = r.object(ni['categories'], '$.ni.categories');
	const niCategories: Record<string, NiCategoryRules> = {};
	for (const [letter, value] of Object.entries(catsRaw)) {
		const p = `$.ni.categories.${letter}`;
		const c = r.object(value, p);
		const from = r.text(c, 'employerFrom', p);
		r.check(
			(THRESHOLDS as readonly string[]).includes(from),
			`${p}.employerFrom`,
			`expected one of ${THRESHOLDS.join('|')}`
		);
		niCategories[letter] = {
			label: r.text(c, 'label', p),
			employeePtToUel: r.decimal(c, 'employeePtToUel', p, { min: '0', max: '1' }),
			employeeAboveUel: r.decimal(c, 'employeeAboveUel', p, { min: '0', max: '1' }),
			employerFrom: from as NiThresholdName,
			employerRate: r.decimal(c, 'employerRate', p, { min: '0', max: '1' })
		};
	}
	for (const needed of ['A', 'B', 'C', 'H', 'J', 'M', 'Z'])
		r.check(needed in niCategories, `$.ni.categories.${needed}`, 'required category letter missing');

	// The top-rate threshold of taxable pay: basic band + higher band of rUK, shared by every regime.
	const rukRaw = r.object(regimesRaw['rUK'], '$.paye.regimes.rUK');
	const topThreshold = r
		.array(rukRaw['bands'], '$.paye.regimes.rUK.bands')
		.reduce<Dec>(
			(acc, b) =>
				acc.plus(
					typeof b === 'object' && b !== null && typeof (b as { width?: unknown }).width === 'string'
						? dec((b as { width: string }).width)
						: 0
				),
			dec(0)
		);
	const regimes = {
		rUK: readRegime(r, regimesRaw['rUK'], '$.paye.regimes.rUK', topThreshold),
		scotland: readRegime(r, regimesRaw['scotland'], '$.paye.regimes.scotland', topThreshold),
		wales: readRegime(r, regimesRaw['wales'], '$.paye.regimes.wales', topThreshold)
	};
	const basic = regimes.rUK.bands[regimes.rUK.basicRateIndex];
	r.check(
		basic !== undefined && pa.plus(basic.width).equals(annual.UEL),
		'$.paye.regimes.rUK',
		'personal allowance + basic band should equal the NI upper earnings limit (aligned since 2011)'
	);

	const studentLoans = readStudentLoans(r, root['studentLoans']);

	if (r.issues.length > 0)
		return fail('payroll/invalid-rules', `Rule file ${file} is invalid: ${r.issues.slice(0, 5).join('; ')}`, {
			file,
			issues: r.issues
		});
	return ok({
		taxYear,
		effectiveFrom,
		effectiveTo,
		emergencyCode,
		payAdjustmentPer500: { weekly: weekly500, monthly: monthly500 },
		regulatoryLimit,
		regimes,
		niWeekly,
		niTwoWeekly,
		niFourWeekly,
		niMonthly,
		niCategories,
		studentLoans
	});
}

/** The built-in rule packs, by tax year. */
export const UK_FILES: Readonly<Record<string, { raw: unknown; file: string }>> = {
	'2025-26': { raw: uk2025, file: 'rules/uk-2025-26.json' },
	'2026-27': { raw: uk2026, file: 'rules/uk-2026-27.json' }
};
const ukCache = new Map<string, Result<UkRules>>();

/** The validated rules for a tax year, from the built-in file or else an imported pack (`active.ts`). */
export function ukRulesFor(taxYear: string, payDate?: IsoDate): Result<UkRules> {
	const entry = UK_FILES[taxYear];
	if (!entry) return importedRulesFor('uk', taxYear, payDate, Object.keys(UK_FILES));
	let loaded = ukCache.get(taxYear);
	if (!loaded) {
		loaded = loadUkRules(entry.raw, entry.file);
		ukCache.set(taxYear, loaded);
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
