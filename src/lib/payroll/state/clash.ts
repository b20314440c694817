// What the run page says when teammates finalized one run at the same time (plain, unit-tested).
// Invariant: whoever's finalization lost is told in words that their payslips were not issued,
// unless they carried the same figures; nobody is told anything when only one finalization exists.
import type { SupersededAttempt } from '$lib/payroll/sync/replica';

export function clashWords(p: {
	/** Who made the finalization that was kept. */
	keptBy: string;
	superseded: readonly SupersededAttempt[];
	me: string;
	name: (memberId: string) => string;
}): string | null {
	if (p.superseded.length === 0) return null;
	const mine = p.superseded.filter((a) => a.finalizedBy === p.me);
	const who = p.name(p.keptBy);
	if (mine.length && p.keptBy === p.me)
		return 'You finalized this run on two devices at the same time; the figures shown here were kept and the others were not issued.';
	if (mine.length)
		return mine.every((a) => a.sameFigures)
			? `${who} finalized this run at the same time with the same figures; theirs was kept.`
			: `${who} finalized this run at the same time; their figures were kept. Your payslips were not issued.`;
	const others = [...new Set(p.superseded.map((a) => p.name(a.finalizedBy)))].join(', ');
	if (p.superseded.every((a) => a.sameFigures))
		return `${others} also finalized this run at the same time with the same figures.`;
	return p.keptBy === p.me
		? `${others} also finalized this run at the same time; your figures were kept and theirs were not issued.`
		: `${others} also finalized this run at the same time; the figures ${who} finalized were kept.`;
}
