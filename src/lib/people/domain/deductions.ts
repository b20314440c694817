// Recurring deductions and employer contributions, recorded per person as part of their
// effective-dated compensation. Invariant: each item names a kind the payroll engine knows how to
// treat (which tax bases it reduces is the engine's business, not the record's), an amount that
// is a positive fixed amount per pay period or a percentage of gross pay above 0 and at most 100,
// and a kind of the same jurisdiction as the person's tax settings.
import { parseDecimal, type DecimalString } from '../../shared/domain';
import { problem, type FieldProblem } from './errors';

export type DeductionKind =
	| 'us401k'
	| 'usRoth401k'
	| 'usSection125'
	| 'ukNetPayPension'
	| 'ukReliefAtSourcePension'
	| 'ukSalarySacrificePension'
	| 'postTax'
	| 'employer401kMatch'
	| 'employerPension';

export interface RecurringDeduction {
	/** Stable within the list (the form's row key); not shown. */
	readonly id: string;
	readonly kind: DeductionKind;
	/** What the payslip calls it; empty means the kind's own name. */
	readonly label: string;
	readonly basis: 'fixed' | 'percent';
	/** A fixed amount per pay period, or a percentage of gross pay ("5" = 5%). */
	readonly amount: DecimalString;
}

export interface DeductionKindInfo {
	readonly label: string;
	readonly jurisdiction: 'US' | 'UK' | 'any';
	/** Who pays: taken from the employee's pay, or paid by the employer on top. */
	readonly payer: 'employee' | 'employer';
	readonly treatment: string;
}

export const DEDUCTION_KINDS: Readonly<Record<DeductionKind, DeductionKindInfo>> = {
	us401k: {
		label: '401(k) (pre-tax)',
		jurisdiction: 'US',
		payer: 'employee',
		treatment: 'before federal income tax; Social Security, Medicare and FUTA still due'
	},
	usRoth401k: {
		label: 'Roth 401(k) (after tax)',
		jurisdiction: 'US',
		payer: 'employee',
		treatment: 'after all taxes'
	},
	usSection125: {
		label: 'Section 125 cafeteria plan (health premiums)',
		jurisdiction: 'US',
		payer: 'employee',
		treatment: 'before federal income tax, Social Security, Medicare and FUTA'
	},
	ukNetPayPension: {
		label: 'Pension, net pay arrangement',
		jurisdiction: 'UK',
		payer: 'employee',
		treatment: 'before PAYE; NI still due'
	},
	ukReliefAtSourcePension: {
		label: 'Pension, relief at source',
		jurisdiction: 'UK',
		payer: 'employee',
		treatment: 'after tax; 80% of the contribution is taken from pay, the scheme claims the 20% relief'
	},
	ukSalarySacrificePension: {
		label: 'Pension by salary sacrifice',
		jurisdiction: 'UK',
		payer: 'employee',
		treatment: 'before PAYE and NI'
	},
	postTax: {
		label: 'Other deduction (after tax)',
		jurisdiction: 'any',
		payer: 'employee',
		treatment: 'after all taxes'
	},
	employer401kMatch: {
		label: 'Employer 401(k) contribution',
		jurisdiction: 'US',
		payer: 'employer',
		treatment: 'paid by the employer on top of pay'
	},
	employerPension: {
		label: 'Employer pension contribution',
		jurisdiction: 'UK',
		payer: 'employer',
		treatment: 'paid by the employer on top of pay'
	}
};

export const DEDUCTION_KIND_LIST = Object.keys(DEDUCTION_KINDS) as DeductionKind[];

/** The label a payslip shows for an item: its own, else its kind's. */
export function deductionLabel(d: RecurringDeduction): string {
	return d.label.trim() || DEDUCTION_KINDS[d.kind].label;
}

/** Problems with a deduction list, each naming the row and field (`deductions[1].amount`). */
export function checkDeductions(
	list: readonly RecurringDeduction[],
	field: string,
	jurisdiction: 'US' | 'UK' | undefined
): FieldProblem[] {
	const out: FieldProblem[] = [];
	const ids = new Set<string>();
	list.forEach((d, i) => {
		const at = `${field}[${i}]`;
		const row = `Deduction ${i + 1}`;
		const info = DEDUCTION_KINDS[d.kind];
		if (!info) {
			out.push(problem(`${at}.kind`, 'hr/deduction', `${row}: kind is not one Keel knows`));
			return;
		}
		if (ids.has(d.id)) out.push(problem(`${at}.id`, 'hr/deduction', `${row}: id is used twice`));
		ids.add(d.id);
		if (jurisdiction && info.jurisdiction !== 'any' && info.jurisdiction !== jurisdiction)
			out.push(
				problem(
					`${at}.kind`,
					'hr/deduction',
					`${row} (${info.label}) is a ${info.jurisdiction} item, but the tax settings are ${jurisdiction}`
				)
			);
		const v = parseDecimal(d.amount);
		if (d.basis !== 'fixed' && d.basis !== 'percent')
			out.push(problem(`${at}.basis`, 'hr/deduction', `${row}: basis must be fixed or percent`));
		else if (!v || v.lte(0) || v.decimalPlaces() > (d.basis === 'fixed' ? 2 : 4))
			out.push(
				problem(
					`${at}.amount`,
					'hr/deduction',
					d.basis === 'fixed'
						? `${row} (${info.label}) amount must be a positive amount per pay period, to the cent`
						: `${row} (${info.label}) percentage must be above 0 (at most 4 decimal places)`
				)
			);
		else if (d.basis === 'percent' && v.gt(100))
			out.push(
				problem(`${at}.amount`, 'hr/deduction', `${row} (${info.label}) percentage must be at most 100`)
			);
	});
	return out;
}
