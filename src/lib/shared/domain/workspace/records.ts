// The workspace meta records, each declared once as a valibot schema: the organisation's profile
// (one record, read field by field so a missing or odd field shows its default rather than hiding the
// workspace; a present but unsound field is also listed by `profileProblems`, for Needs review) and a
// member (one record per member, from every peer; a malformed one, or one filed under another member's
// key, is left out and listed). The meta shard stamps the profile with `profileKind.version`.
import { DEFAULT_NUMBER_LOCALE } from '../money-format';
import { recordKind, v } from '../schema';
import { sameType, versioned } from '../record-version';
import { isCurrencyCode, isFiscalYearStart, isNumberLocaleTag, isSupportedCountry } from './profile-fields';

/** A text field with its default when absent or not text. */
const textOr = (fallback: string) => v.fallback(v.string(), fallback);

/** A field that must pass `test`, read as its default when it does not. */
const checkedOr = (test: (x: unknown) => x is string, fallback: string) =>
	v.fallback(v.custom<string>(test), fallback);

/**
 * Each profile field once: its label on screen, what a sound value is (in words, for forms and for
 * Needs review), its check and its default. The schema below and `profileProblems` are built from it.
 */
export const PROFILE_FIELDS = {
	name: { label: 'Organisation name', expects: 'text', test: isText, fallback: 'Untitled workspace' },
	country: {
		label: 'Country',
		expects: 'one of the countries Keel supports',
		test: isSupportedCountry,
		fallback: 'US'
	},
	baseCurrency: {
		label: 'Base currency',
		expects: 'a three-letter ISO 4217 currency code such as USD',
		test: isCurrencyCode,
		fallback: 'USD'
	},
	fiscalYearStart: {
		label: 'Fiscal year start',
		expects:
			'a month and day that exists every year, as MM-DD (e.g. 04-06; for 29 February use 02-28 or 03-01)',
		test: isFiscalYearStart,
		fallback: '01-01'
	},
	createdAt: { label: 'Created', expects: 'text', test: isText, fallback: '' },
	address: { label: 'Organisation address', expects: 'text', test: isText, fallback: '' },
	numberLocale: {
		label: 'Number format',
		expects: 'a language tag this browser can format numbers in, such as en-GB',
		test: isNumberLocaleTag,
		fallback: DEFAULT_NUMBER_LOCALE
	}
} as const satisfies Record<
	string,
	{ label: string; expects: string; test: (x: unknown) => x is string; fallback: string }
>;
export type ProfileField = keyof typeof PROFILE_FIELDS;

function isText(x: unknown): x is string {
	return typeof x === 'string';
}

const profileSchema = v.object({
	schemaVersion: v.fallback(v.literal(1), 1),
	name: textOr(PROFILE_FIELDS.name.fallback),
	country: checkedOr(isSupportedCountry, PROFILE_FIELDS.country.fallback),
	baseCurrency: checkedOr(isCurrencyCode, PROFILE_FIELDS.baseCurrency.fallback),
	/** Month and day the fiscal year starts, `MM-DD`. */
	fiscalYearStart: checkedOr(isFiscalYearStart, PROFILE_FIELDS.fiscalYearStart.fallback),
	createdAt: textOr(PROFILE_FIELDS.createdAt.fallback),
	/** The employer's postal address, one line per line, as printed on payslips ('' = none yet). */
	address: textOr(PROFILE_FIELDS.address.fallback),
	/** How amounts are written on screen and on payslips (a BCP 47 tag, e.g. "de-DE" → 1.234,56). */
	numberLocale: checkedOr(isNumberLocaleTag, PROFILE_FIELDS.numberLocale.fallback)
});
export const profileKind = versioned(recordKind({ name: 'workspace profile', schema: profileSchema }), 1);

/** Reads the stored profile fields: each sound one counts, the rest (absent or unsound) read as defaults. */
export function readProfileFields(stored: Record<string, unknown>) {
	const { schemaVersion: _v, ...fields } = v.parse(profileSchema, stored);
	return fields;
}

/** A stored profile field that is present but unsound: it reads as its default and is kept aside. */
export interface ProfileProblem {
	readonly field: ProfileField;
	/** The field's label, for the screen. */
	readonly label: string;
	/** Why it was kept aside, in words ("is not a month and day that exists every year, as MM-DD"). */
	readonly why: string;
	/** What is used instead. */
	readonly usedInstead: string;
}

/** The stored profile fields that do not pass their check (absent fields are not problems). */
export function profileProblems(stored: Record<string, unknown>): ProfileProblem[] {
	const out: ProfileProblem[] = [];
	for (const [field, spec] of Object.entries(PROFILE_FIELDS) as [
		ProfileField,
		(typeof PROFILE_FIELDS)[ProfileField]
	][]) {
		const value = stored[field];
		if (value === undefined || spec.test(value)) continue;
		out.push({ field, label: spec.label, why: `is not ${spec.expects}`, usedInstead: spec.fallback });
	}
	return out;
}

/** The sentence a form shows for one profile field, or undefined when the value is sound. */
export function profileFieldError(field: ProfileField, value: unknown): string | undefined {
	const spec = PROFILE_FIELDS[field];
	return spec.test(value) ? undefined : `${spec.label}: ${spec.expects}.`;
}

export const memberSchema = v.object({
	id: v.pipe(v.string('is not text'), v.minLength(1, 'is empty')),
	name: v.pipe(v.string('is not text'), v.maxLength(200, 'is too long')),
	color: v.string('is not text'),
	joinedAt: v.string('is not text')
});
export type Member = v.InferOutput<typeof memberSchema>;
sameType<Member, { id: string; name: string; color: string; joinedAt: string }>(true);
