// Turns finalized payslips into one balanced journal: wages and employer costs as debits, taxes,
// deductions and net pay owed as credits. Invariant: the lines sum to zero to the cent, or the
// function refuses (a payslip whose own lines do not add up to its net is never posted).
import {
	ExactSum,
	fail,
	isDecimalString,
	isZeroDecimal,
	ok,
	roundDecimal,
	sumDecimals,
	type DecimalString,
	type Result
} from '../../shared/domain';
import { fmtExact } from './format';
import type { Payslip } from './types';

export interface PayrollAccountMap {
	readonly wagesExpense: string;
	readonly employerTaxesExpense: string;
	readonly netPayPayable: string;
	/** Defaults to wagesExpense. */
	readonly reimbursementsExpense?: string;
	/** Defaults to wagesExpense. */
	readonly employerContributionsExpense?: string;
	/** Liability account per line code (e.g. 'US.FIT', 'US.SS.EE', 'DED.401K'). */
	readonly liabilities: Readonly<Record<string, string>>;
	/** Used for any liability code not in `liabilities`; without it an unmapped code is refused. */
	readonly defaultLiability?: string;
}

/** Debit positive, credit negative. */
export interface PayrollJournalLine {
	readonly account: string;
	readonly amount: DecimalString;
}

function amountOf(text: string): DecimalString {
	const v = text.trim();
	if (!isDecimalString(v))
		throw new Error(`payslip amount '${text}' is not a decimal (payslips come from grossToNet)`);
	return v;
}

export function buildPayrollJournal(
	payslips: readonly Payslip[],
	accounts: PayrollAccountMap
): Result<PayrollJournalLine[]> {
	const totals = new Map<string, ExactSum>();
	const post = (account: string, amount: string, credit = false) => {
		let total = totals.get(account);
		if (total === undefined) totals.set(account, (total = new ExactSum()));
		if (credit) total.subDecimal(amount);
		else total.addDecimal(amount);
	};
	for (const [i, slip] of payslips.entries()) {
		const paid = new ExactSum();
		for (const l of slip.lines) {
			const amount = amountOf(l.amount);
			const liability = accounts.liabilities[l.code] ?? accounts.defaultLiability;
			const needsLiability = l.kind !== 'earning';
			if (needsLiability && liability === undefined)
				return fail(
					'payroll/unmapped-account',
					`accountMap.liabilities: no account for line code ${l.code} (payslip ${i})`,
					{ code: l.code, payslip: i }
				);
			switch (l.kind) {
				case 'earning':
					post(
						l.code === 'EARN.REIMBURSEMENT'
							? (accounts.reimbursementsExpense ?? accounts.wagesExpense)
							: accounts.wagesExpense,
						amount
					);
					paid.addDecimal(amount);
					break;
				case 'pre-tax':
				case 'post-tax':
				case 'employee-tax':
					post(liability as string, amount, true);
					paid.subDecimal(amount);
					break;
				case 'employer-tax':
					post(accounts.employerTaxesExpense, amount);
					post(liability as string, amount, true);
					break;
				case 'employer-contribution':
					post(accounts.employerContributionsExpense ?? accounts.wagesExpense, amount);
					post(liability as string, amount, true);
					break;
			}
		}
		const net = amountOf(slip.net);
		if (!paid.clone().subDecimal(net).isZero())
			return fail(
				'payroll/payslip-inconsistent',
				`payslips[${i}]: lines give net ${fmtExact(paid.toDecimal())} but the payslip says ${fmtExact(net)}`,
				{ payslip: i }
			);
		post(accounts.netPayPayable, net, true);
	}
	const lines = [...totals.entries()]
		.filter(([, v]) => !v.isZero())
		.map(([account, v]) => ({ account, amount: roundDecimal(v.toDecimal(), 2, 'halfUp') }));
	const balance = sumDecimals(lines.map((l) => l.amount));
	if (!isZeroDecimal(balance))
		return fail('payroll/journal-unbalanced', `payroll journal is off by ${fmtExact(balance)}`, {
			balance: roundDecimal(balance, 2, 'halfUp')
		});
	return ok(lines);
}
