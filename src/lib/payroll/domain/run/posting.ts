// A finalized run's journal entries for the Books ledger. Invariant: the entry id is derived from the
// run id, so two teammates posting the same run write one entry (the same key), never two; the
// wages entry balances to the cent (buildPayrollJournal refuses otherwise), and the payment entry
// moves exactly the run's net pay from net pay payable to the bank, dated no earlier than the run's
// own posting (a payment before the wages it pays would leave net pay payable negative). UK student
// and postgraduate loan deductions post to their own liability when one is chosen.
import {
	fail,
	negateDecimal,
	ok,
	parseIsoDate,
	roundDecimal,
	signOfDecimal,
	sumDecimals,
	type DecimalString,
	type IsoDate,
	type Result
} from '../../../shared/domain';
import { LEDGER_SCHEMA_VERSION, type Account, type JournalEntry } from '../../../books/domain';
import { buildPayrollJournal } from '../journal';
import { RETIREMENT_CODES } from './deductions';
import type { FinalizedRun } from './types';

/** Ledger account ids a run posts to. */
export interface PayrollAccounts {
	readonly wagesExpense: string;
	readonly employerTaxesExpense: string;
	/** Income tax, social security / NI and Medicare withheld, and the employer's share. */
	readonly taxLiability: string;
	/** Pre- and post-tax deductions and employer contributions owed to others. */
	readonly deductionsLiability: string;
	readonly netPayPayable: string;
	readonly bank: string;
	/** 401(k) and pension deductions and employer contributions owed to the plan; else deductionsLiability. */
	readonly retirementLiability?: string;
	/** Employer 401(k) / pension contributions as an expense; else wagesExpense. */
	readonly employerContributionsExpense?: string;
	/** UK student and postgraduate loan deductions (UK.SL, UK.PGL) owed; else deductionsLiability. */
	readonly studentLoanLiability?: string;
}

/** Line codes of UK student and postgraduate loan deductions (uk/student-loan.ts). */
export const STUDENT_LOAN_CODES: readonly string[] = ['UK.SL', 'UK.PGL'];

export const payrollEntryId = (runId: string) => `payroll-${runId}`;
export const paymentEntryId = (runId: string) => `payroll-${runId}-paid`;

export function runJournalEntry(run: FinalizedRun, a: PayrollAccounts): Result<JournalEntry> {
	const codes = new Set(run.payslips.flatMap((s) => s.payslip.lines.map((l) => l.code)));
	const liabilities: Record<string, string> = {};
	for (const code of codes)
		liabilities[code] = STUDENT_LOAN_CODES.includes(code)
			? (a.studentLoanLiability ?? a.deductionsLiability)
			: /^(US|UK)\./.test(code)
				? a.taxLiability
				: RETIREMENT_CODES.includes(code)
					? (a.retirementLiability ?? a.deductionsLiability)
					: a.deductionsLiability;
	const journal = buildPayrollJournal(
		run.payslips.map((s) => s.payslip),
		{
			wagesExpense: a.wagesExpense,
			employerTaxesExpense: a.employerTaxesExpense,
			netPayPayable: a.netPayPayable,
			...(a.employerContributionsExpense
				? { employerContributionsExpense: a.employerContributionsExpense }
				: {}),
			liabilities
		}
	);
	if (!journal.ok) return journal;
	if (journal.value.length === 0)
		return fail('payroll/empty-run', 'The run pays nothing, so there is nothing to post.');
	return ok({
		schemaVersion: LEDGER_SCHEMA_VERSION,
		id: payrollEntryId(run.runId),
		date: run.period.payDate,
		memo: `Payroll ${run.period.start} to ${run.period.end}${run.kind === 'regular' ? '' : ` (${run.kind})`}, ${run.payslips.length} payslip(s)`,
		status: 'posted',
		lines: journal.value.map((l) => ({ account: l.account, amount: l.amount, commodity: run.currency }))
	});
}

export function runNetPay(run: FinalizedRun): DecimalString {
	return roundDecimal(sumDecimals(run.payslips.map((s) => s.payslip.net)), 2, 'halfUp');
}

/** The date a run's wages entry is posted on (its journal entry's date): the run's pay date. */
export const runPostingDate = (run: Pick<FinalizedRun, 'period'>): IsoDate => run.period.payDate;

/**
 * A payment date for the run, or why not: a real date, not before the run's posting date. Checked
 * here, in the domain, so no page, teammate's device or command line can post an earlier one.
 */
export function checkPaymentDate(run: Pick<FinalizedRun, 'period'>, paidOn: string): Result<IsoDate> {
	const date = parseIsoDate(paidOn);
	if (!date) return fail('payroll/payment-date', 'Paid on: enter a date.', { field: 'paidOn' });
	const posted = runPostingDate(run);
	if (date < posted)
		return fail(
			'payroll/payment-date',
			`Paid on: ${date} is before this run's posting date, ${posted}. A payment cannot be dated before the wages it pays are posted; use ${posted} or later.`,
			{ field: 'paidOn', paidOn: date, postingDate: posted }
		);
	return ok(date);
}

export function paymentJournalEntry(
	run: FinalizedRun,
	a: PayrollAccounts,
	date: IsoDate
): Result<JournalEntry> {
	const checked = checkPaymentDate(run, date);
	if (!checked.ok) return checked;
	const net = runNetPay(run);
	if (signOfDecimal(net) <= 0) return fail('payroll/empty-run', 'The run has no net pay to pay.');
	return ok({
		schemaVersion: LEDGER_SCHEMA_VERSION,
		id: paymentEntryId(run.runId),
		date,
		memo: `Net pay paid: payroll ${run.period.start} to ${run.period.end}`,
		status: 'posted',
		lines: [
			{ account: a.netPayPayable, amount: net, commodity: run.currency },
			{ account: a.bank, amount: negateDecimal(net), commodity: run.currency }
		]
	});
}

/** Best guesses from a chart: by subtype (payroll-expense, payroll-liability, bank), then by name. */
export function defaultAccountMap(accounts: readonly Account[]): Partial<PayrollAccounts> {
	const open = accounts.filter((x) => !x.archived);
	const pick = (subtype: string, re?: RegExp, not?: string) =>
		open.find((x) => x.subtype === subtype && (!re || re.test(x.name)) && x.id !== not)?.id;
	const wages = pick('payroll-expense', /wage|salar/i) ?? pick('payroll-expense');
	const out: Record<string, string | undefined> = {
		wagesExpense: wages,
		employerTaxesExpense: pick('payroll-expense', /tax|NIC|employer/i, wages) ?? wages,
		taxLiability: pick('payroll-liability', /withholding|PAYE|tax/i) ?? pick('payroll-liability'),
		netPayPayable: pick('payroll-liability', /net pay|wages payable/i),
		bank: pick('bank')
	};
	out.studentLoanLiability = pick('payroll-liability', /student loan/i);
	out.deductionsLiability =
		pick('payroll-liability', /pension|deduction|benefit/i, out.studentLoanLiability) ?? out.taxLiability;
	out.retirementLiability = pick('payroll-liability', /401|pension|retire/i);
	out.employerContributionsExpense = pick(
		'payroll-expense',
		/401|pension|retire|benefit|contribution/i,
		wages
	);
	return Object.fromEntries(
		Object.entries(out).filter(([, v]) => v !== undefined)
	) as Partial<PayrollAccounts>;
}
