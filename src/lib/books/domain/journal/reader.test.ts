import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unwrap } from '../../../shared/domain/result';
import { generateBook, generateJournal } from '../generate';
import { trialBalance } from '../reports/trial-balance';
import type { LineProblem } from '../errors';
import { readJournal, readJournalBalances } from './reader';
import { writeJournal } from './writer';

const ok = (text: string) => unwrap(readJournal(text));
const lines = (text: string) =>
	ok(text).entries.flatMap((e) => e.lines.map((l) => `${l.account} ${l.amount} ${l.commodity}`));

describe('journal reader', () => {
	it('reads dates, marks, codes, descriptions and comments', () => {
		const data = ok(
			[
				'; file comment',
				'# hash comment',
				'2024/01/02 * (42) Coffee  ; a note',
				'    ; second note',
				'    Expenses:Food    $3.50  ; latte',
				'    Assets:Cash',
				'',
				'2024.1.3 ! Rent',
				'    Expenses:Rent  1,000.00 EUR',
				'    Assets:Bank   EUR -1,000.00'
			].join('\n')
		);
		const [a, b] = data.entries;
		expect(a).toMatchObject({
			date: '2024-01-02',
			clearing: 'cleared',
			number: '42',
			memo: 'Coffee',
			comment: 'a note\nsecond note'
		});
		expect(a?.lines).toEqual([
			{ account: 'Expenses:Food', amount: '3.50', commodity: '$', memo: 'latte' },
			{ account: 'Assets:Cash', amount: '-3.50', commodity: '$' }
		]);
		expect(b).toMatchObject({ date: '2024-01-03', clearing: 'pending', memo: 'Rent' });
		expect(b?.lines.map((l) => l.amount)).toEqual(['1000.00', '-1000.00']);
		expect(data.accounts.map((x) => `${x.id}:${x.type}`)).toContain('Assets:Cash:asset');
	});

	it('reads every amount form', () => {
		const forms: [string, string, string][] = [
			['$10', '10', '$'],
			['-$10', '-10', '$'],
			['$-10', '-10', '$'],
			['$ -10.5', '-10.5', '$'],
			['- $1,234.56', '-1234.56', '$'],
			['10 EUR', '10', 'EUR'],
			['-10 EUR', '-10', 'EUR'],
			['EUR -10', '-10', 'EUR'],
			['10EUR', '10', 'EUR'],
			['£1,000,000.00', '1000000.00', '£'],
			['5 "ACME 1"', '5', 'ACME 1'],
			['+7.25', '7.25', ''],
			['.5', '0.5', ''],
			['007.50', '7.50', ''],
			['-0.00', '0.00', ''],
			['123456789012345678.99 USD', '123456789012345678.99', 'USD']
		];
		for (const [text, amount, commodity] of forms) {
			const e = ok(`2024-01-01 x\n    a  ${text}\n    b\n`).entries[0];
			expect(e?.lines[0], text).toMatchObject({ amount, commodity });
		}
	});

	it('infers one elided amount per commodity', () => {
		expect(lines('2024-01-01 x\n  a  $1\n  b  2 EUR\n  c\n')).toEqual([
			'a 1 $',
			'b 2 EUR',
			'c -1 $',
			'c -2 EUR'
		]);
	});

	it('reads decimal-mark, D, Y and commodity directives', () => {
		expect(lines('decimal-mark ,\n2024-01-01 x\n  a  1.234,5 EUR\n  b\n')).toEqual([
			'a 1234.5 EUR',
			'b -1234.5 EUR'
		]);
		expect(lines('D 1,000.00 GBP\n2024-01-01 x\n  a  5\n  b\n')).toEqual(['a 5 GBP', 'b -5 GBP']);
		expect(ok('Y 2023\n01/05 x\n  a  1\n  b\n').entries[0]?.date).toBe('2023-01-05');
		const c = ok('commodity 1.000,00 EUR\n2024-01-01 x\n  a  2.500,25 EUR\n  b  $1,000.00\n  c\n');
		expect(c.entries[0]?.lines.map((l) => l.amount)).toEqual(['2500.25', '1000.00', '-2500.25', '-1000.00']);
		expect(c.commodities.EUR).toEqual({ precision: 2, declared: true });
	});

	it('skips harmless directives with a warning and keeps account declarations', () => {
		const data = ok(
			'P 2024-01-01 EUR $1.10\naccount Assets:Bank  ; type:C, code:1010\n~ monthly\n  a  1\n  b\n\n2024-01-01 x\n  Assets:Bank  1\n  Income\n'
		);
		expect(data.warnings.map((w) => w.line)).toEqual([1, 3]);
		expect(data.accounts.find((a) => a.id === 'Assets:Bank')).toMatchObject({
			type: 'asset',
			subtype: 'cash',
			code: '1010'
		});
		expect(data.accounts.find((a) => a.id === 'Income')?.type).toBe('income');
	});

	it('checks balance assertions and applies assignments in date order', () => {
		const text =
			'2024-01-02 b\n  a  $5 = $15\n  x\n\n2024-01-01 a\n  a  $10\n  x\n\n2024-01-03 c\n  a  = $1\n  x\n';
		expect(lines(text).slice(-2)).toEqual(['a -14 $', 'x 14 $']);
		const bad = readJournal('2024-01-01 a\n  a  $10 = $11\n  x\n');
		expect(bad.ok).toBe(false);
		if (!bad.ok)
			expect(bad.error.message).toMatch(
				/journal:2: balance assertion failed for a: expected \$11, actual \$10/
			);
	});

	// Each malformed case names the line that must be reported.
	const MALFORMED: [string, string, number, RegExp][] = [
		['unbalanced', '2024-01-01 x\n  a  $1\n  b  $-2\n', 1, /does not balance.*\$-1/],
		['two elided', '2024-01-01 x\n  a  $1\n  b\n  c\n', 1, /only one posting/],
		['bad date', '\n2024-13-01 x\n  a  1\n  b\n', 2, /not a (calendar )?date/],
		['feb 30', '2023-02-30 x\n  a  1\n  b\n', 1, /calendar date/],
		['mixed separators', '2024-01/02 x\n  a  1\n  b\n', 1, /not a date/],
		['no year', '01/02 x\n  a  1\n  b\n', 1, /no year/],
		['two signs', '2024-01-01 x\n  a  -$-1\n  b\n', 2, /two signs/],
		['letters as amount', '2024-01-01 x\n  a  $abc\n  b\n', 2, /expected a number/],
		['trailing junk', '2024-01-01 x\n  a  $1 zz\n  b\n', 2, /unexpected/],
		['two decimal marks', '2024-01-01 x\n  a  1.000.000\n  b\n', 2, /more than one decimal mark/],
		['ambiguous comma', '2024-01-01 x\n  a  1,5\n  b\n', 2, /ambiguous/],
		['misplaced group', '2024-01-01 x\n  a  1,00,0.00\n  b\n', 2, /digit group/],
		['unclosed quote', '2024-01-01 x\n  a  5 "ABC\n  b\n', 2, /closing quote/],
		['virtual posting', '2024-01-01 x\n  (a)  5\n  b  -5\n', 2, /virtual posting/],
		['empty account part', '2024-01-01 x\n  a::b  5\n  c\n', 2, /empty part/],
		['orphan posting', '\n\n  a  5\n', 3, /outside a transaction/],
		['unknown directive', 'frobnicate 1\n', 1, /unknown directive/],
		['include refused', '\n\ninclude other.journal\n', 3, /include/],
		['alias refused', 'alias a=b\n', 1, /alias/],
		['one posting', '2024-01-01 x\n  a  0\n', 1, /at least two/],
		['no postings', '\n2024-01-01 x\n\n', 2, /0 postings|at least two/],
		['negative price', '2024-01-01 x\n  a  1 AAA @ -2 USD\n  b\n', 2, /price must not be negative/],
		['price same commodity', '2024-01-01 x\n  a  1 USD @ 2 USD\n  b\n', 2, /same commodity/],
		['bad decimal-mark', 'decimal-mark ;\n', 1, /decimal-mark/],
		['unclosed code', '2024-01-01 (12 x\n  a  1\n  b\n', 1, /closing/],
		[
			'duplicate id',
			'2024-01-01 x  ; id:A\n  a  1\n  b\n\n2024-01-02 y  ; id:A\n  a  1\n  b\n',
			5,
			/already used/
		],
		['bad status', '2024-01-01 x  ; status:maybe\n  a  1\n  b\n', 1, /status/],
		[
			'failed assertion later',
			'2024-01-01 x\n  a  1\n  b\n\n2024-01-02 y\n  a  1 = 5\n  b\n',
			6,
			/assertion/
		],
		['expression with *', '2024-01-01 x\n  a  1 = (2 * 3)\n  b\n', 2, /only \+ and -/],
		['account directive without name', 'account\n', 1, /without an account name/],
		[
			'unknown account type',
			'account Foo  ; type:Q\n2024-01-01 x\n  Foo  1\n  Bar\n',
			1,
			/unknown account type/
		]
	];
	for (const [name, text, line, message] of MALFORMED) {
		it(`refuses: ${name} (line ${line})`, () => {
			const r = readJournal(text, { fileName: 'f.journal' });
			expect(r.ok).toBe(false);
			if (r.ok) return;
			const problems = r.error.details?.problems as LineProblem[];
			expect(problems[0]?.line).toBe(line);
			expect(problems[0]?.message).toMatch(message);
			expect(r.error.message.startsWith(`f.journal:${line}: `)).toBe(true);
		});
	}

	it('reports every bad transaction, not only the first, and imports nothing', () => {
		const text =
			'2024-01-01 x\n  a  1\n  b  1\n\n2024-01-02 ok\n  a  1\n  b\n\n2024-01-03 y\n  a  $zz\n  b\n';
		const r = readJournal(text);
		expect(r.ok).toBe(false);
		if (!r.ok) expect((r.error.details?.problems as LineProblem[]).map((p) => p.line)).toEqual([1, 10]);
	});

	it('streams the same balances as the full reader, with and without an end date', () => {
		for (const seed of [1, 2, 3]) {
			const text = generateJournal({
				seed,
				transactions: 300,
				commodities: ['$', 'EUR', 'BTC'],
				bigAmounts: true
			});
			const full = ok(text);
			for (const before of [undefined, '2020-02-15']) {
				const streamed = unwrap(readJournalBalances(text, before ? { before: before as never } : {}));
				const tb = trialBalance({
					entries: full.entries,
					accounts: full.accounts,
					...(before ? { period: { to: '2020-02-14' as never } } : {})
				});
				const fromStream = new Map<string, string>();
				for (const [account, sums] of streamed.balances)
					for (const [c, s] of sums) if (!s.isZero()) fromStream.set(`${account}|${c}`, s.toDecimal());
				expect(fromStream).toEqual(new Map(tb.rows.map((r) => [`${r.account}|${r.commodity}`, r.amount])));
			}
		}
	});
});

describe('journal writer', () => {
	it('round-trips generated books: read(write(x)) == x', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 60 }), (seed, n) => {
				const book = generateBook({ seed, entries: n, commodities: ['$', 'EUR', 'JPY', 'ACME 1'] });
				const text = unwrap(writeJournal(book));
				const back = unwrap(readJournal(text));
				expect(back.entries).toEqual(book.entries);
				const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
				expect([...back.accounts].sort(byId)).toEqual([...book.accounts].sort(byId));
				// and writing again gives the same text
				expect(unwrap(writeJournal(back))).toBe(text);
			}),
			{ numRuns: 60 }
		);
	});

	it('round-trips drafts, reversals, closing entries, costs, comments and account fields', () => {
		const book = generateBook({ seed: 7, entries: 3 });
		const accounts = book.accounts.map((a) =>
			a.id === 'Assets:Cash' ? { ...a, code: '1010', currency: 'USD', archived: true, id: 'acc-cash' } : a
		);
		const children = accounts.map((a) => (a.parentId === 'Assets:Cash' ? { ...a, parentId: 'acc-cash' } : a));
		const entries = [
			{
				schemaVersion: 1 as const,
				id: 'e1',
				date: '2024-05-01' as never,
				memo: 'Buy shares',
				status: 'draft' as const,
				reverses: 'e0',
				closing: true,
				attachments: ['doc-1', 'doc-2'],
				comment: 'first\n\nthird',
				lines: [
					{
						account: 'acc-cash',
						amount: '2' as never,
						commodity: 'AAA',
						cost: { amount: '1.80' as never, commodity: 'GBP' }
					},
					{
						account: 'Assets:Bank:Checking',
						amount: '-1.80' as never,
						commodity: 'GBP',
						memo: '',
						dimensions: { fund: 'restricted', tag: 'x' }
					}
				]
			}
		];
		const text = unwrap(writeJournal({ accounts: children, entries }));
		const back = unwrap(readJournal(text));
		expect(back.entries).toEqual(entries);
		expect(back.accounts.find((a) => a.id === 'acc-cash')).toEqual(children.find((a) => a.id === 'acc-cash'));
	});

	it('refuses what the format cannot carry', () => {
		const book = generateBook({ seed: 1, entries: 1 });
		const e = book.entries[0];
		if (!e) throw new Error('no entry');
		for (const bad of [
			{ ...e, memo: 'a; b' },
			{ ...e, memo: '*star' },
			{ ...e, id: 'a,b' },
			{ ...e, comment: 'id:x' }
		]) {
			const r = writeJournal({ accounts: book.accounts, entries: [bad] });
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.error.code).toBe('ledger/unwritable');
		}
	});
});
