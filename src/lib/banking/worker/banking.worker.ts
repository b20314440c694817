// Web Worker entry for Banking: statement parsing, CSV preview and reconciliation matching run here,
// off the main thread, over the persisted books shard (read-only).
import { expose } from 'comlink';
import { bankingApi } from './api';

expose(bankingApi);
