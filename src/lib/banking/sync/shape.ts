// Structural checks of banking values read from the books shard. A peer may run older, newer or broken
// code, so every stored value is untrusted: only one with each field of the right JSON type (dates real,
// amounts decimal strings, ids non-empty) is handed on; anything else is kept aside with the reason.
import { isDecimalString, parseIsoDate } from '$lib/shared/domain';
import { isValidKey } from '$lib/tasks/domain';
import { PAYEE_TESTS, type PayeeTest } from '$lib/banking/domain';
import type {
	BankAccountRecord,
	BankLineRecord,
	BankRuleRecord,
	MatchDecision,
	ReconciliationRecord,
	StatementRecord
} from '$lib/banking/domain';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => typeof v === 'string';
const id = (v: unknown) => typeof v === 'string' && v !== '';
const optStr = (v: unknown) => v === undefined || typeof v === 'string';
const date = (v: unknown) => typeof v === 'string' && parseIsoDate(v) !== undefined;
const optDate = (v: unknown) => v === undefined || date(v);
const money = (v: unknown) => typeof v === 'string' && isDecimalString(v);
const positive = (v: unknown) => money(v) && !(v as string).startsWith('-') && /[1-9]/.test(v as string);
const optMoney = (v: unknown) => v === undefined || money(v);
const ids = (v: unknown) => Array.isArray(v) && v.every(id);

/** Why a value is not usable, or null when it is well-formed. */
export type ShapeVerdict = string | null;

export function checkBankAccount(v: unknown): ShapeVerdict {
	if (!isObj(v)) return 'not an object';
	if (!id(v.id) || !str(v.name) || !str(v.institution) || !str(v.currency) || !str(v.identifier))
		return 'a text field is missing';
	if (!id(v.ledgerAccountId)) return 'no linked ledger account';
	return null;
}

export function checkStatement(v: unknown): ShapeVerdict {
	if (!isObj(v)) return 'not an object';
	if (!id(v.id) || !id(v.bankAccountId) || !str(v.fileName) || !str(v.format))
		return 'an id or the file name is missing';
	if (!optDate(v.from) || !optDate(v.to)) return 'a period date is not a date';
	if (!optMoney(v.opening) || !optMoney(v.closing) || !optMoney(v.difference))
		return 'a balance is not a decimal';
	if (!['ok', 'mismatch', 'n/a'].includes(v.balanceCheck as string)) return 'unknown balance check';
	if (typeof v.acceptedMismatch !== 'boolean') return 'acceptedMismatch is not true/false';
	if (v.balanceCheck === 'mismatch' && v.acceptedMismatch !== true)
		return 'a mismatched statement nobody accepted';
	if (!ids(v.lineIds) || !str(v.importedAt) || !str(v.importedBy)) return 'line ids or import stamp missing';
	return null;
}

export function checkBankLine(v: unknown): ShapeVerdict {
	if (!isObj(v)) return 'not an object';
	if (!id(v.id) || !id(v.bankAccountId)) return 'an id is missing';
	if (!date(v.date) || !optDate(v.valueDate)) return 'the date is not a date';
	if (!money(v.amount)) return 'the amount is not a decimal';
	if (!str(v.payee) || !str(v.memo) || !optStr(v.bankRef)) return 'payee or memo is not text';
	return null;
}

export function checkDecision(v: unknown): ShapeVerdict {
	if (!isObj(v)) return 'not an object';
	if (!id(v.id) || !id(v.bankAccountId)) return 'an id is missing';
	if (v.kind !== 'accept' && v.kind !== 'reject' && v.kind !== 'unmatch') return 'unknown decision kind';
	if (typeof v.clock !== 'number' || !Number.isSafeInteger(v.clock) || v.clock < 0)
		return 'the clock is not a whole number';
	if (!ids(v.bankLineIds)) return 'bank lines missing';
	const refsOk =
		Array.isArray(v.ledgerLines) &&
		v.ledgerLines.every(
			(r) =>
				isObj(r) &&
				id(r.entryId) &&
				typeof r.lineIndex === 'number' &&
				Number.isInteger(r.lineIndex) &&
				r.lineIndex >= 0
		);
	if (!refsOk) return 'ledger line references are malformed';
	if (
		v.kind === 'accept' &&
		((v.bankLineIds as unknown[]).length === 0 || (v.ledgerLines as unknown[]).length === 0)
	)
		return 'an accept needs bank and ledger lines';
	if (v.kind === 'unmatch' && !id(v.revokes)) return 'an unmatch names no decision';
	if (v.score !== undefined && typeof v.score !== 'number') return 'the score is not a number';
	if (v.reasons !== undefined && !(Array.isArray(v.reasons) && v.reasons.every(str)))
		return 'reasons are not text';
	if (!str(v.by) || !str(v.at)) return 'author or time missing';
	return null;
}

export function checkReconciliation(v: unknown): ShapeVerdict {
	if (!isObj(v)) return 'not an object';
	if (!id(v.id) || !id(v.bankAccountId)) return 'an id is missing';
	if (!money(v.statementBalance) || !money(v.clearedBalance)) return 'a balance is not a decimal';
	if (v.statementBalance !== v.clearedBalance) return 'cleared balance differs from the statement balance';
	if (!ids(v.lineIds) || !ids(v.decisionIds)) return 'locked lines or decisions malformed';
	if (!str(v.finishedAt) || !str(v.by)) return 'author or time missing';
	return null;
}

export function checkRule(v: unknown): ShapeVerdict {
	if (!isObj(v)) return 'not an object';
	if (!id(v.id) || !str(v.name) || typeof v.enabled !== 'boolean') return 'id, name or enabled malformed';
	if (!str(v.order) || !isValidKey(v.order as string)) return 'the order key is malformed';
	const c = v.conditions;
	const o = v.outcome;
	if (!isObj(c) || !isObj(o)) return 'conditions or outcome missing';
	if (
		c.payee !== undefined &&
		!(isObj(c.payee) && PAYEE_TESTS.includes(c.payee.test as PayeeTest) && str(c.payee.text))
	)
		return 'the payee condition is malformed';
	if (!optStr(c.memoContains) || !optStr(c.bankAccountId)) return 'a condition is not text';
	if (c.direction !== undefined && c.direction !== 'in' && c.direction !== 'out') return 'unknown direction';
	if (!optMoney(c.minAmount) || !optMoney(c.maxAmount)) return 'an amount bound is not a decimal';
	if (!id(o.account) || !optStr(o.memo)) return 'the outcome is malformed';
	const dims = (d: unknown) => d === undefined || (isObj(d) && Object.values(d).every(str));
	if (!dims(o.dimensions)) return 'the dimensions are malformed';
	if (
		o.splits !== undefined &&
		!(
			Array.isArray(o.splits) &&
			o.splits.length > 0 &&
			o.splits.every((x) => isObj(x) && id(x.account) && positive(x.percent) && dims(x.dimensions))
		)
	)
		return 'the split is malformed';
	return null;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

export const shapes = {
	bankAccounts: checkBankAccount,
	bankStatements: checkStatement,
	bankLines: checkBankLine,
	bankDecisions: checkDecision,
	bankReconciliations: checkReconciliation,
	bankRules: checkRule
} as const;

export interface ShapeOf {
	bankAccounts: BankAccountRecord;
	bankStatements: StatementRecord;
	bankLines: BankLineRecord;
	bankDecisions: MatchDecision;
	bankReconciliations: ReconciliationRecord;
	bankRules: BankRuleRecord;
}
