// `keel ledger …`: trial balance and validity check of an hledger/Ledger journal file, over the same
// reader and reports the app uses. Exit codes: 0 ok, 1 invalid journal, 2 bad usage.
import { parseIsoDate, type IsoDate } from '../lib/shared/domain/dates';
import { ExactSum } from '../lib/books/domain/decimal';
import { indexAccounts } from '../lib/books/domain/accounts';
import { readJournal, readJournalBalances } from '../lib/books/domain/journal/reader';
import type { CommodityInfo } from '../lib/books/domain/journal/reader';
import { formatAmount } from '../lib/books/domain/format';
import { compareAccountNames } from '../lib/books/domain/reports/trial-balance';
import type { LineProblem } from '../lib/books/domain/errors';
import type { CliIo } from './io';
import { csvCell } from '../lib/shared/domain/csv-cell';
import { parseArgs } from './io';

const HELP = `usage: keel ledger <command> --file <journal> [options]

commands:
  balance   trial balance per account and commodity (debit positive)
  check     exit 0 when the journal is valid, else 1 with line-numbered errors on stderr

options:
  --file PATH            the journal (hledger/Ledger format)
  --end YYYY-MM-DD       balance: only transactions dated before this day (exclusive, like hledger -e)
  --format text|csv      balance: output format (default text); csv columns account,commodity,amount
  --empty                balance: also list accounts whose balance is zero
  --help                 this text

The journal is read whole or not at all: any malformed line, unbalanced transaction or failed
balance assertion makes both commands exit 1 and name the line.`;

function problemLines(file: string, problems: readonly LineProblem[]): string {
	return problems.map((p) => `${file}:${p.line}: ${p.message}`).join('\n');
}

async function readText(io: CliIo, file: string): Promise<string | undefined> {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(await io.readFile(file));
	} catch (e) {
		io.err(`keel ledger: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
		return undefined;
	}
}

interface Row {
	fullName: string;
	commodity: string;
	amount: string;
}

/** Shows an amount with its commodity's precision (the most decimals it was written with). */
function padToPrecision(amount: string, info: CommodityInfo | undefined): string {
	const want = info?.precision ?? 0;
	const point = amount.indexOf('.');
	const have = point < 0 ? 0 : amount.length - point - 1;
	if (have >= want) return amount;
	return (point < 0 ? amount + '.' : amount) + '0'.repeat(want - have);
}

async function balance(options: Record<string, string | true>, io: CliIo): Promise<number> {
	const file = options.file as string;
	const format = options.format ?? 'text';
	if (format !== 'text' && format !== 'csv') {
		io.err(`keel ledger balance: --format must be text or csv, not '${String(format)}'`);
		return 2;
	}
	let before: IsoDate | undefined;
	if (options.end !== undefined) {
		const end = typeof options.end === 'string' ? parseIsoDate(options.end) : undefined;
		if (!end) {
			io.err(`keel ledger balance: --end needs a date YYYY-MM-DD, not '${String(options.end)}'`);
			return 2;
		}
		before = end;
	}
	const text = await readText(io, file);
	if (text === undefined) return 1;
	const read = readJournalBalances(text, { fileName: file, ...(before ? { before } : {}) });
	if (!read.ok) {
		const problems = (read.error.details?.problems as LineProblem[] | undefined) ?? [];
		io.err(problems.length > 0 ? problemLines(file, problems) : read.error.message);
		return 1;
	}
	const { accounts, balances, commodities } = read.value;
	const index = indexAccounts(accounts);
	const rows: Row[] = [];
	const names = new Map<string, string>();
	for (const a of accounts) names.set(a.id, index.fullName(a.id));
	const ids = options.empty ? [...names.keys()] : [...balances.keys()];
	for (const id of ids) {
		const fullName = names.get(id) ?? id;
		const sums = balances.get(id);
		let any = false;
		for (const [commodity, sum] of [...(sums ?? new Map())].sort(([a], [b]) =>
			a < b ? -1 : a > b ? 1 : 0
		)) {
			if (sum.isZero() && !options.empty) continue;
			any = true;
			rows.push({ fullName, commodity, amount: padToPrecision(sum.toDecimal(), commodities[commodity]) });
		}
		if (!any && options.empty) rows.push({ fullName, commodity: '', amount: '0' });
	}
	rows.sort(
		(a, b) =>
			compareAccountNames(a.fullName, b.fullName) ||
			(a.commodity < b.commodity ? -1 : a.commodity > b.commodity ? 1 : 0)
	);
	if (format === 'csv') {
		const out = ['account,commodity,amount'];
		for (const r of rows) out.push(`${csvCell(r.fullName)},${csvCell(r.commodity)},${r.amount}`);
		io.out(out.join('\n'));
		return 0;
	}
	const shown = rows.map((r) => ({ amount: formatAmount(r.amount, r.commodity), account: r.fullName }));
	const width = Math.max(12, ...shown.map((s) => s.amount.length));
	const out = shown.map((s) => `${s.amount.padStart(width)}  ${s.account}`);
	const totals = new Map<string, ExactSum>();
	for (const r of rows) {
		let t = totals.get(r.commodity);
		if (!t) totals.set(r.commodity, (t = new ExactSum()));
		t.addDecimal(r.amount);
	}
	const nonZero = [...totals].filter(([, t]) => !t.isZero());
	out.push('-'.repeat(width));
	if (nonZero.length === 0) out.push('0'.padStart(width));
	for (const [c, t] of nonZero) out.push(formatAmount(t.toDecimal(), c).padStart(width));
	io.out(out.join('\n'));
	return 0;
}

async function check(options: Record<string, string | true>, io: CliIo): Promise<number> {
	const file = options.file as string;
	const text = await readText(io, file);
	if (text === undefined) return 1;
	const read = readJournal(text, { fileName: file });
	if (!read.ok) {
		const problems = (read.error.details?.problems as LineProblem[] | undefined) ?? [];
		io.err(problems.length > 0 ? problemLines(file, problems) : read.error.message);
		return 1;
	}
	for (const w of read.value.warnings) io.err(`${file}:${w.line}: warning: ${w.message}`);
	io.out(`${file}: ok, ${read.value.entries.length} transactions, ${read.value.accounts.length} accounts`);
	return 0;
}

const COMMANDS: Record<
	string,
	{ options: readonly string[]; run: (o: Record<string, string | true>, io: CliIo) => Promise<number> }
> = {
	balance: { options: ['file', 'end', 'format', 'empty', 'help'], run: balance },
	check: { options: ['file', 'help'], run: check }
};

export async function run(args: string[], io: CliIo): Promise<number> {
	const [command, ...rest] = args;
	if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
		io.out(HELP);
		return command === undefined ? 2 : 0;
	}
	const spec = COMMANDS[command];
	if (!spec) {
		io.err(`keel ledger: unknown command '${command}'\n\n${HELP}`);
		return 2;
	}
	const { options, positional } = parseArgs(rest, ['empty', 'help']);
	if (options.help) {
		io.out(HELP);
		return 0;
	}
	const unknown = Object.keys(options).filter((o) => !spec.options.includes(o));
	if (unknown.length > 0 || positional.length > 0) {
		io.err(
			`keel ledger ${command}: ${unknown.length > 0 ? `unknown option --${unknown[0]}` : `unexpected argument '${positional[0]}'`} (see keel ledger --help)`
		);
		return 2;
	}
	if (typeof options.file !== 'string') {
		io.err(`keel ledger ${command}: --file <journal> is required`);
		return 2;
	}
	for (const name of ['end', 'format'] as const)
		if (options[name] === true) {
			io.err(`keel ledger ${command}: --${name} needs a value`);
			return 2;
		}
	return spec.run(options, io);
}
