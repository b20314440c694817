// The CLI's window on the world, injected so commands can be tested without spawning processes.
import { readFile } from 'node:fs/promises';

export interface CliIo {
	out(text: string): void;
	err(text: string): void;
	readFile(path: string): Promise<Uint8Array>;
}

export const nodeIo: CliIo = {
	out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
	err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
	readFile: async (path) => new Uint8Array(await readFile(path))
};

/** Parses `--name value` and `--flag` options; positional arguments are kept in order. */
export function parseArgs(
	args: string[],
	flags: readonly string[] = []
): {
	options: Record<string, string | true>;
	positional: string[];
} {
	const options: Record<string, string | true> = {};
	const positional: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const a = args[i] as string;
		if (a.startsWith('--')) {
			const eq = a.indexOf('=');
			if (eq > 0) options[a.slice(2, eq)] = a.slice(eq + 1);
			else if (flags.includes(a.slice(2)) || i + 1 >= args.length || (args[i + 1] as string).startsWith('--'))
				options[a.slice(2)] = true;
			else options[a.slice(2)] = args[++i] as string;
		} else positional.push(a);
	}
	return { options, positional };
}
