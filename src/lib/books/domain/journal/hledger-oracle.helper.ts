// What the hledger oracle tests share with the end-to-end check of the installed `keel` command:
// hledger's own balances for a journal file, read from `hledger bal --flat -O csv --layout bare`,
// keyed `account|commodity` with amounts in one canonical decimal form (no grouping, no trailing zeros).
import { execFileSync } from 'node:child_process';

/** Parses simple CSV (quoted fields, no embedded line breaks). */
export function csvRows(text: string): string[][] {
	return text
		.trim()
		.split('\n')
		.map((line) => {
			const out: string[] = [];
			let i = 0;
			while (i <= line.length) {
				if (line[i] === '"') {
					let j = i + 1;
					let field = '';
					while (j < line.length) {
						if (line[j] === '"' && line[j + 1] === '"') {
							field += '"';
							j += 2;
						} else if (line[j] === '"') break;
						else field += line[j++];
					}
					out.push(field);
					i = j + 2;
				} else {
					const comma = line.indexOf(',', i);
					const end = comma < 0 ? line.length : comma;
					out.push(line.slice(i, end));
					i = end + 1;
				}
			}
			return out;
		});
}

/** A decimal's value as a canonical string: no trailing zeros after the point, no "-0". */
export function canonical(decimal: string): string {
	let s = decimal.replaceAll(',', '');
	if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
	return s === '-0' ? '0' : s;
}

export function hledgerBalances(file: string, end?: string): Map<string, string> {
	const args = [
		'-f',
		file,
		'bal',
		'--flat',
		'--no-total',
		'-O',
		'csv',
		'--layout',
		'bare',
		...(end ? ['-e', end] : [])
	];
	const out = execFileSync('hledger', args, { encoding: 'utf8' });
	const rows = csvRows(out).slice(1);
	return new Map(
		rows
			.filter((r) => canonical(r[2] as string) !== '0')
			.map((r) => [`${r[0]}|${r[1]}`, canonical(r[2] as string)])
	);
}
