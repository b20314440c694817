// Words for history values on screen: amounts through core's money display (exact decimals, grouped
// in the workspace's number locale, never a float), pay and tax settings in one line, manager ids as names.
import {
	DEFAULT_NUMBER_LOCALE,
	formatDecimal,
	parseDecimal,
	round,
	toDecimalString
} from '$lib/shared/domain';
import { DEDUCTION_KINDS, type DeductionKind } from '$lib/people/domain';

/** An amount to `places` decimals (half up, core's rounding), laid out by core's formatter in `locale`. */
export function formatAmount(text: string, places = 2, locale = DEFAULT_NUMBER_LOCALE): string {
	const d = parseDecimal(text);
	if (!d) return text;
	return formatDecimal(toDecimalString(round.halfUp(d, places), places), { locale });
}

const FIELD_LABELS: Record<string, string> = {
	jobTitle: 'Job title',
	department: 'Department',
	managerId: 'Manager',
	location: 'Location',
	employmentType: 'Type',
	fte: 'FTE',
	startDate: 'Start date',
	probationEndDate: 'Probation ends',
	endDate: 'End date',
	endReason: 'End reason',
	pay: 'Pay',
	schedule: 'Schedule',
	currency: 'Currency',
	tax: 'Tax settings',
	deductions: 'Deductions'
};

export function fieldLabel(field: string): string {
	return FIELD_LABELS[field] ?? field;
}

const W4_WORDS: Record<string, string> = { 'w4-2020': 'W-4 (2020+)', 'w4-pre2020': 'W-4 (before 2020)' };
const STATUS_WORDS: Record<string, string> = {
	singleOrMarriedSeparately: 'single or married filing separately',
	marriedJointly: 'married filing jointly',
	headOfHousehold: 'head of household',
	single: 'single',
	married: 'married',
	marriedWithholdAtSingleRate: 'married, withhold at single rate'
};

export function describeValue(
	field: string,
	value: unknown,
	nameOf: (id: string) => string,
	currency = '',
	locale = DEFAULT_NUMBER_LOCALE
): string {
	if (value === null || value === undefined || value === '') return '—';
	if (field === 'managerId' && typeof value === 'string') return nameOf(value);
	if (field === 'pay' && typeof value === 'object') {
		const p = value as { kind: string; annualAmount?: string; hourlyRate?: string };
		const amount = [
			formatAmount((p.kind === 'salaried' ? p.annualAmount : p.hourlyRate) ?? '', 2, locale),
			currency
		]
			.filter(Boolean)
			.join(' ');
		return `${amount} ${p.kind === 'salaried' ? 'a year' : 'an hour'}`;
	}
	if (field === 'tax' && typeof value === 'object') {
		const t = value as {
			uk?: {
				taxCode: string;
				basis?: string;
				niCategory: string;
				studentLoanPlans?: string[];
				postgraduateLoan?: boolean;
			};
			us?: {
				form: string;
				filingStatus: string;
				step2MultipleJobs?: boolean;
				allowances?: number;
				exempt?: boolean;
			};
		};
		const uk = t.uk && [
			`UK ${t.uk.taxCode}${t.uk.basis === 'week1month1' ? ' W1/M1' : ''}, NI ${t.uk.niCategory}`,
			...(t.uk.studentLoanPlans ?? []),
			t.uk.postgraduateLoan ? 'postgraduate loan' : ''
		];
		const us = t.us && [
			`US ${W4_WORDS[t.us.form] ?? t.us.form} ${STATUS_WORDS[t.us.filingStatus] ?? t.us.filingStatus}`,
			t.us.step2MultipleJobs ? 'Step 2(c)' : '',
			t.us.allowances !== undefined ? `${t.us.allowances} allowance(s)` : '',
			t.us.exempt ? 'exempt' : ''
		];
		const parts = [uk, us].filter((p): p is string[] => !!p).map((p) => p.filter(Boolean).join(', '));
		return parts.join('; ') || 'not set';
	}
	if (field === 'deductions' && Array.isArray(value)) {
		const list = value as { kind: DeductionKind; label: string; basis: string; amount: string }[];
		const amount = (d: (typeof list)[number]) =>
			d.basis === 'percent'
				? `${d.amount}% of gross`
				: `${formatAmount(d.amount, 2, locale)} ${currency}`.trim();
		return (
			list.map((d) => `${d.label || DEDUCTION_KINDS[d.kind]?.label || d.kind} ${amount(d)}`).join('; ') ||
			'none'
		);
	}
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function describeAccrual(p: {
	accrual: {
		kind: string;
		daysPerYear?: string;
		daysPerMonth?: string;
		daysPerPeriod?: string;
		daysPerHour?: string;
	};
	capDays: string | null;
	carryOver: { maxDays: string; expiresAfterMonths: number | null } | null;
}): string {
	const a = p.accrual;
	const base =
		a.kind === 'annualGrant'
			? `${a.daysPerYear} days a year`
			: a.kind === 'monthly'
				? `${a.daysPerMonth} days a month`
				: a.kind === 'perPayPeriod'
					? `${a.daysPerPeriod} days a pay period`
					: `${a.daysPerHour} days per hour worked`;
	const cap = p.capDays ? `, capped at ${p.capDays}` : '';
	const carry = p.carryOver
		? `, carry over up to ${p.carryOver.maxDays}${p.carryOver.expiresAfterMonths ? ` (expires after ${p.carryOver.expiresAfterMonths} months)` : ''}`
		: ', no carry-over';
	return base + cap + carry;
}
