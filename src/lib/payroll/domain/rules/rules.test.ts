// The shipped rule files load cleanly, and a file that breaks an invariant is refused with the path.
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../shared/domain';
import { loadUkRules, ukRulesFor } from './uk-rules';
import { loadUsRules, usRulesFor } from './us-rules';
import us2026 from './us-federal-2026.json';
import uk2025 from './uk-2025-26.json';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('rule files', () => {
	it('all shipped files validate', () => {
		for (const y of [2025, 2026]) expect(usRulesFor(y).ok).toBe(true);
		for (const y of ['2025-26', '2026-27']) expect(ukRulesFor(y).ok).toBe(true);
		expect(unwrap(usRulesFor(2026)).socialSecurity.wageBase.toFixed()).toBe('184500');
		expect(unwrap(usRulesFor(2025)).socialSecurity.wageBase.toFixed()).toBe('176100');
	});

	it('a wrong tentative amount is refused', () => {
		const bad = clone(us2026);
		(bad.incomeTax.tables.standard.single[3] as { base: string }).base = '5800.01';
		const r = loadUsRules(bad, 'bad.json');
		expect(!r.ok && r.error.message).toMatch(/standard\.single\[3\]\.base: expected 5800/);
	});

	it('a checkbox row that is not half the standard row is refused', () => {
		const bad = clone(us2026);
		(bad.incomeTax.tables.step2Checkbox.head[4] as { atLeast: string }).atLeast = '64926';
		expect(loadUsRules(bad, 'bad.json').ok).toBe(false);
	});

	it('descending rows and numbers instead of strings are refused', () => {
		const bad = clone(us2026) as unknown as { socialSecurity: { wageBase: unknown } };
		bad.socialSecurity.wageBase = 184500;
		const r = loadUsRules(bad, 'bad.json');
		expect(!r.ok && r.error.message).toMatch(/socialSecurity\.wageBase: expected a decimal string/);
	});

	it('UK: bands must reach the top-rate threshold and NI thresholds must match the annual figures', () => {
		const bad = clone(uk2025);
		bad.paye.regimes.scotland.bands[0]!.width = '2828';
		expect(loadUkRules(bad, 'bad.json').ok).toBe(false);
		const bad2 = clone(uk2025);
		bad2.ni.thresholds.monthly.PT = '1047';
		const r = loadUkRules(bad2, 'bad.json');
		expect(!r.ok && r.error.message).toMatch(/monthly\.PT: expected 1048/);
	});

	it('UK student loans: a per-period threshold that is not the annual share rounded down is refused', () => {
		const bad = clone(uk2025);
		bad.studentLoans.thresholds.monthly.plan2 = '2372.51';
		const r = loadUkRules(bad, 'bad.json');
		expect(!r.ok && r.error.message).toMatch(
			/studentLoans\.thresholds\.monthly\.plan2: expected 2372\.50: annual 28470 \/ 12, rounded down/
		);
		const rounded = clone(uk2025);
		rounded.studentLoans.thresholds.weekly.postgraduate = '403.85';
		expect(loadUkRules(rounded, 'bad.json').ok).toBe(false);
	});

	it('UK student loans: every plan needs a threshold or a reason it is not collected', () => {
		const bad = clone(uk2025) as unknown as { studentLoans: { notCollected?: unknown } };
		delete bad.studentLoans.notCollected;
		const r = loadUkRules(bad, 'bad.json');
		expect(!r.ok && r.error.message).toMatch(
			/studentLoans\.annual\.plan5: needs an annual threshold, or a notCollected reason/
		);
	});

	it("UK: two- and four-weekly NI thresholds are HMRC's whole-pound figures near annual x weeks / 52", () => {
		const rules = unwrap(ukRulesFor('2025-26'));
		expect([
			rules.niTwoWeekly.ST.toFixed(),
			rules.niFourWeekly.ST.toFixed(),
			rules.niTwoWeekly.LEL.toFixed()
		]).toEqual(['193', '385', '250']);
		const far = clone(uk2025);
		far.ni.thresholds.twoWeekly.ST = '195';
		expect(loadUkRules(far, 'bad.json').ok).toBe(false);
		const lel = clone(uk2025);
		lel.ni.thresholds.fourWeekly.LEL = '501';
		const r = loadUkRules(lel, 'bad.json');
		expect(!r.ok && r.error.message).toMatch(/fourWeekly\.LEL: expected the weekly LEL x 4 = 500/);
	});

	it('UK: each regime says how k(i) is worked', () => {
		const bad = clone(uk2025) as unknown as { paye: { regimes: { wales: { bandTaxToDate: string } } } };
		bad.paye.regimes.wales.bandTaxToDate = 'rounded';
		const r = loadUkRules(bad, 'bad.json');
		expect(!r.ok && r.error.message).toMatch(/wales\.bandTaxToDate: expected annualTotals\|bandByBand/);
	});
});
