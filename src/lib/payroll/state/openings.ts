// Plain helpers for opening year-to-date entries (no runes, unit-tested): the entry a save or an
// import writes, and the names a CSV row may use for a person. Invariant: a new entry replaces exactly
// the entries standing for its person, jurisdiction and tax year as this replica sees them (all of
// them when they disagree), and figures equal to what already counts write nothing.
import { displayName, type Employee } from '$lib/people/domain';
import {
	currentOpening,
	figuresText,
	parseOpeningCsv,
	standingEntries,
	validateOpening,
	type CsvPerson,
	type OpeningFigures,
	type OpeningInput,
	type OpeningYtd
} from '$lib/payroll/domain/opening';
import { openingKind } from '$lib/payroll/sync/openings';
import { ok, type Result } from '$lib/shared/domain';
import { newId, nowIso } from '../../shared/state/ids';

/** The entry to write for these figures, or null when they are what already counts. */
export function openingEntry(p: {
	existing: readonly OpeningYtd[];
	personId: string;
	taxYear: string;
	figures: OpeningFigures;
	id: string;
	at: string;
	by: string;
}): OpeningYtd | null {
	const key = { personId: p.personId, jurisdiction: p.figures.jurisdiction, taxYear: p.taxYear };
	const now = currentOpening(p.existing, key);
	if (now.kind === 'figures' && figuresText(now.entry) === figuresText(p.figures)) return null;
	const group = p.existing.filter(
		(e) => e.personId === p.personId && e.jurisdiction === key.jurisdiction && e.taxYear === p.taxYear
	);
	const replaces = (now.kind === 'conflict' ? now.entries : standingEntries(group)).map((e) => e.id);
	return {
		schemaVersion: openingKind.version,
		id: p.id,
		personId: p.personId,
		taxYear: p.taxYear,
		...p.figures,
		replaces,
		recordedAt: p.at,
		recordedBy: p.by
	};
}

/** Who a CSV row may name: the name shown in People, the full legal name, or the work email. */
export function csvPeople(people: readonly Employee[]): CsvPerson[] {
	return people
		.filter((e) => !e.erasedAt)
		.map((e) => ({
			id: e.id,
			names: [
				...new Set(
					[
						displayName(e),
						`${e.legalName.given} ${e.legalName.family}`,
						[e.legalName.given, e.legalName.middle, e.legalName.family].filter(Boolean).join(' '),
						e.contact.workEmail ?? ''
					].filter((n) => n.trim() !== '')
				)
			]
		}));
}

/** The entry saving a person's opening figures writes (null: unchanged), or every problem with them. */
export function openingToSave(p: {
	existing: readonly OpeningYtd[];
	personId: string;
	input: OpeningInput;
	me: string;
}): Result<OpeningYtd | null> {
	const valid = validateOpening(p.input);
	if (!valid.ok) return valid;
	const entry = openingEntry({
		existing: p.existing,
		personId: p.personId,
		taxYear: p.input.taxYear,
		figures: valid.value,
		id: newId(),
		at: nowIso(),
		by: p.me
	});
	return ok(entry);
}

/** The entries a CSV of opening figures writes (every row, or none with every bad cell named). */
export function openingsFromCsv(p: {
	text: string;
	file: string;
	people: readonly Employee[];
	existing: readonly OpeningYtd[];
	me: string;
}): Result<{ entries: OpeningYtd[]; rows: number }> {
	const rows = parseOpeningCsv(p.text, { people: csvPeople(p.people), file: p.file });
	if (!rows.ok) return rows;
	const at = nowIso();
	const entries: OpeningYtd[] = [];
	for (const row of rows.value) {
		const e = openingEntry({
			existing: p.existing,
			personId: row.personId,
			taxYear: row.taxYear,
			figures: row.figures,
			id: newId(),
			at,
			by: p.me
		});
		if (e) entries.push(e);
	}
	return ok({ entries, rows: rows.value.length });
}

type WriteOpenings = (entries: readonly OpeningYtd[]) => Result<null>;

/** Saves a person's opening figures for a tax year through `write` (a correction replaces what counted). */
export function saveOpening(
	p: Parameters<typeof openingToSave>[0] & { write: WriteOpenings }
): Result<'saved' | 'unchanged'> {
	const made = openingToSave(p);
	if (!made.ok) return made;
	if (!made.value) return ok('unchanged');
	const written = p.write([made.value]);
	return written.ok ? ok('saved') : written;
}

/** Imports opening figures from a CSV file through `write`: every row, or none with every bad cell named. */
export function importOpenings(
	p: Parameters<typeof openingsFromCsv>[0] & { write: WriteOpenings }
): Result<{ saved: number; unchanged: number }> {
	const made = openingsFromCsv(p);
	if (!made.ok) return made;
	const { entries, rows } = made.value;
	if (entries.length) {
		const written = p.write(entries);
		if (!written.ok) return written;
	}
	return ok({ saved: entries.length, unchanged: rows - entries.length });
}
