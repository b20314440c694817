import { describe, expect, it } from 'vitest';
import {
	CHART_TEMPLATES,
	indexAccounts,
	instantiateTemplate,
	validateEntry,
	type Account
} from '$lib/books/domain';
import {
	accountLabel,
	balancingLine,
	blankLine,
	buildEntry,
	formBalance,
	formFromEntry,
	readAmount,
	resolveAccount,
	type FormState
} from './entry-form';
import { rolledBalances } from './view';

let n = 0;
const made = instantiateTemplate({
	template: CHART_TEMPLATES.find((t) => t.id === 'general')!,
	newId: () => `a${++n}`
});
if (!made.ok) throw new Error(made.error.message);
const accounts: Account[] = made.value;
const index = indexAccounts(accounts);
const byName = (full: string) => accounts.find((a) => index.fullName(a.id) === full)!;
const leafWithCode = accounts.find((a) => a.code && !index.children.get(a.id)?.length)!;

const line = (account: string, debit = '', credit = '') => ({ ...blankLine(), account, debit, credit });

describe('entry form', () => {
	it('reads amounts people type, and refuses what is not one', () => {
		expect(readAmount('1,234.50')).toBe('1234.50');
		expect(readAmount(' 007 ')).toBe('7');
		expect(readAmount('.5')).toBe('0.5');
		for (const bad of ['', '-5', '1.2.3', '12a', '1,23', 'NaN']) expect(readAmount(bad)).toBeNull();
	});

	it('finds an account by label, full name, code or a unique leaf name', () => {
		const full = index.fullName(leafWithCode.id);
		expect(resolveAccount(accountLabel(leafWithCode, full), index)?.id).toBe(leafWithCode.id);
		expect(resolveAccount(full.toUpperCase(), index)?.id).toBe(leafWithCode.id);
		expect(resolveAccount(leafWithCode.code!, index)?.id).toBe(leafWithCode.id);
		expect(resolveAccount('No such account', index)).toBeNull();
		const archived = indexAccounts(
			accounts.map((a) => (a.id === leafWithCode.id ? { ...a, archived: true } : a))
		);
		expect(resolveAccount(full, archived)).toBeNull();
	});

	it('shows the live balance exactly and flags rows with both sides or bad amounts', () => {
		const b = formBalance([line('x', '0.10'), line('y', '0.20'), line('z', '', '0.30')]);
		expect(b).toMatchObject({ debits: '0.30', credits: '0.30', difference: '0', balanced: true });
		const off = formBalance([
			line('x', '100'),
			line('y', '', '99.99'),
			line('z', '1', '1'),
			line('w', 'abc')
		]);
		expect(off.balanced).toBe(false);
		expect(off.problems.get(2)).toMatch(/not both/);
		expect(off.problems.get(3)).toMatch(/"abc" is not an amount/);
		expect(formBalance([blankLine(), blankLine()]).balanced).toBe(false);
	});

	it('offers the balancing amount on a new line', () => {
		expect(balancingLine([line('x', '120.00'), line('y', '', '20')]).credit).toBe('100.00');
		expect(balancingLine([line('x', '', '5')]).debit).toBe('5');
	});

	it('builds an entry the ledger accepts, and names the line that is wrong', () => {
		const bank = index.fullName(byName(index.fullName(leafWithCode.id)).id);
		const expense = accounts.find((a) => a.type === 'expense' && !index.children.get(a.id)?.length)!;
		const form: FormState = {
			date: '2026-03-31',
			number: '17',
			memo: 'Rent',
			commodity: 'USD',
			lines: [line(index.fullName(expense.id), '1,500.00'), line(bank, '', '1500'), blankLine()]
		};
		const built = buildEntry(form, { id: 'e1', index, status: 'posted' });
		expect(built.ok).toBe(true);
		if (!built.ok) return;
		expect(built.value.lines.map((l) => [l.account, l.amount])).toEqual([
			[expense.id, '1500.00'],
			[leafWithCode.id, '-1500']
		]);
		expect(validateEntry(built.value, { accounts: index.byId }).ok).toBe(true);
		const round = formFromEntry(built.value, index, 'USD');
		expect(round.lines.map((l) => [l.debit, l.credit])).toEqual([
			['1500.00', ''],
			['', '1500']
		]);
		const bad = buildEntry(
			{ ...form, lines: [line('Nowhere', '5'), line(bank, '', '5')] },
			{ id: 'e2', index, status: 'posted' }
		);
		expect(bad).toEqual({
			ok: false,
			error: { code: 'books/entry-form', message: 'Line 1: there is no open account "Nowhere".' }
		});
		const draft = buildEntry({ ...form, lines: [line('Nowhere', '5')] }, { id: 'd', index, status: 'draft' });
		expect(draft.ok && draft.value.lines[0]?.account).toBe('Nowhere');
	});

	it('rolls balances up the tree in each account’s natural sign', () => {
		const child = accounts.find((a) => a.parentId && a.type === 'liability')!;
		const parent = index.byId.get(child.parentId!)!;
		const rolled = rolledBalances(
			[
				{
					account: child.id,
					fullName: '',
					commodity: 'USD',
					amount: '-10.05' as never,
					drill: { accounts: [] }
				}
			],
			index
		);
		expect(rolled.get(child.id)).toEqual({ USD: '10.05' });
		expect(rolled.get(parent.id)).toEqual({ USD: '10.05' });
	});
});
