// Plain helpers for the Payroll screens (no runes, unit-tested): who a schedule can pay in a period,
// run status words, and the period summaries (Form 941 by quarter, W-2 and P60/FPS by person).
import {
	completeAsOf,
	COMPENSATION_REQUIRED,
	displayName,
	type Compensation,
	type Employee,
	type Employment,
	type History
} from '$lib/people/domain';
import {
	summarizeForm941,
	summarizeUkYearToDate,
	summarizeW2,
	type Form941Lines,
	type UkYearToDate,
	type W2Boxes
} from '$lib/payroll/domain';
import {
	currentOpening,
	ukYearEnd,
	w2WithOpening,
	type OpeningYtd,
	type UkYearEnd
} from '$lib/payroll/domain/opening';
import {
	employedInPeriod,
	type FinalizedRun,
	type PayPeriod,
	type PaySchedule
} from '$lib/payroll/domain/run';

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
		// The one rule for who is in a run, shared with computeRun (domain/payroll/run/eligibility.ts).
		const employed = employedInPeriod(p.employment(person.id), p.period);
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
	/** FPS year to date in this employment (Keel's runs plus a previous provider's figures). */
	readonly uk?: UkYearToDate;
	/** P60: previous employment(s) from the P45, this employment, total for year; student loans. */
	readonly ukYear?: UkYearEnd;
	/** Opening figures from a previous provider disagree (entered at once by two people): not counted. */
	readonly openingConflict?: boolean;
}

/**
 * US: Form 941 lines per calendar quarter and W-2 boxes per person; UK: FPS/P60 figures per person.
 * Opening figures from a previous provider add to the W-2 and FPS/P60 figures (never to a quarter's
 * 941: the previous provider filed the quarters it paid); a person with only opening figures is listed.
 */
export function yearSummaries(
	finals: readonly FinalizedRun[],
	jurisdiction: 'US' | 'UK',
	taxYear: string,
	openings: readonly OpeningYtd[] = [],
	nameOf: (personId: string) => string = () => 'Unknown person'
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
	for (const o of openings)
		if (o.jurisdiction === jurisdiction && o.taxYear === taxYear && !byPerson.has(o.personId))
			byPerson.set(o.personId, { name: nameOf(o.personId), slips: [] });
	const people: PersonYearSummary[] = [];
	for (const [personId, { name, slips }] of byPerson) {
		const current = currentOpening(openings, { personId, jurisdiction, taxYear });
		const opening = current.kind === 'figures' ? current.entry : undefined;
		const conflict = current.kind === 'conflict' ? { openingConflict: true } : {};
		if (jurisdiction === 'US') {
			const w2 = slips.length ? summarizeW2(slips) : null;
			if (w2 && !w2.ok) people.push({ personId, name, ...conflict });
			else
				people.push({
					personId,
					name,
					w2: w2WithOpening(w2?.value, opening?.jurisdiction === 'US' ? opening.us : undefined),
					...conflict
				});
		} else {
			const uk = slips.length ? summarizeUkYearToDate(slips) : null;
			if (uk && !uk.ok) people.push({ personId, name, ...conflict });
			else {
				const ukYear = ukYearEnd(uk?.value, slips, opening?.jurisdiction === 'UK' ? opening.uk : undefined);
				people.push({ personId, name, uk: ukYear.thisEmployment, ukYear, ...conflict });
			}
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
