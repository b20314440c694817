// Dispatches `keel <group> <command> …` to one module per group. Each group module exports
// `run(args, io)` and returns the process exit code; none of them calls process.exit itself.
import type { CliIo } from './io';
import { nodeIo } from './io';

const GROUPS: Record<
	string,
	{ summary: string; load: () => Promise<{ run: (args: string[], io: CliIo) => Promise<number> }> }
> = {
	ledger: { summary: 'balance and check hledger/ledger journal files', load: () => import('./ledger') },
	bank: {
		summary: 'parse bank statements and reconcile them against a journal',
		load: () => import('./bank')
	},
	payroll: {
		summary: 'gross-to-net for one pay period (US federal, UK PAYE/NI)',
		load: () => import('./payroll')
	}
};

export function usage(): string {
	const lines = ['usage: keel <group> <command> [options]', '', 'groups:'];
	for (const [name, g] of Object.entries(GROUPS)) lines.push(`  ${name.padEnd(9)} ${g.summary}`);
	lines.push('', 'Run `keel <group> --help` for the commands of a group.');
	return lines.join('\n');
}

export async function main(argv: string[], io: CliIo = nodeIo): Promise<number> {
	const [group, ...rest] = argv;
	if (!group || group === '--help' || group === '-h' || group === 'help') {
		io.out(usage());
		return group ? 0 : 2;
	}
	const entry = GROUPS[group];
	if (!entry) {
		io.err(`keel: unknown group '${group}'\n${usage()}`);
		return 2;
	}
	try {
		const mod = await entry.load();
		return await mod.run(rest, io);
	} catch (e) {
		io.err(`keel ${group}: internal error: ${e instanceof Error ? e.message : String(e)}`);
		return 70;
	}
}
