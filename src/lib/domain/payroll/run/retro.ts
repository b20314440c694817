// Retro pay: a change recorded after a run was finalized but effective inside its period is paid (as
// the difference) in a later run, never by editing the finalized one. Invariant: for each earlier
// period, expected-now − paid-then − retro already paid for it is what this run adds, so a difference
// is paid once however many runs follow.
import { dec, sum, toDecimalString, type DecimalString } from '../../core';
import { changesKnownAfter, type Compensation, type Employment, type History } from '../../hr';
import { basePay } from './base-pay';
import type { SlipsByPerson } from './ytd';
import type { PaySchedule, RetroLine } from './types';

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
		const late = [
			...changesKnownAfter(p.compensation, run.finalizedAt, run.period.end),
			...changesKnownAfter(p.employment, run.finalizedAt, run.period.end)
		];
		if (late.length === 0) continue;
		const now = basePay({
			period: run.period,
			frequency: p.schedule.frequency,
			employment: p.employment,
			compensation: p.compensation,
			...(slip.hours !== undefined ? { hours: slip.hours } : {})
		});
		const alreadyRetro = mine.flatMap((m) =>
			m.slip.retro.filter((r) => r.runId === run.runId).map((r) => dec(r.amount))
		);
		const diff = dec(now.amount).minus(slip.basePay).minus(sum(alreadyRetro));
		if (diff.isZero()) continue;
		const line: RetroLine = {
			runId: run.runId,
			periodStart: run.period.start,
			periodEnd: run.period.end,
			amount: toDecimalString(diff, 2) as DecimalString,
			basis: `${run.period.start} to ${run.period.end}: now ${now.amount} (${now.basis}), paid ${slip.basePay}${alreadyRetro.length ? ` + earlier retro ${toDecimalString(sum(alreadyRetro), 2)}` : ''}`
		};
		(diff.isNegative() ? overpaid : lines).push(line);
	}
	return { lines, overpaid };
}
