// Web Worker entry for Books, and the one worker that holds the books shard: ledger reports, CSV
// export and journal parsing (books), and statement parsing and reconciliation matching (banking) run
// here, off the main thread, over one read-only copy of the persisted shard (shard.ts). Each feature's
// API is exposed under its own name, so its client reaches it as `remote.books` or `remote.banking`.
import { expose, proxy } from 'comlink';
import { bankingApi } from '$lib/banking/worker/api';
import { booksApi } from './api';

expose({ books: proxy(booksApi), banking: proxy(bankingApi) });
