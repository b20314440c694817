// Plain helpers for the Payroll screens (no runes, unit-tested): who a schedule can pay in a period,
// run status words, and the period summaries (Form 941 by quarter, W-2 and P60/FPS by person).
import {
	completeAsOf,
	COMPENSATION_REQUIRED,
	displayName,
	employmentAsOf,
	isEmployedOn,
	type Compensation,
	type Employee,
	type Employment,
	type History
} from '$lib/domain/hr';
import {
	summarizeForm941,
	summarizeUkYearToDate,
	summarizeW2,
	type Form941Lines,
	type UkYearToDate,
	type W2Boxes
} from '$lib/domain/payroll';
import type { FinalizedRun, PayPeriod, PaySchedule } from '$lib/domain/payroll/run';

export interface Candidate {
	readonly personId: string;
	readonly name: string;
	readonly hourly: boolean;
	/** Why this person is not on this schedule (shown, not selected by default), or null. */
	readonly note: string | null;
}

/** Everyone employed in the period, with whether their pay settings fit the schedule. */
export function candidates(p: {
	schedule: PaySchedule;
	period: PayPeriod;
	people: readonly Employee[];
	employment: (id: string) => History<Employment>;
	compensation: (id: string) => History<Compensation>;
}): Candidate[] {
	const out: Candidate[] = [];
	for (const person of p.people) {
		if (person.erasedAt) continue;
		const h = p.employment(person.id);
		const at = (d: PayPeriod['end']) => {
			const e = employmentAsOf(h, d);
			return !!e && isEmployedOn(e, d);
		};
		const employed =
			at(p.period.end) ||
			at(p.period.start) ||
			h.some(
				(f) =>
					f.changes.startDate !== undefined &&
					f.changes.startDate !== null &&
					f.changes.startDate >= p.period.start &&
					f.changes.startDate <= p.period.end
			);
		if (!employed) continue;
		const c = completeAsOf(p.compensation(person.id), p.period.end, COMPENSATION_REQUIRED);
		const wantTax = p.schedule.jurisdiction === 'US' ? c?.tax.us : c?.tax.uk;
		const note = !c
			? 'no pay recorded'
			: c.schedule !== p.schedule.frequency
				? `paid ${c.schedule}`
				: c.currency !== p.schedule.currency
					? `paid in ${c.currency}`
					: !wantTax
						? `no ${p.schedule.jurisdiction} tax settings`
						: null;
		out.push({ personId: person.id, name: displayName(person), hourly: c?.pay.kind === 'hourly', note });
	}
	return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.personId < b.personId ? -1 : 1));
}

export interface QuarterSummary {
	readonly label: string;
	readonly form941: Form941Lines | null;
	readonly message: string | null;
}

export interface PersonYearSummary {
	readonly personId: string;
	readonly name: string;
	readonly w2?: W2Boxes;
	readonly uk?: UkYearToDate;
}

/** US: Form 941 lines per calendar quarter and W-2 boxes per person; UK: FPS/P60 figures per person. */
export function yearSummaries(
	finals: readonly FinalizedRun[],
	jurisdiction: 'US' | 'UK',
	taxYear: string
): { quarters: QuarterSummary[]; people: PersonYearSummary[] } {
	const runs = finals.filter((f) => f.jurisdiction === jurisdiction && f.taxYear === taxYear);
	const quarters: QuarterSummary[] = [];
	if (jurisdiction === 'US')
		for (let q = 1; q <= 4; q++) {
			const slips = runs
				.filter((r) => Math.ceil(Number(r.period.payDate.slice(5, 7)) / 3) === q)
				.flatMap((r) => r.payslips.map((s) => s.payslip));
			if (slips.length === 0) continue;
			const f = summarizeForm941(slips);
			quarters.push({
				label: `Q${q} ${taxYear}`,
				form941: f.ok ? f.value : null,
				message: f.ok ? null : f.error.message
			});
		}
	const byPerson = new Map<string, { name: string; slips: FinalizedRun['payslips'][number]['payslip'][] }>();
	for (const r of runs)
		for (const s of r.payslips) {
			const entry = byPerson.get(s.personId) ?? { name: s.name, slips: [] };
			entry.slips.push(s.payslip);
			byPerson.set(s.personId, entry);
		}
	const people: PersonYearSummary[] = [];
	for (const [personId, { name, slips }] of byPerson) {
		if (jurisdiction === 'US') {
			const w2 = summarizeW2(slips);
			people.push({ personId, name, ...(w2.ok ? { w2: w2.value } : {}) });
		} else {
			const uk = summarizeUkYearToDate(slips);
			people.push({ personId, name, ...(uk.ok ? { uk: uk.value } : {}) });
		}
	}
	return { quarters, people: people.sort((a, b) => (a.name < b.name ? -1 : 1)) };
}

export const STATUS_WORDS: Record<string, string> = {
	draft: 'Draft',
	review: 'In review',
	approved: 'Approved',
	finalized: 'Finalized'
};
