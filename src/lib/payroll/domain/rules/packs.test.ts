// Rule packs: the built-in files are sealed packs; a pack is refused, with every problem named in
// words, when its header, tables, checksum or dates are wrong; an imported pack is found by the
// engine, and a pay date no pack covers is a typed MissingRules, never another year's tables.
import { afterEach, describe, expect, it } from 'vitest';
import { unwrap, type IsoDate } from '../../../shared/domain';
import { activateRulePacks, missingRulesMessage, missingRulesOf } from './active';
import { builtInPackResults, builtInPacks, checkRulePack, packProblems } from './check-pack';
import { canonicalJson, packChecksum, sealPack } from './pack';
import { planImport } from './overlap';
import { ukTestPack, usTestPack } from './pack-fixtures';
import { judgeStoredPacks, storedPack } from './stored-packs';
import { ukRulesFor } from './uk-rules';
import { usRulesFor } from './us-rules';
import us2026 from './us-federal-2026.json';

type Json = Record<string, unknown> & { pack: Record<string, unknown> };
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const problemsOf = (raw: unknown) => {
	const r = checkRulePack(raw);
	return r.ok ? [] : packProblems(r.error).map((p) => `${p.field}: ${p.message}`);
};

afterEach(() => activateRulePacks([]));

describe('built-in packs', () => {
	it('every built-in pack is valid and sealed (after editing a figure, run `npm run rules:seal`)', () => {
		const results = builtInPackResults();
		expect(results.map((r) => r.file)).toEqual([
			'rules/us-federal-2025.json',
			'rules/us-federal-2026.json',
			'rules/uk-2025-26.json',
			'rules/uk-2026-27.json'
		]);
		for (const { file, result } of results)
			expect(result.ok ? 'valid' : `${file}: ${result.error.message}`).toBe('valid');
		expect(builtInPacks().map((p) => `${p.kind} ${p.header.taxYear}`)).toEqual([
			'us-federal 2025',
			'us-federal 2026',
			'uk 2025-26',
			'uk 2026-27'
		]);
	});

	it('a figure edited without resealing is caught by the checksum', () => {
		const edited = clone(us2026) as unknown as Json & { socialSecurity: { wageBase: string } };
		edited.socialSecurity.wageBase = '184600';
		expect(problemsOf(edited)).toEqual([
			'Pack header › checksum: does not match the contents: the pack was changed after it was sealed'
		]);
		expect(problemsOf(sealPack(edited))).toEqual([]);
	});
});

describe('checksum', () => {
	it('depends on values only, not key order or whitespace', () => {
		const a = { b: [1, { y: 'x', a: null }], a: 'é' };
		const b = JSON.parse(JSON.stringify({ a: 'é', b: [1, { a: null, y: 'x' }] }, null, 3)) as unknown;
		expect(canonicalJson(a)).toBe('{"a":"é","b":[1,{"a":null,"y":"x"}]}');
		expect(canonicalJson(b)).toBe(canonicalJson(a));
		const p = usTestPack(2027);
		const reordered = Object.fromEntries(Object.entries(p).reverse());
		expect(packChecksum(reordered)).toBe(p.pack['checksum']);
	});
});

describe('checking a pack', () => {
	it('a 2027 test pack is valid', () => {
		const p = unwrap(checkRulePack(usTestPack(2027)));
		expect(p.header).toMatchObject({
			kind: 'us-federal',
			taxYear: '2027',
			effectiveFrom: '2027-01-01',
			effectiveTo: '2027-12-31'
		});
		expect(unwrap(checkRulePack(ukTestPack(2027))).header.taxYear).toBe('2027-28');
	});

	it('every header problem is named in words', () => {
		const p = usTestPack(2027);
		p.pack = { ...p.pack, format: 'v2', kind: 'us', title: ' ', checksum: 'abc' };
		delete p.pack['source'];
		expect(problemsOf(p)).toEqual([
			'Pack header › format version: expected keel.payroll.rule-pack/1',
			'Pack header › kind of tables: expected us-federal or uk',
			'Pack header › title: expected some text',
			'Pack header › source: expected some text',
			'Pack header › checksum: expected 64 lowercase hexadecimal digits (SHA-256)'
		]);
		expect(problemsOf({ ...usTestPack(2027), pack: undefined })[0]).toMatch(/^Pack header: missing/);
		expect(problemsOf([1, 2])[0]).toBe('The file: expected a JSON object (a rule pack)');
	});

	it('effective dates must fit the tax year and match the tables', () => {
		const p = usTestPack(2027);
		p.pack = { ...p.pack, effectiveFrom: '2026-12-01' };
		expect(problemsOf(sealPack(p))).toEqual([
			'Pack header › effective from: 2026-12-01 is outside tax year 2027 (2027-01-01 to 2027-12-31)',
			'Pack header › effective from: is 2026-12-01 but the tables say 2027-01-01'
		]);
		const q = usTestPack(2027);
		q.pack = { ...q.pack, taxYear: '2028' };
		expect(problemsOf(sealPack(q))).toContain('Pack header › tax year: is 2028 but the tables say 2027');
		const uk = ukTestPack(2027);
		uk.pack = { ...uk.pack, taxYear: '2027-29' };
		expect(problemsOf(sealPack(uk))).toContain(
			'Pack header › tax year: expected a UK tax year such as 2027-28'
		);
	});

	it('the tables keep their load-time invariants, named in words', () => {
		const p = usTestPack(2027) as Json & {
			incomeTax: { tables: { standard: { single: { base: string }[] } } };
		};
		p.incomeTax.tables.standard.single[3]!.base = '5800.01';
		expect(problemsOf(sealPack(p))).toEqual([
			'Income tax › standard table › single › row 4 › tentative amount (column C): expected 5800 = previous base + rate x width, found 5800.01',
			'Income tax › standard table › single › row 5 › tentative amount (column C): expected 17966.01 = previous base + rate x width, found 17966',
			'Income tax › Step 2 checkbox table › single › row 4 › tentative amount (column C): expected 2900.01 (half of 5800.01)'
		]);
		const u = ukTestPack(2027) as Json & { ni: { thresholds: { monthly: { PT: string } } } };
		u.ni.thresholds.monthly.PT = '1047';
		expect(problemsOf(sealPack(u))[0]).toMatch(
			/^National Insurance › thresholds › monthly › PT: expected 1048/
		);
	});
});

describe('the engine reads imported packs', () => {
	const pack2027 = () => unwrap(checkRulePack(usTestPack(2027)));

	it('a 2027 pay date without a 2027 pack is a typed MissingRules', () => {
		const r = usRulesFor(2027, '2027-01-31' as IsoDate);
		expect(r.ok).toBe(false);
		const missing = !r.ok
			? missingRulesOf(r.error, { jurisdiction: 'US', taxYear: 2027, payDate: '2027-01-31' as IsoDate })
			: undefined;
		expect(missing).toEqual({ kind: 'us-federal', taxYear: '2027' });
		expect(missingRulesMessage(missing!)).toBe(
			'US federal tables for 2027 are not loaded — import the 2027 rule pack'
		);
		const uk = ukRulesFor('2027-28', '2027-04-30' as IsoDate);
		const ukMissing = !uk.ok
			? missingRulesOf(uk.error, { jurisdiction: 'UK', taxYear: '2027-28' })
			: undefined;
		expect(missingRulesMessage(ukMissing!)).toBe(
			'UK tax tables for 2027-28 are not loaded — import the 2027-28 rule pack'
		);
	});

	it('once active, the 2027 pack computes; deactivated, it is gone again', () => {
		activateRulePacks([pack2027()]);
		expect(unwrap(usRulesFor(2027, '2027-01-31' as IsoDate)).taxYear).toBe(2027);
		activateRulePacks([]);
		expect(usRulesFor(2027, '2027-01-31' as IsoDate).ok).toBe(false);
	});

	it('a part-year pack covers only its dates', () => {
		activateRulePacks([unwrap(checkRulePack(usTestPack(2027, '2027-01-01', '2027-06-30')))]);
		expect(usRulesFor(2027, '2027-06-30' as IsoDate).ok).toBe(true);
		const r = usRulesFor(2027, '2027-07-31' as IsoDate);
		expect(
			!r.ok &&
				missingRulesOf(r.error, { jurisdiction: 'US', taxYear: 2027, payDate: '2027-07-31' as IsoDate })
		).toEqual({ kind: 'us-federal', taxYear: '2027', payDate: '2027-07-31' });
	});
});

describe('importing', () => {
	it('the same pack again is a no-op; a different pack for covered dates is refused', () => {
		const builtIn = builtInPacks();
		expect(unwrap(planImport(clone(us2026), builtIn)).already?.builtIn).toBe(true);
		const other2026 = usTestPack(2026);
		const r = planImport(other2026, builtIn);
		expect(!r.ok && r.error.code).toBe('payroll/pack-overlap');
		expect(!r.ok && packProblems(r.error)[0]?.field).toBe('Pack header › effective from');
		const first = unwrap(planImport(usTestPack(2027, '2027-01-01', '2027-06-30'), builtIn)).pack;
		expect(
			unwrap(planImport(usTestPack(2027, '2027-07-01', '2027-12-31'), [...builtIn, first])).already
		).toBeUndefined();
		expect(planImport(usTestPack(2027, '2027-06-01', '2027-12-31'), [...builtIn, first]).ok).toBe(false);
	});
});

describe('stored packs', () => {
	it('count only when whole, under their checksum and without overlap', () => {
		const good = unwrap(checkRulePack(usTestPack(2027)));
		const uk = unwrap(checkRulePack(ukTestPack(2027)));
		const rival = unwrap(checkRulePack(usTestPack(2028)));
		const rival2 = unwrap(checkRulePack(usTestPack(2028, '2028-06-01', '2028-12-31', 'another 2028')));
		const other2026 = unwrap(checkRulePack(usTestPack(2026)));
		const forged = JSON.parse(good.text) as Json & { futa: { rate: string } };
		forged.futa.rate = '0.001';
		const { usable, review } = judgeStoredPacks([
			[good.header.checksum, storedPack(good, 't', 'm1')],
			[uk.header.checksum, storedPack(uk, 't', 'm2')],
			['f'.repeat(64), { text: JSON.stringify(forged), addedAt: 't', addedBy: 'm3' }],
			['wrong-key', storedPack(good, 't', 'm1')],
			['junk', 42],
			[rival.header.checksum, storedPack(rival, 't', 'm1')],
			[rival2.header.checksum, storedPack(rival2, 't', 'm2')],
			[other2026.header.checksum, storedPack(other2026, 't', 'm4')]
		]);
		expect(usable.map((p) => p.header.title)).toEqual([uk.header.title, good.header.title]);
		expect(review.map((r) => r.reason)).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^Pack header › checksum: does not match/),
				'The pack is stored under a name that is not its checksum.',
				'The stored pack has the wrong shape.',
				expect.stringMatching(/neither is used\.$/),
				expect.stringMatching(/the built-in pack is used\.$/)
			])
		);
		expect(review).toHaveLength(7 - 1);
	});
});
