// The commodities a journal uses and how it writes them: the decimal mark per commodity (from
// `commodity`/`D` format samples or `decimal-mark`), the default commodity, and the most decimals
// each was written with. The amount style the posting parser reads with comes from here.
import type { Commodity } from '../types';
import { parseAmount, type AmountStyle, type DecimalMark } from './amount';
import { commentStart } from './transaction';
import type { CommodityInfo, ProblemSink } from './read-types';

export class Commodities {
	readonly #report: ProblemSink;
	readonly #precision = new Map<Commodity, number>();
	readonly #declared = new Set<Commodity>();
	readonly #marks = new Map<Commodity, DecimalMark>();
	/** The decimal mark for commodities without a declared format (`decimal-mark` directive). */
	mark: DecimalMark = '.';
	/** The commodity the last `commodity` directive named: its indented `format` line refers to it. */
	current: string | undefined;
	readonly style: AmountStyle;

	constructor(report: ProblemSink) {
		this.#report = report;
		this.style = {
			markFor: (c) => this.#marks.get(c) ?? this.mark,
			defaultCommodity: ''
		};
	}

	notePrecision(commodity: Commodity, scale: number): void {
		const had = this.#precision.get(commodity);
		if (had === undefined || scale > had) this.#precision.set(commodity, scale);
	}

	/** A `commodity` directive: a format sample, or a bare (possibly quoted) name. */
	directive(rest: string, lineNo: number): void {
		const semi = commentStart(rest, 0);
		const body = (semi < 0 ? rest : rest.slice(0, semi)).trim();
		if (/\d/.test(body.replace(/"[^"]*"/g, ''))) this.format(body, lineNo, undefined);
		else {
			const c = body.startsWith('"') && body.endsWith('"') && body.length > 2 ? body.slice(1, -1) : body;
			this.#declared.add(c);
			this.current = c;
		}
	}

	/** Reads a sample amount ("$1,000.00", "1.000,00 EUR") that declares a commodity's style. */
	format(sample: string, lineNo: number, expected: string | undefined): string | undefined {
		const text = sample.replace(/\s;.*$/, '').trim();
		const num = /[\d.,]*\d[\d.,]*/.exec(text.replace(/"[^"]*"/g, (q) => ' '.repeat(q.length)));
		let mark: DecimalMark = this.mark;
		if (num) {
			const n = num[0];
			const lastPoint = n.lastIndexOf('.');
			const lastComma = n.lastIndexOf(',');
			if (lastPoint >= 0 && lastComma >= 0) mark = lastPoint > lastComma ? '.' : ',';
			else if (lastComma >= 0)
				mark =
					n.length - lastComma - 1 === 3 && n.indexOf(',') === lastComma && this.mark === '.' ? '.' : ',';
			else if (lastPoint >= 0) mark = '.';
		}
		const a = parseAmount(text, 0, text.length, { markFor: () => mark, defaultCommodity: '' });
		if (typeof a === 'string' || a.next < text.length) {
			this.#report.problem(
				lineNo,
				`'${sample}' is not a commodity format (${typeof a === 'string' ? a : 'unexpected text after it'})`
			);
			return undefined;
		}
		if (expected !== undefined && a.commodity !== expected) {
			this.#report.problem(lineNo, `format '${sample}' is for '${a.commodity}', not '${expected}'`);
			return undefined;
		}
		this.#marks.set(a.commodity, mark);
		this.#declared.add(a.commodity);
		this.notePrecision(a.commodity, a.scale);
		this.current = a.commodity;
		return a.commodity;
	}

	/** Each commodity seen or declared, with its precision. */
	info(): Record<Commodity, CommodityInfo> {
		const commodities: Record<Commodity, CommodityInfo> = {};
		for (const [c, precision] of this.#precision)
			commodities[c] = { precision, declared: this.#declared.has(c) };
		for (const c of this.#declared) commodities[c] ??= { precision: 0, declared: true };
		return commodities;
	}
}
