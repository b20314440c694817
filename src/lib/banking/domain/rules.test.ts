// Bank rules: each condition on its own, first-fit order, the memo template, counts, and validation.
import { describe, expect, it } from 'vitest';
import { seededRandom, type DecimalString } from '../../shared/domain';
import { matchStatementLines } from './match';
import {
	countRuleFits,
	firstFit,
	foldText,
	orderRules,
	payeeFits,
	proposedLines,
	ruleFits,
	ruleMemo,
	rulesFor,
	validateRule,
	type BankRule
} from './rules';
import fc from 'fast-check';
import { Dec } from '../../shared/domain';

const rule = (id: string, patch: Partial<BankRule> = {}): BankRule => ({
	id,
	name: `Rule ${id}`,
	enabled: true,
	order: 'a0',
	conditions: { payee: { test: 'contains', text: 'coffee' } },
	outcome: { account: 'exp' },
	...patch
});
const line = (amount: string, payee: string, memo = '', bankAccountId?: string) => ({
	amount,
	payee,
	memo,
	date: '2026-03-04',
	...(bankAccountId ? { bankAccountId } : {})
});

describe('payee tests', () => {
	it('contains, equals and words ignore case, accents and punctuation', () => {
		expect(foldText('  Café-Bar  NORD! ')).toBe('cafe bar nord');
		expect(payeeFits('contains', 'cafe bar', 'CAFÉ-BAR Nord 1234')).toBe(true);
		expect(payeeFits('equals', 'cafe bar nord', 'Café Bar, Nord')).toBe(true);
		expect(payeeFits('equals', 'cafe bar', 'Café Bar Nord')).toBe(false);
		expect(payeeFits('words', 'nord cafe', 'Café Bar Nord')).toBe(true);
		// words are whole words: "bar" is not in "barista"
		expect(payeeFits('words', 'bar', 'Barista Co')).toBe(false);
		expect(payeeFits('contains', 'bar', 'Barista Co')).toBe(true);
		expect(payeeFits('contains', ' !! ', 'anything')).toBe(false);
	});
});

describe('ruleFits', () => {
	it('checks direction, memo, amount range (without sign, inclusive) and bank account', () => {
		const r = rule('r', {
			conditions: {
				payee: { test: 'contains', text: 'coffee' },
				memoContains: 'card',
				direction: 'out',
				minAmount: '2.50' as DecimalString,
				maxAmount: '10.00' as DecimalString,
				bankAccountId: 'ba1'
			}
		});
		expect(ruleFits(r, line('-2.50', 'Coffee Shop', 'CARD 1234', 'ba1'))).toEqual([
			'money out',
			'payee contains "coffee"',
			'memo contains "card"',
			'amount 2.50–10.00'
		]);
		expect(ruleFits(r, line('-10.00', 'Coffee Shop', 'card', 'ba1'))).not.toBeNull();
		expect(ruleFits(r, line('-10.01', 'Coffee Shop', 'card', 'ba1'))).toBeNull();
		expect(ruleFits(r, line('-2.49', 'Coffee Shop', 'card', 'ba1'))).toBeNull();
		expect(ruleFits(r, line('5.00', 'Coffee Shop', 'card', 'ba1'))).toBeNull();
		expect(ruleFits(r, line('-5.00', 'Coffee Shop', 'cash', 'ba1'))).toBeNull();
		expect(ruleFits(r, line('-5.00', 'Coffee Shop', 'card', 'ba2'))).toBeNull();
		expect(ruleFits(r, line('-5.00', 'Tea Shop', 'card', 'ba1'))).toBeNull();
	});
	it('a rule with only an amount or direction fits nothing', () => {
		expect(
			ruleFits(
				rule('r', { conditions: { direction: 'out', minAmount: '0' as DecimalString } }),
				line('-5', 'x')
			)
		).toBeNull();
	});
	it('first fit follows the order key, then the id; disabled rules and other accounts are left out', () => {
		const a = rule('a', { order: 'a2' });
		const b = rule('b', { order: 'a1', conditions: { payee: { test: 'words', text: 'shop' } } });
		const c = rule('c', { order: 'a0', enabled: false });
		const d = rule('d', {
			order: 'a0',
			conditions: { payee: { test: 'contains', text: 'coffee' }, bankAccountId: 'other' }
		});
		expect(orderRules([a, b, c, d]).map((r) => r.id)).toEqual(['c', 'd', 'b', 'a']);
		const active = rulesFor([a, b, c, d], 'ba1');
		expect(active.map((r) => r.id)).toEqual(['b', 'a']);
		expect(firstFit(active, line('-3', 'Coffee Shop'))?.rule.id).toBe('b');
		expect(firstFit(active, line('-3', 'Coffee House'))?.rule.id).toBe('a');
		expect(firstFit(active, line('-3', 'Tea House'))).toBeNull();
	});
});

describe('ruleMemo', () => {
	it('fills the template and falls back to the payee, then the memo', () => {
		expect(ruleMemo('Coffee for {payee} ({memo})', line('-3', ' Blue Bottle ', 'card'))).toBe(
			'Coffee for Blue Bottle (card)'
		);
		expect(ruleMemo('{date} {payee}', line('-3', 'X'))).toBe('2026-03-04 X');
		expect(ruleMemo('', line('-3', '', 'card 99'))).toBe('card 99');
		expect(ruleMemo('{memo}', line('-3', 'Payee', ''))).toBe('Payee');
	});
});

describe('countRuleFits', () => {
	it('counts first fits for enabled rules and independent fits for disabled ones', () => {
		const rules = [
			rule('first', { order: 'a0' }),
			rule('second', { order: 'a1', conditions: { payee: { test: 'words', text: 'shop' } } }),
			rule('off', { order: 'a2', enabled: false, conditions: { payee: { test: 'words', text: 'shop' } } }),
			rule('elsewhere', {
				order: 'a3',
				conditions: { payee: { test: 'contains', text: 'tea' }, bankAccountId: 'ba2' }
			})
		];
		const lines = [
			line('-1', 'Coffee Shop', '', 'ba1'),
			line('-1', 'Tea Shop', '', 'ba1'),
			line('-1', 'Tea Shop', '', 'ba2'),
			line('-1', 'Pub', '', 'ba1')
		] as (ReturnType<typeof line> & { bankAccountId: string })[];
		expect(countRuleFits(rules, lines)).toEqual({ first: 1, second: 2, off: 3, elsewhere: 0 });
	});
	it('agrees with the matcher’s rule pass on random lines', () => {
		const random = seededRandom(7);
		const words = ['coffee', 'shop', 'tea', 'bar', 'rent', 'acme'];
		const pick = () => words[Math.floor(random() * words.length)] as string;
		for (let run = 0; run < 30; run++) {
			const rules = Array.from({ length: 5 }, (_, i) =>
				rule(`r${i}`, {
					order: `a${Math.floor(random() * 3)}`,
					enabled: random() > 0.2,
					conditions: {
						payee: { test: (['contains', 'equals', 'words'] as const)[i % 3] ?? 'contains', text: pick() },
						...(random() > 0.5 ? { direction: random() > 0.5 ? 'in' : 'out' } : {})
					}
				})
			);
			const bankLines = Array.from({ length: 40 }, (_, i) => ({
				id: `b${i}`,
				date: '2026-01-02' as never,
				amount: `${random() > 0.5 ? '-' : ''}${1 + i}.00` as DecimalString,
				payee: `${pick()} ${pick()}`,
				memo: ''
			}));
			const r = matchStatementLines({ bankLines, ledgerLines: [], options: { rules } });
			const fromMatcher: Record<string, number> = Object.fromEntries(rules.map((x) => [x.id, 0]));
			for (const p of r.ruleProposals) fromMatcher[p.ruleId] = (fromMatcher[p.ruleId] ?? 0) + 1;
			const counts = countRuleFits(
				rules,
				bankLines.map((l) => ({ ...l, bankAccountId: 'ba' }))
			);
			for (const x of rules) if (x.enabled) expect(counts[x.id]).toBe(fromMatcher[x.id]);
		}
	});
});

describe('validateRule', () => {
	it('names the field of the problem', () => {
		const msg = (r: BankRule) => {
			const v = validateRule(r);
			return v.ok ? 'ok' : v.error.message;
		};
		expect(msg(rule('r'))).toBe('ok');
		expect(msg(rule('r', { name: ' ' }))).toBe('Name: required.');
		expect(msg(rule('r', { conditions: {} }))).toBe('Conditions: a rule needs a payee or memo condition.');
		expect(msg(rule('r', { conditions: { payee: { test: 'equals', text: '--' } } }))).toMatch(/^Payee:/);
		expect(msg(rule('r', { conditions: { memoContains: 'x', minAmount: '-1' as DecimalString } }))).toMatch(
			/^Minimum amount:/
		);
		expect(
			msg(
				rule('r', {
					conditions: { memoContains: 'x', minAmount: '5' as DecimalString, maxAmount: '4' as DecimalString }
				})
			)
		).toBe('Maximum amount: 4 is below the minimum 5.');
		expect(msg(rule('r', { outcome: { account: '' } }))).toBe(
			'Account: choose the account the rule posts to.'
		);
		expect(msg(rule('r', { outcome: { account: 'x', dimensions: { fund: 'a,b' } } }))).toMatch(/^fund:/);
	});

	it('refuses amounts finer than the bank account currency (or 4 places without one), never rounds', () => {
		const withMin = (minAmount: string) =>
			rule('r', { conditions: { memoContains: 'x', minAmount: minAmount as DecimalString } });
		const msg = (r: BankRule, currency?: string) => {
			const v = validateRule(r, currency);
			return v.ok ? 'ok' : v.error.message;
		};
		expect(msg(withMin('12.345'), 'USD')).toBe(
			'Minimum amount: "12.345" has more decimal places than USD amounts have (2); amounts are never rounded.'
		);
		expect(msg(withMin('12.340'), 'USD')).toBe('ok');
		expect(msg(withMin('12.345'), 'BHD')).toBe('ok');
		expect(msg(withMin('12.345'))).toBe('ok');
		expect(msg(withMin('12.34567'))).toBe(
			'Minimum amount: "12.34567" has more decimal places than Keel keeps (4); amounts are never rounded.'
		);
	});
});

describe('proposedLines (split by percentage)', () => {
	it('one line for the whole amount, or the parts by largest remainder', () => {
		expect(proposedLines({ account: 'exp', dimensions: { fund: 'restricted' } }, '-34.51')).toEqual([
			{ account: 'exp', amount: '34.51', dimensions: { fund: 'restricted' } }
		]);
		const split = {
			account: 'a',
			splits: [
				{ account: 'a', percent: '60' as DecimalString, dimensions: { class: 'program' } },
				{ account: 'b', percent: '40' as DecimalString }
			]
		};
		expect(proposedLines(split, '-34.51')).toEqual([
			{ account: 'a', amount: '20.71', dimensions: { class: 'program' } },
			{ account: 'b', amount: '13.80', dimensions: {} }
		]);
		expect(
			proposedLines(
				{
					account: 'a',
					splits: [
						{ account: 'a', percent: '33.3333' as DecimalString },
						{ account: 'b', percent: '33.3333' as DecimalString },
						{ account: 'c', percent: '33.3334' as DecimalString }
					]
				},
				'100.00'
			).map((l) => l.amount)
		).toEqual(['-33.33', '-33.33', '-33.34']);
	});
	it('property: the parts always add up to the line exactly, each within one cent of its exact share', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -10_000_000, max: 10_000_000 }),
				fc.array(fc.integer({ min: 1, max: 9000 }), { minLength: 2, maxLength: 10 }),
				(cents, weights) => {
					const amount = new Dec(cents).dividedBy(100).toFixed(2);
					const total = weights.reduce((a, b) => a + b, 0);
					const splits = weights.map((w, i) => ({
						account: `x${i}`,
						percent: new Dec(w).times(100).dividedBy(total).toFixed(4) as DecimalString
					}));
					const lines = proposedLines({ account: 'x0', splits }, amount);
					const sum = lines.reduce((t, l) => t.plus(l.amount), new Dec(0));
					expect(sum.eq(new Dec(amount).negated())).toBe(true);
					const pctSum = splits.reduce((t, x) => t.plus(x.percent), new Dec(0));
					lines.forEach((l, i) => {
						const exact = new Dec(amount)
							.negated()
							.times((splits[i] as { percent: string }).percent)
							.dividedBy(pctSum);
						expect(new Dec(l.amount).minus(exact).abs().lte('0.01')).toBe(true);
					});
				}
			),
			{ numRuns: 300, seed: 11 }
		);
	});
	it('validateRule: 2–10 parts, each above 0%, adding up to exactly 100%, the first being the rule account', () => {
		const msg = (splits: { account: string; percent: string }[], account = 'a') => {
			const v = validateRule(rule('r', { outcome: { account, splits: splits as never } }));
			return v.ok ? 'ok' : v.error.message;
		};
		expect(
			msg([
				{ account: 'a', percent: '60' },
				{ account: 'b', percent: '40' }
			])
		).toBe('ok');
		expect(msg([{ account: 'a', percent: '100' }])).toBe('Split: give 2 to 10 parts.');
		expect(
			msg([
				{ account: 'a', percent: '60' },
				{ account: 'b', percent: '30' }
			])
		).toBe('Split: the parts add up to 90%, not 100%.');
		expect(
			msg([
				{ account: 'a', percent: '60' },
				{ account: 'b', percent: '-40' }
			])
		).toMatch(/^Split part 2: "-40" is not a percentage/);
		expect(
			msg([
				{ account: 'a', percent: '60' },
				{ account: '', percent: '40' }
			])
		).toBe('Split part 2: choose an account.');
		expect(
			msg(
				[
					{ account: 'a', percent: '60' },
					{ account: 'b', percent: '40' }
				],
				'b'
			)
		).toBe("Split: the first part is the rule's account.");
	});
});
