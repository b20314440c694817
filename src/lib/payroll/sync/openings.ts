// Opening year-to-date entries in the people shard: one plain JSON value per entry, keyed by its id,
// written once (a correction is a new entry naming the ones it replaces; which entry counts is decided
// from the entries alone, domain/payroll/opening/current.ts). A peer may run other code, so an entry
// counts only if every field has the right JSON type; otherwise it is kept aside with the reason and
// shown, never counted. Messages name the field, never a value. Nothing here leaks a Y type.
import type * as Y from 'yjs';
import {
	isUkTaxYear,
	isUsTaxYear,
	NI_FIELDS,
	UK_FIELDS,
	US_FIELDS,
	type OpeningYtd
} from '$lib/payroll/domain/opening';
import { isObj } from '../../people/sync/shape';

export const OPENINGS_MAP = 'payrollOpenings';
export const openingsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(OPENINGS_MAP);

const isStr = (v: unknown): v is string => typeof v === 'string';
const isAmount = (v: unknown) => isStr(v) && /^\d+\.\d{2}$/.test(v);

function checkNi(v: unknown): string | null {
	if (!Array.isArray(v)) return 'uk.ni is not a list';
	const letters = new Set<string>();
	for (const [i, row] of v.entries()) {
		if (!isObj(row) || !isStr(row.letter) || !/^[A-Z]$/.test(row.letter))
			return `uk.ni[${i}].letter is not a letter`;
		if (letters.has(row.letter)) return `uk.ni[${i}].letter appears twice`;
		letters.add(row.letter);
		for (const f of NI_FIELDS) if (!isAmount(row[f])) return `uk.ni[${i}].${f} is not an amount`;
	}
	return null;
}

/** Null when `v` is a well-formed opening entry stored under `id`; otherwise what is wrong with it. */
export function checkOpening(v: unknown, id: string): string | null {
	if (!isObj(v)) return 'not an object';
	if (v.id !== id) return 'id does not match its key';
	if (v.schemaVersion !== 1) return 'schemaVersion is not 1';
	if (!isStr(v.personId) || v.personId === '') return 'personId is missing';
	if (!isStr(v.recordedAt) || !isStr(v.recordedBy)) return 'recordedAt or recordedBy is missing';
	if (!Array.isArray(v.replaces) || !v.replaces.every((r) => isStr(r) && r !== id))
		return 'replaces is not a list of other entries';
	if (v.jurisdiction === 'US') {
		if (!isStr(v.taxYear) || !isUsTaxYear(v.taxYear)) return 'taxYear is not a calendar year';
		const us = v.us;
		if (!isObj(us)) return 'us is not an object';
		for (const f of US_FIELDS) if (!isAmount(us[f])) return `us.${f} is not an amount`;
		return null;
	}
	if (v.jurisdiction === 'UK') {
		if (!isStr(v.taxYear) || !isUkTaxYear(v.taxYear)) return 'taxYear is not a UK tax year';
		const uk = v.uk;
		if (!isObj(uk)) return 'uk is not an object';
		for (const f of UK_FIELDS) if (!isAmount(uk[f])) return `uk.${f} is not an amount`;
		return checkNi(uk.ni);
	}
	return 'jurisdiction is unknown';
}

/** Every entry, well-formed ones in id order (the same on every replica) and the rest kept aside. */
export function readOpenings(doc: Y.Doc): {
	entries: OpeningYtd[];
	quarantined: { map: string; id: string; reason: string }[];
} {
	const entries: OpeningYtd[] = [];
	const quarantined: { map: string; id: string; reason: string }[] = [];
	for (const [id, v] of openingsMap(doc)) {
		const problem = checkOpening(v, id);
		if (problem) quarantined.push({ map: OPENINGS_MAP, id, reason: problem });
		else entries.push(v as OpeningYtd);
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
		for (const e of entries) map.set(e.id, JSON.parse(JSON.stringify(e)) as unknown);
	});
	return null;
}
