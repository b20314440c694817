// Retro pay: a change a finalized run did not know, effective inside its period, is paid (as the
// difference) in a later run, never by editing the finalized one. What a run knew is the set of fact
// ids its payslip records (`knownFacts`), never a comparison of two devices' clocks. Invariant: for
// each earlier period, expected-now − paid-then − retro already paid for it is what this run adds,
// so a difference is paid once however many runs follow.
import { roundDecimal, signOfDecimal, subtractDecimals, sumDecimals } from '../../../shared/domain';
import {
	changesNotKnown,
	type Compensation,
	type Employment,
	type Fact,
	type History
} from '../../../people/domain';
import { basePay } from './base-pay';
import type { SlipsByPerson } from './ytd';
import type { KnownFacts, PaySchedule, PayPeriod, RetroLine } from './types';

/** The facts a payslip is computed from, recorded on it (sorted, so equal inputs give equal runs). */
export function knownFactsOf(p: {
	employment: History<Employment>;
	compensation: History<Compensation>;
}): KnownFacts {
	return {
		employment: p.employment.map((f) => f.id).sort(),
		compensation: p.compensation.map((f) => f.id).sort()
	};
}

const LEGACY =
	'finalized by an earlier version of Keel that did not record what it knew, so the period was recomputed from the records as now known';

/**
 * Why an earlier period may now pay differently, in words for the payslip; undefined when nothing it
 * was computed from has changed. A run with no record of its facts (older versions) is always
 * recomputed: a difference is paid and explained rather than silently skipped.
 */
function whatChanged(
	known: KnownFacts | undefined,
	period: PayPeriod,
	employment: History<Employment>,
	compensation: History<Compensation>
): string | undefined {
	if (!known) return LEGACY;
	const dated = (what: string, facts: readonly Fact<unknown>[]) =>
		[...new Set(facts.map((f) => f.effectiveDate))].map((d) => `${what} change effective ${d}`);
	const late = [
		...dated('pay', changesNotKnown(compensation, new Set(known.compensation), period.end)),
		...dated('employment', changesNotKnown(employment, new Set(known.employment), period.end))
	];
	const now = new Set([...employment, ...compensation].map((f) => f.id));
	if ([...known.employment, ...known.compensation].some((id) => !now.has(id)))
		late.push('a record it was computed from is no longer held');
	return late.length ? `not known when that run was finalized: ${late.join(', ')}` : undefined;
}

export function retroFor(p: {
	personId: string;
	runId: string;
	schedule: PaySchedule;
	employment: History<Employment>;
	compensation: History<Compensation>;
	slips: SlipsByPerson;
}): { lines: RetroLine[]; overpaid: RetroLine[] } {
	const mine = p.slips.get(p.personId) ?? [];
	const lines: RetroLine[] = [];
	const overpaid: RetroLine[] = [];
	for (const { run, slip } of mine) {
		if (run.kind !== 'regular' || run.runId === p.runId) continue;
		const reason = whatChanged(slip.knownFacts, run.period, p.employment, p.compensation);
		if (reason === undefined) continue;
		const now = basePay({
			period: run.period,
			frequency: p.schedule.frequency,
			employment: p.employment,
			compensation: p.compensation,
			...(slip.hours !== undefined ? { hours: slip.hours } : {})
		});
		const alreadyRetro = mine.flatMap((m) =>
			m.slip.retro.filter((r) => r.runId === run.runId).map((r) => r.amount)
		);
		const earlier = sumDecimals(alreadyRetro);
		const diff = subtractDecimals(subtractDecimals(now.amount, slip.basePay), earlier);
		const sign = signOfDecimal(diff);
		if (sign === 0) continue;
		const line: RetroLine = {
			runId: run.runId,
			periodStart: run.period.start,
			periodEnd: run.period.end,
			amount: roundDecimal(diff, 2, 'halfUp'),
			basis: `${run.period.start} to ${run.period.end}: now ${now.amount} (${now.basis}), paid ${slip.basePay}${alreadyRetro.length ? ` + earlier retro ${roundDecimal(earlier, 2, 'halfUp')}` : ''}; ${reason}`
		};
		(sign < 0 ? overpaid : lines).push(line);
	}
	return { lines, overpaid };
}
