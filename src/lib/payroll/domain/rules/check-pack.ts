// Checks a rule pack before anything uses it: the header (every field), the tables themselves (the
// same load-time invariants as the built-in files), the checksum, and effective dates that match
// the tables and fit the tax year. Invariant: a pack is usable only when every check passes, and
// every problem names its field in words (never an internal path).
import { fail, ok, parseIsoDate, type Result } from '../../../shared/domain';
import type { LoadedPack } from './active';
import { fieldWords } from './field-words';
import {
	canonicalJson,
	PACK_FORMAT,
	PACK_KINDS,
	packChecksum,
	type PackKind,
	type RulePackHeader
} from './pack';
import { loadUkRules, UK_FILES } from './uk-rules';
import { loadUsRules, US_FILES } from './us-rules';

export interface PackProblem {
	/** The field, in words ("Pack header › effective from"). */
	readonly field: string;
	readonly message: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** A problem reported by the rule loaders ("<path>: <message>", see read.ts) in words. */
function fromLoader(issue: string): PackProblem {
	const at = issue.indexOf(': ');
	return at < 0
		? { field: 'The file', message: issue }
		: { field: fieldWords(issue.slice(0, at)), message: issue.slice(at + 2) };
}

/** The first and last day a tax year of this kind can cover. */
function yearBounds(kind: PackKind, taxYear: string): { from: string; to: string } {
	const y = Number(taxYear.slice(0, 4));
	return kind === 'us-federal'
		? { from: `${y}-01-01`, to: `${y}-12-31` }
		: { from: `${y}-04-06`, to: `${y + 1}-04-05` };
}

/** The header fields that read well, even when others did not (so every problem can be found). */
type HeaderParts = Partial<
	Pick<RulePackHeader, 'kind' | 'taxYear' | 'effectiveFrom' | 'effectiveTo' | 'checksum'>
>;

function readHeader(raw: unknown, problems: PackProblem[]): { header?: RulePackHeader; parts: HeaderParts } {
	const add = (key: string, message: string) =>
		problems.push({ field: fieldWords(`$.pack.${key}`), message });
	const parts: { -readonly [K in keyof HeaderParts]: HeaderParts[K] } = {};
	if (!isObject(raw)) {
		problems.push({ field: 'The file', message: 'expected a JSON object (a rule pack)' });
		return { parts };
	}
	const h = raw['pack'];
	if (!isObject(h)) {
		problems.push({
			field: 'Pack header',
			message:
				'missing: a rule pack starts with a "pack" section (format, kind, tax year, dates, title, source, checksum)'
		});
		return { parts };
	}
	const before = problems.length;
	if (h['format'] !== PACK_FORMAT) add('format', `expected ${PACK_FORMAT}`);
	const kind = h['kind'];
	if (PACK_KINDS.includes(kind as PackKind)) parts.kind = kind as PackKind;
	else add('kind', 'expected us-federal or uk');
	const taxYear = h['taxYear'];
	const usYear = typeof taxYear === 'string' && /^\d{4}$/.test(taxYear);
	const ukYear =
		typeof taxYear === 'string' &&
		/^\d{4}-\d{2}$/.test(taxYear) &&
		(Number(taxYear.slice(0, 4)) + 1) % 100 === Number(taxYear.slice(5));
	if (kind === 'us-federal' && !usYear) add('taxYear', 'expected a year such as 2027');
	else if (kind === 'uk' && !ukYear) add('taxYear', 'expected a UK tax year such as 2027-28');
	else if (usYear || ukYear) parts.taxYear = taxYear as string;
	for (const key of ['effectiveFrom', 'effectiveTo'] as const) {
		const d = typeof h[key] === 'string' ? parseIsoDate(h[key]) : undefined;
		if (d) parts[key] = d;
		else add(key, 'expected a date such as 2027-01-01');
	}
	for (const [key, max] of [
		['title', 200],
		['source', 2000]
	] as const) {
		const v = h[key];
		if (typeof v !== 'string' || v.trim() === '') add(key, 'expected some text');
		else if (v.length > max) add(key, `must be at most ${max} characters`);
	}
	if (typeof h['checksum'] === 'string' && /^[0-9a-f]{64}$/.test(h['checksum']))
		parts.checksum = h['checksum'];
	else add('checksum', 'expected 64 lowercase hexadecimal digits (SHA-256)');
	if (problems.length > before) return { parts };
	return { header: { ...(h as unknown as RulePackHeader), ...parts } as RulePackHeader, parts };
}

/** Dates: in order, inside the tax year, and the same as the tables' own. */
function checkDates(h: HeaderParts, root: Record<string, unknown>, problems: PackProblem[]): void {
	const add = (key: string, message: string) =>
		problems.push({ field: fieldWords(`$.pack.${key}`), message });
	const { kind, taxYear, effectiveFrom: from, effectiveTo: to } = h;
	if (from && to && from > to) add('effectiveTo', `${to} is before the effective-from date ${from}`);
	if (kind && taxYear) {
		const year = yearBounds(kind, taxYear);
		for (const [key, d] of [
			['effectiveFrom', from],
			['effectiveTo', to]
		] as const)
			if (d && (d < year.from || d > year.to))
				add(key, `${d} is outside tax year ${taxYear} (${year.from} to ${year.to})`);
		if (String(root['taxYear']) !== taxYear)
			add('taxYear', `is ${taxYear} but the tables say ${String(root['taxYear'])}`);
	}
	for (const [key, d] of [
		['effectiveFrom', from],
		['effectiveTo', to]
	] as const)
		if (d && root[key] !== d) add(key, `is ${d} but the tables say ${String(root[key])}`);
}

/** A pack checked whole: usable rules, or every problem naming its field. */
export function checkRulePack(
	raw: unknown,
	opts: { file?: string; builtIn?: boolean } = {}
): Result<LoadedPack> {
	const file = opts.file ?? 'rule pack';
	const problems: PackProblem[] = [];
	const { header, parts } = readHeader(raw, problems);
	const root = isObject(raw) ? raw : {};
	checkDates(parts, root, problems);
	const kind = parts.kind ?? (root['jurisdiction'] === 'UK' ? 'uk' : 'us-federal');
	const loaded = kind === 'uk' ? loadUkRules(raw, file) : loadUsRules(raw, file);
	if (!loaded.ok) {
		const issues = loaded.error.details?.['issues'];
		if (Array.isArray(issues)) problems.push(...issues.map((i) => fromLoader(String(i))));
		else problems.push({ field: 'The file', message: loaded.error.message });
	}
	if (parts.checksum && packChecksum(root) !== parts.checksum)
		problems.push({
			field: fieldWords('$.pack.checksum'),
			message: 'does not match the contents: the pack was changed after it was sealed'
		});
	if (problems.length > 0 || !header || !loaded.ok)
		return fail(
			'payroll/invalid-pack',
			`${file} is not a valid rule pack: ${problems
				.slice(0, 5)
				.map((p) => `${p.field}: ${p.message}`)
				.join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`,
			{ file, problems }
		);
	const base = { header, builtIn: opts.builtIn === true, text: canonicalJson(raw) };
	return ok(
		header.kind === 'uk'
			? { ...base, kind: 'uk', rules: loaded.value as Extract<LoadedPack, { kind: 'uk' }>['rules'] }
			: {
					...base,
					kind: 'us-federal',
					rules: loaded.value as Extract<LoadedPack, { kind: 'us-federal' }>['rules']
				}
	);
}

/** The problems of a failed check, in words. */
export function packProblems(error: {
	details?: Readonly<Record<string, unknown>>;
	message: string;
}): PackProblem[] {
	const list = error.details?.['problems'];
	return Array.isArray(list) ? (list as PackProblem[]) : [{ field: 'The file', message: error.message }];
}

let builtIns: { file: string; result: Result<LoadedPack> }[] | undefined;

/** Every built-in file checked as a pack (rules.test.ts requires all of them to pass). */
export function builtInPackResults(): readonly { file: string; result: Result<LoadedPack> }[] {
	builtIns ??= [...Object.values(US_FILES), ...Object.values(UK_FILES)].map(({ raw, file }) => ({
		file,
		result: checkRulePack(raw, { file, builtIn: true })
	}));
	return builtIns;
}

export function builtInPacks(): LoadedPack[] {
	return builtInPackResults().flatMap(({ result }) => (result.ok ? [result.value] : []));
}
