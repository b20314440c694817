// `keel bank …`: parse bank statements to JSON and reconcile them against an hledger journal. A bad file is a
// clear message and exit 1; nothing here computes what the domain module does not already decide.
import {
	checkBalance,
	matchStatementLines,
	parseStatementFile,
	summariseChecks,
	type FormatChoice,
	type LedgerLineInput,
	type Statement,
	type StatementLine
} from '../lib/banking/domain';
import { readJournal, type JournalData } from '../lib/books/domain/journal/reader';
import type { CliIo } from './io';
import { parseArgs } from './io';

const USAGE = `usage:
  keel bank parse <file> [--format auto|csv|ofx|qif|camt|mt940] [--csv-map <map.json>]
  keel bank reconcile --statement <file> --journal <file> --account <full account name> [--format …] [--csv-map <map.json>]`;

const FORMATS: readonly FormatChoice[] = ['auto', 'csv', 'ofx', 'qif', 'camt', 'mt940'];

async function loadStatements(
	io: CliIo,
	file: string,
	options: Record<string, string | true>
): Promise<Statement[] | undefined> {
	const format = typeof options.format === 'string' ? options.format : 'auto';
	if (!FORMATS.includes(format as FormatChoice)) {
		io.err(`keel bank: unknown format '${format}' (use ${FORMATS.join('|')})`);
		return undefined;
	}
	let csvMapping: unknown;
	if (typeof options['csv-map'] === 'string') {
		try {
			csvMapping = JSON.parse(new TextDecoder().decode(await io.readFile(options['csv-map'])));
		} catch (e) {
			io.err(
				`keel bank: cannot read CSV mapping ${options['csv-map']}: ${e instanceof Error ? e.message : String(e)}`
			);
			return undefined;
		}
	}
	let bytes: Uint8Array;
	try {
		bytes = await io.readFile(file);
	} catch (e) {
		io.err(`keel bank: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
		return undefined;
	}
	const name = file.split(/[\\/]/).pop() ?? file;
	const r = parseStatementFile({
		bytes,
		fileName: name,
		format: format as FormatChoice,
		...(csvMapping === undefined ? {} : { csvMapping })
	});
	if (!r.ok) {
		io.err(`keel bank: ${r.error.message}`);
		return undefined;
	}
	return r.value;
}

const lineJson = (l: StatementLine) => ({
	date: l.date,
	amount: l.amount,
	payee: l.payee,
	memo: l.memo,
	bankRef: l.bankRef ?? null
});

function statementJson(statements: readonly Statement[]) {
	const first = statements[0];
	const last = statements[statements.length - 1];
	const checks = statements.map(checkBalance);
	return {
		format: first?.format ?? null,
		account: first?.account ?? {},
		currency: first?.currency ?? null,
		openingBalance: first?.openingBalance?.amount ?? null,
		closingBalance: last?.closingBalance?.amount ?? null,
		balanceCheck: summariseChecks(checks),
		...(statements.length > 1
			? {
					statements: statements.map((s, i) => ({
						account: s.account,
						openingBalance: s.openingBalance?.amount ?? null,
						closingBalance: s.closingBalance?.amount ?? null,
						lines: s.lines.length,
						balanceCheck: checks[i]
					}))
				}
			: { balanceDetail: checks[0] }),
		warnings: statements.flatMap((s) => s.warnings),
		lines: statements.flatMap((s) => s.lines.map(lineJson))
	};
}

/** The bank account's lines of a journal, signed from the bank's view (a debit to the account is money in). */
export function ledgerLinesFor(journal: JournalData, fullName: string): LedgerLineInput[] | undefined {
	const byId = new Map(journal.accounts.map((a) => [a.id, a]));
	const full = (id: string): string => {
		const parts: string[] = [];
		for (
			let a = byId.get(id), guard = 0;
			a && guard < 64;
			a = a.parentId ? byId.get(a.parentId) : undefined, guard++
		)
			parts.unshift(a.name);
		return parts.join(':');
	};
	const account = journal.accounts.find((a) => full(a.id) === fullName || a.id === fullName);
	if (!account) return undefined;
	const out: LedgerLineInput[] = [];
	for (const e of journal.entries) {
		e.lines.forEach((l, k) => {
			if (l.account !== account.id) return;
			out.push({
				id: `${e.id}#${k}`,
				entryId: e.id,
				date: e.date,
				amount: l.amount,
				payee: e.memo,
				memo: l.memo ?? '',
				...(e.number ? { reference: e.number } : {}),
				cleared: e.clearing === 'cleared'
			});
		});
	}
	return out;
}

async function reconcile(io: CliIo, options: Record<string, string | true>): Promise<number> {
	const { statement, journal, account } = options;
	if (typeof statement !== 'string' || typeof journal !== 'string' || typeof account !== 'string') {
		io.err(`keel bank reconcile: --statement, --journal and --account are required\n${USAGE}`);
		return 2;
	}
	const statements = await loadStatements(io, statement, options);
	if (!statements) return 1;
	let text: string;
	try {
		text = new TextDecoder().decode(await io.readFile(journal));
	} catch (e) {
		io.err(`keel bank: cannot read ${journal}: ${e instanceof Error ? e.message : String(e)}`);
		return 1;
	}
	const read = readJournal(text, { fileName: journal.split(/[\\/]/).pop() ?? journal });
	if (!read.ok) {
		io.err(`keel bank: ${read.error.message}`);
		return 1;
	}
	const ledgerLines = ledgerLinesFor(read.value, account);
	if (!ledgerLines) {
		io.err(`keel bank: the journal has no account '${account}'`);
		return 1;
	}
	const bankLines = statements.flatMap((s) => s.lines);
	const result = matchStatementLines({
		bankLines: bankLines.map((l) => ({
			id: l.id,
			date: l.date,
			amount: l.amount,
			payee: l.payee,
			memo: l.memo,
			...(l.bankRef ? { bankRef: l.bankRef } : {})
		})),
		ledgerLines
	});
	const bankById = new Map(bankLines.map((l) => [l.id, l]));
	const ledgerById = new Map(ledgerLines.map((l) => [l.id, l]));
	const bankJson = (id: string) => {
		const l = bankById.get(id) as StatementLine;
		return { id, ...lineJson(l) };
	};
	const ledgerJson = (id: string) => {
		const l = ledgerById.get(id) as LedgerLineInput;
		return {
			id,
			entryId: l.entryId,
			date: l.date,
			amount: l.amount,
			payee: l.payee,
			memo: l.memo,
			reference: l.reference ?? null
		};
	};
	io.out(
		JSON.stringify(
			{
				matches: result.matches.map((m) => ({
					bankLine: bankJson(m.bankLineIds[0] as string),
					...(m.bankLineIds.length > 1 ? { bankLines: m.bankLineIds.map(bankJson) } : {}),
					ledger: m.ledgerLineIds.map(ledgerJson),
					kind: m.kind,
					score: m.score,
					autoAccept: m.autoAccept,
					reasons: m.reasons
				})),
				unmatched: {
					bank: result.unmatchedBankLineIds.map(bankJson),
					ledger: result.unmatchedLedgerLineIds.map(ledgerJson)
				}
			},
			null,
			2
		)
	);
	return 0;
}

export async function run(args: string[], io: CliIo): Promise<number> {
	const [command, ...rest] = args;
	const { options, positional } = parseArgs(rest);
	if (command === 'parse') {
		const file = positional[0];
		if (!file) {
			io.err(`keel bank parse: a statement file is required\n${USAGE}`);
			return 2;
		}
		const statements = await loadStatements(io, file, options);
		if (!statements) return 1;
		io.out(JSON.stringify(statementJson(statements), null, 2));
		return 0;
	}
	if (command === 'reconcile') return reconcile(io, options);
	io.out(USAGE);
	return command === undefined || command === '--help' || command === 'help' ? 0 : 2;
}
