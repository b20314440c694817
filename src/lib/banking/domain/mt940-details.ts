// Reads the free-text `:86:` field of an MT940 line into payee and memo. It only rearranges the bank's words:
// nothing is dropped except the subfield markers themselves.
import { clean } from './text';

export interface Details {
	readonly payee: string;
	readonly memo: string;
}

const SLASH_KEYS =
	'TRTP|IBAN|BIC|NAME|REMI|EREF|ORDP|BENM|ID|ADDR|CSID|MARF|SVWZ|PREF|RTRN|ISDT|PURP|ULTC|ULTD|ULTB|CDTRREFTP|CDTRREF|OCMT|CHGS|EXCH|KREF|MREF|CRED|ABWA|ABWE';
const SLASH_RE = new RegExp(`/(${SLASH_KEYS})/`, 'g');

/** `/TRTP/.../NAME/John Doe/REMI/Invoice 12345` style (SEPA structured). */
function slashStyle(text: string): Details | undefined {
	const flat = text.replace(/\r?\n|\r/g, '');
	const marks = [...flat.matchAll(SLASH_RE)];
	if (marks.length < 2 || marks[0]?.index !== 0) return undefined;
	const fields = new Map<string, string>();
	for (let i = 0; i < marks.length; i++) {
		const m = marks[i] as RegExpMatchArray;
		const next = marks[i + 1];
		const start = (m.index ?? 0) + m[0].length;
		const value = flat.slice(start, next?.index ?? flat.length).replace(/\/+$/, '');
		if (!fields.has(m[1] as string)) fields.set(m[1] as string, value);
	}
	const remi = (fields.get('REMI') ?? '').replace(/^USTD\/+/, '').replace(/^STRD\/+/, '');
	return { payee: clean(fields.get('NAME') ?? ''), memo: clean(remi || fields.get('TRTP') || '') };
}

/** German `GVC?00text?20purpose…?32name` style; continuation lines are joined without a space (banks wrap mid-word). */
function questionStyle(text: string): Details | undefined {
	const flat = text.replace(/\r?\n|\r/g, '');
	if (!/^\d{3}\?\d\d/.test(flat) && !/^\?\d\d/.test(flat)) return undefined;
	const sub = new Map<number, string>();
	for (const m of flat.matchAll(/\?(\d\d)([^?]*)/g)) {
		const k = Number(m[1]);
		sub.set(k, (sub.get(k) ?? '') + (m[2] ?? ''));
	}
	const purpose: string[] = [];
	for (let k = 20; k <= 29; k++) if (sub.has(k)) purpose.push(sub.get(k) as string);
	for (let k = 60; k <= 63; k++) if (sub.has(k)) purpose.push(sub.get(k) as string);
	const payee = clean([sub.get(32), sub.get(33)].filter((x) => x !== undefined).join(''));
	const memo = clean([purpose.join(''), sub.get(0) ?? ''].filter((x) => x !== '').join(' '));
	return { payee, memo };
}

/**
 * Payee and memo from `:86:` text. `supplementary` is the `:61:` line's extra text, which some banks repeat at the
 * end of the payee (`B32?TREMBLAY, MARIE Paiement mobile`); it becomes the memo.
 */
export function readDetails(text: string, supplementary: string): Details {
	const trimmed = text.trim();
	if (trimmed === '') return { payee: '', memo: clean(supplementary) };
	const structured = slashStyle(trimmed) ?? questionStyle(trimmed);
	if (structured) return structured;
	const lines = trimmed.split(/\r?\n|\r/);
	const first = lines[0] ?? '';
	// `A44?Payee name` then the description on the next line(s).
	const coded = /^[A-Z]\d\d\?(.*)$/.exec(first);
	if (coded) {
		let payee = clean(coded[1]);
		const extra = clean(supplementary);
		let memo = clean(lines.slice(1).join(' '));
		if (extra !== '' && payee.endsWith(' ' + extra)) {
			payee = payee.slice(0, -extra.length).trim();
			memo = memo || extra;
		}
		return { payee, memo: memo || extra };
	}
	return { payee: clean(first), memo: clean(lines.slice(1).join(' ')) };
}
