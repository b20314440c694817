// For tests of the books replica: a journal imported the way users import one — read for import
// (readJournalForImport, what the books worker runs), then written by importRecords in one
// update, stored first (what BooksState does with the worker's answer). Ids come from `idPrefix`.
import { readJournalForImport, type LedgerError } from '$lib/books/domain';
import type { DomainError, Result } from '$lib/shared/domain';
import type { BooksReplica, ImportSummary } from '$lib/books/sync/replica';

let imports = 0;

export function importJournal(
	replica: BooksReplica,
	text: string,
	fileName: string,
	idPrefix = `import-${++imports}`
): Promise<Result<ImportSummary, LedgerError | DomainError>> {
	const read = readJournalForImport(text, fileName, idPrefix);
	return read.ok ? replica.importRecords(read.value, fileName) : Promise.resolve(read);
}
