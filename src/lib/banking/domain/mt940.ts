// SWIFT MT940 into statements, one per `:20:` block, each keeping its own opening (:60F/M) and closing (:62F/M)
// balance so the balance check runs per statement. Impossible value dates are clamped and reported, never guessed silently.
import { daysInMonth, isoDate, ok, type Result } from '../../shared/domain';
import { withLineIds } from './dedup';
import { readDetails } from './mt940-details';
import { bankFail, dateFromParts, normaliseAmount } from './text';
import type { AccountIdentifiers, DraftLine, Statement, StatementBalance } from './types';

interface Field {
	readonly tag: string;
	readonly text: string;
	readonly line: number;
}

/** Splits the message into `:tag:` fields with their continuation lines; block wrappers and control bytes are dropped. */
function fields(text: string): Field[] {
	const out: { tag: string; lines: string[]; line: number }[] = [];
	// SOH/ETX and other control bytes wrap some banks' messages; they carry no data.
	// eslint-disable-next-line no-control-regex
	const raw = text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '').split(/\r\n|\n|\r/);
	let open = false;
	for (let i = 0; i < raw.length; i++) {
		let s = raw[i] as string;
		// `{1:...}{2:...}{4:` headers and the `-}` trailer.
		s = s.replace(/^(\{\d:[^{}]*\})+/, '').replace(/^\{4:/, '');
		if (s === ':' && i + 1 < raw.length && /^\d\d[A-Z]?:/.test(raw[i + 1] as string)) {
			raw[i + 1] = ':' + (raw[i + 1] as string);
			continue;
		}
		const m = /^:(\d\d[A-Z]?):(.*)$/.exec(s);
		if (m) {
			out.push({ tag: m[1] as string, lines: [m[2] as string], line: i + 1 });
			open = true;
		} else if (/^-\}?\s*$/.test(s) || s.startsWith('-}')) open = false;
		else if (open && out.length > 0) (out[out.length - 1] as { lines: string[] }).lines.push(s);
	}
	return out.map((f) => ({ tag: f.tag, text: f.lines.join('\n').replace(/\s+$/, ''), line: f.line }));
}

const BALANCE_RE = /^([CD])(\d{2})(\d{2})(\d{2})([A-Z]{3})?(\d[\d,]*)/;

function mtAmount(text: string, negative: boolean): string | undefined {
	if (!/^\d+(,\d*)?$/.test(text)) return undefined;
	const [int, frac = ''] = text.split(',');
	return normaliseAmount(frac === '' ? (int as string) : `${int}.${frac}`, negative);
}

function parseBalance(f: Field, file: string): Result<{ balance: StatementBalance; currency?: string }> {
	const m = BALANCE_RE.exec(f.text.replace(/\s+/g, ''));
	if (!m)
		return bankFail(
			'banking/bad-syntax',
			{ file, line: f.line, field: `:${f.tag}:` },
			`"${f.text.slice(0, 40)}" is not a balance (expected C|D YYMMDD CCY amount)`
		);
	const date = dateFromParts(
		2000 + Number(m[2]) - (Number(m[2]) >= 70 ? 100 : 0),
		Number(m[3]),
		Number(m[4])
	);
	const amount = mtAmount(m[6] as string, m[1] === 'D');
	if (!date)
		return bankFail(
			'banking/bad-date',
			{ file, line: f.line, field: `:${f.tag}:` },
			`"${m[2]}${m[3]}${m[4]}" is not a date`
		);
	if (amount === undefined)
		return bankFail(
			'banking/bad-amount',
			{ file, line: f.line, field: `:${f.tag}:` },
			`"${m[6]}" is not an amount`
		);
	return ok({
		balance: { amount: amount as StatementBalance['amount'], date },
		...(m[5] ? { currency: m[5] } : {})
	});
}

const LINE_RE =
	/^(\d{2})(\d{2})(\d{2})(\d{4})?(RC|RD|EC|ED|C|D)([A-Z])?(\d[\d,]*)([NSF][A-Z0-9]{3})?([^\n]*)$/;

interface Draft61 {
	draft: Omit<DraftLine, 'payee' | 'memo'>;
	supplementary: string;
}

function parseLine(f: Field, file: string, warnings: string[]): Result<Draft61> {
	const lines = f.text.split('\n');
	let m: RegExpExecArray | null = null;
	let used = 0;
	for (let take = 1; take <= Math.min(2, lines.length) && !m; take++) {
		m = LINE_RE.exec(lines.slice(0, take).join('').trim());
		used = take;
	}
	if (!m)
		return bankFail(
			'banking/bad-syntax',
			{ file, line: f.line, field: ':61:' },
			`"${f.text.slice(0, 40)}" is not a statement line (expected YYMMDD[MMDD] C|D amount ...)`
		);
	const year = 2000 + Number(m[1]) - (Number(m[1]) >= 70 ? 100 : 0);
	const month = Number(m[2]);
	let day = Number(m[3]);
	if (month < 1 || month > 12 || day < 1 || day > 31)
		return bankFail(
			'banking/bad-date',
			{ file, line: f.line, field: ':61: value date' },
			`"${m[1]}${m[2]}${m[3]}" is not a date`
		);
	if (day > daysInMonth(year, month)) {
		warnings.push(
			`line ${f.line}: value date ${year}-${m[2]}-${m[3]} does not exist; read as the last day of the month`
		);
		day = daysInMonth(year, month);
	}
	const valueDate = isoDate(year, month, day);
	let date = valueDate;
	if (m[4]) {
		const em = Number(m[4].slice(0, 2));
		const ed = Number(m[4].slice(2));
		const ey = em === 1 && month === 12 ? year + 1 : em === 12 && month === 1 ? year - 1 : year;
		const entry = dateFromParts(ey, em, ed);
		if (!entry)
			return bankFail(
				'banking/bad-date',
				{ file, line: f.line, field: ':61: entry date' },
				`"${m[4]}" is not a month and day`
			);
		date = entry;
	}
	const mark = m[5] as string;
	const negative = mark === 'D' || mark === 'RC' || mark === 'ED';
	const amount = mtAmount(m[7] as string, negative);
	if (amount === undefined)
		return bankFail(
			'banking/bad-amount',
			{ file, line: f.line, field: ':61: amount' },
			`"${m[7]}" is not an amount`
		);
	const refs = (m[9] ?? '').trim();
	const [customerRef = '', bankRef = ''] = refs.split('//');
	const ref = bankRef.trim() || (customerRef.trim() === 'NONREF' ? '' : customerRef.trim());
	return ok({
		draft: {
			date,
			valueDate,
			amount: amount as DraftLine['amount'],
			...(ref ? { bankRef: ref } : {}),
			sourceLine: f.line
		},
		supplementary: lines.slice(used).join(' ').trim()
	});
}

function accountOf(text: string): AccountIdentifiers {
	const t = text.trim();
	const compact = t.replace(/\s+/g, '');
	if (/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return { iban: compact };
	const slash = /^([A-Z0-9]{6,11})\/(.+)$/.exec(t);
	if (slash) return { bankId: slash[1] as string, accountNumber: (slash[2] as string).trim() };
	return { accountNumber: t };
}

interface Building {
	account: AccountIdentifiers;
	currency?: string;
	opening?: StatementBalance;
	closing?: StatementBalance;
	drafts: DraftLine[];
	pending?: Draft61;
	warnings: string[];
}

export function parseMt940(text: string, file: string): Result<Statement[]> {
	const all = fields(text);
	if (!all.some((f) => f.tag === '61' || f.tag.startsWith('60') || f.tag.startsWith('62')))
		return bankFail(
			'banking/unknown-format',
			{ file },
			'no :60:, :61: or :62: fields: not an MT940 statement'
		);
	const done: Building[] = [];
	let cur: Building | undefined;
	const flush = () => {
		if (!cur) return;
		if (cur.pending) cur.drafts.push({ ...cur.pending.draft, payee: '', memo: cur.pending.supplementary });
		cur.pending = undefined;
		done.push(cur);
		cur = undefined;
	};
	const start = (): Building => (cur = { account: {}, drafts: [], warnings: [] });
	for (const f of all) {
		if (f.tag === '20') {
			flush();
			start();
			continue;
		}
		const b: Building = cur ?? start();
		if (f.tag === '25') b.account = accountOf(f.text);
		else if (f.tag === '60F' || f.tag === '60M' || f.tag === '60') {
			if (b.opening && (b.drafts.length > 0 || b.pending || b.closing)) {
				const account = b.account;
				flush();
				start().account = account;
			}
			const r = parseBalance(f, file);
			if (!r.ok) return r;
			(cur as Building).opening = r.value.balance;
			if (r.value.currency) (cur as Building).currency = r.value.currency;
		} else if (f.tag === '62F' || f.tag === '62M' || f.tag === '62') {
			const r = parseBalance(f, file);
			if (!r.ok) return r;
			b.closing = r.value.balance;
			b.currency ??= r.value.currency ?? undefined;
		} else if (f.tag === '61') {
			if (b.pending) b.drafts.push({ ...b.pending.draft, payee: '', memo: b.pending.supplementary });
			const r = parseLine(f, file, b.warnings);
			if (!r.ok) return r;
			b.pending = r.value;
		} else if (f.tag === '86' && b.pending) {
			const d = readDetails(f.text, b.pending.supplementary);
			b.drafts.push({ ...b.pending.draft, payee: d.payee, memo: d.memo });
			b.pending = undefined;
		}
	}
	flush();
	const statements = done
		.filter((b) => b.opening || b.closing || b.drafts.length > 0)
		.map((b): Statement => ({
			format: 'mt940',
			fileName: file,
			account: b.account,
			...(b.currency ? { currency: b.currency } : {}),
			...(b.opening ? { openingBalance: b.opening } : {}),
			...(b.closing ? { closingBalance: b.closing } : {}),
			lines: withLineIds(b.account, b.drafts),
			warnings: b.warnings
		}));
	if (statements.length === 0)
		return bankFail('banking/no-statement', { file }, 'the MT940 message holds no balances and no lines');
	return ok(statements);
}
