// Builds a workspace backup in Node for the banking benchmark: a books shard with a 50,000-entry book
// on a bank ledger account and a 10,000-line statement imported into a linked bank account, written
// through the same Y bindings the app uses (entries straight as facts, in one transaction each batch).
import * as Y from 'yjs';
import type { DecimalString } from '$lib/shared/domain';
import { generateReconCases, type Statement } from '$lib/banking/domain';
import type { JournalEntry } from '$lib/books/domain';
import { insertAccount, insertEntry } from '$lib/books/sync/doc';
import { BankingReplica } from '$lib/banking/sync/replica';
import { upsertMember, writeProfile } from '$lib/shared/sync/meta-doc';
import { encodeBackup } from '$lib/shared/sync/backup';
import type { ShardName } from '$lib/shared/domain/workspace';

const neg = (a: string) => (a.startsWith('-') ? a.slice(1) : `-${a}`) as DecimalString;

export async function bankingBackup(): Promise<string> {
	const meta = new Y.Doc();
	writeProfile(meta, {
		name: 'Bench banking',
		country: 'US',
		baseCurrency: 'USD',
		fiscalYearStart: '01-01',
		createdAt: '2026-01-01T00:00:00Z'
	});
	upsertMember(meta, { id: 'member-a', name: 'Alex', color: '#1f77b4', joinedAt: '2026-01-01T00:00:00Z' });
	const books = new Y.Doc();
	insertAccount(books, { schemaVersion: 1, id: 'bank', name: 'Checking', type: 'asset', subtype: 'bank' });
	insertAccount(books, { schemaVersion: 1, id: 'other', name: 'Other', type: 'expense' });
	const cases = generateReconCases(99, 10_000);
	const extra = generateReconCases(100, 48_000).ledgerLines.map((l) => ({
		...l,
		id: `x${l.id}`,
		date: l.date.replace('2025', '2023') as typeof l.date
	}));
	const ledgerLines = [...cases.ledgerLines, ...extra].slice(0, 50_000);
	for (let i = 0; i < ledgerLines.length; i += 5000)
		books.transact(() => {
			for (const l of ledgerLines.slice(i, i + 5000)) {
				const entry: JournalEntry = {
					schemaVersion: 1,
					id: `E${l.id}`,
					date: l.date,
					memo: l.payee,
					status: 'posted',
					...(l.reference ? { number: l.reference } : {}),
					lines: [
						{ account: 'bank', amount: l.amount, commodity: 'USD', ...(l.memo ? { memo: l.memo } : {}) },
						{ account: 'other', amount: neg(l.amount), commodity: 'USD' }
					]
				};
				insertEntry(books, entry);
			}
		});
	const banking = new BankingReplica(books);
	banking.createBankAccount({
		id: 'ba',
		name: 'Checking',
		institution: 'Bench Bank',
		currency: 'USD',
		identifier: 'US00BENCH0001',
		ledgerAccountId: 'bank'
	});
	const statement: Statement = {
		format: 'ofx',
		fileName: 'bench-10k.ofx',
		account: {},
		lines: cases.bankLines.map((b, i) => ({ ...b, sourceLine: i + 1 })),
		warnings: []
	};
	const done = banking.importStatement({
		bankAccountId: 'ba',
		statement,
		acceptMismatch: false,
		by: 'member-a',
		at: '2026-01-01T00:00:00Z'
	});
	if (!done.ok) throw new Error(done.error.message);
	const docs = new Map<ShardName, Y.Doc>([
		['meta', meta],
		['books', books]
	]);
	return encodeBackup({
		workspace: { id: 'bench-banking', name: 'Bench banking' },
		docs,
		now: new Date().toISOString()
	});
}
