// Checks a rule pack before anything uses it: the header (every field), the tables themselves (the
// same load-time invariants as the built-in files), the checksum, and effective dates that match
// the tables and fit the tax year. Invariant: a pack is usable only when every check passes, and
// every problem names its field in words (never an internal path).
import { fail, ok, parseIsoDate, type IsoDate, type Result } from '../../core';
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

function readHeader(raw: unknown, problems: PackProblem[]): RulePackHeader | undefined {
	const add = (key: string, message: string) =>
		problems.push({ field: fieldWords(`$.pack.${key}`), message });
	if (!isObject(raw)) {
		problems.push({ field: 'The file', message: 'expected a JSON object (a rule pack)' });
		return undefined;
	}
	const h = raw['pack'];
	if (!isObject(h)) {
		problems.push({
			field: 'Pack header',
			message:
				'missing: a rule pack starts with a "pack" section (format, kind, tax year, dates, title, source, checksum)'
		});
		return undefined;
	}
	const before = problems.length;
	if (h['format'] !== PACK_FORMAT) add('format', `expected ${PACK_FORMAT}`);
	const kind = h['kind'];
	if (!PACK_KINDS.includes(kind as PackKind)) add('kind', 'expected us-federal or uk');
	const taxYear = h['taxYear'];
	if (kind === 'us-federal' && !(typeof taxYear === 'string' && /^\d{4}$/.test(taxYear)))
		add('taxYear', 'expected a year such as 2027');
	if (
		kind === 'uk' &&
		!(
			typeof taxYear === 'string' &&
			/^\d{4}-\d{2}$/.test(taxYear) &&
			(Number(taxYear.slice(0, 4)) + 1) % 100 === Number(taxYear.slice(5))
		)
	)
		add('taxYear', 'expected a UK tax year such as 2027-28');
	const dates: Partial<Record<'effectiveFrom' | 'effectiveTo', IsoDate>> = {};
	for (const key of ['effectiveFrom', 'effectiveTo'] as const) {
		const d = typeof h[key] === 'string' ? parseIsoDate(h[key]) : undefined;
		if (d) dates[key] = d;
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
	if (!(typeof h['checksum'] === 'string' && /^[0-9a-f]{64}$/.test(h['checksum'])))
		add('checksum', 'expected 64 lowercase hexadecimal digits (SHA-256)');
	if (problems.length > before) return undefined;
	return {
		...(h as unknown as RulePackHeader),
		effectiveFrom: dates.effectiveFrom!,
		effectiveTo: dates.effectiveTo!
	};
}

/** Dates: in order, inside the tax year, and the same as the tables' own. */
function checkDates(h: RulePackHeader, root: Record<string, unknown>, problems: PackProblem[]): void {
	const add = (key: string, message: string) =>
		problems.push({ field: fieldWords(`$.pack.${key}`), message });
	const { from, to } = yearBounds(h.kind, h.taxYear);
	if (h.effectiveFrom > h.effectiveTo)
		add('effectiveTo', `${h.effectiveTo} is before the effective-from date ${h.effectiveFrom}`);
	if (h.effectiveFrom < from || h.effectiveFrom > to)
		add('effectiveFrom', `${h.effectiveFrom} is outside tax year ${h.taxYear} (${from} to ${to})`);
	if (h.effectiveTo < from || h.effectiveTo > to)
		add('effectiveTo', `${h.effectiveTo} is outside tax year ${h.taxYear} (${from} to ${to})`);
	if (String(root['taxYear']) !== h.taxYear)
		add('taxYear', `is ${h.taxYear} but the tables say ${String(root['taxYear'])}`);
	for (const key of ['effectiveFrom', 'effectiveTo'] as const)
		if (root[key] !== h[key]) add(key, `is ${h[key]} but the tables say ${String(root[key])}`);
}

/** A pack checked whole: usable rules, or every problem naming its field. */
export function checkRulePack(
	raw: unknown,
	opts: { file?: string; builtIn?: boolean } = {}
): Result<LoadedPack> {
	const file = opts.file ?? 'rule pack';
	const problems: PackProblem[] = [];
	const header = readHeader(raw, problems);
	const root = isObject(raw) ? raw : {};
	if (header) checkDates(header, root, problems);
	const kind = header?.kind ?? (root['jurisdiction'] === 'UK' ? 'uk' : 'us-federal');
	const loaded = kind === 'uk' ? loadUkRules(raw, file) : loadUsRules(raw, file);
	if (!loaded.ok) {
		const issues = loaded.error.details?.['issues'];
		if (Array.isArray(issues)) problems.push(...issues.map((i) => fromLoader(String(i))));
		else problems.push({ field: 'The file', message: loaded.error.message });
	}
	if (header && packChecksum(root) !== header.checksum)
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
