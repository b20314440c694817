// The People forms hold text, exactly as typed; these turn that text into HR records as drafts
// (dates and amounts still text); form-parse.ts checks a draft against its record's schema. Empty
// optional fields become absent fields, never empty strings, so validation speaks only about what
// a person actually entered.
import type { DecimalString, IsoDate } from '$lib/shared/domain';
import {
	employeeKind,
	type BankDetails,
	type Compensation,
	type DeductionKind,
	type Employee,
	type Employment,
	type EmploymentType,
	type EndReason,
	type PaySchedule,
	type StudentLoanPlan
} from '$lib/people/domain';

/** A record as a form builds it: checked dates and amounts are still plain text. */
export type Draft<T> = T extends IsoDate | DecimalString
	? string
	: T extends string | number | boolean | null | undefined
		? T
		: T extends readonly (infer U)[]
			? readonly Draft<U>[]
			: { readonly [K in keyof T]: Draft<T[K]> };

export interface PersonalForm {
	given: string;
	family: string;
	preferred: string;
	workEmail: string;
	personalEmail: string;
	phone: string;
	dateOfBirth: string;
	addressLine: string;
	locality: string;
	postalCode: string;
	country: string;
	emergencyName: string;
	emergencyRelationship: string;
	emergencyPhone: string;
	emergency2Name: string;
	emergency2Relationship: string;
	emergency2Phone: string;
	/** Custom field id → value as typed; an emptied field is removed from the record. */
	custom: Record<string, string>;
	ssn: string;
	ni: string;
	bankKind: '' | 'iban' | 'us' | 'uk';
	accountHolder: string;
	iban: string;
	routingNumber: string;
	accountNumber: string;
	sortCode: string;
}

export interface EmploymentForm {
	jobTitle: string;
	department: string;
	managerId: string;
	location: string;
	employmentType: EmploymentType;
	fte: string;
	startDate: string;
	probationEndDate: string;
	endDate: string;
	endReason: '' | EndReason;
}

export interface DeductionRow {
	id: string;
	kind: DeductionKind;
	label: string;
	basis: 'fixed' | 'percent';
	amount: string;
}

export interface CompensationForm {
	payKind: 'salaried' | 'hourly';
	amount: string;
	schedule: PaySchedule;
	currency: string;
	taxKind: '' | 'uk' | 'us';
	// UK PAYE
	taxCode: string;
	ukBasis: 'cumulative' | 'week1month1';
	niCategory: string;
	/** Starter checklist statement, or 'P45' when the starter gave a P45. */
	starter: 'P45' | 'A' | 'B' | 'C';
	studentLoanPlans: StudentLoanPlan[];
	postgraduateLoan: boolean;
	// US Form W-4
	w4Form: 'w4-2020' | 'w4-pre2020';
	filingStatus: 'singleOrMarriedSeparately' | 'marriedJointly' | 'headOfHousehold';
	step2MultipleJobs: boolean;
	step3: string;
	step4a: string;
	step4b: string;
	step4c: string;
	maritalStatus: 'single' | 'married' | 'marriedWithholdAtSingleRate';
	allowances: string;
	additionalWithholding: string;
	exempt: boolean;
	deductions: DeductionRow[];
	/** The record had deductions, so an emptied list is a change to record. */
	hadDeductions: boolean;
}

const opt = (v: string) => (v.trim() === '' ? undefined : v.trim());

export function personalForm(e?: Employee): PersonalForm {
	const b = e?.bank;
	const c = e?.emergencyContacts[0];
	const c2 = e?.emergencyContacts[1];
	return {
		given: e?.legalName.given ?? '',
		family: e?.legalName.family ?? '',
		preferred: e?.preferredName ?? '',
		workEmail: e?.contact.workEmail ?? '',
		personalEmail: e?.contact.personalEmail ?? '',
		phone: e?.contact.phone ?? '',
		dateOfBirth: e?.dateOfBirth ?? '',
		addressLine: e?.address?.lines.join(', ') ?? '',
		locality: e?.address?.locality ?? '',
		postalCode: e?.address?.postalCode ?? '',
		country: e?.address?.country ?? '',
		emergencyName: c?.name ?? '',
		emergencyRelationship: c?.relationship ?? '',
		emergencyPhone: c?.phone ?? '',
		emergency2Name: c2?.name ?? '',
		emergency2Relationship: c2?.relationship ?? '',
		emergency2Phone: c2?.phone ?? '',
		custom: { ...(e?.customFields ?? {}) },
		ssn: e?.nationalIds.usSsn ?? '',
		ni: e?.nationalIds.ukNiNumber ?? '',
		bankKind: b?.kind ?? '',
		accountHolder: b?.accountHolder ?? '',
		iban: b?.kind === 'iban' ? b.iban : '',
		routingNumber: b?.kind === 'us' ? b.routingNumber : '',
		accountNumber: b?.kind === 'us' || b?.kind === 'uk' ? b.accountNumber : '',
		sortCode: b?.kind === 'uk' ? b.sortCode : ''
	};
}

function bankOf(f: PersonalForm): BankDetails | undefined {
	const holder = f.accountHolder.trim();
	if (f.bankKind === 'iban') return { kind: 'iban', accountHolder: holder, iban: f.iban.trim() };
	if (f.bankKind === 'us')
		return {
			kind: 'us',
			accountHolder: holder,
			routingNumber: f.routingNumber.trim(),
			accountNumber: f.accountNumber.trim(),
			accountType: 'checking'
		};
	if (f.bankKind === 'uk')
		return {
			kind: 'uk',
			accountHolder: holder,
			sortCode: f.sortCode.trim(),
			accountNumber: f.accountNumber.trim()
		};
	return undefined;
}

function emergencyContact(name: string, relationship: string, phone: string) {
	return [name, phone].some((v) => v.trim())
		? [{ name: name.trim(), relationship: relationship.trim(), phone: phone.trim() }]
		: [];
}

/** The record's custom values: the form's non-empty ones over what the form does not show. */
function customFrom(f: PersonalForm, base?: Employee): Record<string, string> {
	const out: Record<string, string> = { ...(base?.customFields ?? {}) };
	for (const [k, v] of Object.entries(f.custom)) {
		if (v.trim()) out[k] = v.trim();
		else delete out[k];
	}
	return out;
}

/** Builds the record; `base` keeps what the form does not show (notes, extra contacts, erasure). */
export function employeeFrom(f: PersonalForm, id: string, base?: Employee): Draft<Employee> {
	const contact = Object.fromEntries(
		Object.entries({
			workEmail: opt(f.workEmail),
			personalEmail: opt(f.personalEmail),
			phone: opt(f.phone)
		}).filter(([, v]) => v !== undefined)
	);
	const nationalIds = Object.fromEntries(
		Object.entries({ usSsn: opt(f.ssn), ukNiNumber: opt(f.ni) }).filter(([, v]) => v !== undefined)
	);
	const hasAddress = [f.addressLine, f.locality, f.postalCode, f.country].some((v) => v.trim());
	const bank = bankOf(f);
	const e: Draft<Employee> = {
		schemaVersion: employeeKind.version,
		id,
		legalName: { given: f.given.trim(), family: f.family.trim() },
		contact,
		// Two contacts on the form; any further ones (written by another app) are kept.
		emergencyContacts: [
			...emergencyContact(f.emergencyName, f.emergencyRelationship, f.emergencyPhone),
			...emergencyContact(f.emergency2Name, f.emergency2Relationship, f.emergency2Phone),
			...(base?.emergencyContacts.slice(2) ?? [])
		],
		nationalIds,
		customFields: customFrom(f, base),
		notes: base?.notes ?? [],
		...(opt(f.preferred) ? { preferredName: f.preferred.trim() } : {}),
		...(opt(f.dateOfBirth) ? { dateOfBirth: f.dateOfBirth.trim() } : {}),
		...(hasAddress
			? {
					address: {
						lines: f.addressLine
							.split(',')
							.map((l) => l.trim())
							.filter(Boolean),
						locality: f.locality.trim(),
						postalCode: f.postalCode.trim(),
						country: f.country.trim().toUpperCase()
					}
				}
			: {}),
		...(bank ? { bank } : {})
	};
	return e;
}

export function employmentForm(e?: Partial<Employment>): EmploymentForm {
	return {
		jobTitle: e?.jobTitle ?? '',
		department: e?.department ?? '',
		managerId: e?.managerId ?? '',
		location: e?.location ?? '',
		employmentType: e?.employmentType ?? 'fullTime',
		fte: e?.fte ?? '1',
		startDate: e?.startDate ?? '',
		probationEndDate: e?.probationEndDate ?? '',
		endDate: e?.endDate ?? '',
		endReason: e?.endReason ?? ''
	};
}

export function employmentFrom(f: EmploymentForm): Draft<Employment> {
	return {
		jobTitle: f.jobTitle.trim(),
		department: f.department.trim(),
		managerId: f.managerId || null,
		location: f.location.trim(),
		employmentType: f.employmentType,
		fte: f.fte.trim(),
		startDate: f.startDate.trim(),
		probationEndDate: f.probationEndDate.trim() || null,
		endDate: f.endDate.trim() || null,
		endReason: f.endReason || null
	};
}

export function compensationForm(c?: Partial<Compensation>, currency = 'GBP'): CompensationForm {
	const uk = c?.tax?.uk;
	const us = c?.tax?.us;
	const w20 = us?.form === 'w4-2020' ? us : undefined;
	const w19 = us?.form === 'w4-pre2020' ? us : undefined;
	const shown = (v: string | undefined) => (v === undefined || v === '0' ? '' : v);
	return {
		payKind: c?.pay?.kind ?? 'salaried',
		amount: c?.pay ? (c.pay.kind === 'salaried' ? c.pay.annualAmount : c.pay.hourlyRate) : '',
		schedule: c?.schedule ?? 'monthly',
		currency: c?.currency ?? currency,
		taxKind: uk ? 'uk' : us ? 'us' : '',
		taxCode: uk?.taxCode ?? '1257L',
		ukBasis: uk?.basis ?? 'cumulative',
		niCategory: uk?.niCategory ?? 'A',
		starter: uk?.starterDeclaration ?? 'P45',
		studentLoanPlans: [...(uk?.studentLoanPlans ?? [])],
		postgraduateLoan: uk?.postgraduateLoan ?? false,
		w4Form: us?.form ?? 'w4-2020',
		filingStatus: w20?.filingStatus ?? 'singleOrMarriedSeparately',
		step2MultipleJobs: w20?.step2MultipleJobs ?? false,
		step3: shown(w20?.step3Dependents),
		step4a: shown(w20?.step4aOtherIncome),
		step4b: shown(w20?.step4bDeductions),
		step4c: shown(w20?.step4cExtraWithholding),
		maritalStatus: w19?.filingStatus ?? 'single',
		allowances: w19 ? String(w19.allowances) : '0',
		additionalWithholding: shown(w19?.additionalWithholding),
		exempt: us?.exempt ?? false,
		deductions: (c?.deductions ?? []).map((d) => ({ ...d })),
		hadDeductions: (c?.deductions ?? []).length > 0
	};
}

/** A blank amount is 0; grouping commas are dropped. */
const amountText = (v: string) => (v.trim() === '' ? '0' : v.trim().replace(/,/g, ''));

function taxFrom(f: CompensationForm): Draft<Compensation['tax']> {
	if (f.taxKind === 'uk')
		return {
			uk: {
				taxCode: f.taxCode.replace(/\s+/g, '').toUpperCase(),
				basis: f.ukBasis,
				niCategory: f.niCategory.trim().toUpperCase(),
				starterDeclaration: f.starter === 'P45' ? null : f.starter,
				studentLoanPlans: [...f.studentLoanPlans].sort(),
				postgraduateLoan: f.postgraduateLoan
			}
		};
	if (f.taxKind !== 'us') return {};
	if (f.w4Form === 'w4-pre2020') {
		const allowances = /^\s*\d+\s*$/.test(f.allowances) ? Number(f.allowances) : Number.NaN;
		return {
			us: {
				form: 'w4-pre2020',
				filingStatus: f.maritalStatus,
				allowances,
				additionalWithholding: amountText(f.additionalWithholding),
				exempt: f.exempt
			}
		};
	}
	return {
		us: {
			form: 'w4-2020',
			filingStatus: f.filingStatus,
			step2MultipleJobs: f.step2MultipleJobs,
			step3Dependents: amountText(f.step3),
			step4aOtherIncome: amountText(f.step4a),
			step4bDeductions: amountText(f.step4b),
			step4cExtraWithholding: amountText(f.step4c),
			exempt: f.exempt
		}
	};
}

export function compensationFrom(f: CompensationForm): Draft<Compensation> {
	const amount = f.amount.trim();
	const deductions = f.deductions.map((d) => ({
		id: d.id,
		kind: d.kind,
		label: d.label.trim(),
		basis: d.basis,
		amount: d.amount.trim().replace(/,/g, '').replace(/%$/, '')
	}));
	return {
		pay:
			f.payKind === 'salaried'
				? { kind: 'salaried', annualAmount: amount }
				: { kind: 'hourly', hourlyRate: amount },
		schedule: f.schedule,
		currency: f.currency.trim().toUpperCase(),
		tax: taxFrom(f),
		...(deductions.length || f.hadDeductions ? { deductions } : {})
	};
}

/** Only the fields whose text differs from `before`: what an "as of" change actually changes. */
export function changedFields<T extends object>(before: Partial<T>, after: T): Partial<T> {
	const out: Partial<T> = {};
	for (const [k, v] of Object.entries(after) as [keyof T, T[keyof T]][]) {
		if (JSON.stringify(before[k] ?? null) !== JSON.stringify(v ?? null)) out[k] = v;
	}
	return out;
}

export const EMPLOYMENT_TYPES: { value: EmploymentType; label: string }[] = [
	{ value: 'fullTime', label: 'Full time' },
	{ value: 'partTime', label: 'Part time' },
	{ value: 'contractor', label: 'Contractor' }
];
export const END_REASONS: EndReason[] = [
	'resignation',
	'dismissal',
	'redundancy',
	'retirement',
	'endOfContract',
	'mutualAgreement',
	'death',
	'other'
];
export const SCHEDULES: PaySchedule[] = ['weekly', 'biweekly', 'semimonthly', 'monthly', 'fourWeekly'];
