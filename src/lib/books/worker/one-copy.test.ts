// One worker copy of the books shard: the books worker exposes the books and banking APIs side by side,
// and both answer from one load of the persisted shard (read once, checked once), which follows new
// updates for both without a reload; reload from either side drops that one copy. Runs on fake-indexeddb.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { ShardPersistence } from '$lib/shared/sync/shard-store';
import type { DecimalString, IsoDate } from '$lib/shared/domain';
import type { Statement } from '$lib/banking/domain';
import { BooksReplica } from '$lib/books/sync/replica';
import { BankingReplica } from '$lib/banking/sync/replica';
import { bankingApi } from '$lib/banking/worker/api';
import { shardDbName } from '$lib/shared/sync/shard-names';
import { booksApi, type WorkerResult } from './api';
import { loadShard } from './shard';

const exposed = vi.hoisted((): { value: unknown } => ({ value: undefined }));
/** Full reads of a shard from IndexedDB (from the first key): one per copy loaded, whoever loads it. */
const fullReads = vi.hoisted(() => ({ count: 0 }));
vi.mock('$lib/shared/sync/shard-reader', async (original) => {
	const real = await original<typeof import('$lib/shared/sync/shard-reader')>();
	return {
		...real,
		readShardTail: (...args: Parameters<typeof real.readShardTail>) => {
			if (args[2] === null) fullReads.count++;
			return real.readShardTail(...args);
		}
	};
});
const shardLoadCount = () => fullReads.count;
vi.mock('comlink', async (original) => ({
	...(await original<typeof import('comlink')>()),
	expose: (api: unknown) => {
		exposed.value = api;
	}
}));

const settle = () => new Promise((r) => setTimeout(r, 50));
const stamp = { by: 'm', at: '2026-01-01T00:00:00Z' };

function value<T>(r: WorkerResult<T>): T {
	if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
	return r.value;
}

/** A persisted books shard with a bank account, two entries and a statement line for each. */
async function persisted(ws: string) {
	const doc = new Y.Doc();
	const persistence = new ShardPersistence(shardDbName(ws, 'books'), doc);
	await persistence.whenLoaded;
	const books = new BooksReplica(doc);
	books.createAccount({ schemaVersion: 1, id: 'bank', name: 'Bank', type: 'asset', subtype: 'bank' });
	books.createAccount({ schemaVersion: 1, id: 'rent', name: 'Rent', type: 'expense' });
	const post = (id: string, date: string, amount: string) =>
		books.postEntry({
			schemaVersion: 1,
			id,
			date: date as IsoDate,
			memo: `Rent ${id}`,
			status: 'posted',
			lines: [
				{ account: 'bank', amount: `-${amount}` as DecimalString, commodity: 'USD' },
				{ account: 'rent', amount: amount as DecimalString, commodity: 'USD' }
			]
		});
	post('e1', '2026-01-03', '1200.00');
	const banking = new BankingReplica(doc, books);
	banking.createBankAccount({
		id: 'ba',
		name: 'Checking',
		institution: '',
		currency: 'USD',
		identifier: '',
		ledgerAccountId: 'bank'
	});
	const line = (id: string, date: string, amount: string) => ({
		id,
		date: date as IsoDate,
		amount: amount as DecimalString,
		payee: 'RENT',
		memo: '',
		sourceLine: 1
	});
	const statement: Statement = {
		format: 'ofx',
		fileName: 'jan.ofx',
		account: {},
		lines: [line('a', '2026-01-03', '-1200.00'), line('b', '2026-02-03', '-1300.00')],
		warnings: []
	};
	value(banking.importStatement({ bankAccountId: 'ba', statement, acceptMismatch: false, ...stamp }));
	await settle();
	return { books, post, persistence };
}

describe('one books worker, one copy of the books shard', () => {
	it('exposes the books and banking APIs from the one worker entry', async () => {
		await import('./books.worker');
		expect(exposed.value).toEqual({ books: booksApi, banking: bankingApi });
		const api = exposed.value;
		if (typeof api !== 'object' || api === null || !('books' in api) || !('banking' in api))
			throw new Error('books.worker.ts exposed no { books, banking }');
		expect(api.books).toBe(booksApi);
		expect(api.banking).toBe(bankingApi);
	});

	it('answers reports and matching from one load, follows new updates for both, and reloads once', async () => {
		const workspaceId = 'ws-one-copy';
		const { books, post, persistence } = await persisted(workspaceId);
		const before = shardLoadCount();

		// Books and banking ask at once, as the page does when Banking opens.
		const [summary, match, counts] = await Promise.all([
			booksApi.summary({ workspaceId }),
			bankingApi.match({ workspaceId, bankAccountId: 'ba' }),
			bankingApi.ruleCounts({ workspaceId }),
			booksApi.start({ workspaceId })
		]);
		expect(shardLoadCount() - before).toBe(1);
		expect(value(summary).entries).toBe(1);
		expect(value(match).stateVector).toBe(value(summary).stateVector);
		expect(value(match).result.matches.map((m) => [m.bankLineIds, m.ledgerLineIds])).toEqual([
			[['ba.a'], ['e1#0']]
		]);
		expect(value(counts).openLines).toBe(2);
		const shard = await loadShard(workspaceId);
		expect(value(summary).loadMs).toBe(shard.loadMs);

		// A new entry on the page reaches both through the one copy, with no second load.
		post('e2', '2026-02-02', '1300.00');
		await settle();
		const matched = value(await bankingApi.match({ workspaceId, bankAccountId: 'ba' }));
		expect(matched.stateVector).toBe(books.stateVector());
		expect(matched.result.matches.map((m) => m.ledgerLineIds)).toEqual([['e1#0'], ['e2#0']]);
		expect(value(await booksApi.summary({ workspaceId })).entries).toBe(2);
		const trial = value(await booksApi.trialBalance({ workspaceId }));
		expect(trial.rows.find((r) => r.account === 'rent')?.amount).toBe('2500.00');
		expect(shardLoadCount() - before).toBe(1);
		expect(await loadShard(workspaceId)).toBe(shard);

		// Reloading from either side drops the one copy; the next calls share one new load.
		value(await bankingApi.reload({ workspaceId }));
		const [again] = await Promise.all([
			booksApi.summary({ workspaceId }),
			bankingApi.match({ workspaceId, bankAccountId: 'ba' })
		]);
		expect(value(again).entries).toBe(2);
		expect(shardLoadCount() - before).toBe(2);
		expect(await loadShard(workspaceId)).not.toBe(shard);
		value(await booksApi.reload({ workspaceId }));
		value(await bankingApi.ruleCounts({ workspaceId }));
		expect(shardLoadCount() - before).toBe(3);
		await persistence.destroy();
	});
});
