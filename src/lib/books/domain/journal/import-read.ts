// Reading a journal file for import into the books: the ledger's reader, with each entry given an id
// made of the caller's prefix and the line it starts on, and that line kept by id so a refusal at
// write time can still name it. The books worker runs this (off the page's thread); the books
// replica's importRecords then writes the result in one transaction. There is no other import path.
import type { Result } from '../../../shared/domain/result';
import type { LedgerError, LineProblem } from '../errors';
import type { Account, JournalEntry } from '../types';
import { readJournal } from './reader';

export interface JournalForImport {
	readonly accounts: Account[];
	readonly entries: JournalEntry[];
	/** Line each untagged entry starts at, by id (for error messages). */
	readonly lines: Record<string, number>;
	readonly warnings: LineProblem[];
}

/** Reads `text` (from `fileName`) for import; entry ids are `${idPrefix}-L${line}`. */
export function readJournalForImport(
	text: string,
	fileName: string,
	idPrefix: string
): Result<JournalForImport, LedgerError> {
	const lines: Record<string, number> = {};
	const read = readJournal(text, {
		fileName,
		entryId: (line) => {
			const id = `${idPrefix}-L${line}`;
			lines[id] = line;
			return id;
		}
	});
	if (!read.ok) return read;
	return {
		ok: true,
		value: {
			accounts: read.value.accounts,
			entries: read.value.entries,
			lines,
			warnings: read.value.warnings
		}
	};
}
