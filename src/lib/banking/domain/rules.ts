// Bank rules: conditions on a statement line (payee, memo, amount range, money in/out, bank account) and the
// entry they propose (account, memo template, dimensions). Rules apply in their order; the first enabled rule
// that fits a line wins. Invariant: a rule with no condition on the line's text fits nothing, so a rule can
// never sweep every line of a statement by accident; amounts compare exactly (decimal strings, never floats).
import {
	allocate,
	Dec,
	minorUnits,
	fail,
	ok,
	parseDecimal,
	toDecimalString,
	type DecimalString,
	type Result
} from '../../shared/domain';

export type PayeeTest = 'contains' | 'equals' | 'words';
export const PAYEE_TESTS: readonly PayeeTest[] = ['contains', 'equals', 'words'];
export const RULE_DIMENSIONS = ['fund', 'class', 'department', 'tag'] as const;
export type RuleDimension = (typeof RULE_DIMENSIONS)[number];

export interface RuleConditions {
	/** `contains`: the text appears anywhere; `equals`: the whole payee; `words`: every word appears as a word, any order. */
	readonly payee?: { readonly test: PayeeTest; readonly text: string };
	/** The memo contains this text. */
	readonly memoContains?: string;
	readonly direction?: 'in' | 'out';
	/** Bounds on the line's amount without its sign, inclusive. */
	readonly minAmount?: DecimalString;
	readonly maxAmount?: DecimalString;
	/** Only lines of this bank account. */
	readonly bankAccountId?: string;
}

/** One part of a split outcome: a share of the line (percent, e.g. "60" or "33.33") to an account. */
export interface RuleSplit {
	readonly account: string;
	readonly percent: DecimalString;
	readonly dimensions?: Readonly<Partial<Record<RuleDimension, string>>>;
}

export interface RuleOutcome {
	/** The account (with a split: the first part's, for lists and older readers). */
	readonly account: string;
	/** `{payee}`, `{memo}` and `{date}` are replaced by the line's; empty means the payee. */
	readonly memo?: string;
	readonly dimensions?: Readonly<Partial<Record<RuleDimension, string>>>;
	/** Split the line across 2–10 accounts by percentage (summing to exactly 100); replaces account and dimensions. */
	readonly splits?: readonly RuleSplit[];
}

/** An offset line of the entry a rule proposes: signed from the books' view (the opposite of the bank line). */
export interface ProposedLine {
	readonly account: string;
	readonly amount: DecimalString;
	readonly dimensions: Readonly<Partial<Record<RuleDimension, string>>>;
}

export interface BankRule {
	readonly id: string;
	readonly name: string;
	readonly enabled: boolean;
	/** Fractional order key (tasks/ordering): rules sort by it, then by id. */
	readonly order: string;
	readonly conditions: RuleConditions;
	readonly outcome: RuleOutcome;
}

/** What a rule looks at on a line. */
export interface RuleLine {
	readonly amount: string;
	readonly payee: string;
	readonly memo: string;
	readonly date?: string;
	readonly bankAccountId?: string;
}

/** Lower case, accents and punctuation removed, single spaces: "Café-Bar  Nord" → "cafe bar nord". */
export function foldText(s: string): string {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

const wordsOf = (s: string) => foldText(s).split(' ').filter(Boolean);

export function payeeFits(test: PayeeTest, text: string, payee: string): boolean {
	const want = foldText(text);
	if (want === '') return false;
	const have = foldText(payee);
	if (test === 'equals') return have === want;
	if (test === 'contains') return have.includes(want);
	const words = new Set(wordsOf(payee));
	return want.split(' ').every((w) => words.has(w));
}

/** Rules in the order they apply. */
export function orderRules<R extends Pick<BankRule, 'order' | 'id'>>(rules: readonly R[]): R[] {
	return [...rules].sort((a, b) =>
		a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
	);
}

/** The enabled rules that may apply to a bank account's lines, in order. */
export function rulesFor<R extends BankRule>(rules: readonly R[], bankAccountId: string): R[] {
	return orderRules(
		rules.filter(
			(r) =>
				r.enabled &&
				(r.conditions.bankAccountId === undefined || r.conditions.bankAccountId === bankAccountId)
		)
	);
}

/** Why the rule fits the line (the reasons shown), or null when it does not. Ignores `enabled`. */
export function ruleFits(rule: BankRule, line: RuleLine): string[] | null {
	const c = rule.conditions;
	if (c.payee === undefined && c.memoContains === undefined) return null;
	if (
		c.bankAccountId !== undefined &&
		line.bankAccountId !== undefined &&
		c.bankAccountId !== line.bankAccountId
	)
		return null;
	const amount = parseDecimal(line.amount);
	if (!amount) return null;
	const reasons: string[] = [];
	if (c.direction === 'in' && !amount.gt(0)) return null;
	if (c.direction === 'out' && !amount.lt(0)) return null;
	if (c.direction) reasons.push(`money ${c.direction}`);
	if (c.payee) {
		if (!payeeFits(c.payee.test, c.payee.text, line.payee)) return null;
		reasons.push(`payee ${c.payee.test === 'words' ? 'has the words' : c.payee.test} "${c.payee.text}"`);
	}
	if (c.memoContains !== undefined) {
		if (!foldText(line.memo).includes(foldText(c.memoContains)) || foldText(c.memoContains) === '')
			return null;
		reasons.push(`memo contains "${c.memoContains}"`);
	}
	const size = amount.abs();
	if (c.minAmount !== undefined && size.lt(c.minAmount)) return null;
	if (c.maxAmount !== undefined && size.gt(c.maxAmount)) return null;
	if (c.minAmount !== undefined || c.maxAmount !== undefined)
		reasons.push(`amount ${c.minAmount ?? '0'}–${c.maxAmount ?? '…'}`);
	return reasons;
}

/** The first rule (of rules already in order) that fits, with its reasons. */
export function firstFit<R extends BankRule>(
	rules: readonly R[],
	line: RuleLine
): { rule: R; reasons: string[] } | null {
	for (const rule of rules) {
		const reasons = ruleFits(rule, line);
		if (reasons) return { rule, reasons };
	}
	return null;
}

/** The memo a rule proposes for a line: its template filled in, or the payee (else the memo). */
export function ruleMemo(template: string | undefined, line: RuleLine): string {
	const fallback = line.payee.trim() || line.memo.trim();
	if (!template?.trim()) return fallback;
	return (
		template
			.replace(/\{payee\}/g, line.payee.trim())
			.replace(/\{memo\}/g, line.memo.trim())
			.replace(/\{date\}/g, line.date ?? '')
			.replace(/\s+/g, ' ')
			.trim() || fallback
	);
}

/**
 * How many lines each rule would apply to: an enabled rule counts the lines it is the first to fit (what the
 * matcher's rule pass would do); a disabled rule counts the lines it fits on its own (what enabling it could take).
 */
export function countRuleFits(
	rules: readonly BankRule[],
	lines: readonly (RuleLine & { readonly bankAccountId: string })[]
): Record<string, number> {
	const counts: Record<string, number> = Object.fromEntries(rules.map((r) => [r.id, 0]));
	const byAccount = new Map<string, BankRule[]>();
	const disabled = rules.filter((r) => !r.enabled);
	for (const line of lines) {
		let active = byAccount.get(line.bankAccountId);
		if (!active) byAccount.set(line.bankAccountId, (active = rulesFor(rules, line.bankAccountId)));
		const hit = firstFit(active, line);
		if (hit) counts[hit.rule.id] = (counts[hit.rule.id] ?? 0) + 1;
		for (const r of disabled) if (ruleFits(r, line)) counts[r.id] = (counts[r.id] ?? 0) + 1;
	}
	return counts;
}

/**
 * The offset lines of the entry a rule proposes for a bank line: one line for the whole amount, or the split's
 * parts by largest remainder at the line's precision, so they always sum exactly to the bank line (negated).
 */
export function proposedLines(outcome: RuleOutcome, amount: string): ProposedLine[] {
	const total = new Dec(amount).negated();
	const places = Math.max(2, total.decimalPlaces());
	if (!outcome.splits?.length)
		return [
			{
				account: outcome.account,
				amount: toDecimalString(total, places),
				dimensions: { ...(outcome.dimensions ?? {}) }
			}
		];
	const parts = allocate(
		total,
		outcome.splits.map((x) => new Dec(x.percent)),
		places
	);
	return outcome.splits.map((x, i) => ({
		account: x.account,
		amount: toDecimalString(parts[i] as Dec, places),
		dimensions: { ...(x.dimensions ?? {}) }
	}));
}

const DIMENSION_TEXT = /^[^,;\r\n]*$/;

/** Decimal places a rule's amount may have when its bank account (and so currency) is not known. */
export const RULE_AMOUNT_PLACES = 4;

/**
 * Checks a rule as typed in the form (or read from a peer): names the field of the first problem.
 * `currency` (the rule's bank account's) bounds the decimal places of its amounts; without it, 4.
 */
export function validateRule(rule: BankRule, currency?: string): Result<BankRule> {
	const bad = (field: string, problem: string) =>
		fail('banking/bad-rule', `${field}: ${problem}.`, { field });
	const c = rule.conditions;
	if (!rule.id) return bad('id', 'missing');
	if (!rule.name.trim()) return bad('Name', 'required');
	const payeeText = c.payee ? foldText(c.payee.text) : '';
	const memoText = c.memoContains !== undefined ? foldText(c.memoContains) : '';
	if (c.payee && !PAYEE_TESTS.includes(c.payee.test))
		return bad('Payee', `unknown test "${String(c.payee.test)}"`);
	if (c.payee && payeeText === '') return bad('Payee', 'give the text to look for (letters or digits)');
	if (c.memoContains !== undefined && memoText === '')
		return bad('Memo', 'give the text to look for (letters or digits)');
	if (!c.payee && c.memoContains === undefined)
		return bad('Conditions', 'a rule needs a payee or memo condition');
	if (c.direction !== undefined && c.direction !== 'in' && c.direction !== 'out')
		return bad('Direction', 'money in or money out');
	for (const [field, v] of [
		['Minimum amount', c.minAmount],
		['Maximum amount', c.maxAmount]
	] as const) {
		if (v === undefined) continue;
		const d = parseDecimal(v);
		if (!d || d.isNeg()) return bad(field, `"${v}" is not an amount of zero or more`);
		const places = currency ? minorUnits(currency) : RULE_AMOUNT_PLACES;
		if (d.decimalPlaces() > places)
			return bad(
				field,
				`"${v}" has more decimal places than ${currency ? `${currency} amounts have` : 'Keel keeps'} (${places}); amounts are never rounded`
			);
	}
	if (c.minAmount !== undefined && c.maxAmount !== undefined && new Dec(c.minAmount).gt(c.maxAmount))
		return bad('Maximum amount', `${c.maxAmount} is below the minimum ${c.minAmount}`);
	if (!rule.outcome.account) return bad('Account', 'choose the account the rule posts to');
	const dims = (d: RuleOutcome['dimensions'], where: string) => {
		for (const [k, v] of Object.entries(d ?? {})) {
			if (!(RULE_DIMENSIONS as readonly string[]).includes(k))
				return bad(`${where}${k}`, 'not a dimension (fund, class, department, tag)');
			if (typeof v !== 'string' || !DIMENSION_TEXT.test(v))
				return bad(`${where}${k}`, 'may not hold commas, semicolons or line breaks');
		}
		return null;
	};
	const top = dims(rule.outcome.dimensions, '');
	if (top) return top;
	const splits = rule.outcome.splits;
	if (splits !== undefined) {
		if (splits.length < 2 || splits.length > 10) return bad('Split', 'give 2 to 10 parts');
		let total = new Dec(0);
		for (const [i, part] of splits.entries()) {
			const where = `Split part ${i + 1}`;
			if (!part.account) return bad(where, 'choose an account');
			const pct = parseDecimal(part.percent);
			if (!pct || !pct.gt(0) || pct.gt(100) || pct.decimalPlaces() > 4)
				return bad(where, `"${part.percent}" is not a percentage above 0 and at most 100 (up to 4 decimals)`);
			total = total.plus(pct);
			const d = dims(part.dimensions, `${where}, `);
			if (d) return d;
		}
		if (!total.eq(100)) return bad('Split', `the parts add up to ${total.toFixed()}%, not 100%`);
		if (splits[0]?.account !== rule.outcome.account)
			return bad('Split', "the first part is the rule's account");
	}
	return ok(rule);
}
