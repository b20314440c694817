// The rule form: typed strings to a rule and back (split included), amounts as people type them, the split
// total, dimension cleaning, and the one-line description of conditions.
import { describe, expect, it } from 'vitest';
import { validateRule } from '$lib/banking/domain';
import type { DecimalString } from '$lib/shared/domain';
import {
	blankRuleForm,
	blankSplitRow,
	cleanDimensions,
	describeConditions,
	formFromRule,
	ruleFromForm,
	splitTotal,
	unknownRuleAccount
} from './rule-form';

describe('rule form', () => {
	it('turns a typed form into a valid rule and back', () => {
		const form = {
			...blankRuleForm(),
			payeeTest: 'words' as const,
			payeeText: ' Blue Bottle ',
			direction: 'out' as const,
			minAmount: '1,250.50',
			maxAmount: '2000,5',
			account: 'exp',
			memo: 'Coffee: {payee}',
			fund: 'restricted',
			tag: ' '
		};
		const parts = ruleFromForm(form);
		expect(parts).toEqual({
			name: 'Payee Blue Bottle',
			conditions: {
				payee: { test: 'words', text: 'Blue Bottle' },
				direction: 'out',
				minAmount: '1250.50',
				maxAmount: '2000.5'
			},
			outcome: { account: 'exp', memo: 'Coffee: {payee}', dimensions: { fund: 'restricted' } }
		});
		expect(validateRule({ id: 'r', enabled: true, order: 'a0', ...parts }).ok).toBe(true);
		expect(ruleFromForm(formFromRule(parts))).toEqual(parts);
	});
	it('a split replaces the account and dimensions, and survives the round trip', () => {
		const form = {
			...blankRuleForm(),
			memoContains: 'rent',
			account: 'ignored',
			fund: 'ignored',
			split: [
				{ ...blankSplitRow('a'), percent: '62,5', class: 'program' },
				{ ...blankSplitRow('b'), percent: '37.5' }
			]
		};
		const parts = ruleFromForm(form);
		expect(parts.outcome).toEqual({
			account: 'a',
			splits: [
				{ account: 'a', percent: '62.5', dimensions: { class: 'program' } },
				{ account: 'b', percent: '37.5' }
			]
		});
		expect(validateRule({ id: 'r', enabled: true, order: 'a0', ...parts }).ok).toBe(true);
		expect(ruleFromForm(formFromRule(parts))).toEqual(parts);
		expect(splitTotal(form.split)).toBe('100');
		expect(splitTotal([{ ...blankSplitRow(), percent: 'x' }])).toBe('');
	});
	it('cleans dimensions and names the one the journal cannot hold', () => {
		expect(cleanDimensions({ fund: ' restricted ', class: '', tag: 'q1' })).toEqual({
			ok: true,
			value: { fund: 'restricted', tag: 'q1' }
		});
		expect(cleanDimensions({ department: 'a,b' })).toEqual({
			ok: false,
			error: {
				code: 'banking/bad-dimension',
				message: 'Department: may not hold commas, semicolons or line breaks.',
				details: { field: 'department' }
			}
		});
	});
	it('describes conditions in words', () => {
		const parts = ruleFromForm({
			...blankRuleForm(),
			payeeText: 'acme',
			memoContains: 'inv',
			direction: 'in',
			minAmount: '10',
			bankAccountId: 'ba',
			account: 'x'
		});
		expect(describeConditions(parts, () => 'Checking')).toBe(
			'payee contains "acme", memo contains "inv", money in, amount at least 10, on Checking'
		);
	});
});

describe('a rule outcome names only open accounts', () => {
	const chart = [
		{ id: 'a-open', archived: false },
		{ id: 'a-closed', archived: true }
	];
	it('accepts open accounts, and names the first split part that is not', () => {
		expect(unknownRuleAccount({ outcome: { account: 'a-open' } }, chart)).toBeNull();
		expect(unknownRuleAccount({ outcome: { account: '' } }, chart)?.code).toBe('banking/rule-account');
		expect(unknownRuleAccount({ outcome: { account: 'a-closed' } }, chart)?.code).toBe(
			'banking/closed-account'
		);
		expect(unknownRuleAccount({ outcome: { account: 'gone' } }, chart)?.code).toBe('banking/closed-account');
		const split = unknownRuleAccount(
			{
				outcome: {
					account: 'a-open',
					splits: [
						{ account: 'a-open', percent: '50' as DecimalString },
						{ account: 'a-closed', percent: '50' as DecimalString }
					]
				}
			},
			chart
		);
		expect(split?.message).toBe('Split part 2: choose an open account of the chart.');
	});
});
