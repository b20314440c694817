// `keel payroll rules check FILE`: validates a rule pack as Keel would on import (header, tables,
// checksum, dates, no clash with a built-in pack); `keel payroll rules seal FILE` prints the pack
// with its checksum recomputed. Invariant: exit 0 with a one-line summary, or exit 1 listing every
// problem by field in words; nothing is written.
import { builtInPacks, packProblems, planImport, sealPack, KIND_WORDS } from '../lib/payroll/domain/rules';
import type { CliIo } from './io';

export const RULES_USAGE = `usage: keel payroll rules check <pack.json>
       keel payroll rules seal <pack.json>

  check  validates a tax-table rule pack: exit 0 and a one-line summary, or exit 1 and
         every problem, naming the field.
  seal   prints the pack with its checksum recomputed (after editing its figures).`;

async function readJson(path: string, io: CliIo): Promise<{ ok: true; raw: unknown } | { ok: false }> {
	try {
		return { ok: true, raw: JSON.parse(new TextDecoder().decode(await io.readFile(path))) as unknown };
	} catch (e) {
		io.err(`${path}: cannot read a JSON rule pack: ${e instanceof Error ? e.message : String(e)}`);
		return { ok: false };
	}
}

export async function runRules(args: string[], io: CliIo): Promise<number> {
	const [command, path, ...extra] = args;
	if (!command || command === '--help' || command === '-h' || command === 'help') {
		io.out(RULES_USAGE);
		return command ? 0 : 2;
	}
	if ((command !== 'check' && command !== 'seal') || !path || extra.length > 0) {
		io.err(`keel payroll rules: expected check or seal and one file\n${RULES_USAGE}`);
		return 2;
	}
	const read = await readJson(path, io);
	if (!read.ok) return 1;
	if (command === 'seal') {
		const raw = read.raw;
		if (
			typeof raw !== 'object' ||
			raw === null ||
			Array.isArray(raw) ||
			typeof (raw as { pack?: unknown }).pack !== 'object'
		) {
			io.err(`${path}: Pack header: missing; nothing to seal`);
			return 1;
		}
		io.out(JSON.stringify(sealPack(raw as Record<string, unknown>), null, 1));
		return 0;
	}
	const plan = planImport(read.raw, builtInPacks(), path);
	if (!plan.ok) {
		const problems = packProblems(plan.error);
		io.err(
			`${path}: not a valid rule pack (${problems.length === 1 ? '1 problem' : `${problems.length} problems`}):`
		);
		for (const p of problems) io.err(`  ${p.field}: ${p.message}`);
		return 1;
	}
	const { pack, already } = plan.value;
	const h = pack.header;
	io.out(
		`${path}: valid rule pack: ${KIND_WORDS[pack.kind]} for ${h.taxYear}, ${h.effectiveFrom} to ${h.effectiveTo}, “${h.title}”, checksum ${h.checksum.slice(0, 12)}${already ? ' (built into Keel)' : ''}`
	);
	return 0;
}
