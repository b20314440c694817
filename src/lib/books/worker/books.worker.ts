// Web Worker entry for Books: ledger reports, CSV export and journal parsing run here, off the
// main thread, over the persisted books shard (read-only).
import { expose } from 'comlink';
import { booksApi } from './api';

expose(booksApi);
