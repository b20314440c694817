// Banking records read through their record kinds: a wrong field is kept aside with a reason naming
// the field in words, a record saved by a newer Keel is kept aside as newer, records written before
// versions were stored still count, and the kinds' versions are the one records are written at.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	BANKING_SCHEMA_VERSION,
	bankAccountKind,
	bankLineKind,
	decisionKind,
	reconciliationKind,
	ruleKind,
	statementKind
} from '$lib/banking/domain';
import * as docs from './doc';
import { BankingReplica } from './replica';

const line = (id: string, extra: Record<string, unknown> = {}) => ({
	schemaVersion: 1,
	id,
	bankAccountId: 'ba',
	date: '2026-03-02',
	amount: '-12.50',
	payee: 'Shop',
	memo: '',
	...extra
});

function replicaWith(lines: Record<string, unknown>): BankingReplica {
	const doc = new Y.Doc();
	for (const [key, v] of Object.entries(lines)) docs.factMap(doc, 'bankLines').set(key, v);
	return new BankingReplica(doc);
}

describe('banking record kinds', () => {
	it('are at version 1 (no migrations yet), the version banking records are written at', () => {
		for (const kind of [
			bankAccountKind,
			statementKind,
			bankLineKind,
			decisionKind,
			reconciliationKind,
			ruleKind
		])
			expect(kind.version).toBe(BANKING_SCHEMA_VERSION);
	});

	it('keeps a wrong field aside with the field named in words', () => {
		const r = replicaWith({
			'ba.1': line('ba.1'),
			'ba.2': line('ba.2', { amount: 12.5 }),
			'ba.3': line('ba.3', { payee: ['Shop'] }),
			'ba.4': line('ba.4', { valueDate: '2026-13-01' })
		});
		expect(r.line('ba.1')?.amount).toBe('-12.50');
		expect(r.keptAside().map((k) => [k.key, k.reason])).toEqual([
			['ba.2', 'the amount is not a decimal'],
			['ba.3', 'the payee is not text'],
			['ba.4', 'the value date is not a date']
		]);
	});

	it('keeps a record saved by a newer Keel aside as newer', () => {
		const r = replicaWith({ 'ba.9': line('ba.9', { schemaVersion: bankLineKind.version + 1 }) });
		expect(r.line('ba.9')).toBeUndefined();
		expect(r.keptAside()).toEqual([
			{ map: 'bankLines', key: 'ba.9', what: 'bank line', reason: 'saved by a newer version of Keel' }
		]);
	});

	it('reads a record written before versions were stored as version 1, and keeps keys it does not know', () => {
		const { schemaVersion: _v, ...old } = line('ba.5', { note: 'from elsewhere' });
		const r = replicaWith({ 'ba.5': old });
		expect(r.keptAside()).toEqual([]);
		expect(r.line('ba.5')).toMatchObject({ schemaVersion: 1, id: 'ba.5', note: 'from elsewhere' });
	});

	it('checks what ties fields together, in words', () => {
		const rec = {
			schemaVersion: 1,
			id: 's1',
			bankAccountId: 'ba',
			statementBalance: '10.00',
			clearedBalance: '9.00',
			lineIds: [],
			decisionIds: [],
			finishedAt: 't',
			by: 'me'
		};
		expect(reconciliationKind.read(rec)).toMatchObject({
			ok: false,
			error: {
				message: 'One reconciliation was not read: cleared balance differs from the statement balance.'
			}
		});
	});
});
