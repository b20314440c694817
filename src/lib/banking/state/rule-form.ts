// The bank rule form as typed (all strings) and its translation to and from a rule. Validation of the
// result is the domain's (validateRule), so the form and a teammate's stored rule obey the same checks.
import {
	Dec,
	err,
	ok,
	parseDecimal,
	type DecimalString,
	type DomainError,
	type Result
} from '$lib/shared/domain';
import {
	bankingProblem,
	RULE_DIMENSIONS,
	type BankRule,
	type PayeeTest,
	type RuleDimension
} from '$lib/banking/domain';
import type { Account } from '$lib/books/domain';

export interface RuleForm {
	name: string;
	payeeTest: PayeeTest;
	payeeText: string;
	memoContains: string;
	direction: '' | 'in' | 'out';
	minAmount: string;
	maxAmount: string;
	/** '' = every bank account. */
	bankAccountId: string;
	account: string;
	memo: string;
	fund: string;
	class: string;
	department: string;
	tag: string;
	/** Split by percentage: two or more rows replace the account and dimensions above. */
	split: SplitRow[];
}

export interface SplitRow {
	account: string;
	percent: string;
	fund: string;
	class: string;
	department: string;
	tag: string;
}

export const blankSplitRow = (account = ''): SplitRow => ({
	account,
	percent: '',
	fund: '',
	class: '',
	department: '',
	tag: ''
});

function dimsOf(x: Pick<RuleForm, RuleDimension>): Partial<Record<RuleDimension, string>> {
	const d: Partial<Record<RuleDimension, string>> = {};
	for (const k of RULE_DIMENSIONS) if (x[k].trim()) d[k] = x[k].trim();
	return d;
}

export type RuleParts = Pick<BankRule, 'name' | 'conditions' | 'outcome'>;

export function blankRuleForm(): RuleForm {
	return {
		name: '',
		payeeTest: 'contains',
		payeeText: '',
		memoContains: '',
		direction: '',
		minAmount: '',
		maxAmount: '',
		bankAccountId: '',
		account: '',
		memo: '',
		fund: '',
		class: '',
		department: '',
		tag: '',
		split: []
	};
}

/** "1 234,50" or "1,234.50" → "1234.50"; anything else is passed on for validateRule to name. */
function amountText(s: string): string {
	const t = s.trim().replace(/[\s']/g, '');
	if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return t.replace(/,/g, '');
	if (/^\d+,\d{1,2}$/.test(t)) return t.replace(',', '.');
	return t;
}

export function ruleFromForm(f: RuleForm): RuleParts {
	const dimensions = dimsOf(f);
	const splits = f.split.map((row) => {
		const d = dimsOf(row);
		return {
			account: row.account,
			percent: amountText(row.percent) as DecimalString,
			...(Object.keys(d).length ? { dimensions: d } : {})
		};
	});
	const min = amountText(f.minAmount);
	const max = amountText(f.maxAmount);
	return {
		name:
			f.name.trim() || (f.payeeText.trim() ? `Payee ${f.payeeText.trim()}` : `Memo ${f.memoContains.trim()}`),
		conditions: {
			...(f.payeeText.trim() ? { payee: { test: f.payeeTest, text: f.payeeText.trim() } } : {}),
			...(f.memoContains.trim() ? { memoContains: f.memoContains.trim() } : {}),
			...(f.direction ? { direction: f.direction } : {}),
			...(min ? { minAmount: min as DecimalString } : {}),
			...(max ? { maxAmount: max as DecimalString } : {}),
			...(f.bankAccountId ? { bankAccountId: f.bankAccountId } : {})
		},
		outcome: splits.length
			? { account: splits[0]?.account ?? '', ...(f.memo.trim() ? { memo: f.memo.trim() } : {}), splits }
			: {
					account: f.account,
					...(f.memo.trim() ? { memo: f.memo.trim() } : {}),
					...(Object.keys(dimensions).length ? { dimensions } : {})
				}
	};
}

export function formFromRule(r: RuleParts): RuleForm {
	const c = r.conditions;
	const d = r.outcome.dimensions ?? {};
	return {
		name: r.name,
		payeeTest: c.payee?.test ?? 'contains',
		payeeText: c.payee?.text ?? '',
		memoContains: c.memoContains ?? '',
		direction: c.direction ?? '',
		minAmount: c.minAmount ?? '',
		maxAmount: c.maxAmount ?? '',
		bankAccountId: c.bankAccountId ?? '',
		account: r.outcome.account,
		memo: r.outcome.memo ?? '',
		fund: d.fund ?? '',
		class: d.class ?? '',
		department: d.department ?? '',
		tag: d.tag ?? '',
		split: (r.outcome.splits ?? []).map((x) => ({
			account: x.account,
			percent: x.percent,
			fund: x.dimensions?.fund ?? '',
			class: x.dimensions?.class ?? '',
			department: x.dimensions?.department ?? '',
			tag: x.dimensions?.tag ?? ''
		}))
	};
}

/** The percentages typed so far, added exactly ("" when one is not a number). */
export function splitTotal(rows: readonly SplitRow[]): string {
	let total = new Dec(0);
	for (const r of rows) {
		const d = parseDecimal(amountText(r.percent) || '0');
		if (!d) return '';
		total = total.plus(d);
	}
	return total.toFixed();
}

/** One line describing a rule's conditions, for the list. */
export function describeConditions(r: RuleParts, bankAccountName: (id: string) => string): string {
	const c = r.conditions;
	const parts: string[] = [];
	if (c.payee)
		parts.push(`payee ${c.payee.test === 'words' ? 'has the words' : c.payee.test} "${c.payee.text}"`);
	if (c.memoContains) parts.push(`memo contains "${c.memoContains}"`);
	if (c.direction) parts.push(c.direction === 'in' ? 'money in' : 'money out');
	if (c.minAmount && c.maxAmount) parts.push(`amount ${c.minAmount} to ${c.maxAmount}`);
	else if (c.minAmount) parts.push(`amount at least ${c.minAmount}`);
	else if (c.maxAmount) parts.push(`amount at most ${c.maxAmount}`);
	if (c.bankAccountId) parts.push(`on ${bankAccountName(c.bankAccountId)}`);
	return parts.join(', ');
}

const DIMENSION_LABEL: Record<RuleDimension, string> = {
	fund: 'Fund',
	class: 'Class',
	department: 'Department',
	tag: 'Tag'
};

/** Dimensions as typed, trimmed and without empty ones; a value the journal format cannot hold is named. */
export function cleanDimensions(
	d: Readonly<Partial<Record<RuleDimension, string>>> | undefined
): Result<Partial<Record<RuleDimension, string>>> {
	const out: Partial<Record<RuleDimension, string>> = {};
	for (const k of RULE_DIMENSIONS) {
		const v = d?.[k]?.trim();
		if (!v) continue;
		if (/[,;\r\n]/.test(v))
			return err({
				code: 'banking/bad-dimension',
				message: `${DIMENSION_LABEL[k]}: may not hold commas, semicolons or line breaks.`,
				details: { field: k }
			});
		out[k] = v;
	}
	return ok(out);
}

/** Why a rule's outcome cannot be saved: an account (or a split's) that is missing or not open in the chart. */
export function unknownRuleAccount(
	parts: Pick<RuleParts, 'outcome'>,
	accounts: readonly Pick<Account, 'id' | 'archived'>[]
): DomainError | null {
	const { account, splits } = parts.outcome;
	if (!account) return bankingProblem('banking/rule-account');
	const open = (id: string) => accounts.some((x) => x.id === id && !x.archived);
	if (!open(account)) return bankingProblem('banking/closed-account');
	const i = (splits ?? []).findIndex((x) => x.account && !open(x.account));
	return i >= 0
		? {
				code: 'banking/closed-account',
				message: `Split part ${i + 1}: choose an open account of the chart.`,
				details: { part: i + 1 }
			}
		: null;
}
