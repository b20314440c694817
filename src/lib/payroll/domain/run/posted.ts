// Whether the journal entry Books holds under a run's entry id carries that run's figures. Two
// teammates finalizing one run at once may each post before they see the other: Books keeps one
// entry per id (one posting), but it may be the finalization that was not kept. Invariant: true
// exactly when the posted amounts equal the kept run's journal amounts (account choices aside).
import { trimDecimal } from '../../../shared/domain';
import type { JournalEntry } from '../../../books/domain';
import { runJournalEntry, type PayrollAccounts } from './posting';
import type { FinalizedRun } from './types';

const amounts = (e: Pick<JournalEntry, 'lines'>) =>
	e.lines
		.map((l) => trimDecimal(l.amount))
		.sort()
		.join(' ');

export function postedMatchesRun(posted: JournalEntry, run: FinalizedRun, a: PayrollAccounts): boolean {
	const expected = runJournalEntry(run, a);
	return expected.ok && amounts(expected.value) === amounts(posted);
}
