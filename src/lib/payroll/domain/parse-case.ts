// Reads an untrusted pay-period case (the CLI's JSON, an import) into a PayCase. Invariant: every
// field is checked and a refusal names the field and what was expected; defaults are explicit.
import { fail, ok, parseIsoDate, unwrap, type DecimalString, type Result } from '../../shared/domain';
import { check, decimalSchema } from '../../shared/domain/schema';
import type {
	Earning,
	EmployerContribution,
	PayCase,
	PostTaxDeduction,
	PreTaxDeduction,
	StudentLoanPlan,
	TaxBase,
	UkFrequency,
	UsFrequency,
	W4
} from './types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const bad = (field: string, expected: string) =>
	fail('payroll/invalid-input', `${field}: expected ${expected}`, { field });

/** A decimal amount as text, surrounding spaces dropped; checked, never cast. */
const decimal = (x: unknown) => check(decimalSchema, typeof x === 'string' ? x.trim() : x);
const ZERO = unwrap(decimal('0'));

function decimalField(o: Obj, key: string, field: string, fallback?: string): Result<DecimalString> {
	const d = decimal(o[key] ?? fallback);
	if (!d.ok) return bad(field, 'a decimal string like "1234.50"');
	if (d.value.startsWith('-')) return bad(field, 'a non-negative decimal string');
	return d;
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], field: string): Result<T> {
	const found = allowed.find((a) => a === v);
	return found !== undefined ? ok(found) : bad(field, allowed.join('|'));
}

const US_FREQ: readonly UsFrequency[] = [
	'weekly',
	'biweekly',
	'semimonthly',
	'monthly',
	'daily',
	'quarterly',
	'semiannual',
	'annual'
];
const UK_FREQ: readonly UkFrequency[] = ['weekly', 'two-weekly', 'four-weekly', 'monthly'];
const BASES: readonly TaxBase[] = ['US.FIT', 'US.SS', 'US.MEDICARE', 'US.FUTA', 'UK.PAYE', 'UK.NI'];
const PLANS: readonly StudentLoanPlan[] = ['plan1', 'plan2', 'plan4', 'plan5'];

/** UK student loan plans (each once) and the postgraduate loan flag; both optional. */
function parseLoans(o: Obj): Result<{ studentLoans?: StudentLoanPlan[]; postgraduateLoan?: boolean }> {
	const out: { studentLoans?: StudentLoanPlan[]; postgraduateLoan?: boolean } = {};
	const raw = o['studentLoans'];
	if (raw !== undefined) {
		if (!Array.isArray(raw)) return bad('studentLoans', `an array of ${PLANS.join('|')}`);
		const plans: StudentLoanPlan[] = [];
		for (const [i, v] of raw.entries()) {
			const plan = oneOf(v, PLANS, `studentLoans[${i}]`);
			if (!plan.ok) return plan;
			if (plans.includes(plan.value))
				return bad(`studentLoans[${i}]`, `each plan once (${plan.value} is listed twice)`);
			plans.push(plan.value);
		}
		out.studentLoans = plans;
	}
	const pgl = o['postgraduateLoan'];
	if (pgl !== undefined) {
		if (typeof pgl !== 'boolean') return bad('postgraduateLoan', 'true or false');
		out.postgraduateLoan = pgl;
	}
	return ok(out);
}

function parseEarnings(o: Obj): Result<Earning[]> {
	if (o['earnings'] === undefined) {
		const gross = decimalField(o, 'gross', 'gross');
		if (!gross.ok) return bad('gross', 'a decimal string (or an earnings array)');
		return ok([{ kind: 'salary', amount: gross.value }]);
	}
	if (!Array.isArray(o['earnings'])) return bad('earnings', 'an array');
	const out: Earning[] = [];
	for (const [i, raw] of o['earnings'].entries()) {
		const f = `earnings[${i}]`;
		if (!isObj(raw)) return bad(f, 'an object');
		const kind = oneOf(
			raw['kind'],
			['salary', 'hourly', 'overtime', 'bonus', 'reimbursement'] as const,
			`${f}.kind`
		);
		if (!kind.ok) return kind;
		const label = typeof raw['label'] === 'string' ? raw['label'] : undefined;
		if (kind.value === 'hourly' || kind.value === 'overtime') {
			const hours = decimalField(raw, 'hours', `${f}.hours`);
			if (!hours.ok) return hours;
			const rate = decimalField(raw, 'rate', `${f}.rate`);
			if (!rate.ok) return rate;
			if (kind.value === 'overtime') {
				const multiplier = decimalField(raw, 'multiplier', `${f}.multiplier`, '1.5');
				if (!multiplier.ok) return multiplier;
				out.push({
					kind: 'overtime',
					hours: hours.value,
					rate: rate.value,
					multiplier: multiplier.value,
					label
				});
			} else out.push({ kind: 'hourly', hours: hours.value, rate: rate.value, label });
		} else {
			const amount = decimalField(raw, 'amount', `${f}.amount`);
			if (!amount.ok) return amount;
			out.push({ kind: kind.value, amount: amount.value, label });
		}
	}
	return ok(out);
}

function parseList<T>(o: Obj, key: string, item: (raw: Obj, f: string) => Result<T>): Result<T[]> {
	const v = o[key];
	if (v === undefined) return ok([]);
	if (!Array.isArray(v)) return bad(key, 'an array');
	const out: T[] = [];
	for (const [i, raw] of v.entries()) {
		if (!isObj(raw)) return bad(`${key}[${i}]`, 'an object');
		const r = item(raw, `${key}[${i}]`);
		if (!r.ok) return r;
		out.push(r.value);
	}
	return ok(out);
}

function preTaxItem(raw: Obj, f: string): Result<PreTaxDeduction> {
	const kind = oneOf(
		raw['kind'],
		['401k', 'section125', 'netPayPension', 'salarySacrifice', 'custom'] as const,
		`${f}.kind`
	);
	if (!kind.ok) return kind;
	const amount = decimalField(raw, 'amount', `${f}.amount`);
	if (!amount.ok) return amount;
	let reduces: TaxBase[] | undefined;
	if (raw['reduces'] !== undefined) {
		if (!Array.isArray(raw['reduces'])) return bad(`${f}.reduces`, `an array of ${BASES.join('|')}`);
		reduces = [];
		for (const [j, b] of raw['reduces'].entries()) {
			const base = oneOf(b, BASES, `${f}.reduces[${j}]`);
			if (!base.ok) return base;
			reduces.push(base.value);
		}
	}
	const code = typeof raw['code'] === 'string' ? raw['code'] : undefined;
	const label = typeof raw['label'] === 'string' ? raw['label'] : undefined;
	return ok({ kind: kind.value, amount: amount.value, code, label, reduces });
}

function namedAmount(raw: Obj, f: string): Result<PostTaxDeduction & EmployerContribution> {
	if (typeof raw['code'] !== 'string' || raw['code'] === '') return bad(`${f}.code`, 'a non-empty string');
	const amount = decimalField(raw, 'amount', `${f}.amount`);
	if (!amount.ok) return amount;
	return ok({
		code: raw['code'],
		label: typeof raw['label'] === 'string' ? raw['label'] : raw['code'],
		amount: amount.value
	});
}

function parseW4(v: unknown): Result<W4> {
	if (!isObj(v)) return bad('w4', 'an object');
	if (v['version'] === 2019) {
		const status = oneOf(v['filingStatus'], ['single', 'married'] as const, 'w4.filingStatus');
		if (!status.ok) return status;
		const allowances = v['allowances'];
		if (typeof allowances !== 'number' || !Number.isInteger(allowances) || allowances < 0)
			return bad('w4.allowances', 'a whole number, 0 or more');
		const additional = decimalField(v, 'additional', 'w4.additional', '0');
		if (!additional.ok) return additional;
		const exempt = v['exempt'] ?? false;
		if (typeof exempt !== 'boolean') return bad('w4.exempt', 'true or false');
		return ok({
			version: 2019,
			filingStatus: status.value,
			allowances,
			additional: additional.value,
			...(exempt ? { exempt } : {})
		});
	}
	if (v['version'] !== 2020) return bad('w4.version', '2020 or 2019');
	const status = oneOf(v['filingStatus'], ['single', 'married', 'head'] as const, 'w4.filingStatus');
	if (!status.ok) return status;
	const step2 = v['step2'] ?? false;
	if (typeof step2 !== 'boolean') return bad('w4.step2', 'true or false');
	const steps: Record<string, DecimalString> = {};
	for (const k of ['step3', 'step4a', 'step4b', 'step4c']) {
		const r = decimalField(v, k, `w4.${k}`, '0');
		if (!r.ok) return r;
		steps[k] = r.value;
	}
	const get = (k: string) => steps[k] ?? ZERO;
	const exempt = v['exempt'] ?? false;
	if (typeof exempt !== 'boolean') return bad('w4.exempt', 'true or false');
	return ok({
		version: 2020,
		filingStatus: status.value,
		step2,
		step3: get('step3'),
		step4a: get('step4a'),
		step4b: get('step4b'),
		step4c: get('step4c'),
		...(exempt ? { exempt } : {})
	});
}

export function parsePayCase(input: unknown): Result<PayCase> {
	if (!isObj(input)) return bad('$', 'a JSON object');
	const jurisdiction = oneOf(input['jurisdiction'], ['US', 'UK'] as const, 'jurisdiction');
	if (!jurisdiction.ok) return jurisdiction;
	let payDate;
	if (input['payDate'] !== undefined) {
		payDate = typeof input['payDate'] === 'string' ? parseIsoDate(input['payDate']) : undefined;
		if (!payDate) return bad('payDate', 'an ISO date YYYY-MM-DD');
	}
	const earnings = parseEarnings(input);
	if (!earnings.ok) return earnings;
	const preTax = parseList(input, 'preTax', preTaxItem);
	if (!preTax.ok) return preTax;
	const postTax = parseList(input, 'postTax', namedAmount);
	if (!postTax.ok) return postTax;
	const employerContributions = parseList(input, 'employerContributions', namedAmount);
	if (!employerContributions.ok) return employerContributions;
	const common = {
		payDate,
		earnings: earnings.value,
		preTax: preTax.value,
		postTax: postTax.value,
		employerContributions: employerContributions.value
	};
	const ytd = input['ytd'] === undefined ? {} : input['ytd'];
	if (!isObj(ytd)) return bad('ytd', 'an object');
	if (jurisdiction.value === 'US') {
		for (const k of ['studentLoans', 'postgraduateLoan'])
			if (input[k] !== undefined)
				return fail(
					'payroll/invalid-input',
					`${k}: UK student and postgraduate loans apply to UK cases only`,
					{ field: k }
				);
		const taxYear = input['taxYear'];
		if (typeof taxYear !== 'number' || !Number.isInteger(taxYear))
			return bad('taxYear', 'a year such as 2026');
		const frequency = oneOf(input['frequency'], US_FREQ, 'frequency');
		if (!frequency.ok) return frequency;
		const w4 = parseW4(input['w4']);
		if (!w4.ok) return w4;
		const y: Record<string, DecimalString> = {};
		for (const k of ['socialSecurityWages', 'medicareWages', 'futaWages', 'supplementalWages']) {
			const r = decimalField(ytd, k, `ytd.${k}`, '0');
			if (!r.ok) return r;
			y[k] = r.value;
		}
		const g = (k: string) => y[k] ?? ZERO;
		return ok({
			...common,
			jurisdiction: 'US',
			taxYear,
			frequency: frequency.value,
			w4: w4.value,
			ytd: {
				socialSecurityWages: g('socialSecurityWages'),
				medicareWages: g('medicareWages'),
				futaWages: g('futaWages'),
				supplementalWages: g('supplementalWages')
			}
		});
	}
	const taxYear = input['taxYear'];
	if (typeof taxYear !== 'string' || !/^\d{4}-\d{2}$/.test(taxYear))
		return bad('taxYear', 'a tax year such as "2025-26"');
	const frequency = oneOf(input['frequency'], UK_FREQ, 'frequency');
	if (!frequency.ok) return frequency;
	const period = input['period'];
	if (typeof period !== 'number' || !Number.isInteger(period) || period < 1)
		return bad('period', 'a whole number from 1');
	if (typeof input['taxCode'] !== 'string' || input['taxCode'].trim() === '')
		return bad('taxCode', 'a tax code such as "1257L"');
	const basis = oneOf(input['basis'] ?? 'cumulative', ['cumulative', 'week1month1'] as const, 'basis');
	if (!basis.ok) return basis;
	const niCategory = input['niCategory'] ?? 'A';
	if (typeof niCategory !== 'string' || !/^[A-Z]$/.test(niCategory))
		return bad('niCategory', 'a category letter such as "A"');
	const taxablePay = decimalField(ytd, 'taxablePay', 'ytd.taxablePay', '0');
	if (!taxablePay.ok) return taxablePay;
	const taxPaid = decimal(ytd['taxPaid'] ?? '0');
	if (!taxPaid.ok) return bad('ytd.taxPaid', 'a decimal string (negative after refunds)');
	const loans = parseLoans(input);
	if (!loans.ok) return loans;
	return ok({
		...common,
		jurisdiction: 'UK',
		taxYear,
		frequency: frequency.value,
		period,
		taxCode: input['taxCode'],
		basis: basis.value,
		niCategory,
		ytd: { taxablePay: taxablePay.value, taxPaid: taxPaid.value },
		...loans.value
	});
}
