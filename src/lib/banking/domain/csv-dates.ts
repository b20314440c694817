// Dates as banks write them in CSV: ISO, numeric with any of / . - separators and 2- or 4-digit years, and named
// months (23-Jan-15, Jan 23 2015). The day/month order is a property of the file, chosen once and flagged when unsure.
import type { IsoDate } from '../../shared/domain';
import { dateFromParts, expandYear } from './text';

export type CsvDateOrder = 'ymd' | 'dmy' | 'mdy';

const MONTHS: Readonly<Record<string, number>> = {
	jan: 1,
	feb: 2,
	mar: 3,
	apr: 4,
	may: 5,
	jun: 6,
	jul: 7,
	aug: 8,
	sep: 9,
	oct: 10,
	nov: 11,
	dec: 12,
	// German, French, Spanish abbreviations that differ from English.
	mrz: 3,
	mär: 3,
	mai: 5,
	okt: 10,
	dez: 12,
	janv: 1,
	fév: 2,
	fev: 2,
	mars: 3,
	avr: 4,
	juin: 6,
	juil: 7,
	aoû: 8,
	aou: 8,
	déc: 12,
	ene: 1,
	abr: 4,
	ago: 8,
	dic: 12
};

const NUMERIC = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{2,4})(?:[ T].*)?$/;
const NAMED_DMY = /^(\d{1,2})[\s\-./]+([A-Za-zÀ-ÿ]{3,5})\.?[\s\-./]+(\d{2,4})$/;
const NAMED_MDY = /^([A-Za-zÀ-ÿ]{3,5})\.?\s+(\d{1,2}),?\s+(\d{2,4})$/;

function month(name: string): number | undefined {
	const k = name.toLowerCase();
	return MONTHS[k] ?? MONTHS[k.slice(0, 3)];
}

/** Parses one date cell under the given order; ISO and named months are read whatever the order. */
export function parseCsvDate(text: string, order: CsvDateOrder): IsoDate | undefined {
	const t = text.trim();
	const nd = NAMED_DMY.exec(t);
	if (nd) {
		const m = month(nd[2] as string);
		return m === undefined ? undefined : dateFromParts(expandYear(nd[3] as string), m, Number(nd[1]));
	}
	const nm = NAMED_MDY.exec(t);
	if (nm) {
		const m = month(nm[1] as string);
		return m === undefined ? undefined : dateFromParts(expandYear(nm[3] as string), m, Number(nm[2]));
	}
	const m = NUMERIC.exec(t);
	if (!m) return undefined;
	const [a, b, c] = [m[1] as string, m[2] as string, m[3] as string];
	if (a.length === 4) return dateFromParts(Number(a), Number(b), Number(c));
	if (c.length === 3) return undefined;
	const year = expandYear(c);
	if (order === 'mdy') return dateFromParts(year, Number(a), Number(b));
	return dateFromParts(year, Number(b), Number(a));
}

export interface DateOrderGuess {
	readonly order: CsvDateOrder;
	/** True when the data fit more than one order: the UI should ask. */
	readonly ambiguous: boolean;
	/** Orders under which every sample parses. */
	readonly candidates: CsvDateOrder[];
}

/** Picks the order under which all samples are dates; '/' defaults to month-first and '.'/'-' to day-first when both fit. */
export function guessDateOrder(samples: readonly string[]): DateOrderGuess | undefined {
	const values = samples.map((s) => s.trim()).filter((s) => s !== '');
	if (values.length === 0) return undefined;
	const orders: CsvDateOrder[] = ['ymd', 'dmy', 'mdy'];
	const fits = orders.filter((o) => values.every((v) => parseCsvDate(v, o) !== undefined));
	if (fits.length === 0) return undefined;
	const numeric = values.map((v) => NUMERIC.exec(v)).filter((m) => m !== null);
	if (numeric.length === 0 || numeric.every((m) => (m[1] as string).length === 4))
		return {
			order: fits.includes('ymd') ? 'ymd' : (fits[0] as CsvDateOrder),
			ambiguous: false,
			candidates: fits
		};
	const dm = fits.filter((o) => o !== 'ymd');
	if (dm.length === 1) return { order: dm[0] as CsvDateOrder, ambiguous: false, candidates: dm };
	const slash = numeric.some((m) => (m[0] as string).includes('/'));
	return { order: slash ? 'mdy' : 'dmy', ambiguous: true, candidates: dm };
}
