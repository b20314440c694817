// Checks a rule pack before anything uses it: the header (every field), the tables themselves (the
// same load-time invariants as the built-in files), the checksum, and effective dates that match
// the tables and fit the tax year. Invariant: a pack is usable only when every check passes, and
// every problem names its field in words (never an internal path).
import { fail, ok, parseIsoDate, type IsoDate, type Result } from '../../../shared/domain';
import { v } from '../../../shared/domain/schema';
import { sameType } from '../../../shared/domain/record-version';
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

const isObject = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

const problemList = v.array(v.object({ field: v.string(), message: v.string() }));

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

const someText = (max: number) =>
	v.pipe(
		v.string('expected some text'),
		v.check((t) => t.trim() !== '', 'expected some text'),
		v.maxLength(max, `must be at most ${max} characters`)
	);
const packDate = v.custom<IsoDate>(
	(x) => typeof x === 'string' && parseIsoDate(x) !== undefined,
	'expected a date such as 2027-01-01'
);
const usYear = v.pipe(
	v.string('expected a year such as 2027'),
	v.regex(/^\d{4}$/, 'expected a year such as 2027')
);
const ukYear = v.pipe(
	v.string('expected a UK tax year such as 2027-28'),
	v.check(
		(y) => /^\d{4}-\d{2}$/.test(y) && (Number(y.slice(0, 4)) + 1) % 100 === Number(y.slice(5)),
		'expected a UK tax year such as 2027-28'
	)
);

/** The header's fields, in the order problems are reported; the tax year's form follows the kind. */
function headerEntries(kind: unknown) {
	return {
		format: v.literal(PACK_FORMAT, `expected ${PACK_FORMAT}`),
		kind: v.picklist(PACK_KINDS, 'expected us-federal or uk'),
		taxYear: kind === 'uk' ? ukYear : kind === 'us-federal' ? usYear : v.union([usYear, ukYear]),
		effectiveFrom: packDate,
		effectiveTo: packDate,
		title: someText(200),
		source: someText(2000),
		checksum: v.pipe(
			v.string('expected 64 lowercase hexadecimal digits (SHA-256)'),
			v.regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hexadecimal digits (SHA-256)')
		)
	};
}
sameType<v.InferOutput<ReturnType<typeof headerSchema>>, RulePackHeader>(true);
const headerSchema = (kind: unknown) => v.object(headerEntries(kind));

function readHeader(raw: unknown, problems: PackProblem[]): { header?: RulePackHeader; parts: HeaderParts } {
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
	const entries = headerEntries(h['kind']);
	const known = PACK_KINDS.some((k) => k === h['kind']);
	const each = <S extends v.GenericSchema>(key: keyof typeof entries, schema: S) => {
		const r = v.safeParse(schema, h[key]);
		// A tax year is judged by its kind: with no known kind there is nothing to judge it by.
		if (!r.success && (key !== 'taxYear' || known))
			problems.push({ field: fieldWords(`$.pack.${key}`), message: r.issues[0].message });
		return r.success ? r.output : undefined;
	};
	each('format', entries.format);
	parts.kind = each('kind', entries.kind);
	parts.taxYear = each('taxYear', entries.taxYear);
	parts.effectiveFrom = each('effectiveFrom', entries.effectiveFrom);
	parts.effectiveTo = each('effectiveTo', entries.effectiveTo);
	each('title', entries.title);
	each('source', entries.source);
	parts.checksum = each('checksum', entries.checksum);
	const header = v.safeParse(headerSchema(h['kind']), h);
	if (problems.length > before || !header.success) return { parts };
	return { header: header.output, parts };
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
	const loaded =
		kind === 'uk'
			? { kind, rules: loadUkRules(raw, file) }
			: { kind: 'us-federal' as const, rules: loadUsRules(raw, file) };
	if (!loaded.rules.ok) {
		const issues = loaded.rules.error.details?.['issues'];
		if (Array.isArray(issues)) problems.push(...issues.map((i) => fromLoader(String(i))));
		else problems.push({ field: 'The file', message: loaded.rules.error.message });
	}
	if (parts.checksum && packChecksum(root) !== parts.checksum)
		problems.push({
			field: fieldWords('$.pack.checksum'),
			message: 'does not match the contents: the pack was changed after it was sealed'
		});
	if (problems.length > 0 || !header || !loaded.rules.ok)
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
		loaded.kind === 'uk'
			? { ...base, kind: 'uk', rules: loaded.rules.value }
			: { ...base, kind: 'us-federal', rules: loaded.rules.value }
	);
}

/** The problems of a failed check, in words. */
export function packProblems(error: {
	details?: Readonly<Record<string, unknown>>;
	message: string;
}): PackProblem[] {
	const list = v.safeParse(problemList, error.details?.['problems']);
	return list.success ? list.output : [{ field: 'The file', message: error.message }];
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
