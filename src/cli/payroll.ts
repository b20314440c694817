// `keel payroll calc --input case.json`: one pay-period case in, the payslip's statutory lines out
// as JSON. Invariant: invalid input exits 1 with a message naming the field; nothing is guessed.
import { grossToNet, parsePayCase } from '../lib/payroll/domain';
import type { CliIo } from './io';
import { parseArgs } from './io';
import { RULES_USAGE, runRules } from './payroll-rules';

const USAGE = `usage: keel payroll calc --input <case.json> [--full]

  Reads one pay-period case (US federal or UK PAYE/NI) and prints
  { "lines": [ { "code", "amount" } ], "net" } (UK adds "taxDueToDate").
  UK cases may give "studentLoans": ["plan1"|"plan2"|"plan4"|"plan5"] and
  "postgraduateLoan": true; the lines then include UK.SL and UK.PGL.
  --full prints the whole payslip, with the working of each line.
  See src/lib/payroll/domain/README.md for the case schema.

${RULES_USAGE}`;

export async function run(args: string[], io: CliIo): Promise<number> {
	const [command, ...rest] = args;
	if (!command || command === '--help' || command === '-h' || command === 'help') {
		io.out(USAGE);
		return command ? 0 : 2;
	}
	if (command === 'rules') return runRules(rest, io);
	if (command !== 'calc') {
		io.err(`keel payroll: unknown command '${command}'\n${USAGE}`);
		return 2;
	}
	const { options } = parseArgs(rest, ['full']);
	const path = options['input'];
	if (typeof path !== 'string') {
		io.err('keel payroll calc: --input <case.json> is required');
		return 2;
	}
	let json: unknown;
	try {
		json = JSON.parse(new TextDecoder().decode(await io.readFile(path)));
	} catch (e) {
		io.err(`keel payroll calc: cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
		return 1;
	}
	const parsed = parsePayCase(json);
	if (!parsed.ok) {
		io.err(`${path}: ${parsed.error.message}`);
		return 1;
	}
	const slip = grossToNet(parsed.value);
	if (!slip.ok) {
		io.err(`${path}: ${slip.error.message}`);
		return 1;
	}
	const p = slip.value;
	if (options['full'] === true) {
		io.out(JSON.stringify(p, null, 2));
		return 0;
	}
	// Taxes, plus the statutory loan deductions (UK.SL, UK.PGL) that are post-tax lines.
	const statutory = p.lines.filter(
		(l) => l.kind === 'employee-tax' || l.kind === 'employer-tax' || l.code === 'UK.SL' || l.code === 'UK.PGL'
	);
	const out: Record<string, unknown> = {
		lines: statutory.map((l) => ({ code: l.code, amount: l.amount })),
		net: p.net
	};
	if (p.uk) out['taxDueToDate'] = p.uk.taxDueToDate;
	io.out(JSON.stringify(out, null, 2));
	return 0;
}
