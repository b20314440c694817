// Banking values read from the books shard. A peer may run older, newer or broken code, so every
// stored value is untrusted: it is read through its record kind (record-schemas.ts: schema and
// numbered migrations), and anything that fails is kept aside with the reason in words, naming the
// field ("the date is not a date"). A value saved by a newer Keel is kept aside as such.
import { check, err, type RecordError, type RecordKind, type Result } from '$lib/shared/domain';
import {
	bankAccountKind,
	bankLineKind,
	decisionKind,
	reconciliationKind,
	ruleKind,
	statementKind
} from '$lib/banking/domain';
import type {
	BankAccountRecord,
	BankLineRecord,
	BankRuleRecord,
	MatchDecision,
	ReconciliationRecord,
	StatementRecord
} from '$lib/banking/domain';

export interface ShapeOf {
	bankAccounts: BankAccountRecord;
	bankStatements: StatementRecord;
	bankLines: BankLineRecord;
	bankDecisions: MatchDecision;
	bankReconciliations: ReconciliationRecord;
	bankRules: BankRuleRecord;
}

export const kinds: { readonly [K in keyof ShapeOf]: RecordKind<ShapeOf[K]> } = {
	bankAccounts: bankAccountKind,
	bankStatements: statementKind,
	bankLines: bankLineKind,
	bankDecisions: decisionKind,
	bankReconciliations: reconciliationKind,
	bankRules: ruleKind
};

const isObj = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Reads one stored value through its kind. Values written before records carried a version count as
 * version 1 (the checks then ignored it). The reason names the field in words.
 */
export function readRecord<T>(kind: RecordKind<T>, raw: unknown): Result<T, RecordError> {
	const refused = (code: RecordError['code'], message: string) => err({ code, message });
	if (!isObj(raw)) return refused('record/invalid', 'not a record');
	const value = raw.schemaVersion === undefined ? { ...raw, schemaVersion: 1 } : raw;
	const read = kind.read(value);
	if (read.ok) return read;
	if (read.error.code === 'record/newer') return refused('record/newer', 'saved by a newer version of Keel');
	// The kind's message says which record; the reason here names only the field.
	const again = check(kind.schema, value);
	return refused('record/invalid', again.ok ? read.error.message : `the ${again.error.message}`);
}
