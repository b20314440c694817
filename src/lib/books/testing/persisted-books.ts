// A books shard persisted to IndexedDB (fake-indexeddb in Node) with its books and banking replicas, as the
// app opens it, so tests above sync (state classes, with worker functions called in-process) need no Y types.
// Test-only code.
import * as Y from 'yjs';
import { ShardPersistence } from '$lib/shared/sync/shard-store';
import { BankingReplica } from '$lib/banking/sync/replica';
import { BooksReplica } from '$lib/books/sync/replica';
import { shardDbName } from '$lib/shared/sync/shard-names';

export async function openPersistedBooks(workspaceId: string): Promise<{
	books: BooksReplica;
	banking: BankingReplica;
	close: () => Promise<void>;
}> {
	const doc = new Y.Doc();
	const persistence = new ShardPersistence(shardDbName(workspaceId, 'books'), doc);
	await persistence.whenLoaded;
	const books = new BooksReplica(doc);
	const banking = new BankingReplica(doc, books);
	return {
		books,
		banking,
		close: async () => {
			banking.destroy();
			books.destroy();
			await persistence.destroy();
		}
	};
}
