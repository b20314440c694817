// The ledger accounts a pay run posts to, as Setup asks for them: each role with the kinds of account
// it takes and, for the optional ones, the role whose account posting falls back to; and the accounts
// most charts lack, which Setup adds in one click.
import type { PayrollAccounts } from '$lib/payroll/domain/run';

export interface AccountRole {
	key: keyof PayrollAccounts;
	label: string;
	kinds: string[];
	/** Never required: left unchosen, posting uses this other role's account. */
	fallback?: keyof PayrollAccounts;
}
export const ACCOUNT_ROLES: AccountRole[] = [
	{ key: 'wagesExpense', label: 'Wages expense', kinds: ['expense'] },
	{ key: 'employerTaxesExpense', label: 'Employer taxes expense', kinds: ['expense'] },
	{ key: 'taxLiability', label: 'Tax and NI liabilities', kinds: ['liability'] },
	{ key: 'deductionsLiability', label: 'Deductions owed', kinds: ['liability'] },
	{ key: 'netPayPayable', label: 'Net pay payable', kinds: ['liability'] },
	{ key: 'bank', label: 'Bank account pay is paid from', kinds: ['asset'] },
	{
		key: 'retirementLiability',
		label: '401(k) / pension payable',
		kinds: ['liability'],
		fallback: 'deductionsLiability'
	},
	{
		key: 'employerContributionsExpense',
		label: 'Employer 401(k) / pension contributions expense',
		kinds: ['expense'],
		fallback: 'wagesExpense'
	},
	{
		key: 'studentLoanLiability',
		label: 'Student loan deductions payable',
		kinds: ['liability'],
		fallback: 'deductionsLiability'
	}
];
export const REQUIRED_ROLES = ACCOUNT_ROLES.filter((r) => !r.fallback);

/**
 * Accounts most charts lack, which Setup adds in one click: net pay payable (most charts have none),
 * the plan's payable and the employer's contributions expense, and UK student loan deductions payable,
 * each beside the related account (e.g. under Liabilities:Payroll Liabilities or Creditors).
 */
export const ONE_CLICK_ACCOUNTS = {
	netPayPayable: {
		name: () => 'Net Pay Payable',
		type: 'liability',
		subtype: 'payroll-liability',
		beside: 'taxLiability'
	},
	retirementLiability: {
		name: (us: boolean) => (us ? '401(k) Payable' : 'Pension Payable'),
		type: 'liability',
		subtype: 'payroll-liability',
		beside: 'taxLiability'
	},
	employerContributionsExpense: {
		name: (us: boolean) => (us ? 'Employer 401(k) Contributions' : 'Employer Pension Contributions'),
		type: 'expense',
		subtype: 'payroll-expense',
		beside: 'wagesExpense'
	},
	studentLoanLiability: {
		name: () => 'Student loan deductions payable',
		type: 'liability',
		subtype: 'payroll-liability',
		beside: 'taxLiability'
	}
} as const satisfies Record<
	string,
	{
		name: (us: boolean) => string;
		type: 'liability' | 'expense';
		subtype: 'payroll-liability' | 'payroll-expense';
		beside: keyof PayrollAccounts;
	}
>;
export type OneClickRole = keyof typeof ONE_CLICK_ACCOUNTS;
export const ONE_CLICK_ROLES = Object.keys(ONE_CLICK_ACCOUNTS) as OneClickRole[];
