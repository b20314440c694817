// Stored books records read through their schemas: a peer's entry with a wrong field is kept aside
// with a message naming the field in words; one saved by a newer Keel is kept aside as newer; the
// fast path never accepts what the schema refuses; accounts and drafts go through their kinds.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import {
	accountKind,
	draftKind,
	entryKind,
	generateBook,
	isPostedEntryFast,
	LEDGER_SCHEMA_VERSION,
	type Account
} from '$lib/books/domain';
import * as docs from './doc';
import { BooksReplica } from './replica';

const CHART: Account[] = [
	{ schemaVersion: 1, id: 'bank', name: 'Bank', type: 'asset' },
	{ schemaVersion: 1, id: 'sales', name: 'Sales', type: 'income' }
];
const stored = (id: string, extra: Record<string, unknown> = {}) => ({
	schemaVersion: 1,
	id,
	date: '2026-03-01',
	memo: 'Sale',
	status: 'posted',
	lines: [
		{ account: 'bank', amount: '10.00', commodity: 'USD' },
		{ account: 'sales', amount: '-10.00', commodity: 'USD' }
	],
	...extra
});

function replicaWith(values: Record<string, unknown>): BooksReplica {
	const doc = new Y.Doc();
	for (const a of CHART) docs.insertAccount(doc, a);
	for (const [id, v] of Object.entries(values)) docs.entriesMap(doc).set(id, v);
	return new BooksReplica(doc);
}

describe('stored entries read through their record kind', () => {
	it('versions come from the kinds (no migrations yet: version 1, the version records are written at)', () => {
		expect(entryKind.version).toBe(1);
		expect(draftKind.version).toBe(1);
		expect(accountKind.version).toBe(1);
		expect(LEDGER_SCHEMA_VERSION).toBe(entryKind.version);
	});

	it('keeps a wrong field aside with a message naming the field in words', () => {
		const r = replicaWith({
			good: stored('good'),
			memo: stored('memo', { memo: 42 }),
			amt: stored('amt', {
				lines: [
					{ account: 'bank', amount: '10.00', commodity: 'USD' },
					{ account: 'sales', amount: '-ten', commodity: 'USD' }
				]
			}),
			when: stored('when', { date: '2026-02-30' })
		});
		expect(r.entries().map((e) => e.id)).toEqual(['good']);
		expect(r.quarantined().map((q) => [q.id, q.code, q.message])).toEqual([
			['amt', 'ledger/bad-amount', 'One journal entry was not read: amount (item 2) is not an amount.'],
			['memo', 'ledger/bad-entry', 'One journal entry was not read: memo is not text.'],
			['when', 'ledger/bad-date', 'One journal entry was not read: date is not a date (YYYY-MM-DD).']
		]);
		expect(r.quarantined().every((q) => q.entry === null)).toBe(true);
	});

	it('keeps an entry saved by a newer Keel aside as newer, never guessing at it', () => {
		const r = replicaWith({
			later: stored('later', { schemaVersion: entryKind.version + 1, newField: 'x' })
		});
		expect(r.entries()).toEqual([]);
		expect(r.quarantined()).toMatchObject([
			{
				id: 'later',
				code: 'ledger/newer-entry',
				message: 'This journal entry was saved by a newer version of Keel; update Keel to use it.'
			}
		]);
	});

	it('keeps keys it does not know on a current entry (a newer peer may add one)', () => {
		const r = replicaWith({ extra: stored('extra', { note: 'from a newer peer' }) });
		expect(r.entries().map((e) => e.id)).toEqual(['extra']);
		expect(entryKind.read(stored('x', { note: 'n' }))).toMatchObject({ ok: true, value: { note: 'n' } });
	});

	it('refuses an entry stored under another id', () => {
		const r = replicaWith({ here: stored('there') });
		expect(r.quarantined().map((q) => [q.id, q.code])).toEqual([['here', 'ledger/bad-entry']]);
	});
});

describe('the fast path agrees with the schema', () => {
	const book = generateBook({ seed: 11, entries: 300 });
	const values = book.entries.map((e) => JSON.parse(JSON.stringify(e)) as unknown);

	it('accepts every generated entry, as the schema does', () => {
		for (const v of values) {
			expect(isPostedEntryFast(v)).toBe(true);
			expect(entryKind.read(v).ok).toBe(true);
		}
	});

	const junk = fc.oneof(
		fc.constant(undefined),
		fc.constant(null),
		fc.integer(),
		fc.boolean(),
		fc.constantFrom('', 'x', '2026-02-30', '2026-01-01', '1.5', '-0', '1,5', 'posted', 'draft', 'cleared'),
		fc.array(fc.string(), { maxLength: 2 }),
		fc.dictionary(fc.constantFrom('amount', 'commodity', 'fund'), fc.string(), { maxKeys: 2 })
	);
	/** Sets one field of an entry, or of one of its lines, to an odd value. */
	function mutate(v: unknown, path: readonly string[], value: unknown): unknown {
		const copy = JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
		let at: Record<string, unknown> = copy;
		for (const k of path.slice(0, -1)) {
			const next = at[k];
			if (typeof next !== 'object' || next === null) return copy;
			at = next as Record<string, unknown>;
		}
		const last = path[path.length - 1] as string;
		if (value === undefined) delete at[last];
		else at[last] = value;
		return copy;
	}
	const paths = [
		['schemaVersion'],
		['id'],
		['date'],
		['memo'],
		['status'],
		['number'],
		['clearing'],
		['closing'],
		['attachments'],
		['lines'],
		['lines', '0'],
		['lines', '0', 'account'],
		['lines', '0', 'amount'],
		['lines', '1', 'commodity'],
		['lines', '0', 'memo'],
		['lines', '0', 'cost'],
		['lines', '0', 'cost', 'amount'],
		['lines', '1', 'dimensions'],
		['lines', '1', 'dimensions', 'fund']
	];

	it('never accepts a mutated entry the schema refuses (property)', () => {
		fc.assert(
			fc.property(
				fc.nat(values.length - 1),
				fc.constantFrom(...paths),
				junk,
				fc.boolean(),
				(i, path, value, withCost) => {
					const base = withCost
						? mutate(values[i], ['lines', '0', 'cost'], { amount: '1.00', commodity: 'EUR' })
						: values[i];
					const v = mutate(base, path, value);
					if (isPostedEntryFast(v)) expect(entryKind.read(v).ok).toBe(true);
				}
			),
			{ numRuns: 2000 }
		);
	});
});

describe('accounts and drafts through their kinds', () => {
	it('reads an account leniently (empty or unknown optional fields left out), refuses a newer one', () => {
		const doc = new Y.Doc();
		docs.insertAccount(doc, { schemaVersion: 1, id: 'a', name: 'A', type: 'asset', code: '' });
		const m = docs.accountsMap(doc).get('a') as Y.Map<unknown>;
		m.set('subtype', 'a-subtype-from-later');
		expect(docs.readAccount(m)).toEqual({ schemaVersion: 1, id: 'a', name: 'A', type: 'asset' });
		m.set('type', 'wealth');
		expect(docs.readAccount(m)).toBeNull();
		m.set('type', 'asset');
		m.set('schemaVersion', accountKind.version + 1);
		expect(docs.readAccount(m)).toBeNull();
	});

	it('reads a half-written draft, and refuses one whose lines are not lines', () => {
		const doc = new Y.Doc();
		const r = new BooksReplica(doc);
		const d = docs.draftsMap(doc);
		const m = new Y.Map<unknown>();
		d.set('d1', m);
		m.set('schemaVersion', 1);
		m.set('id', 'd1');
		m.set('lines', [{ account: 'bank', amount: '', commodity: 'USD' }]);
		expect(r.drafts()).toMatchObject([{ id: 'd1', date: '', status: 'draft', lines: [{ amount: '' }] }]);
		m.set('lines', [{ account: 7 }]);
		expect(r.drafts()).toEqual([]);
	});
});
