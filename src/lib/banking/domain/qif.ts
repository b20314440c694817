// QIF (Quicken Interchange Format) bank, cash and card registers into statements, with splits. Day/month order is
// decided once for the whole file from its own dates (US month-first unless a day above 12 proves otherwise).
import { Dec, ok, type IsoDate, type Result } from '../../shared/domain';
import { withLineIds } from './dedup';
import { bankFail, clean, dateFromParts, expandYear, parseAmountText } from './text';
import type { AccountIdentifiers, DraftLine, Statement, StatementBalance, StatementSplit } from './types';

export type QifDateOrder = 'mdy' | 'dmy';

export interface QifOptions {
	/** Force the day/month order; otherwise it is detected from the file. */
	readonly dateOrder?: QifDateOrder;
}

const BANK_TYPES = /^(bank|cash|ccard|oth a|oth l|invoice)$/i;

interface Rec {
	readonly fields: { code: string; value: string; line: number }[];
	readonly line: number;
	readonly section: string;
	readonly account: string | undefined;
}

const DATE_RE = /^(\d{1,4})\s*[/.-]\s*(\d{1,2})\s*(?:[/.-]|'|’)\s*(\d{1,4})$/;

function readDate(text: string, order: QifDateOrder): IsoDate | undefined {
	const t = text.trim();
	const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
	if (iso) return dateFromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
	const m = DATE_RE.exec(t);
	if (!m) return undefined;
	const apostrophe = /'|’/.test(t);
	const yText = m[3] as string;
	const year = apostrophe && yText.length <= 2 ? 2000 + Number(yText) : expandYear(yText);
	const a = Number(m[1]);
	const b = Number(m[2]);
	const dotted = /^\d{1,2}\s*\./.test(t);
	const [month, day] = order === 'dmy' || dotted ? [b, a] : [a, b];
	return dateFromParts(year, month, day);
}

function splitRecords(text: string): { records: Rec[]; sections: Set<string> } {
	const records: Rec[] = [];
	const sections = new Set<string>();
	let section = '';
	let account: string | undefined;
	let inAccountBlock = false;
	let fields: Rec['fields'] = [];
	let start = 0;
	const end = () => {
		if (fields.length > 0) {
			if (inAccountBlock) {
				const n = fields.find((f) => f.code === 'N');
				if (n) account = n.value.trim();
			} else records.push({ fields, line: start, section, account });
		}
		fields = [];
	};
	const lines = text.split(/\r\n|\n|\r/);
	for (let i = 0; i < lines.length; i++) {
		const raw = lines[i] as string;
		if (raw.trim() === '' || raw.startsWith('###')) continue;
		if (raw.startsWith('!')) {
			end();
			const header = raw.trim();
			if (/^!account/i.test(header)) inAccountBlock = true;
			else if (/^!type:/i.test(header)) {
				inAccountBlock = false;
				section = header.slice(6).trim().toLowerCase();
				sections.add(section);
			}
			continue;
		}
		if (raw.startsWith('^')) {
			end();
			continue;
		}
		if (fields.length === 0) start = i + 1;
		fields.push({ code: raw[0] as string, value: raw.slice(1), line: i + 1 });
	}
	end();
	return { records, sections };
}

export function parseQif(text: string, file: string, options: QifOptions = {}): Result<Statement[]> {
	if (text.trim() === '') return bankFail('banking/empty-file', { file }, 'the file is empty');
	if (!/^\s*(!|###)/.test(text) && !/^\s*D/m.test(text))
		return bankFail('banking/unknown-format', { file }, 'not a QIF file (no !Type header)');
	const { records, sections } = splitRecords(text);
	const bankRecords = records.filter((r) => BANK_TYPES.test(r.section));
	const skipped = records.length - bankRecords.length;
	if (bankRecords.length === 0)
		return bankFail(
			'banking/no-statement',
			{ file },
			`the file holds no bank transactions (sections: ${[...sections].map((s) => '!Type:' + s).join(', ') || 'none'})`
		);
	let order: QifDateOrder | undefined = options.dateOrder;
	if (!order) {
		order = 'mdy';
		for (const r of bankRecords) {
			const d = r.fields.find((f) => f.code === 'D');
			const m = d ? DATE_RE.exec(d.value.trim()) : null;
			if (m && Number(m[1]) > 12 && (m[1] as string).length <= 2) order = 'dmy';
		}
	}
	const byAccount = new Map<
		string,
		{ drafts: DraftLine[]; opening?: StatementBalance; warnings: string[] }
	>();
	for (const r of bankRecords) {
		const key = r.account ?? '';
		let acc = byAccount.get(key);
		if (!acc) byAccount.set(key, (acc = { drafts: [], warnings: [] }));
		const get = (code: string) => r.fields.find((f) => f.code === code);
		const d = get('D');
		if (!d)
			return bankFail(
				'banking/missing-field',
				{ file, line: r.line, field: 'D (date)' },
				'transaction has no date'
			);
		const date = readDate(d.value, order);
		if (!date)
			return bankFail(
				'banking/bad-date',
				{ file, line: d.line, field: 'D (date)' },
				`"${d.value.trim()}" is not a date (${order === 'mdy' ? 'month first' : 'day first'})`
			);
		const t = get('T') ?? get('U');
		if (!t)
			return bankFail(
				'banking/missing-field',
				{ file, line: r.line, field: 'T (amount)' },
				'transaction has no amount'
			);
		const amount = parseAmountText(t.value, { decimalComma: 'auto' });
		if (amount === undefined)
			return bankFail(
				'banking/bad-amount',
				{ file, line: t.line, field: 'T (amount)' },
				`"${t.value.trim()}" is not an amount`
			);
		const payee = clean(get('P')?.value);
		const category = clean(get('L')?.value);
		if (
			/^opening balance$/i.test(payee) &&
			/^\[.*\]$/.test(category) &&
			acc.drafts.length === 0 &&
			!acc.opening
		) {
			acc.opening = { amount: amount as StatementBalance['amount'], date };
			continue;
		}
		const splits: StatementSplit[] = [];
		let pending: { category: string; memo: string } | undefined;
		for (const f of r.fields) {
			if (f.code === 'S') pending = { category: clean(f.value), memo: '' };
			else if (f.code === 'E' && pending) pending.memo = clean(f.value);
			else if (f.code === '$' && pending) {
				const a = parseAmountText(f.value, { decimalComma: 'auto' });
				if (a === undefined)
					return bankFail(
						'banking/bad-amount',
						{ file, line: f.line, field: '$ (split amount)' },
						`"${f.value.trim()}" is not an amount`
					);
				splits.push({ amount: a, ...pending });
				pending = undefined;
			}
		}
		if (splits.length > 0) {
			const total = splits.reduce((s, x) => s.plus(x.amount), new Dec(0));
			if (!total.eq(amount))
				acc.warnings.push(`line ${r.line}: splits add up to ${total.toFixed(2)}, not the total ${amount}`);
		}
		const number = clean(get('N')?.value);
		acc.drafts.push({
			date,
			amount,
			payee,
			memo: clean(get('M')?.value),
			...(number ? { checkNumber: number } : {}),
			...(category && category !== '--Split--' ? { category } : {}),
			...(splits.length > 0 ? { splits } : {}),
			sourceLine: r.line
		});
	}
	const statements: Statement[] = [];
	for (const [name, acc] of byAccount) {
		const account: AccountIdentifiers = name ? { name } : {};
		if (skipped > 0)
			acc.warnings.push(
				`${skipped} records outside bank/cash/card registers (investments, lists) were left out`
			);
		statements.push({
			format: 'qif',
			fileName: file,
			account,
			...(acc.opening ? { openingBalance: acc.opening } : {}),
			lines: withLineIds(account, acc.drafts),
			warnings: acc.warnings
		});
	}
	return ok(statements);
}
