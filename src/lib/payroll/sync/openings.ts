// Opening year-to-date entries in the people shard: one plain JSON value per entry, keyed by its id,
// written once (a correction is a new entry naming the ones it replaces; which entry counts is decided
// from the entries alone, domain/payroll/opening/current.ts). A peer may run other code, so an entry
// counts only if it passes its schema (`openingKind`); otherwise it is kept aside with the reason and
// shown, never counted. Reasons name the field by its path in the entry, never a value.
import type * as Y from 'yjs';
import { fail, ok, type Result } from '$lib/shared/domain';
import { recordKind, v } from '$lib/shared/domain/schema';
import { sameType, versioned } from '$lib/shared/domain/record-version';
import {
	isUkTaxYear,
	isUsTaxYear,
	type OpeningYtd,
	type UkNiOpening,
	type UkOpeningFigures,
	type UsOpeningFigures
} from '$lib/payroll/domain/opening';
import type { DecimalString } from '$lib/shared/domain';
import { fields, pathReason } from './records';
import { factEntries } from '$lib/shared/sync/facts';

export const OPENINGS_MAP = 'payrollOpenings';
export const openingsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(OPENINGS_MAP);

/** A stored opening amount: never negative, exactly two decimals ("1234.50"). */
const amount = v.custom<DecimalString>(
	(x) => typeof x === 'string' && /^\d+\.\d{2}$/.test(x),
	'is not an amount'
);
const text = (missing: string) => v.pipe(v.string(missing), v.minLength(1, missing));

const usSchema = fields(
	{
		wages: amount,
		federalIncomeTax: amount,
		socialSecurityWages: amount,
		socialSecurityTax: amount,
		medicareWages: amount,
		medicareTax: amount,
		futaWages: amount,
		supplementalWages: amount
	},
	'is not an object'
);
sameType<v.InferOutput<typeof usSchema>, UsOpeningFigures>(true);

const niSchema = fields(
	{
		letter: v.pipe(v.string('is not a letter'), v.regex(/^[A-Z]$/, 'is not a letter')),
		grossEarnings: amount,
		atLel: amount,
		lelToPt: amount,
		ptToUel: amount,
		employeeNics: amount,
		employerNics: amount
	},
	'is not an object'
);
sameType<v.InferOutput<typeof niSchema>, UkNiOpening>(true);

const ukSchema = fields(
	{
		previousEmploymentPay: amount,
		previousEmploymentTax: amount,
		thisEmploymentPay: amount,
		thisEmploymentTax: amount,
		ni: v.pipe(v.array(niSchema, 'is not a list'), v.readonly()),
		studentLoan: amount,
		postgraduateLoan: amount
	},
	'is not an object'
);
sameType<v.InferOutput<typeof ukSchema>, UkOpeningFigures>(true);

const common = {
	schemaVersion: v.literal(1, 'is not 1'),
	id: v.string('is missing'),
	personId: text('is missing'),
	replaces: v.pipe(v.array(v.string(), 'is not a list of other entries'), v.readonly()),
	recordedAt: text('is missing'),
	recordedBy: text('is missing')
};

const openingSchema = v.variant(
	'jurisdiction',
	[
		fields({
			...common,
			jurisdiction: v.literal('US'),
			taxYear: v.pipe(v.string('is not a calendar year'), v.check(isUsTaxYear, 'is not a calendar year')),
			us: usSchema
		}),
		fields({
			...common,
			jurisdiction: v.literal('UK'),
			taxYear: v.pipe(v.string('is not a UK tax year'), v.check(isUkTaxYear, 'is not a UK tax year')),
			uk: ukSchema
		})
	],
	'is unknown'
);
sameType<v.InferOutput<typeof openingSchema>, OpeningYtd>(true);

export const openingKind = versioned(
	recordKind({ name: 'opening year-to-date entry', schema: openingSchema }),
	1
);

/** The entry stored under `id`, or why it cannot count ('record/newer' when a newer Keel wrote it). */
export function readOpening(value: unknown, id: string): Result<OpeningYtd> {
	const bad = (reason: string) => fail('record/invalid', reason);
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad('not an object');
	if (!('id' in value) || value.id !== id) return bad('id does not match its key');
	const read = openingKind.read(value);
	if (!read.ok && read.error.code === 'record/newer') return read;
	const parsed = v.safeParse(openingKind.schema, value);
	if (!parsed.success) return bad(pathReason(parsed.issues));
	if (!read.ok) return read;
	const e = read.value;
	if (e.replaces.includes(id)) return bad('replaces is not a list of other entries');
	if (e.jurisdiction === 'UK') {
		const letters = new Set<string>();
		for (const [i, row] of e.uk.ni.entries()) {
			if (letters.has(row.letter)) return bad(`uk.ni[${i}].letter appears twice`);
			letters.add(row.letter);
		}
	}
	return ok(e);
}

/** Null when `v` is a well-formed opening entry stored under `id`; otherwise what is wrong with it. */
export function checkOpening(value: unknown, id: string): string | null {
	const r = readOpening(value, id);
	if (r.ok) return null;
	return r.error.code === 'record/newer' ? `schemaVersion is not ${openingKind.version}` : r.error.message;
}

/** Every entry, well-formed ones in id order (the same on every replica) and the rest kept aside. */
export function readOpenings(doc: Y.Doc): {
	entries: OpeningYtd[];
	quarantined: { map: string; id: string; reason: string }[];
} {
	const entries: OpeningYtd[] = [];
	const quarantined: { map: string; id: string; reason: string }[] = [];
	// As first written: an entry written over or removed still reads as recorded (shared/sync/facts.ts).
	for (const [id, value] of factEntries(openingsMap(doc))) {
		const r = readOpening(value, id);
		if (r.ok) entries.push(r.value);
		else quarantined.push({ map: OPENINGS_MAP, id, reason: r.error.message });
	}
	const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
	return { entries: entries.sort(byId), quarantined: quarantined.sort(byId) };
}

/**
 * Writes entries in one transaction, all or none: refused (nothing written) when one fails its check
 * or its id is already taken.
 */
export function writeOpenings(doc: Y.Doc, entries: readonly OpeningYtd[]): string | null {
	const map = openingsMap(doc);
	for (const e of entries) {
		const problem = checkOpening(e, e.id);
		if (problem) return `Opening entry: ${problem}`;
		if (map.has(e.id)) return 'Opening entry: this entry is already recorded';
	}
	doc.transact(() => {
		for (const e of entries) {
			const plain: unknown = JSON.parse(JSON.stringify(e));
			map.set(e.id, plain);
		}
	});
	return null;
}
