// A CliIo for tests: files from a map, output collected in arrays, so a command runs without a process.
import type { CliIo } from './io';

export function memoryIo(files: Record<string, string>) {
	const out: string[] = [];
	const err: string[] = [];
	const io: CliIo = {
		out: (t) => void out.push(t),
		err: (t) => void err.push(t),
		readFile: async (p) => {
			const text = files[p];
			if (text === undefined) throw new Error(`ENOENT ${p}`);
			return new TextEncoder().encode(text);
		}
	};
	return { io, out, err };
}
