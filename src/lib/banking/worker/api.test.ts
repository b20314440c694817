// The banking worker parses real fixture bytes with errors naming the file, previews a CSV mapping, and
// matches over what the shard store persisted: claimed and locked lines stay out, rejected proposals are not
// offered again, and new updates are followed without a reload. Runs on fake-indexeddb.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ShardPersistence } from '$lib/shared/sync/shard-store';
import type { DecimalString, IsoDate } from '$lib/shared/domain';
import type { Statement } from '$lib/banking/domain';
import { BooksReplica } from '$lib/books/sync/replica';
import { BankingReplica } from '$lib/banking/sync/replica';
import { shardDbName } from '$lib/shared/sync/shard-names';
import { bankingApi, type WorkerResult } from './api';

const FIX = 'tests/e2e/fixtures';
const bytes = (name: string) => new Uint8Array(readFileSync(`${FIX}/${name}`));
const settle = () => new Promise((r) => setTimeout(r, 50));
const stamp = { by: 'm', at: '2026-01-01T00:00:00Z' };

function value<T>(r: WorkerResult<T>): T {
	if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
	return r.value;
}

describe('banking worker: files', () => {
	it('detects and parses OFX, CAMT and CSV fixtures, with balance checks', async () => {
		expect(
			value(await bankingApi.inspect({ bytes: bytes('checking.ofx'), fileName: 'checking.ofx' })).format
		).toBe('ofx');
		expect(
			value(await bankingApi.inspect({ bytes: bytes('camt.053.xml'), fileName: 'camt.053.xml' })).format
		).toBe('camt');
		const camt = value(await bankingApi.parse({ bytes: bytes('camt.053.xml'), fileName: 'camt.053.xml' }));
		expect(camt.statements.length).toBeGreaterThan(0);
		expect(camt.checks.length).toBe(camt.statements.length);
		const csv = bytes('payoneer.csv');
		const detected = value(await bankingApi.detectCsv({ bytes: csv, fileName: 'payoneer.csv' }));
		expect(detected.dateOrderAmbiguous).toBe(true);
		const preview = value(
			await bankingApi.previewCsv({ bytes: csv, fileName: 'payoneer.csv', mapping: detected.mapping })
		);
		expect(preview.rows.length).toBeGreaterThan(0);
		expect(preview.rows.every((r) => r.parsed.ok)).toBe(true);
	});

	it('names the file and line of a broken file and never throws', async () => {
		const broken = new TextEncoder().encode(
			'OFXHEADER:100\n<OFX><BANKTRANLIST><STMTTRN><TRNAMT>abc</STMTTRN>'
		);
		const r = await bankingApi.parse({ bytes: broken, fileName: 'broken.ofx' });
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error.message).toMatch(/^broken\.ofx/);
		const garbage = await bankingApi.inspect({
			bytes: new Uint8Array([0, 159, 146, 150]),
			fileName: 'x.bin'
		});
		expect(garbage.ok).toBe(false);
		if (!garbage.ok) expect(garbage.error.message).toMatch(/^x\.bin: not a bank statement/);
	});
});

describe('banking worker: matching over the persisted shard', () => {
	it('proposes, leaves claimed lines out, hides rejected proposals, and follows new updates', async () => {
		const ws = 'ws-banking-1';
		const doc = new Y.Doc();
		const persistence = new ShardPersistence(shardDbName(ws, 'books'), doc);
		await persistence.whenLoaded;
		const books = new BooksReplica(doc);
		books.createAccount({ schemaVersion: 1, id: 'bank', name: 'Bank', type: 'asset', subtype: 'bank' });
		books.createAccount({ schemaVersion: 1, id: 'rent', name: 'Rent', type: 'expense' });
		const post = (id: string, date: string, amount: string, memo: string) =>
			books.postEntry({
				schemaVersion: 1,
				id,
				date: date as IsoDate,
				memo,
				status: 'posted',
				lines: [
					{ account: 'bank', amount: amount as DecimalString, commodity: 'USD' },
					{
						account: 'rent',
						amount: (amount.startsWith('-') ? amount.slice(1) : `-${amount}`) as DecimalString,
						commodity: 'USD'
					}
				]
			});
		post('e1', '2026-01-03', '-1200.00', 'Landlord Ltd');
		post('e2', '2026-01-10', '-45.10', 'Power Co');
		const banking = new BankingReplica(doc, books);
		banking.createBankAccount({
			id: 'ba',
			name: 'Checking',
			institution: '',
			currency: 'USD',
			identifier: '',
			ledgerAccountId: 'bank'
		});
		const statement: Statement = {
			format: 'ofx',
			fileName: 'jan.ofx',
			account: {},
			lines: [
				{
					id: 'a',
					date: '2026-01-04' as IsoDate,
					amount: '-1200.00' as DecimalString,
					payee: 'LANDLORD LTD',
					memo: '',
					sourceLine: 1
				},
				{
					id: 'b',
					date: '2026-01-11' as IsoDate,
					amount: '-45.10' as DecimalString,
					payee: 'POWER CO',
					memo: '',
					sourceLine: 2
				}
			],
			warnings: []
		};
		value(banking.importStatement({ bankAccountId: 'ba', statement, acceptMismatch: false, ...stamp }));
		await settle();
		const first = value(await bankingApi.match({ workspaceId: ws, bankAccountId: 'ba' }));
		expect(first.stateVector).toBe(books.stateVector());
		expect(first.result.matches.map((m) => [m.bankLineIds, m.ledgerLineIds])).toEqual([
			[['ba.a'], ['e1#0']],
			[['ba.b'], ['e2#0']]
		]);
		expect(first.result.matches[0]?.reasons).toContain('amount exact');
		expect(first.pages).toBe(1);
		const page = await bankingApi.matchPage({ token: first.token, page: 0 });
		expect(value(page).matches).toEqual(first.result.matches);

		value(
			banking.accept({
				id: 'd1',
				bankAccountId: 'ba',
				bankLineIds: ['ba.a'],
				ledgerLines: [{ entryId: 'e1', lineIndex: 0 }],
				...stamp
			})
		);
		value(
			banking.reject({
				id: 'd2',
				bankAccountId: 'ba',
				bankLineIds: ['ba.b'],
				ledgerLines: [{ entryId: 'e2', lineIndex: 0 }],
				...stamp
			})
		);
		await settle();
		const second = value(await bankingApi.match({ workspaceId: ws, bankAccountId: 'ba' }));
		expect(second.stateVector).toBe(books.stateVector());
		expect(second.result.matches).toEqual([]);
		expect(second.result.unmatchedBankLineIds).toEqual(['ba.b']);
		const stale = await bankingApi.matchPage({ token: first.token, page: 0 });
		expect(stale.ok).toBe(false);

		// Rules: the line left unmatched gets the first fitting rule's proposal; counts skip claimed lines.
		const rule = (id: string, text: string, extra: object = {}) =>
			value(
				banking.createRule({
					id,
					name: id,
					enabled: true,
					conditions: { payee: { test: 'contains', text }, ...extra },
					outcome: { account: 'rent', dimensions: { department: 'ops' } }
				})
			);
		rule('power', 'power');
		rule('landlord', 'landlord');
		rule('elsewhere', 'power', { bankAccountId: 'other' });
		await settle();
		const counts = value(await bankingApi.ruleCounts({ workspaceId: ws }));
		expect(counts.stateVector).toBe(books.stateVector());
		expect(counts.counts).toEqual({ power: 1, landlord: 0, elsewhere: 0 });
		expect(counts.openLines).toBe(1);
		const third = value(await bankingApi.match({ workspaceId: ws, bankAccountId: 'ba' }));
		expect(third.result.ruleProposals).toEqual([
			expect.objectContaining({
				bankLineId: 'ba.b',
				ruleId: 'power',
				account: 'rent',
				memo: 'POWER CO',
				dimensions: { department: 'ops' }
			})
		]);
		await persistence.destroy();
	});
});
