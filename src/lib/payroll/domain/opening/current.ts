// Which opening entry counts, decided from the facts alone, the same on every replica: an entry counts
// unless another entry for the same person, jurisdiction and tax year names it in `replaces`. Never by
// comparing the wall-clock times two devices wrote. Invariant: when the entries left standing disagree
// (two teammates corrected the same entry at once), none of them counts: the person is a problem on the
// run until someone enters a correction that replaces them all.
import type { CurrentOpening, OpeningFigures, OpeningYtd } from './types';

export const openingKey = (personId: string, jurisdiction: 'US' | 'UK', taxYear: string) =>
	`${personId}|${jurisdiction}|${taxYear}`;

/** The figures alone, in one canonical text, so equal figures from two entries compare equal. */
export function figuresText(f: OpeningFigures): string {
	if (f.jurisdiction === 'US') {
		const u = f.us;
		return JSON.stringify([
			'US',
			u.wages,
			u.federalIncomeTax,
			u.socialSecurityWages,
			u.socialSecurityTax,
			u.medicareWages,
			u.medicareTax,
			u.futaWages,
			u.supplementalWages
		]);
	}
	const k = f.uk;
	return JSON.stringify([
		'UK',
		k.previousEmploymentPay,
		k.previousEmploymentTax,
		k.thisEmploymentPay,
		k.thisEmploymentTax,
		[...k.ni]
			.sort((a, b) => (a.letter < b.letter ? -1 : 1))
			.map((n) => [n.letter, n.grossEarnings, n.atLel, n.lelToPt, n.ptToUel, n.employeeNics, n.employerNics]),
		k.studentLoan,
		k.postgraduateLoan
	]);
}

/** The entries of one person, jurisdiction and tax year that no other entry of the same group replaces. */
export function standingEntries(group: readonly OpeningYtd[]): OpeningYtd[] {
	const ids = new Set(group.map((e) => e.id));
	const replaced = new Set(group.flatMap((e) => e.replaces.filter((r) => ids.has(r) && r !== e.id)));
	return group.filter((e) => !replaced.has(e.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
}

function judge(group: readonly OpeningYtd[]): CurrentOpening {
	if (group.length === 0) return { kind: 'none' };
	const standing = standingEntries(group);
	// Every entry replaced by another: a loop only a broken or hostile peer can write.
	if (standing.length === 0)
		return { kind: 'conflict', entries: [...group].sort((a, b) => (a.id < b.id ? -1 : 1)) };
	const first = standing[0] as OpeningYtd;
	const text = figuresText(first);
	if (standing.every((e) => figuresText(e) === text)) return { kind: 'figures', entry: first };
	return { kind: 'conflict', entries: standing };
}

/** What counts for one person, jurisdiction and tax year, from all the (shape-checked) entries given. */
export function currentOpening(
	entries: readonly OpeningYtd[],
	p: { personId: string; jurisdiction: 'US' | 'UK'; taxYear: string }
): CurrentOpening {
	return judge(
		entries.filter(
			(e) => e.personId === p.personId && e.jurisdiction === p.jurisdiction && e.taxYear === p.taxYear
		)
	);
}

/** Every person, jurisdiction and tax year that has entries (keyed by openingKey), each with what counts. */
export function currentOpenings(entries: readonly OpeningYtd[]): Map<string, CurrentOpening> {
	const groups = new Map<string, OpeningYtd[]>();
	for (const e of entries) {
		const key = openingKey(e.personId, e.jurisdiction, e.taxYear);
		const g = groups.get(key);
		if (g) g.push(e);
		else groups.set(key, [e]);
	}
	return new Map([...groups].map(([k, g]) => [k, judge(g)]));
}
