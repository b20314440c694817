// Structural checks of payroll values read from the people shard. A peer may run other code, so a
// schedule, draft run, finalized run or payment is handed on only when every field has the right
// JSON type and a finalized run's payslips add up (each payslip's lines give its net, so its journal
// balances). Messages name the field, never a value.
import { buildPayrollJournal, type Payslip } from '$lib/payroll/domain';
import {
	PAY_DATE_RULES,
	type FinalizedRun,
	type PayRunDraft,
	type PaySchedule
} from '$lib/payroll/domain/run';
import { isObj } from '../../people/sync/shape';

export type Check = string | null;
const isStr = (v: unknown): v is string => typeof v === 'string';
const isDate = (v: unknown) => isStr(v) && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isDecimal = (v: unknown) => isStr(v) && /^-?\d+(\.\d+)?$/.test(v);
const FREQUENCIES = ['weekly', 'biweekly', 'semimonthly', 'monthly', 'fourWeekly'];
const KINDS = ['regular', 'bonus', 'correction'];

function checkPeriod(v: unknown): Check {
	if (!isObj(v)) return 'period is not an object';
	for (const k of ['start', 'end', 'payDate'] as const) if (!isDate(v[k])) return `period.${k} is not a date`;
	return (v.start as string) <= (v.end as string) ? null : 'period ends before it starts';
}

export function checkSchedule(v: unknown): Check {
	if (!isObj(v)) return 'not an object';
	if (!isStr(v.id) || !isStr(v.name)) return 'id or name is not text';
	if (!FREQUENCIES.includes(v.frequency as string)) return 'frequency is unknown';
	if (v.jurisdiction !== 'US' && v.jurisdiction !== 'UK') return 'jurisdiction is unknown';
	if (!isStr(v.currency) || !isDate(v.anchor)) return 'currency or anchor has the wrong shape';
	if (!Number.isInteger(v.payDayOffset)) return 'payDayOffset is not a whole number';
	// Absent on schedules saved before pay dates avoided weekends and holidays.
	if (v.payDateRule !== undefined && !PAY_DATE_RULES.some((r) => r.id === v.payDateRule))
		return 'payDateRule is unknown';
	if (v.holidayCalendar !== undefined && !isStr(v.holidayCalendar)) return 'holidayCalendar is not text';
	return null;
}

/** Optional per-person one-off inputs of a draft (absent on drafts from before they existed). */
const RUN_INPUTS = ['overtimeHours', 'bonuses', 'reimbursements', 'oneOffDeductions'] as const;
const isDecimalRecord = (v: unknown) => isObj(v) && Object.values(v).every(isDecimal);

export function checkDraft(v: unknown): Check {
	if (!isObj(v)) return 'not an object';
	if (!isStr(v.id) || !isStr(v.scheduleId)) return 'id or scheduleId is not text';
	if (!KINDS.includes(v.kind as string)) return 'kind is unknown';
	if (!['draft', 'review', 'approved'].includes(v.status as string)) return 'status is unknown';
	if (!Array.isArray(v.personIds) || !v.personIds.every(isStr)) return 'personIds is not a list of ids';
	if (!isDecimalRecord(v.hours) || !isDecimalRecord(v.amounts)) return 'hours or amounts are not decimals';
	for (const k of RUN_INPUTS)
		if (v[k] !== undefined && !isDecimalRecord(v[k])) return `${k} are not decimals`;
	return checkPeriod(v.period);
}

function checkPayslip(v: unknown, at: string): Check {
	if (!isObj(v)) return `${at} is not an object`;
	if (!isStr(v.personId) || !isStr(v.name) || !isDecimal(v.basePay))
		return `${at}: personId, name or basePay has the wrong shape`;
	if (!Array.isArray(v.retro) || !v.retro.every((r) => isObj(r) && isStr(r.runId) && isDecimal(r.amount)))
		return `${at}.retro has the wrong shape`;
	if (v.hours !== undefined && !isDecimal(v.hours)) return `${at}.hours is not a decimal`;
	const known = v.knownFacts;
	const ids = (x: unknown) => Array.isArray(x) && x.every(isStr);
	if (known !== undefined && !(isObj(known) && ids(known.employment) && ids(known.compensation)))
		return `${at}.knownFacts has the wrong shape`;
	const s = v.payslip;
	if (!isObj(s) || (s.jurisdiction !== 'US' && s.jurisdiction !== 'UK'))
		return `${at}.payslip has the wrong shape`;
	for (const k of ['grossPay', 'reimbursements', 'net', 'employerCost'] as const)
		if (!isDecimal(s[k])) return `${at}.payslip.${k} is not a decimal`;
	if (
		!Array.isArray(s.lines) ||
		!s.lines.every(
			(l) =>
				isObj(l) && isStr(l.code) && isStr(l.label) && isStr(l.kind) && isDecimal(l.amount) && isStr(l.basis)
		)
	)
		return `${at}.payslip.lines have the wrong shape`;
	return isObj(v.case) ? null : `${at}.case is not an object`;
}

export function checkFinal(v: unknown, id: string): Check {
	if (!isObj(v)) return 'not an object';
	if (v.runId !== id) return 'runId differs from its key';
	if (!isStr(v.scheduleId) || !KINDS.includes(v.kind as string))
		return 'scheduleId or kind has the wrong shape';
	if ((v.jurisdiction !== 'US' && v.jurisdiction !== 'UK') || !isStr(v.currency) || !isStr(v.taxYear))
		return 'jurisdiction, currency or taxYear has the wrong shape';
	if (!isStr(v.finalizedAt) || !isStr(v.finalizedBy)) return 'finalizedAt or finalizedBy is not text';
	const p = checkPeriod(v.period);
	if (p) return p;
	if (!Array.isArray(v.payslips)) return 'payslips is not a list';
	for (const [i, s] of v.payslips.entries()) {
		const bad = checkPayslip(s, `payslips[${i}]`);
		if (bad) return bad;
	}
	const slips = (v.payslips as FinalizedRun['payslips']).map((s) => s.payslip as Payslip);
	const j = buildPayrollJournal(slips, {
		wagesExpense: 'w',
		employerTaxesExpense: 't',
		netPayPayable: 'n',
		liabilities: {},
		defaultLiability: 'l'
	});
	return j.ok ? null : `payslips do not add up: ${j.error.message}`;
}

export function checkPayment(v: unknown): Check {
	if (!isObj(v)) return 'not an object';
	return isDate(v.paidOn) && isStr(v.at) && isStr(v.by) ? null : 'paidOn, at or by has the wrong shape';
}

export type { FinalizedRun, PayRunDraft, PaySchedule };
