// Reads a journal's transaction dates (YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, or M/D after a `Y`
// directive). Invariant: a date is returned only if it is a real calendar date; otherwise the
// problem is reported at its line and nothing is returned.
import { daysInMonth, parseIsoDate, type IsoDate } from '../../../shared/domain/dates';
import type { ProblemSink } from './read-types';

/** The number written by text[from, to) if it is all digits, else -1. */
function digits(text: string, from: number, to: number): number {
	let n = 0;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c < 48 || c > 57) return -1;
		n = n * 10 + c - 48;
	}
	return n;
}

export class JournalDates {
	/** The year a `Y`/`year` directive set, for dates written without one. */
	year: number | undefined;
	#lastText = '';
	#last: IsoDate | undefined;
	readonly #report: ProblemSink;

	constructor(report: ProblemSink) {
		this.#report = report;
	}

	parse(text: string, lineNo: number): IsoDate | undefined {
		if (text === this.#lastText) return this.#last;
		const date = this.#parseUncached(text, lineNo);
		if (date) {
			this.#lastText = text;
			this.#last = date;
		}
		return date;
	}

	#parseUncached(text: string, lineNo: number): IsoDate | undefined {
		if (text.length === 10) {
			const sep = text.charCodeAt(4);
			if ((sep === 45 || sep === 47 || sep === 46) && text.charCodeAt(7) === sep) {
				const y = digits(text, 0, 4);
				const mo = digits(text, 5, 7);
				const d = digits(text, 8, 10);
				if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo))
					return (sep === 45 ? text : `${text.slice(0, 4)}-${text.slice(5, 7)}-${text.slice(8)}`) as IsoDate;
			}
		}
		const m =
			/^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text) ?? /^()()(\d{1,2})([-/.])(\d{1,2})$/.exec(text);
		if (!m) {
			this.#report.problem(lineNo, `'${text}' is not a date (use YYYY-MM-DD, YYYY/MM/DD or YYYY.MM.DD)`);
			return undefined;
		}
		let year = m[1] as string;
		if (year === '') {
			if (this.year === undefined) {
				this.#report.problem(
					lineNo,
					`date '${text}' has no year (add one, or a 'Y YYYY' directive above it)`
				);
				return undefined;
			}
			year = String(this.year).padStart(4, '0');
		}
		const day = m[1] === '' ? (m[5] as string) : (m[4] as string);
		const iso = `${year}-${(m[3] as string).padStart(2, '0')}-${day.padStart(2, '0')}`;
		const date = parseIsoDate(iso);
		if (!date) this.#report.problem(lineNo, `'${text}' is not a calendar date`);
		return date;
	}
}
