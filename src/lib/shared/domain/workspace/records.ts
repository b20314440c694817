// The workspace meta records, each declared once as a valibot schema: the organisation's profile
// (one record, read field by field so a missing or odd field shows its default rather than hiding the
// workspace) and a member (one record per member, from every peer; a malformed one is left out and
// listed). The meta shard stamps the profile with `profileKind.version`.
import { DEFAULT_NUMBER_LOCALE } from '../money-format';
import { recordKind, v } from '../schema';
import { sameType, versioned } from '../record-version';

/** A text field with its default when absent or not text. */
const textOr = (fallback: string) => v.fallback(v.string(), fallback);

const profileSchema = v.object({
	schemaVersion: v.fallback(v.literal(1), 1),
	name: textOr('Untitled workspace'),
	country: textOr('US'),
	baseCurrency: textOr('USD'),
	/** Month and day the fiscal year starts, `MM-DD`. */
	fiscalYearStart: textOr('01-01'),
	createdAt: textOr(''),
	/** The employer's postal address, one line per line, as printed on payslips ('' = none yet). */
	address: textOr(''),
	/** How amounts are written on screen and on payslips (a BCP 47 tag, e.g. "de-DE" → 1.234,56). */
	numberLocale: textOr(DEFAULT_NUMBER_LOCALE)
});
export const profileKind = versioned(recordKind({ name: 'workspace profile', schema: profileSchema }), 1);

/** Reads the stored profile fields: each one that is text counts, the rest read as defaults. */
export function readProfileFields(stored: Record<string, unknown>) {
	const { schemaVersion: _v, ...fields } = v.parse(profileSchema, stored);
	return fields;
}

export const memberSchema = v.object({
	id: v.pipe(v.string('is not text'), v.minLength(1, 'is empty')),
	name: v.string('is not text'),
	color: v.string('is not text'),
	joinedAt: v.string('is not text')
});
export type Member = v.InferOutput<typeof memberSchema>;
sameType<Member, { id: string; name: string; color: string; joinedAt: string }>(true);
